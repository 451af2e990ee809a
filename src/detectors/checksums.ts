/** Checksums and validity rules of the kinds that have one. All take ASCII digit strings. */

/** Luhn (ISO/IEC 7812) check over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 7064 MOD 97-10 over upper-case letters (A = 10 … Z = 35) and digits: the remainder is 1. */
function mod97Remainder(text: string): number {
  let rem = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

/** ISO 13616 mod-97 over an IBAN in electronic format (upper case, no separators). */
export function ibanMod97(iban: string): boolean {
  if (iban.length < 5) return false;
  return mod97Remainder(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/**
 * Mod-97 for a tenant's own numbers: an IBAN-shaped value (two letters, two digits) as an
 * IBAN, anything else (digits and upper-case letters) by ISO 7064 MOD 97-10 as written.
 */
export function mod97Valid(value: string): boolean {
  if (/^[A-Z]{2}[0-9]{2}/.test(value)) return ibanMod97(value);
  return value.length >= 3 && mod97Remainder(value) === 1;
}

/**
 * The two-pass mod-11 check digit of the Lithuanian and Estonian personal codes, for any
 * length: weights 1…9 cycling, and if that leaves 10, weights 3…9, 1, 2 cycling (10 again: 0).
 */
function mod11CheckDigit(digits: string): number {
  const d = (i: number) => digits.charCodeAt(i) - 48;
  let s = 0;
  for (let i = 0; i < digits.length; i++) s += d(i) * ((i % 9) + 1);
  let k = s % 11;
  if (k === 10) {
    s = 0;
    for (let i = 0; i < digits.length; i++) s += d(i) * (((i + 2) % 9) + 1);
    k = s % 11;
    if (k === 10) k = 0;
  }
  return k;
}

/** Whether the last digit of `digits` is the mod-11 check digit of the others (mod11CheckDigit). */
export function mod11Valid(digits: string): boolean {
  if (!/^[0-9]{2,}$/.test(digits)) return false;
  return mod11CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

const THIS_YEAR = new Date().getUTCFullYear();

/** Whether y-m-d is a real calendar date and not in the future (a birth date). */
export function isPastDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  return year < THIS_YEAR || (year === THIS_YEAR && Date.UTC(year, month - 1, day) <= Date.now());
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** Polish PESEL: 11 digits, weighted checksum, and an encoded birth date that exists and is not in the future. */
export function peselValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * (PESEL_WEIGHTS[i] as number);
  if ((10 - (sum % 10)) % 10 !== digits.charCodeAt(10) - 48) return false;
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mm / 20)];
  if (century === undefined) return false;
  return isPastDate(century + yy, mm % 20, dd);
}

/** Lithuanian asmens kodas: G YYMMDD NNN K, century and sex in G (1–6), the two-pass mod-11 check digit. */
export function asmensKodasValid(digits: string): boolean {
  if (!/^[1-6]\d{10}$/.test(digits) || !mod11Valid(digits)) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const century = 1800 + Math.floor((d(0) - 1) / 2) * 100;
  return isPastDate(
    century + Number(digits.slice(1, 3)),
    Number(digits.slice(3, 5)),
    Number(digits.slice(5, 7)),
  );
}
