import { describe, expect, it } from 'vitest';
import { scan } from './index.ts';
import { DETECTORS } from './registry.ts';
import { KINDS, type Kind, type Locale } from './types.ts';

/** [text, the exact text of the finding] — the span must match. */
type Positive = [string, string];
interface Table {
  positives: Positive[];
  /** Texts in which this kind must not be found. */
  negatives: string[];
}

/** True and false positives per detector, in Polish, Lithuanian and English. */
const TABLES: Record<Kind, Table> = {
  iban: {
    positives: [
      [
        'Proszę o zwrot na PL61 1090 1014 0000 0712 1981 2874, dziękuję',
        'PL61 1090 1014 0000 0712 1981 2874',
      ],
      ['Sąskaita LT12 1000 0111 0100 1000', 'LT12 1000 0111 0100 1000'],
      ['nr konta 61109010140000071219812874', '61109010140000071219812874'],
      ['IBAN: DE89-3704-0044-0532-0130-00.', 'DE89-3704-0044-0532-0130-00'],
      ['send to gb29nwbk60161331926819 pls', 'gb29nwbk60161331926819'],
      ['rachunek PL 61 1090 1014 0000 0712 1981 2874', 'PL 61 1090 1014 0000 0712 1981 2874'],
    ],
    negatives: [
      'PL61 1090 1014 0000 0712 1981 2875',
      'Numer referencyjny 68 9462 8245 4869 1386 7618 3587',
      'Order DE12345678 shipped',
      'LT12 1000 0111 0100 1001 is wrong',
    ],
  },
  payment_card: {
    positives: [
      ['Moja karta 4111 1111 1111 1111 nie działa', '4111 1111 1111 1111'],
      ['kortelė 5500-0000-0000-0004', '5500-0000-0000-0004'],
      ['amex 3782 822463 10005 charged', '3782 822463 10005'],
      ['card 4111.1111.1111.1111', '4111.1111.1111.1111'],
    ],
    negatives: [
      'Karta 4111 1111 1111 1112',
      'Zamówienie 4111111111111111 wysłane',
      'EAN 5901234123457',
      'tracking 1234567890123456',
    ],
  },
  card_security_code: {
    positives: [
      ['CVV 123', '123'],
      ['kod CVC: 456 na odwrocie', '456'],
      ['CVV kodas 789', '789'],
      ['the security code is 4321', '4321'],
      ['cvv2 321', '321'],
    ],
    negatives: ['Zamówienie 123 gotowe', 'We never ask for your CVV.', 'CVV 12345'],
  },
  pin: {
    positives: [
      ['my PIN is 4821', '4821'],
      ['mój PIN to 4821', '4821'],
      ['PIN kodas 4821', '4821'],
      ['Pamečiau telefoną, PUK kodas 87654321', '87654321'],
      ['zapomnialem pinu, chyba 4821?', '4821'],
      ['PIN: 4 8 2 1', '4 8 2 1'],
      ['PIN-kod 482133 neveikia', '482133'],
      ['my PIN is 4\u200b8\u200b2\u200b1', '4\u200b8\u200b2\u200b1'],
      ['mój PIN to ４８２１', '４８２１'],
    ],
    negatives: [
      'Nigdy nie podawaj PIN-u. Zamówienie 4821 w drodze.',
      'PIN zmieniony 12.05.2024',
      'PIN w aplikacji, opłata 1500 zł',
      'PIN to unlock costs £5',
    ],
  },
  password: {
    positives: [
      ['Moje hasełko to Piesek123, zmieńcie mi je', 'Piesek123'],
      ['hasło: Kot123!', 'Kot123!'],
      ['my password is hunter22', 'hunter22'],
      ['slaptazodis Rudenys2024 neveikia', 'Rudenys2024'],
      ['haslo do banku to "Lato#2023"', 'Lato#2023'],
    ],
    negatives: [
      'Poprosimy jeszcze o hasło do bankowości, dobrze?',
      'Nie podawaj nikomu hasła do bankowości.',
      'password reset link sent',
      'Zmień hasło w aplikacji.',
    ],
  },
  one_time_code: {
    positives: [
      ['Mano vienkartinis slaptažodis 593017, ar jį kas nors matė?', '593017'],
      ['The card reader code 55102938 from my PINsentry does not work', '55102938'],
      ['kod BLIK 123456', '123456'],
      ['SMS code 482913', '482913'],
      ['vienkartinis kodas 5678', '5678'],
      ['kod z SMS-a: 918273', '918273'],
      ['verification code: 771234', '771234'],
      ['BLIK 482 913 nie przeszedł', '482 913'],
      ['Gavau patvirtinimo kodą 55 66 77, ar saugu?', '55 66 77'],
    ],
    negatives: [
      'kod pocztowy 00-950',
      'kod rabatowy LATO20',
      'Twoje zamówienie 123456 jest gotowe',
      'kod produktu 123456',
    ],
  },
  balance: {
    positives: [
      ['saldo wynosi 2 500,00 zł', '2 500,00 zł'],
      ['sąskaitos likutis 1 250,75 EUR', '1 250,75 EUR'],
      ['saskaitos likutis 99,10 Eur', '99,10 Eur'],
      ['your balance is €1,234.56', '€1,234.56'],
      ['na koncie mam tylko 12,40 zł', '12,40 zł'],
      ['available funds: £12.00', '£12.00'],
      // the balance word right after the amount
      ["I've only got £1,200.00 left in my account", '£1,200.00'],
      ['mam 2 500 zł na koncie i tyle', '2 500 zł'],
      // the balance word names the nearest amount after it, not a later one
      ['kortelės likutis 1,50 Eur, o papildžiau 10 Eur', '1,50 Eur'],
      ['Top-up balance shows £0.45 even though I added £20 yesterday', '£0.45'],
      ['Saldo -45,20 zł?? Jakim cudem', '-45,20 zł'],
      ['Jestem w debecie -230 zł przez wasze opłaty', '-230 zł'],
      ['I am £230 overdrawn because of your charges', '£230'],
      // a price word governed by "after" says when, not what the amount is
      ['saldo po zaksięgowaniu zwrotu wynosi 1 040,00 zł', '1 040,00 zł'],
      ['your balance after the refund is £500.00', '£500.00'],
    ],
    negatives: [
      'Saldo sprawdzisz w aplikacji; zwrot wynosi 120,00 zł',
      'Opłata 10-45 zł zależnie od pakietu',
      'Wpłata 500 zł na koncie już jest',
      'Przelałem 500 zł, a na koncie pusto',
      'Cena 199,99 zł',
      'Zaświadczenie o saldzie kosztuje 30 zł',
      'balance certificate fee £10',
      'Przelew 500 zł wysłany',
      'Saldo pokażemy w aplikacji.',
    ],
  },
  phone: {
    positives: [
      ['zadzwoń +48 600 123 456', '+48 600 123 456'],
      ['tel. 600-123-456', '600-123-456'],
      ['skambinkite +370 612 34567', '+370 612 34567'],
      ['mano tel. 8 612 34567', '8 612 34567'],
      ['call me on 07911 123456', '07911 123456'],
      ['tel. (+48) 601 234 567', '(+48) 601 234 567'],
      // a "+" number of a possible length in a range libphonenumber does not list (yet)
      ['call me back on +44 7700 900461', '+44 7700 900461'],
      // labelled, of a possible length, in such a range
      ['text me at 07700 912345', '07700 912345'],
    ],
    negatives: [
      '07700 912345 is in no range and has no label',
      '+44 7700 9004 is too short',
      '7700 900461 without its country code',
      'Zamówienie 600123456 wysłane',
      'data 2024-05-12',
      'kwota 1 234 567 zł',
      'faktura FV/2024/06/4446',
      'Umowa nr 56658178991',
    ],
  },
  email: {
    positives: [
      ['pisz na jan.kowalski@example.pl.', 'jan.kowalski@example.pl'],
      ['el. paštas vardas_pavarde+spam@inbox.lt', 'vardas_pavarde+spam@inbox.lt'],
    ],
    negatives: ['twitter @jankowalski', 'email me at name@domain', 'a@b'],
  },
  national_id: {
    positives: [
      ['PESEL 44051401458', '44051401458'],
      ['asmens kodas 38703181745', '38703181745'],
      ['a.k. 38703181745', '38703181745'],
      ['my personal code is 38703181745', '38703181745'],
    ],
    negatives: ['PESEL 44051401459', 'umowa nr 44051401458', 'tel. 44051401458', '38713181745'],
  },
  address: {
    positives: [
      [
        'mieszkam: ul. Marszałkowska 10/5, 00-950 Warszawa.',
        'ul. Marszałkowska 10/5, 00-950 Warszawa',
      ],
      ['adresas Gedimino pr. 9, LT-01103 Vilnius', 'Gedimino pr. 9, LT-01103 Vilnius'],
      ['deliver to 221B Baker Street, London NW1 6XE please', '221B Baker Street, London NW1 6XE'],
      ['Gyvenu Laisvės al. 10, Kaunas', 'Laisvės al. 10, Kaunas'],
      ['Odbiór: Plac Wolności 1, 61-739 Poznań, proszę', 'Plac Wolności 1, 61-739 Poznań'],
      [
        'Ship it to Apartment 4B, 250 West 57th Street, New York, NY 10107 instead',
        'Apartment 4B, 250 West 57th Street, New York, NY 10107',
      ],
    ],
    negatives: [
      'Plac zabaw 3 dni zamknięty',
      'Meet at 5 Avenue Q, NY tonight',
      'Kod pocztowy to 00-950',
      'Street food festival on Sunday',
      'pr. 9',
    ],
  },
  date_of_birth: {
    positives: [
      ['urodzony 14.05.1944', '14.05.1944'],
      ['gimimo data 1987-03-18', '1987-03-18'],
      ['born on 3rd of June 1961, can you check', '3rd of June 1961'],
      // the birth word names the nearest date after it
      ['my date of birth is 1984/07/22 not 1984/07/12', '1984/07/22'],
      ['date of birth: June 3rd, 1961', 'June 3rd, 1961'],
      ['DOB: 3 March 1990', '3 March 1990'],
      ['Date of birth 03/15/1975', '03/15/1975'],
      ['data urodzenia 5 maja 1980 r.', '5 maja 1980 r.'],
      ['Gimiau 1979-12-01, patikrinkite', '1979-12-01'],
    ],
    negatives: ['Przesyłka nadana 14.05.2024', 'born to run 2024', 'urodziny firmy 31.02.1999'],
  },
  person_name: {
    positives: [
      ['Dzień dobry, tu Anna Nowak z Gdańska', 'Anna Nowak'],
      ['Klientas Jonas Jonaitis paskambino', 'Jonas Jonaitis'],
      ['Hi, this is Sarah Connor', 'Sarah Connor'],
      ['Thanks Tom Hardy for the help', 'Tom Hardy'],
      ['Labas, čia Rūta Petrauskienė iš Kauno', 'Rūta Petrauskienė'],
    ],
    negatives: [
      'Dzień Dobry',
      'Savanorių pr. 5, Kaunas',
      'Santander Bank Polska nie odpowiada',
      'Hi Support Team, Black Friday deal',
    ],
  },
};

