import type { LanguageLexicon } from './types.ts';

/** Lithuanian context words. */
export const lt: LanguageLexicon = {
  phrases: {
    pin: ['pin', 'pin1', 'pin2', 'puk', 'pin kod*', 'puk kod*', 'pino'],
    cvv: ['saugos kod*', 'cvv kod*', 'cvc kod*', 'skaitmenis kortelės galinėje pusėje', 'skaitmenys kortelės galinėje pusėje', 'kortelės galinėje pusėje'],
    otp: [
      'sms*', 'vienkartin*', 'patvirtinimo kod*', 'patvirtinimo', 'autorizacijos kod*', 'autorizacij*', 'prisijungimo kod*',
      'blik*', 'kodas iš sms', 'kodą iš sms', 'vienkartinis slaptažodis', 'vienkartinį slaptažodį', 'vienkartinio slaptažodžio', 'kodą kurį išsiuntėme', 'kodą kurį gavote', 'kodą iš žinutės', 'kodas iš žinutės',
    ],
    code: ['kodas', 'kodą', 'kodo', 'kodu', 'kodai', 'kodų'],
    password: ['slaptažod*', 'slaptazod*', 'prisijungimo slaptažod*'],
    balance: [
      'likut*', 'likuč*', 'sąskaitoje liko', 'liko', 'sąskaitoje yra', 'sąskaitoje turiu', 'disponuojam*', 'lėšų likut*',
      'turimos lėšos', 'turimų lėšų', 'minuse',
    ],
    dob: ['gimimo data', 'gimimo datą', 'gim*', 'gim'],
    nid: ['asmens kod*', 'a k', 'ak'],
    phone: ['tel', 'telefon*', 'mob', 'mobil*', 'skambin*', 'paskambin*', 'linija', 'informacinė linija', 'numeriu', 'numeris operacijoms'],
    account: ['sąskait*', 'sąsk', 'sąskaitos nr', 'sąsk nr', 'iban'],
    card: ['kortel*'],
    card_number: ['kortelės numer*', 'kortelės duomen*', 'kortelės numerį', '16 skaitmenų', 'kortelės nuotrauk*', 'abiejų kortelės pusių', 'abi kortelės puses'],
    after: ['po', 'įskaičius'],
    in_app: ['programėlėje', 'programeleje', 'mobiliojoje programėlėje', 'internetinėje bankininkystėje', 'interneto banke', 'bankomate', 'terminale'],
    credentials: ['prisijungimo duomen*'],
    email: ['el paštas', 'el paštu', 'el paštą', 'el pašto', 'paštas', 'paštu', 'paštą'],
    neutral: [
      'užsakym*', 'sutart*', 'siunt*', 'siuntos numeris', 'sąskaita faktūra', 'faktūr*', 'pvm', 'nuorodos numer*', 'nuorod*',
      'užklaus*', 'grąžinimo nr', 'grąžinimo numer*', 'prekės kod*', 'paskirt*', 'lojalumo', 'dovanų', 'bilieto', 'mokėjimo paskirt*',
    ],
    price: [
      'kain*', 'kainuoja', 'mokest*', 'įkain*', 'limit*', 'suma', 'sumą', 'mokėtina', 'įmok*', 'grąžin*', 'pervedim*',
      'primok*', 'sumokė*', 'mokėjau', 'akcij*', 'papildž*', 'papild*',
    ],
    request: [
      'atsiųsk*', 'atsiųsti', 'nurodyk*', 'nurodyti', 'parašyk*', 'parašyti', 'pateik*', 'pasakyk*', 'prašome', 'prašom',
      'patvirtinkite', 'patvirtinti', 'persiųsk*', 'praneškite savo', 'padiktuok*', 'koks jūsų',
      'kokį', 'mums reikia', 'mums reikės', 'mums reiktų', 'kokį kodą', 'prašytume', 'ar galėtumėte', 'ar galite',
    ],
    condition: ['jei', 'jeigu', 'jeinu', 'kai', 'kol'],
    us: ['mums', 'mus'],
    need: ['reikaling*', 'reikės', 'reikia'],
    addressee: ['jūsų', 'tavo', 'čia', 'žinut*', 'atsakym*', 'pokalbyje'],
    paste: ['įklijuok*', 'įklijuoti', 'perrašyk*', 'įveskite', 'įvesk', 'įvesti'],
    negation: [
      'ne', 'niekada', 'niekam', 'nesakyk*', 'neskelbk*', 'nesiųsk*', 'neprašo*', 'neatskleisk*', 'neperduok*', 'nei', 'nerašyk*',
      'nesidalin*', 'nesidalyk*', 'nepateik*', 'nenurodyk*', 'neatsiųsk*', 'nepersiųsk*', 'neskelbti', 'nesiųsti', 'nerašyti',
    ],
  },
  stopwords: [
    'ir', 'kad', 'su', 'per', 'į', 'yra', 'jūsų', 'jums', 'mano', 'sveiki', 'ačiū', 'ar', 'nuo', 'iki', 'bet', 'o', 'kaip',
    'jau', 'dar', 'buvo', 'mūsų', 'kodėl', 'vakar', 'šiandien', 'man', 'jis', 'ji', 'tai', 'kai', 'arba', 'prašau', 'nes',
    'sąskaitos', 'kortelė', 'kortelės', 'numeris', 'dienų', 'val', 'labas', 'laba', 'diena', 'adresas', 'gyvenu', 'sąskaita',
    'nr', 'el',
  ],
};
