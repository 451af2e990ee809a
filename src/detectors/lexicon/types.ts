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
  | 'after';

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