function found(text: string, kind: Kind, locale?: Locale) {
  return scan(text, { locale }).findings.filter((f) => f.kind === kind);
}

describe('detector tables', () => {
  it('has a table for every kind, and every kind a detector', () => {
    expect(Object.keys(TABLES).sort()).toEqual([...KINDS].sort());
    expect(DETECTORS.map((d) => d.kind).sort()).toEqual([...KINDS].sort());
  });

  for (const kind of KINDS) {
    describe(kind, () => {
      it.each(TABLES[kind].positives)('finds it in %j', (text, want) => {
        const hits = found(text, kind);
        expect(hits.map((f) => text.slice(f.start, f.end))).toEqual([want]);
      });
      it.each(TABLES[kind].negatives.map((t) => [t]))('finds nothing in %j', (text) => {
        expect(found(text, kind)).toEqual([]);
      });
    });
  }
});

describe('phone confidence', () => {
  it('is lower for a number whose range libphonenumber does not know than for one it validates', () => {
    const [unknownRange] = found('call me back on +44 7700 900461', 'phone');
    const [valid] = found('call me back on +44 7911 123456', 'phone');
    expect(unknownRange!.confidence).toBeLessThan(valid!.confidence);
    expect(unknownRange!.confidence).toBeGreaterThanOrEqual(0.5);
  });
});
