import type { Templates } from './types.ts';

/** English texts. */
export const en: Templates = {
  movePrivate:
    "Hi, to protect your personal data we can't share these details publicly. Please send us a private message{link} – once we've verified your identity we'll give you a full answer.",
  verifyIdentity:
    "To share these details we first need to verify your identity. Please complete verification securely{link} and we'll get straight back to you.",
  secretNever:
    'For your security we never ask for or send PINs, passwords, CVV codes, full card numbers or one-time codes. Please never share them with anyone.',
  noticeExposed:
    "Hi, for your security we've hidden your comment because it contained personal data. Please don't post such details publicly – we'll contact you by private message{link}.",
  noticeSecretPublic:
    "Urgent: your comment contained security details, so we've hidden it. Please block your card or change your PIN or password right away, and never share them with anyone – including us. We'll contact you by private message{link}.",
  noticeSecretPrivate:
    "For your security, please don't send us PINs, passwords, codes or full card numbers – we never need them. We recommend changing them or blocking the card.",
};
