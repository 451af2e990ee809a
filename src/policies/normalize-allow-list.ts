import IBAN from 'iban';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ibanMod97 } from '../detectors/checksums.ts';
import type { AllowList } from './types.ts';

/** A problem with one allow-list entry, named by its place. */
export interface EntryProblem {
  field: string;
  message: string;
}

/**
 * Brings the tenant's own identifiers to the canonical form the detectors produce
 * (E.164 phones, electronic IBANs, lower-case e-mails and domains), so the hotline written
 * any way in a reply matches, and rejects entries that are not what they claim to be.
 */
export function normalizeAllowList(
  list: AllowList,
  defaultRegion = 'PL',
): { list: AllowList; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const phones = list.phones.flatMap((raw, i) => {
    const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
    if (!parsed?.isValid()) {
      problems.push({ field: `allowList.phones.${i}`, message: 'not a valid phone number' });
      return [];
    }
    return [parsed.number as string];
  });
  const ibans = list.ibans.flatMap((raw, i) => {
    const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
    const value = /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
    if (!ibanMod97(value) || (IBAN.countries[value.slice(0, 2)] && !IBAN.isValid(value))) {
      problems.push({ field: `allowList.ibans.${i}`, message: 'not a valid IBAN (or Polish NRB)' });
      return [];
    }
    return [value];
  });
  const emails = list.emails.flatMap((raw, i) => {
    const value = raw.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(value)) {
      problems.push({ field: `allowList.emails.${i}`, message: 'not an e-mail address' });
      return [];
    }
    return [value];
  });
  const emailDomains = list.emailDomains.flatMap((raw, i) => {
    const value = raw.trim().toLowerCase().replace(/^@/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value)) {
      problems.push({ field: `allowList.emailDomains.${i}`, message: 'not a domain name' });
      return [];
    }
    return [value];
  });
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    list: {
      phones: unique(phones),
      ibans: unique(ibans),
      emails: unique(emails),
      emailDomains: unique(emailDomains),
    },
    problems,
  };
}
