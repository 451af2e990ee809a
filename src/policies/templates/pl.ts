import type { Templates } from './types.ts';

/** Polish texts. */
export const pl: Templates = {
  movePrivate:
    'Dzień dobry, ze względu na ochronę danych osobowych nie możemy podać tych informacji publicznie. Zapraszamy do wiadomości prywatnej{link} – po potwierdzeniu tożsamości udzielimy pełnej odpowiedzi.',
  verifyIdentity:
    'Aby przekazać te informacje, musimy najpierw potwierdzić Pana/Pani tożsamość. Prosimy o weryfikację w bezpieczny sposób{link}, a od razu wrócimy z odpowiedzią.',
  secretNever:
    'Ze względów bezpieczeństwa nigdy nie prosimy o PIN, hasło, kod CVV, pełny numer karty ani kody SMS i BLIK i nie przesyłamy ich w wiadomościach. Prosimy nikomu ich nie podawać.',
  noticeExposed:
    'Dzień dobry, dla Pana/Pani bezpieczeństwa ukryliśmy komentarz, ponieważ zawierał dane osobowe. Prosimy nie publikować ich w komentarzach – skontaktujemy się w wiadomości prywatnej{link}.',
  noticeSecretPublic:
    'Pilne: komentarz zawierał poufne dane zabezpieczające, dlatego go ukryliśmy. Prosimy od razu zastrzec kartę lub zmienić PIN albo hasło i nie podawać ich nikomu – także nam. Skontaktujemy się w wiadomości prywatnej{link}.',
  noticeSecretPrivate:
    'Dla bezpieczeństwa prosimy nie przesyłać nam PIN-u, haseł, kodów ani pełnego numeru karty – nie są nam potrzebne. Zalecamy ich zmianę lub zastrzeżenie karty.',
};
