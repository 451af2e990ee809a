import type { LanguageLexicon } from './types.ts';

/** Polish context words. */
export const pl: LanguageLexicon = {
  phrases: {
    pin: ['pin', 'pinu', 'pinem', 'pinie', 'pin1', 'pin2', 'puk', 'kod pin', 'numer pin', 'numeru pin', 'puk kod*', 'kod puk'],
    cvv: ['kod zabezpieczający', 'kodu zabezpieczającego', 'kod cvv', 'kod cvc', 'cyfry z tyłu karty', 'cyfr z tyłu karty', 'cyfry z odwrotu karty'],
    otp: [
      'blik*', 'kod blik', 'sms*', 'kod sms', 'weryfikacyjn*', 'autoryzacyjn*', 'jednorazow*', 'kod potwierdzający',
      'kodem potwierdzającym', 'kod autoryzacji', 'kod weryfikacji', 'kod z aplikacji', 'kod który wysłaliśmy',
      'kod który otrzymał*', 'kod z wiadomości', 'kod wysłany*', 'cyfrowy kod', 'cyfrowego kodu',
    ],
    code: ['kod', 'kodu', 'kodem', 'kody', 'kodzie'],
    password: ['hasł*', 'hasel', 'haseł', 'haśle', 'login i hasło', 'hasełk*'],
    balance: [
      'sald*', 'stan konta', 'stan rachunku', 'stan środków', 'na koncie', 'na rachunku', 'dostępn* środk*',
      'dostępn* srodk*', 'środki na koncie', 'pozostało', 'zostało mi', 'mam na koncie', 'wolne środki', 'debet*', 'debec*', 'na minusie',
    ],
    dob: ['ur', 'urodz*', 'data urodzenia', 'daty urodzenia', 'urodzin*'],
    nid: ['pesel*', 'numer pesel', 'nr pesel'],
    phone: ['tel', 'telefon*', 'tel kom', 'komórk*', 'infolini*', 'dzwon*', 'zadzwoń', 'zadzwon*', 'oddzwon*', 'numer kontaktowy', 'numer do autoryzacji'],
    account: ['konto', 'konta', 'kontem', 'koncie', 'kont', 'rachun*', 'nr konta', 'numer konta', 'nrb', 'iban'],
    card: ['kart*'],
    card_number: [
      'numer karty', 'numeru karty', 'numerem karty', 'numer kart*', 'dane karty', 'danych karty', 'pełny numer', 'zdjęci* karty',
      'skan* karty', 'obu stron karty', 'obie strony karty', 'zrzut ekranu karty', 'zrzut ekranu z kartą', '16 cyfr z karty', '16 cyfr karty', 'szesnaście cyfr', 'przodu i tyłu karty', 'przód i tył karty', 'obu stron karty',
    ],
    after: ['po', 'po zaksięgowaniu', 'po uwzględnieniu', 'po odliczeniu'],
    in_app: [
      'w aplikacji', 'w aplikacji mobilnej', 'w aplikacji banku', 'w bankowości internetowej', 'w bankowości elektronicznej', 'w bankomacie',
      'w terminalu', 'na terminalu',
    ],
    credentials: ['dane logowania', 'dane do logowania', 'danych logowania', 'danych do logowania'],
    email: ['mail*', 'e mail*', 'email*', 'adres e mail', 'poczt*'],
    neutral: [
      'zamówien*', 'zamowien*', 'zamówieni*', 'faktur*', 'fv', 'umow*', 'przesyłk*', 'paczk*', 'zgłoszeni*', 'reklamacj*',
      'referencyjn*', 'tytuł*', 'tytule', 'ean', 'produkt*', 'lojalnościow*', 'podarunkow*', 'zwrot*', 'numer zwrotu', 'nr zwrotu',
      'nadan*', 'śledzeni*', 'sprawy', 'sprawa', 'zlecenia', 'wniosek', 'wniosku', 'abonament*',
    ],
    price: [
      'opłat*', 'koszt*', 'cena', 'ceny', 'cenę', 'kwot*', 'kosztuje', 'dopłat*', 'prowizj*', 'limit*', 'zwrot*', 'przelew*',
      'rata', 'raty', 'ratę', 'wpłat*', 'spłat*', 'do zapłaty', 'zapłaciłem', 'zapłaciłam', 'promocji', 'obciążon*', 'doładow*',
    ],
    request: [
      'poda*', 'prosimy o', 'prosimy', 'proszę', 'przesła*', 'prześlij*', 'prześlijcie', 'podeślij*', 'podesła*', 'wyślij*',
      'wysła*', 'napisz*', 'potwierdź*', 'udostępnij*', 'przekaż*', 'przekaza*', 'podyktuj*', 'potrzebujemy',
      'jaki jest', 'jaki ma pan', 'jaki ma pani', 'jaki masz', 'jaki kod', 'daj znać', 'dajcie znać', 'odpisz', 'odpiszcie', 'odpowiedz', 'odpowiedzcie', 'poprosimy', 'prosilibyśmy', 'powiedz', 'powiedzcie', 'czy może',
      'czy mogą', 'czy możesz',
    ],
    condition: ['jeśli', 'jeżeli', 'gdy', 'gdyby', 'kiedy', 'w razie'],
    us: ['nam', 'do nas', 'nas'],
    need: ['niezbędn*', 'wymagan*', 'potrzebn*', 'będzie potrzebny', 'przyda się'],
    addressee: ['twój', 'twoj*', 'pana', 'pani', 'państwa', 'wiadomoś*', 'tutaj', 'priv', 'odpowiedzi', 'czacie'],
    paste: ['wklej*', 'wklejcie', 'przepisz*', 'wpisz*', 'wpisać', 'wprowadź*', 'wprowadzić'],
    negation: ['nie', 'nigdy', 'nikomu', 'ani', 'nie prosimy', 'nie podawaj', 'nie wysyłaj', 'nie udostępniaj'],
  },
  stopwords: [
    'i', 'w', 'na', 'nie', 'się', 'jest', 'do', 'że', 'z', 'to', 'za', 'jak', 'mój', 'moja', 'moje', 'mi', 'czy', 'dzień',
    'dobry', 'prosimy', 'proszę', 'dziękujemy', 'pan', 'pani', 'pana', 'już', 'oraz', 'ale', 'co', 'od', 'po', 'tylko',
    'wczoraj', 'dzisiaj', 'został', 'została', 'zostało', 'mam', 'przez', 'karta', 'konta', 'numer', 'nr', 'jeszcze',
    'lub', 'albo', 'kontakt', 'dla', 'bez', 'tak', 'jestem', 'nadal', 'cześć', 'witam',
  ],
};
