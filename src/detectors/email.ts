import type { Candidate, Detector } from './types.ts';

const LOCAL = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~]/;
const DOMAIN = /[A-Za-z0-9.-]/;

/** E-mail addresses: a local part, "@", a dotted domain ending in a label of two or more letters (or an IDN "xn--" label). */
export const emailDetector = {
  kind: 'email',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    let at = t.indexOf('@');
    while (at !== -1) {
      let s = at;
      while (s > 0 && LOCAL.test(t[s - 1]!)) s--;
      while (s < at && (t[s] === '.' || t[s] === "'")) s++;
      let e = at + 1;
      while (e < t.length && DOMAIN.test(t[e]!)) e++;
      while (e > at + 1 && (t[e - 1] === '.' || t[e - 1] === '-')) e--;
      const local = t.slice(s, at);
      const domain = t.slice(at + 1, e);
      const labels = domain.split('.');
      const tld = labels[labels.length - 1] ?? '';
      const tldOk = /^[A-Za-z]{2,24}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/i.test(tld);
      if (
        local.length > 0 &&
        !local.endsWith('.') &&
        labels.length >= 2 &&
        labels.every((l) => l.length > 0) &&
        tldOk
      ) {
        out.push({
          kind: 'email',
          start: s,
          end: e,
          confidence: 0.97,
          value: `${local}@${domain.toLowerCase()}`,
          evidence: ['format:email'],
        });
      }
      at = t.indexOf('@', Math.max(at + 1, e));
    }
    return out;
  },
} satisfies Detector;
