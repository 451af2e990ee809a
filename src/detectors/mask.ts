import { describeKind, type Kind, type MaskStrategy } from './kinds.ts';

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

/** A value shown the way `strategy` says (kinds.ts describes each strategy). */
export function applyMask(strategy: MaskStrategy, raw: string): string {
  switch (strategy.type) {
    case 'keepLast':
      return keepLast(raw, strategy.keep);
    case 'digits':
      return digitsOnly(raw);
    case 'fixed':
      return strategy.text;
    case 'email': {
      const at = raw.lastIndexOf('@');
      const tld = raw.slice(raw.lastIndexOf('.'));
      return `${raw[0] ?? ''}***@***${tld}`.slice(0, Math.max(at, 0) + 12);
    }
    case 'initials':
      return raw
        .split(/\s+/)
        .map((w) => (w ? `${w[0]}***` : w))
        .join(' ');
  }
}

/**
 * The preview of a value that may be shown and stored, as its kind's descriptor says: at most
 * the last four characters of an IBAN or card, the last two of a phone, nothing of a secret, a
 * balance or an ID.
 */
export function mask(kind: Kind, raw: string): string {
  return applyMask(describeKind(kind).mask, raw);
}
