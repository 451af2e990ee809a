/**
 * Context labels: what a word or phrase near a value says about it.
 * `neutral` and `price` claim a number for something that is not personal data
 * (an order, an invoice, a fee); `request`, `negation` and `in_app` serve secret-request
 * detection (`in_app`: the bank's own app or online banking, where typing a code is safe;
 * `condition` ("if", "jeśli", "jei") puts a secret in a conditional clause, which asks for
 * nothing ("message us if you forgot your PIN") unless it asks for it to be sent to `us`
 * ("jeśli poda nam Pan PIN"); `credentials`: login details asked for as a whole; `need` ("niezbędny", "required") asks only
 * in a sentence with an `addressee` (you, your, a message, here) — "powyżej 100 zł potrzebny
 * będzie PIN" informs; `paste`: a request whose destination decides — "paste it here" asks for it, "paste it
 * into the app" does not);
 * `after` marks a time adjunct ("po zaksięgowaniu zwrotu"), whose noun claims no amount.
 *
 * Secret mentions in outbound replies (secret-mentions.ts, docs/detection.md) read: `give`
 * (a verb of handing something over, in any form: podać, atsiųsti, share), `dest` (a place in
 * the conversation or a recipient on our side: tutaj, čia, in this chat, konsultantowi), `wh`
 * (a question word about a value: jaki, koks, what), `pronoun` (an object pronoun that can
 * stand for a secret named before: go, jį, it), `third_party` (someone else: komuś, oszust,
 * anyone — warnings talk about them), `info` (what happens to a secret without the customer
 * handing it over: przyjdzie pocztą, galioja, has been changed, zmień), `secrecy` (keep it to
 * yourself). Described secrets (describe.ts): `digits`, `card_back`, `card_front`, `scratch`, `sms` (a text message: the digits in it are a one-time code),
 * `last`, `atm`, `photo`. Balances (balance.ts): `holding` (money held: mam, liko, left,
 * available, sitting in) and `change` (było … teraz, was … now). `honorific` introduces a name.
 * `login_with` ("logged in with", "zalogowałem się") is followed by a password as a password word is.
 * `street_pl` (ul, al., plac, osiedle …) says a Polish address may follow.
 */
export type Label =
  | 'pin'
  | 'cvv'
  | 'otp'
  | 'code'
  | 'password'
  | 'balance'
  | 'dob'
  | 'nid'
  | 'phone'
  | 'account'
  | 'card'
  | 'card_number'
  | 'email'
  | 'neutral'
  | 'price'
  | 'request'
  | 'negation'
  | 'in_app'
  | 'paste'
  | 'need'
  | 'addressee'
  | 'condition'
  | 'us'
  | 'credentials'
  | 'after'
  | 'give'
  | 'dest'
  | 'wh'
  | 'pronoun'
  | 'third_party'
  | 'info'
  | 'secrecy'
  | 'holding'
  | 'held'
  | 'price_prep'
  | 'change'
  | 'photo'
  | 'digits'
  | 'card_back'
  | 'card_front'
  | 'scratch'
  | 'sms'
  | 'last'
  | 'atm'
  | 'honorific'
  | 'ui'
  | 'without'
  | 'login_with'
  | 'street_pl';

/**
 * One language's context words. Each phrase is words separated by spaces, written
 * naturally (diacritics are folded when loaded); a trailing `*` makes a word a prefix,
 * which is how inflection is covered ("likut*" for likutis, likutį, likutyje).
 */
export interface LanguageLexicon {
  phrases: Partial<Record<Label, readonly string[]>>;
  /** Frequent words that tell the language apart, for locale detection. */
  stopwords: readonly string[];
}
