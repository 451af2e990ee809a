/** The customer-facing texts of one language. `{link}` becomes " (link)" or nothing; `{brand}` the tenant's name. */
export interface Templates {
  /** Outbound, public: invite to a private channel where identity is verified. */
  movePrivate: string;
  /** Outbound, private but not verified: ask to verify identity first. */
  verifyIdentity: string;
  /** Outbound secret or request for one: what may be said instead. */
  secretNever: string;
  /** Inbound, public, personal data: the post was hidden, we will contact privately. */
  noticeExposed: string;
  /** Inbound, public, a secret: urgent advice. */
  noticeSecretPublic: string;
  /** Inbound, private, a secret: do not send secrets, change it. */
  noticeSecretPrivate: string;
}
