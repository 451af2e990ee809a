/** The languages the detectors read (their lexicons, templates and number formats). */
export type Locale = 'pl' | 'lt' | 'en';
export const LOCALES: readonly Locale[] = ['pl', 'lt', 'en'];
