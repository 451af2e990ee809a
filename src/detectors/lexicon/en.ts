import type { LanguageLexicon } from './types.ts';

/** English context words. */
export const en: LanguageLexicon = {
  phrases: {
    pin: ['pin', 'pins', 'pin1', 'pin2', 'puk', 'pin number', 'pin code', 'puk code'],
    cvv: [
      'cvv*', 'cvc*', 'cid', 'security code', 'card security code', 'card verification', 'csc', 'digits on the back of your card',
      'digits on the back of the card', 'three digits on the back', 'number on the back of your card',
    ],
    otp: [
      'otp', 'one time code', 'one time passcode', 'one time password', 'passcode', 'verification code', 'authorisation code',
      'authorization code', 'auth code', 'confirmation code', 'sms code', 'sms', 'text code', 'login code', 'access code', '2fa code',
      'blik*', 'digit code', 'code we texted', 'code we just texted', 'code we sent', 'code we just sent', 'texted code',
      'code sent to your phone', 'code from the text', 'code in the text', 'code from the sms', 'code in the sms',
      'card reader code', 'pinsentry code', 'pinsentry', 'pin sentry', 'securekey code', 'code you got', 'code you received',
      'code by text', 'code by sms', 'code from your text', 'code from the text message', 'code from your sms', 'code in your text', 'digits we sent', 'digits we texted', 'digits we just sent', 'digits sent to your phone',
    ],
    code: ['code', 'codes'],
    password: ['password*', 'passwd', 'passphrase', 'pwd'],
    balance: [
      'balance*', 'available balance', 'available funds', 'funds available', 'ledger balance', 'account balance', 'in my account',
      'left in my account', 'remaining funds', 'overdrawn',
    ],
    dob: ['dob', 'date of birth', 'born', 'birthday', 'birth date', 'birthdate', 'd o b'],
    nid: ['pesel', 'personal code', 'personal number', 'national id', 'id number', 'ssn', 'social security number', 'national insurance number', 'personal identification number'],
    phone: ['tel', 'phone*', 'mobile', 'call', 'call me', 'call us', 'ring', 'text me', 'whatsapp', 'hotline', 'helpline', 'cell', 'number for 2fa'],
    account: ['account*', 'iban', 'acc', 'acct', 'sort code'],
    card: ['card*'],
    card_number: [
      'card number', 'full card number', 'card details', 'card no', 'long card number', 'card numbers', 'photo of your card',
      'picture of your card', 'both sides of your card', 'front and back of your card', 'photo of the card', 'screenshot of your card',
      'screenshot of the card', '16 digits on your card', '16 digits of your card', 'sixteen digits',
    ],
    after: ['after', 'following', 'after the', 'once the'],
    in_app: [
      'in the app', 'in your app', 'in our app', 'into the app', 'in the mobile app', 'in online banking', 'in your online banking',
      'at the atm', 'at an atm', 'at the cash machine', 'at the terminal', 'on the terminal', 'into the card reader', 'in the card reader',
    ],
    credentials: ['login details', 'login credentials', 'log in details', 'sign in details', 'online banking details', 'banking login'],
    email: ['email*', 'e mail*', 'mail', 'emailed'],
    neutral: [
      'order*', 'invoice*', 'inv', 'contract*', 'parcel*', 'tracking', 'reference*', 'ref', 'ticket*', 'case', 'claim*', 'return ref',
      'sku', 'ean', 'product*', 'loyalty', 'gift card', 'voucher', 'membership', 'booking*', 'shipment*', 'policy number',
    ],
    price: [
      'price*', 'cost*', 'fee*', 'charge*', 'charged', 'amount*', 'limit*', 'refund*', 'payment*', 'paid', 'pay', 'deposit*',
      'transfer*', 'due', 'instalment*', 'costs', 'promo*', 'deal', 'offer', 'added', 'topped up', 'top up', 'topped',
    ],
    request: [
      // not "enter" or "type": typing a code into the bank's own app is what customers should do
      'send', 'send us', 'provide', 'confirm', 'reply with', 'dm us', 'dm', 'share', 'give us', 'tell us', 'write',
      'let us know', 'message us', 'post', 'include', 'what s your', 'whats your', 'what is your',
      'we need your', 'we need it', 'read out', 'read me', 'which code', 'what code', 'would you mind', 'sending', 'send over', 'sending over', 'forward', 'forwarding', 'could you give', 'give me', 'drop us', 'drop me', 'shoot us', 'ping us', 'if you could', 'if you can', 'if you would', 'tell me', 'can you tell', 'could you tell',
    ],
    condition: ['if', 'in case', 'whether', 'when', 'unless'],
    us: ['us', 'to us', 'with us'],
    need: ['require', 'we require', 'required', 'necessary', 'needed', 'need', 'just need'],
    addressee: ['your', 'you', 'here', 'dm', 'message', 'reply', 'chat'],
    paste: ['paste', 'paste it', 'copy and paste', 'type', 'type in', 'enter', 'key in', 'reply', 'reply here'],
    negation: ['never', 'not', 'don', 'dont', 'do not', 'won', 'nobody', 'no one', 'nor', 'avoid'],
  },
  stopwords: [
    'the', 'and', 'is', 'to', 'my', 'your', 'you', 'we', 'for', 'of', 'on', 'please', 'with', 'it', 'in', 'this', 'that',
    'have', 'has', 'was', 'are', 'be', 'will', 'can', 'but', 'not', 'hi', 'thanks', 'our', 'me', 'i', 'why', 'still',
    'again', 'from', 'at', 'been', 'just', 'what',
  ],
};
