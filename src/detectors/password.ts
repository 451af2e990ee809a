import type { Candidate, Detector } from './types.ts';

/** Words that may stand between a password word and the password itself. */
const FILLER = new Set([
  'is', 'was', 'to', 'now', 'my', 'the', 'new', 'temporary', 'jest', 'to:', 'mam', 'nowe', 'nowe:', 'tymczasowe', 'moje', 'do',
  'bankowości', 'bankowosci', 'aplikacji', 'konta', 'yra', 'į', 'i', 'buvo', 'naujas', 'laikinas', 'mano', 'programėlės',
  'wpisuję', 'wpisuje', 'staiga', 'set', 'changed', 'reset', 'as', 'like', '=', '-', '–', ':', 'login', 'online', 'banking',
]);
const LEAD = /^["'„“«(]+/;
const TRAIL = /["'”»),.;:]+$/;
const SYMBOL = /[!@#$%^&*_+=?~]/;

/** Whether a word looks like a chosen secret: letters with digits or symbols, no address or link. */
function looksLikeSecret(word: string): boolean {
  if (word.length < 4 || word.length > 64) return false;
  if (word.includes('@') || /^https?:/i.test(word) || word.includes('://')) return false;
  const letters = /\p{L}/u.test(word);
  // "dobrze?" ends a sentence: marks at the end count only beside digits or other symbols
  const core = word.replace(/[?!]+$/, '');
  return letters && (/\d/.test(word) || SYMBOL.test(core));
}

/** Passwords: the token after a password word ("hasło: Kot123!", "slaptažodis …", "password is …"). */
export const passwordDetector = {
  kind: 'password',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    if (!doc.labels.has('password')) return out;
    for (const tok of doc.tokens) {
      if (!tok.labels.includes('password')) continue;
      let i = tok.end;
      for (let step = 0; step < 5 && i < t.length; step++) {
        while (i < t.length && /\s/.test(t[i]!)) i++;
        let j = i;
        while (j < t.length && !/\s/.test(t[j]!)) j++;
        const raw = t.slice(i, j);
        const lead = LEAD.exec(raw)?.[0].length ?? 0;
        const word = raw.slice(lead).replace(TRAIL, '');
        if (looksLikeSecret(word)) {
          const start = i + lead;
          out.push({ kind: 'password', start, end: start + word.length, confidence: 0.88, value: word, evidence: [`context:password`] });
          break;
        }
        const bare = raw.replace(/^[:\-–]+/, '').replace(TRAIL, '').toLowerCase();
        if (raw.length > 0 && !FILLER.has(bare) && !FILLER.has(raw) && bare.length > 0 && /[.?!]$/.test(raw)) break;
        if (raw.length === 0) break;
        i = j;
      }
    }
    return out;
  },
} satisfies Detector;
