import { sign } from 'node:crypto';
import type { SigningKey } from './keys.ts';

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * A compact JWS (RFC 7515) signed with the service's Ed25519 key through node:crypto.
 * jose verifies these (tests do); jose signs through WebCrypto, which measured 300 µs a
 * signature here against 65 µs — and a receipt is signed on every check.
 */
export function signCompact(key: SigningKey, typ: string, payload: unknown): string {
  const input = `${b64(JSON.stringify({ alg: 'EdDSA', kid: key.kid, typ }))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${b64(sign(null, Buffer.from(input), key.keyObject))}`;
}
