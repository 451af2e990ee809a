import { describe, expect, it } from 'vitest';
import { scan } from './index.ts';

const names = (text: string) =>
  scan(text)
    .findings.filter((f) => f.kind === 'person_name')
    .map((f) => text.slice(f.start, f.end));

describe('a signature names its writer, whatever the name', () => {
  it.each([
    ['I have not received the letter.\nKind regards,\nEleanor Whitfield', 'Eleanor Whitfield'],
    ['Proszę o kontakt.\nZ poważaniem\nGrażyna Wróblewska-Kmieć', 'Grażyna Wróblewska-Kmieć'],
    ['Laukiu atsakymo.\nPagarbiai,\nAušrinė Žemaitytė', 'Aušrinė Žemaitytė'],
  ])('%s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    'Dziękujemy za kontakt.\nPozdrawiamy\nZespół Obsługi',
    'Thanks\nDigital Care Team',
    'Kind regards,\nHannah | Digital Care Team',
    'Kind regards,\nthe team',
  ])('not a name: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});
