import { describe, expect, it } from 'vitest';
import { scan } from './index.ts';

const requests = (text: string) => scan(text).secretRequests.map((r) => r.kind);

describe('requests for secrets', () => {
  it.each([
    ['Prosimy o podanie PIN-u w wiadomości prywatnej.', 'pin'],
    ['Atsiųskite savo PIN kodą.', 'pin'],
    ['Please send us your card number via DM.', 'payment_card'],
    ['Proszę podać kod BLIK z aplikacji.', 'one_time_code'],
    ['Nurodykite interneto banko slaptažodį.', 'password'],
    ['Please confirm the CVV on the back of your card.', 'card_security_code'],
    ['Podeślij nam numer karty i datę ważności.', 'payment_card'],
    ['Please confirm the 6-digit code we just texted you by replying here.', 'one_time_code'],
    ['Prosimy podać kod, który wysłaliśmy SMS-em.', 'one_time_code'],
    ['Atsiųskite kodą, kurį gavote žinute.', 'one_time_code'],
    ['Prosimy o przesłanie zdjęcia karty z obu stron.', 'payment_card'],
    ['Please send us a photo of your card.', 'payment_card'],
    // the app named after the secret does not make it a safe place to send it
    ['Prosimy o podanie kodu SMS, nie wpisuj go w aplikacji.', 'one_time_code'],
    ['Potrzebujemy kodu z SMS-a, który właśnie dostałeś — wklej go tutaj.', 'one_time_code'],
    ['Įklijuokite čia gautą SMS kodą, ir patvirtinsime.', 'one_time_code'],
    ["Just reply with the code you got by text and we'll verify you.", 'one_time_code'],
    ['Can you paste the 6 digits we sent to your phone here?', 'one_time_code'],
    ["What's your PIN? We need it to check the card.", 'pin'],
    ['Daj znać, jaki masz PIN, to go zresetujemy.', 'pin'],
    ['Jaki kod przyszedł SMS-em? Potrzebujemy go do weryfikacji.', 'one_time_code'],
    ['Przepisz kod z SMS-a do odpowiedzi.', 'one_time_code'],
    ['Odpisz z kodem BLIK, a zatwierdzimy płatność.', 'one_time_code'],
    ['Perrašykite kodą iš SMS į atsakymą.', 'one_time_code'],
    ['Tell us the code from your text message.', 'one_time_code'],
    ['Type your PIN in your reply so we can check it.', 'pin'],
    ['Which code did you receive by SMS?', 'one_time_code'],
    ['Send a screenshot of your card so we can verify it.', 'payment_card'],
    ['DM your login details and we will look.', 'password'],
    ['Czy może Pan podać kod CVV z tyłu karty?', 'card_security_code'],
    ['Prześlij proszę zdjęcie przodu i tyłu karty.', 'payment_card'],
    ['Do weryfikacji niezbędny jest PIN karty — prosimy o wiadomość.', 'pin'],
    ['Patvirtinimui reikalingas jūsų PIN kodas.', 'pin'],
    ['Would you mind sending over your online banking password?', 'password'],
    ['For verification we require your card PIN.', 'pin'],
    ['Please reply here with the one-time passcode.', 'one_time_code'],
    ['Kindly forward the verification code you received.', 'one_time_code'],
    ['Kad atblokuotume, mums reikės jūsų slaptažodžio.', 'password'],
    ['To unlock your account we just need your password.', 'password'],
    ['Drop us your PIN in DM and we will sort it out.', 'pin'],
    // a condition that still asks for the secret to be sent to us, or a politeness formula
    ['Zweryfikujemy Pana, jeśli poda nam Pan PIN do karty.', 'pin'],
    ['If you could share your card number, we will check the charge.', 'payment_card'],
    ['Once you send the code from the SMS we can proceed.', 'one_time_code'],
    ['If you want the card unblocked, send us your PIN.', 'pin'],
    // commas around a please stay inside the request
    ['Podaj, proszę, kod z SMS-a.', 'one_time_code'],
    ['Podeślij nam, proszę, numer karty.', 'payment_card'],
    // a secret described instead of named
    ['Podaj trzy cyfry z tyłu karty.', 'card_security_code'],
    ['Send the three digits on the back of your card.', 'card_security_code'],
    ['Parašykite tris skaitmenis kortelės galinėje pusėje.', 'card_security_code'],
    ['W celu weryfikacji podaj proszę 16 cyfr z karty.', 'payment_card'],
    ['Can you tell me the 16 digits on your card?', 'payment_card'],
    // the digits of a text message are its one-time code, however the message is named
    [
      "We've just texted you. Feel free to pop the digits from that message into this chat.",
      'one_time_code',
    ],
    ['Prosimy przepisać cyfry z SMS-a tutaj na czacie.', 'one_time_code'],
    ['Galite čia parašyti skaičius iš žinutės, kurią ką tik gavote.', 'one_time_code'],
    ['Send us the numbers from the text we sent you.', 'one_time_code'],
  ])('%s', (text, kind) => {
    expect(requests(text)).toContain(kind);
  });

  it.each([
    'Nigdy nie podawaj nikomu kodu BLIK ani PIN-u.',
    'We will never ask for your password or PIN.',
    'Niekada neprašome PIN kodų ar slaptažodžių.',
    "Please DM us your order number – don't post card details here.",
    'Your PIN has been changed.',
    'Nie prosimy o PIN ani hasło.',
    'Please enter the code from the SMS in the app, do not share it with anyone.',
    'Wpisz kod BLIK w aplikacji banku.',
    'Please send us the discount code from your receipt.',
    // typing the code where it belongs: the bank's own app, named between the request and the code
    'Prašome patvirtinti mokėjimą programėlėje įvedant SMS kodą.',
    'Please confirm the payment in the app by entering the SMS code.',
    'Prosimy potwierdzić płatność w aplikacji, wpisując kod SMS.',
    // Lithuanian negates with a prefix: "nesidalinti" is "do not share"
    'Prašome nesidalinti savo kortelės duomenimis viešai.',
    // pasting where it belongs, and needing nothing
    'Please paste the code from the SMS into the app to finish.',
    'Wklej kod z SMS-a w aplikacji banku, aby zakończyć.',
    'Nie potrzebujemy Twojego PIN-u ani hasła.',
    // typing a secret where it belongs: the app, the ATM, the payment terminal
    'Please enter your PIN only at the ATM.',
    'Enter the code we texted you in the app.',
    'Wpisz PIN w terminalu przy płatności.',
    'Odpowiedzieliśmy już — PIN zmienisz w aplikacji.',
    // saying a secret is needed somewhere is not asking for it
    'Powyżej 100 zł potrzebny będzie PIN.',
    'A PIN is required for purchases over £100.',
    'Atsiimant kortelę reikalingas PIN kodas.',
    "We'll reply once you have entered the passcode in the app.",
    "You'll need your PIN at the ATM.",
    'Kortelei aktyvuoti reikės PIN kodo bankomate.',
    // the secret in a conditional clause: advice, not a request
    'Jeśli podałeś komuś hasło, zmień je natychmiast.',
    'Napisz do nas, jeśli zapomniałeś hasła — pomożemy je zresetować.',
    'Parašykite mums, jei pamiršote slaptažodį — padėsime jį atkurti.',
    'Send us a message if you have forgotten your PIN.',
    'Let us know if your one-time passcode does not arrive within 5 minutes.',
    'Tell us if you think someone else knows your password.',
    'Message us if your SMS code has expired and we will help.',
    // a request ends with its clause
    'Prosimy o cierpliwość, nowa karta z PIN-em jest w drodze.',
    // the last four digits identify a card without giving it away
    'Please send the last 4 digits of your card.',
    'Trzy cyfry z tyłu karty to kod CVV — nie podawaj go nikomu.',
    // a prohibition reaches every item of its list, however each item is qualified
    'We will never ask you for your PIN, your online banking password, the three-digit security code on the back of your card or any one-time passcode.',
    'Nigdy nie poprosimy o PIN, Twoje hasło do bankowości, trzycyfrowy kod z tyłu karty ani o jakikolwiek kod SMS.',
    'Niekada neprašysime PIN kodo, jūsų interneto banko slaptažodžio, trijų skaitmenų kodo kortelės gale ar jokio SMS kodo.',
    // after a colon, the clause saying where the customer does it themselves
    'PIN kodą galite pasikeisti patys: programėlėje pasirinkite Kortelės → Nustatymai → Keisti PIN kodą.',
    'Możesz sam zmienić PIN: w aplikacji wybierz Karty → Ustawienia → Zmień PIN.',
    'You can change your PIN yourself: in the app, go to Cards → Settings → Change PIN.',
    // the digits of a message are not asked for by saying they were removed
    'We have removed the numbers from your message for your safety.',
    'Nie podawaj nikomu cyfr z SMS-a.',
  ])('not a request: %s', (text) => {
    expect(requests(text)).toEqual([]);
  });
});

