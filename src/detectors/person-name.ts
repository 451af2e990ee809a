import type { ScanDocument, Token } from './document.ts';
import { FIRST_NAMES } from './lexicon/first-names.ts';
import { isStopword } from './lexicon/index.ts';
import { LOCALES, type Candidate, type Detector } from './types.ts';

const LT_GIVEN = /(?:as|is|us|ys|ius|ė|a)$/;
const LT_FAMILY = /(?:as|is|us|ys|ius|ienė|aitė|ytė|utė|iūtė|ūtė|ė)$/;
// Polish feminine surnames pair with given names ending in -a ("Ewelina Kaczmarczyk" is in the list anyway)
const PL_FEMININE_FAMILY = /(?:ska|cka|dzka)$/;
/** Capitalised words that take name shapes but name institutions or places. */
const NOT_NAMES = new Set(['polska', 'polski', 'polskie', 'lietuva', 'lietuvos', 'bankas', 'bank', 'banku', 'narodowy', 'krajowa', 'centrum']);
const NOT_SURNAME = new Set(['street', 'road', 'lane', 'g', 'pr', 'ul', 'al', 'pin', 'iban', 'blik', 'sms', 'cvv', 'pesel']);

function capitalised(doc: ScanDocument, tok: Token): boolean {
  const ch = doc.text[tok.start] as string;
  const rest = doc.text.slice(tok.start + 1, tok.end);
  return ch !== ch.toLowerCase() && (rest.length === 0 || rest !== rest.toUpperCase());
}

function isCommonWord(word: string): boolean {
  return LOCALES.some((l) => isStopword(l, word));
}

/** The surname token after a given name, with "O'Brien" and "Kowalska-Nowak" kept whole. */
function surnameEnd(doc: ScanDocument, index: number): number | null {
  const tok = doc.tokens[index];
  if (!tok || tok.type !== 'word' || tok.breakBefore || !capitalised(doc, tok)) return null;
  const next = doc.tokens[index + 1];
  const joiner = doc.text[tok.end];
  if (next && next.start === tok.end + 1 && (joiner === "'" || joiner === '’' || joiner === '-') && capitalised(doc, next)) return next.end;
  if (NOT_SURNAME.has(tok.text) || isCommonWord(tok.text) || tok.labels.length > 0) return null;
  return tok.end;
}

/** Person names: a known first name or a name-shaped pair followed by a capitalised surname. Informational only. */
export const personNameDetector = {
  kind: 'person_name',
  detect(doc) {
    const out: Candidate[] = [];
    const tokens = doc.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const first = tokens[i] as Token;
      if (first.type !== 'word' || first.end - first.start < 2 || !capitalised(doc, first)) continue;
      const gap = doc.text.slice(first.end, (tokens[i + 1] as Token).start);
      if (gap !== ' ') continue;
      const end = surnameEnd(doc, i + 1);
      if (end === null) continue;
      const given = doc.text.slice(first.start, first.end);
      const family = doc.text.slice((tokens[i + 1] as Token).start, end);
      const known = FIRST_NAMES.has(first.text);
      // "Klientas Jonas Jonaitis": the pair starts at the known given name
      if (!known && FIRST_NAMES.has((tokens[i + 1] as Token).text)) continue;
      const familyFolded = (tokens[i + 1] as Token).text;
      if (NOT_NAMES.has(first.text) || NOT_NAMES.has(familyFolded)) continue;
      const shaped = !isCommonWord(first.text) && first.labels.length === 0 &&
        ((LT_GIVEN.test(given) && LT_FAMILY.test(family)) || (PL_FEMININE_FAMILY.test(family) && given.endsWith('a')));
      if (!known && !shaped) continue;
      // "Savanorių pr." and "King Street" are streets, not people
      const after = doc.text.slice(end, end + 4);
      if (/^\s(?:g|pr|al|pl)\./.test(after)) continue;
      out.push({
        kind: 'person_name',
        start: first.start,
        end,
        confidence: known ? 0.8 : 0.6,
        value: `${given} ${family}`,
        evidence: [known ? 'lexicon:first_name' : 'shape:name'],
      });
      i++;
    }
    return out;
  },
} satisfies Detector;
