import { isStopword } from './lexicon/index.ts';
import { LOCALES, type Candidate, type Detector } from './types.ts';

/** Words that start Lithuanian sentences about addresses but are not street names. */
const NOT_STREET = new Set(
  [
    'gyvenu',
    'gyvename',
    'adresas',
    'adresu',
    'adresą',
    'atvykite',
    'siuskite',
    'siųskite',
    'pristatykite',
  ].map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')),
);

const NAME = String.raw`[\p{Lu}\d][\p{L}\d.'’-]*(?![\p{L}\d])`;
const CITY = String.raw`[\p{Lu}][\p{L}'’-]+(?![\p{L}\d])(?:[ -][\p{Lu}][\p{L}'’-]+(?![\p{L}\d]))?`;

// Polish: "ul. Kwiatowa 23/43, 05-800 Pruszków", "os. Tysiąclecia 84 m. 64 31-609 Kraków",
// "Plac Wolności 1, 61-739 Poznań", written without the dot ("ul Polna 12 m 4, 05-500 Piaseczno"),
// with a flat marker (m, lok, /), the city after a comma, a postal code, "w" ("w Pruszkowie"), or
// alone at the end of the clause ("al Niepodległości 132 lok 7 Warszawa,").
const PL_STREET_WORDS = 'Plac|Aleja|Aleje|Osiedle|Rondo|Skwer|Bulwar|Ulica';
const PL_FLAT = String.raw`(?:/\d+[A-Za-z]?)?(?:\s*(?:m|lok|mieszk|m\.|lok\.|mieszk\.)\s*\d+[A-Za-z]?)?`;
const PL = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:[Uu]l|[Aa]l|[Oo]s|[Pp]l)\.|(?:[Uu]l|[Aa]l|[Oo]s)(?=\s+\p{Lu})|(?:${PL_STREET_WORDS}|${PL_STREET_WORDS.toLowerCase()})(?=\s))\s*(?:${NAME}\s+){1,4}?\d+[A-Za-z]?(?![\d])${PL_FLAT}(?:(?<postal>,?\s+\d{2}-\d{3}\s+${CITY})|(?<city>,\s+${CITY}|\s+w\s+\p{Lu}[\p{L}-]+(?![\p{L}])|\s+${CITY}(?=\s*(?:[,.;!?)]|$))))?`,
  'gu',
);
// Lithuanian: "Liepų g. 54B-27, LT-92138 Klaipėda", "Savanorių pr. 31-33, 50180 Kaunas", written
// without the dot ("Taikos g 45 butas 17"), the city in the locative ("Žirmūnų g. 68-21 Vilniuje").
const LT_FLAT = String.raw`(?:-\d+[A-Za-z]?|\s+(?:butas|but\.|b\.)\s*\d+[A-Za-z]?)?`;
const LT = new RegExp(
  String.raw`(?<![\p{L}])(?:[\p{Lu}][\p{L}-]+\s){1,2}(?:(?:g|pr|al|pl|skg|a)\.|(?:g|pr|al|skg)(?=\s+\d))\s*\d+[A-Za-z]?(?![\d])${LT_FLAT}(?:(?<postal>,?\s+(?:LT-?)?\d{5}\s+${CITY})|(?<city>,\s+${CITY}|\s+\p{Lu}[\p{L}]+(?:uje|yje|oje|ėje|yne|e)(?![\p{L}])))?`,
  'gu',
);
// British and Irish: "Flat 6, 36 King Street, Norwich NR1 1PD", "22 Clonliffe Road, Drumcondra, Dublin 3, D03 F2X8".
const UK = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt\.?|APT|FLAT)\s\d+[A-Za-z]?,\s)?\d+[A-Za-z]?\s(?:[\p{Lu}][\p{L}'’-]+\s){1,3}?(?:Street|Road|Lane|Avenue|Drive|Close|Way|Place|Court|Crescent|Gardens|Terrace|Square|Hill|Row|Grove|Walk|Mews|Park|Green|Heights|Rise|View|Quay|Parade|St|Rd|Ave)(?![\p{L}])\.?(?:,\s(?:Co\.?\s)?${CITY}(?:\s\d{1,2}(?![\d]))?){0,3}(?<postal>,?\s(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d{2}\s?[A-Z\d]{4})(?![\p{L}\d]))?`,
  'gu',
);

// American, only with the state and ZIP code: "Apartment 4B, 250 West 57th Street, New York, NY 10107".
const US = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:[Aa]partment|[Aa]pt\.?|APT|[Ss]uite|[Uu]nit)\s\d+[A-Za-z]?,\s)?\d+\s(?:[\p{Lu}\d][\p{L}\d'’-]*\s){1,3}?(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Way|Terrace|St|Ave|Rd|Blvd|Ln|Dr)\.?(?:\s[NSEW]{1,2})?(?:,?\s(?:Apt|Unit|Suite|Ste|#)\.?\s?[\w-]+)?(?:,\s${CITY})?,?\s(?<postal>[A-Z]{2}\s\d{5}(?:-\d{4})?)(?![\d])`,
  'gu',
);

// Cheap tests on the folded text that tell whether a style's pattern can match at all.
// Polish street words are lexicon labels (found while tokenising); the other styles are told by
// a cheap test on the folded text.
const STYLES = [
  [PL, 'pl', 'street_pl', null],
  [LT, 'lt', null, /[a-z] (?:(?:g|pr|al|pl|skg|a)\.\s*\d|(?:g|pr|al|skg) +\d)/],
  [US, 'us', null, /\b[a-z]{2} \d{5}(?!\d)/],
  [
    UK,
    'uk',
    null,
    /(?:street|road|lane|avenue|drive|close|way|place|court|crescent|gardens|terrace|square|hill|row|grove|walk|mews|park|green|heights|rise|view|quay|parade|\bst|\brd|\bave)(?![a-z])/,
  ],
] as const;

/** Postal addresses: a street word or type, a house number, and where present the postal code and city. */
export const addressDetector = {
  kind: 'address',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    if (!/\d/.test(t)) return out;
    for (const [re, style, label, guard] of STYLES) {
      if ((label !== null && !doc.labels.has(label)) || (guard !== null && !guard.test(doc.folded)))
        continue;
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const postal = Boolean(m.groups?.postal);
        let start = m.index;
        // "Gyvenu Laisvės al. 10": a capitalised first word that is a common or context word is not part of the street
        const firstWord = doc.tokens[doc.tokenAt(start)];
        if (
          style === 'lt' &&
          firstWord &&
          (LOCALES.some((l) => isStopword(l, firstWord.text)) ||
            NOT_STREET.has(firstWord.text) ||
            firstWord.labels.length > 0)
        ) {
          const next = doc.tokens[doc.tokenAt(start) + 1];
          if (next && next.start < m.index + m[0].length) start = next.start;
        }
        out.push({
          kind: 'address',
          start,
          end: m.index + m[0].length,
          confidence: postal ? 0.92 : m.groups?.city ? 0.8 : 0.65,
          value: m[0].replace(/\s+/g, ' '),
          evidence: [`format:address_${style}`, ...(postal ? ['postal_code'] : [])],
        });
      }
    }
    return out;
  },
} satisfies Detector;
