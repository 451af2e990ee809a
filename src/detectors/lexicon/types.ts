/**
 * Context labels: what a word or phrase near a value says about it.
 * `neutral` and `price` claim a number for something that is not personal data
 * (an order, an invoice, a fee); `request` and `negation` serve secret-request detection.
 */
export type Label =
  | 'pin'
  | 'cvv'
  | 'otp'
  | 'code'
  | 'password'
  | 'balance'
  | 'dob'
  | 'nid'
  | 'phone'
  | 'account'
  | 'card'
  | 'card_number'
  | 'email'
  | 'neutral'
  | 'price'
  | 'request'
  | 'negation';

/**
 * One language's context words. Each phrase is words separated by spaces, written
 * naturally (diacritics are folded when loaded); a trailing `*` makes a word a prefix,
 * which is how inflection is covered ("likut*" for likutis, likutį, likutyje).
 */
export interface LanguageLexicon {
  phrases: Partial<Record<Label, readonly string[]>>;
  /** Frequent words that tell the language apart, for locale detection. */
  stopwords: readonly string[];
}
