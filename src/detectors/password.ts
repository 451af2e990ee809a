import type { Candidate, Detector } from './types.ts';

/** Words that may stand between a password word and the password itself. */
const FILLER = new Set([
  'is',
  'was',
  'to',
  'now',
  'my',
  'the',
  'new',
  'temporary',
  'jest',
  'to:',
  'mam',
  'nowe',
  'nowe:',
  'tymczasowe',
  'moje',
  'do',
  'bankowości',
  'bankowosci',
  'aplikacji',
  'konta',
  'yra',
  'į',
  'i',
  'buvo',
  'naujas',
  'laikinas',
  'mano',
  'programėlės',
  'wpisuję',
  'wpisuje',
  'staiga',
  'set',
  'changed',
  'reset',
  'as',
  'like',
  '=',
  '-',
  '–',
  ':',
  'login',
  'online',
  'banking',
  'mam',
  'takie',
  'same',
  'samo',
  'wszędzie',
  'wszedzie',
  'czyli',
  'just',
  'literally',
  'still',
  'always',
  'everywhere',
  'zawsze',
  'visur',
  'tas',
  'pats',
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

// Words between a password and the password word after it: "Marcin_1984 – to było moje hasło",
// "Kaunas1987 – toks mano slaptažodis", "Liverpool99 is my password".
const BACK_LINKS = new Set([
  'to',
  'było',
  'bylo',
  'jest',
  'moje',
  'moj',
  'mój',
  'toks',
  'tai',
  'buvo',
  'mano',
  'yra',
  'is',
  'was',
  'my',
  'the',
  "that's",
  'thats',
  'that',
  'its',
  "it's",
  '–',
  '-',
  '—',
  'it',
]);

/** A secret-looking word right before a password word, with only linking words between, or null. */
function passwordBefore(
  t: string,
  at: number,
): { start: number; end: number; word: string } | null {
  let i = at;
  for (let step = 0; step < 6; step++) {
    while (i > 0 && /\s/.test(t[i - 1] as string)) i--;
    let j = i;
    while (j > 0 && !/\s/.test(t[j - 1] as string)) j--;
    if (j === i) return null;
    const raw = t.slice(j, i);
    // a sentence or a list item ends before it ("Login: anna_k, password: …")
    if (/[.!?,;:]$/.test(raw) && step > 0) return null;
    const lead = LEAD.exec(raw)?.[0].length ?? 0;
    const word = raw.slice(lead).replace(TRAIL, '');
    if (step > 0 && looksLikeSecret(word))
      return { start: j + lead, end: j + lead + word.length, word };
    if (step > 0 && !BACK_LINKS.has(raw.toLowerCase().replace(TRAIL, ''))) return null;
    i = j;
  }
  return null;
}

/** Passwords: the token after a password word ("hasło: Kot123!", "slaptažodis …", "password is …"), or right before it ("Kaunas1987 – toks mano slaptažodis"). */
export const passwordDetector = {
  kind: 'password',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    if (!doc.labels.has('password') && !doc.labels.has('login_with')) return out;
    for (let n = 0; n < doc.tokens.length; n++) {
      const tok = doc.tokens[n]!;
      // "logged in with Summer_2023!": the phrase's last word leads to the password
      const lead =
        tok.labels.includes('login_with') && !doc.tokens[n + 1]?.labels.includes('login_with');
      if (!tok.labels.includes('password') && !lead) continue;
      const found = out.length;
      let i = tok.end;
      for (let step = 0; step < 7 && i < t.length; step++) {
        while (i < t.length && /\s/.test(t[i]!)) i++;
        let j = i;
        while (j < t.length && !/\s/.test(t[j]!)) j++;
        const raw = t.slice(i, j);
        const lead = LEAD.exec(raw)?.[0].length ?? 0;
        const word = raw.slice(lead).replace(TRAIL, '');
        if (looksLikeSecret(word)) {
          const start = i + lead;
          out.push({
            kind: 'password',
            start,
            end: start + word.length,
            confidence: 0.88,
            value: word,
            evidence: [`context:password`],
          });
          break;
        }
        const bare = raw
          .replace(/^[:\-–]+/, '')
          .replace(TRAIL, '')
          .toLowerCase();
        if (
          raw.length > 0 &&
          !FILLER.has(bare) &&
          !FILLER.has(raw) &&
          bare.length > 0 &&
          /[.?!]$/.test(raw)
        )
          break;
        if (raw.length === 0) break;
        i = j;
      }
      if (out.length > found || lead) continue;
      const before = passwordBefore(t, tok.start);
      if (before)
        out.push({
          kind: 'password',
          start: before.start,
          end: before.end,
          confidence: 0.8,
          value: before.word,
          evidence: ['context:password'],
        });
    }
    return out;
  },
} satisfies Detector;