/** The phrase of each request: what the agent sees to rewrite. */
const phrases = (text: string) =>
  scan(text).secretRequests.map((r) => ({
    kind: r.kind,
    basis: r.basis,
    phrase: text.slice(r.start, r.end),
  }));

describe('secrets fail closed: what is not recognised as safe blocks', () => {
  it.each([
    // a question about the value, no request verb
    ['Jaki kod dostała Pani w wiadomości?', 'one_time_code'],
    ['Koks jūsų naujas PIN?', 'pin'],
    ['Which password did you choose yesterday?', 'password'],
    // a secret described, not named
    ['Napisz nam te trzy cyferki z paska na odwrocie.', 'card_security_code'],
    ['Could you read me the long number printed across the front of the card?', 'payment_card'],
    ['Parašykite skaičius, kurie yra kortelės priekyje.', 'payment_card'],
    // permission or invitation instead of an order
    ['Możesz śmiało wkleić kod z SMS-a tutaj.', 'one_time_code'],
    ['Jei norite, slaptažodį galite palikti čia.', 'password'],
    ['Feel free to drop your PIN below.', 'pin'],
    // the request in a later clause or sentence, through a pronoun
    ['Wysłaliśmy Panu kod SMS. Czy może go Pan przepisać do czatu?', 'one_time_code'],
    [
      'The code is on its way to your phone. Once you have it, just send it over here.',
      'one_time_code',
    ],
    ['Gavote patvirtinimo kodą? Padiktuokite jį konsultantui.', 'one_time_code'],
    // object first, impersonal and passive
    ['Hasło do aplikacji należy przekazać doradcy na czacie.', 'password'],
    ['PIN kodas turi būti nurodytas šiame pokalbyje.', 'pin'],
    ['Your card number should be entered in this chat.', 'payment_card'],
    // a photo or a video call of the secret
    ['Prosimy o fotkę karty z obu stron w wiadomości prywatnej.', 'payment_card'],
    ['On the video call please hold your card up to the camera.', 'payment_card'],
    // a request put as a condition or a need
    ['Jeśli prześle nam Pan kod BLIK, dokończymy płatność.', 'one_time_code'],
    ['Jei atsiųstumėte SMS kodą, užbaigtume užsakymą.', 'one_time_code'],
    ['Without the CVV we cannot move on, so we need it today.', 'card_security_code'],
    ['Bez kodu z SMS-a nie możemy kontynuować.', 'one_time_code'],
    // nothing here says it is safe
    ['A teraz jeszcze tylko PIN.', 'pin'],
    ['Now just the passcode and we are done.', 'one_time_code'],
  ])('%s', (text, kind) => {
    expect(requests(text)).toContain(kind);
  });

  it.each([
    // prohibitions in other words
    'Pod żadnym pozorem nie udostępniaj nikomu kodu BLIK.',
    'Jokiu būdu niekam nesakykite savo PIN kodo.',
    'Under no circumstances should you share your one-time passcode.',
    'PIN-u nie potrzebujemy, wystarczy numer zamówienia.',
    'No need to send the code here, the order number is enough.',
    // warnings about someone else
    'Oszuści podszywają się pod bank i proszą o kod z SMS-a.',
    'Sukčiai apsimeta banko darbuotojais ir prašo slaptažodžio.',
    'Scammers may call you and ask for your card number.',
    // where it belongs
    'Nowy PIN ustawisz w aplikacji w zakładce Karty.',
    'Kodą įveskite tik programėlėje arba internetinėje bankininkystėje.',
    'Type the code into the card reader, not into a message.',
    // information that asks nothing
    'Nowy PIN przyjdzie listem w ciągu 5 dni roboczych.',
    'SMS kodas galioja 5 minutes.',
    'Your new card and its PIN are sent separately by post.',
    'Kod BLIK ważny jest 2 minuty.',
    // definitions
    'CVC to trzy cyfry na odwrocie karty.',
    'What is a passcode? It is the 6-digit code you set in the app.',
    // the bank's own screens and buttons
    'Kliknij „Nie pamiętam hasła” i postępuj zgodnie z instrukcją.',
    'Go to Settings > Security > Change PIN.',
    // the customer did it; a condition about what happened
    'Jeśli ktoś poznał Twoje hasło, zmień je od razu.',
    "If you've already shared the code with anyone, call us straight away.",
    // what we send
    'Wyślemy Panu nowy kod aktywacyjny SMS-em.',
    "We'll text you a new verification code shortly.",
    'Naują slaptažodį atsiųsime el. paštu.',
  ])('safe: %s', (text) => {
    expect(requests(text)).toEqual([]);
  });

  it('carries the phrase that triggered it and why', () => {
    expect(phrases('Prosimy o podanie PIN-u tutaj.')).toEqual([
      { kind: 'pin', basis: 'request', phrase: 'podanie PIN' },
    ]);
    expect(phrases('Jakie hasło ustawił Pan?')[0]).toMatchObject({
      kind: 'password',
      basis: 'question',
    });
    const unclear = phrases('Dzień dobry. A teraz jeszcze tylko PIN.')[0];
    expect(unclear).toMatchObject({
      kind: 'pin',
      basis: 'unclear',
      phrase: 'A teraz jeszcze tylko PIN',
    });
  });

  it('stays linear on a long text full of secrets and asking words', () => {
    const text = 'podaj PIN, wpisz kod tutaj i hasło. '.repeat(600);
    const started = performance.now();
    scan(text);
    // not a timing target (bench:detect is): only that nothing is quadratic
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
