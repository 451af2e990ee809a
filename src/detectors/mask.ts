import type { Kind } from './types.ts';

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return ALNUM.test(ch);
}

/** Masks every letter and digit except the last `keep` of them; separators stay so the shape is recognisable. */
function keepLast(raw: string, keep: number): string {
  let total = 0;
  for (const ch of raw) if (isAlnum(ch)) total++;
  let seen = 0;
  let out = '';
  for (const ch of raw) {
    if (!isAlnum(ch)) out += ch;
    else out += ++seen > total - keep ? ch : '*';
  }
  return out;
}

function digitsOnly(raw: string): string {
  return raw.replace(/\p{N}/gu, '*');
}

/**
 * The preview of a value that may be shown and stored: at most the last four characters
 * of an IBAN or card, the last two of a phone, nothing of a secret, a balance or an ID.
 */
export function mask(kind: Kind, raw: string): string {
  switch (kind) {
    case 'iban':
    case 'payment_card':
      return keepLast(raw, 4);
    case 'phone':
      return keepLast(raw, 2);
    case 'password':
      return '********';
    case 'pin':
    case 'one_time_code':
    case 'card_security_code':
    case 'balance':
      return digitsOnly(raw);
    case 'email': {
      const at = raw.lastIndexOf('@');
      const tld = raw.slice(raw.lastIndexOf('.'));
      return `${raw[0] ?? ''}***@***${tld}`.slice(0, Math.max(at, 0) + 12);
    }
    case 'person_name':
      return raw
        .split(/\s+/)
        .map((w) => (w ? `${w[0]}***` : w))
        .join(' ');
    default:
      return keepLast(raw, 0);
  }
}
