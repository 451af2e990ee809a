import type { Templates } from './types.ts';

/** Lithuanian texts. */
export const lt: Templates = {
  movePrivate:
    'Sveiki, saugodami Jūsų asmens duomenis, šios informacijos negalime pateikti viešai. Parašykite mums privačią žinutę{link} – patvirtinę Jūsų tapatybę, atsakysime išsamiai.',
  verifyIdentity:
    'Kad galėtume pateikti šią informaciją, pirmiausia turime patvirtinti Jūsų tapatybę. Prašome tai padaryti saugiu būdu{link} – iškart atsakysime.',
  secretNever:
    'Saugumo sumetimais niekada neprašome ir nesiunčiame PIN kodų, slaptažodžių, CVV kodų, viso kortelės numerio ar SMS kodų. Niekam jų nesakykite.',
  noticeExposed:
    'Sveiki, Jūsų saugumui paslėpėme komentarą, nes jame buvo asmens duomenų. Prašome jų neskelbti viešai – susisieksime su Jumis privačia žinute{link}.',
  noticeSecretPublic:
    'Skubu: Jūsų komentare buvo slaptų saugumo duomenų, todėl jį paslėpėme. Nedelsdami užblokuokite kortelę arba pakeiskite PIN kodą ar slaptažodį ir niekam jų nesakykite – net mums. Susisieksime privačia žinute{link}.',
  noticeSecretPrivate:
    'Saugumo sumetimais prašome mums nesiųsti PIN kodų, slaptažodžių, kodų ar viso kortelės numerio – jų mums nereikia. Rekomenduojame juos pakeisti arba užblokuoti kortelę.',
};
