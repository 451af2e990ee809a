import { describe, expect, it } from 'vitest';
import { scan } from './index.ts';

describe('language detection', () => {
  it.each([
    ['Dzień dobry, mam problem z kartą', 'pl'],
    ['Dzien dobry, mam problem z karta i nie wiem co robic', 'pl'],
    ['Sveiki, kodėl mano kortelė neveikia?', 'lt'],
    ['Sveiki, kodel mano kortele neveikia, ar galite padeti', 'lt'],
    ['Hi, why is my card not working?', 'en'],
    ['Asmens kodas 49005150142 neteisingas sistemoje', 'lt'],
    ['Hasło do aplikacji nie działa', 'pl'],
    // short messages settled by a word or a country convention (calling code, postal code, domain)
    ['Kontakt: tel 602 345 678 lub e-mail: barbara.nowicka@interia.pl', 'pl'],
    ['PESEL:77030988123', 'pl'],
    ['Adresas: Taikos pr. 45-17, LT-05230 Vilnius', 'lt'],
    ['Tel. nr. +37068812345, el.p. vytautas.k@yahoo.com', 'lt'],
    ['Gyvenu Ateities g. 10A-5, LT-08303 Vilnius', 'lt'],
    // but they do not outvote the words: an English message with a Polish number is English
    ['Please call me back on +48 600 123 456 as soon as you can', 'en'],
  ])('%s → %s', (text, locale) => {
    expect(scan(text).locale).toBe(locale);
  });

  it("lets the caller's locale win, and picks the phone region from it", () => {
    const r = scan('tel. 600 123 456', { locale: 'lt' });
    expect(r.locale).toBe('lt');
    expect(r.region).toBe('LT');
    expect(scan('tel. 600 123 456', { locale: 'pl' }).findings.map((f) => f.kind)).toEqual([
      'phone',
    ]);
  });
});
