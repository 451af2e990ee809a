import type { InternalFinding } from '../detectors/index.ts';
import type { AllowList } from './types.ts';

/**
 * Whether a finding is one of the tenant's own identifiers. Matching is on the
 * detector's canonical value (E.164 phone, electronic IBAN, lower-case e-mail), so the
 * hotline written any way matches, and a customer's number that merely looks similar does not.
 */
export function isAllowListed(f: InternalFinding, list: AllowList): boolean {
  switch (f.kind) {
    case 'phone':
      return list.phones.includes(f.value);
    case 'iban':
      return list.ibans.includes(f.value);
    case 'email': {
      const value = f.value.toLowerCase();
      const domain = value.slice(value.lastIndexOf('@') + 1);
      return list.emails.includes(value) || list.emailDomains.includes(domain);
    }
    default:
      return false;
  }
}
