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
  ])('%s → %s', (text, locale) => {
    expect(scan(text).locale).toBe(locale);
  });

  it("lets the caller's locale win, and picks the phone region from it", () => {
    const r = scan('tel. 600 123 456', { locale: 'lt' });
    expect(r.locale).toBe('lt');
    expect(r.region).toBe('LT');
    expect(scan('tel. 600 123 456', { locale: 'pl' }).findings.map((f) => f.kind)).toEqual(['phone']);
  });
});
