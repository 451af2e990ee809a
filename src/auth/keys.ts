import { createHash, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { Config } from '../config.ts';

/** An Ed25519 key that signs, with its public half for a JWKS. */
export interface SigningKey {
  privateKey: CryptoKey;
  /** The same private key for node:crypto (receipts, checkpoints, manifests; see jws.ts). */
  keyObject: KeyObject;
  publicJwk: JWK;
  kid: string;
}

/** Every key the service uses. */
export interface KeyMaterial {
  /** Local development key: signs access tokens and identity assertions; absent when an external JWKS is configured. */
  dev: SigningKey | null;
  /** Verifies access tokens. */
  accessKeys: JWTVerifyGetKey;
  /** The service's own key: signs receipts and checkpoints, published at /.well-known/jwks.json. */
  service: SigningKey;
  /** HMAC key for fingerprints in the audit log; `id` is stored with each event so the key can rotate. */
  hmac: HmacKey;
  /** Keys rotated out: they fingerprint nothing new, but find events fingerprinted with them. */
  hmacPrevious: HmacKey[];
}

/** A fingerprint key and its id (a hash of it), which every event stores. */
export interface HmacKey {
  key: Buffer;
  id: string;
}

async function newSigningKey(): Promise<{ key: SigningKey; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const kid = createHash('sha256')
    .update(publicJwk.x ?? '')
    .digest('base64url')
    .slice(0, 16);
  const keyObject = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
  return {
    key: { privateKey, keyObject, publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' }, kid },
    privateJwk: { ...privateJwk, kid },
  };
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  const { d: _d, ...pub } = jwk;
  const kid =
    jwk.kid ??
    createHash('sha256')
      .update(jwk.x ?? '')
      .digest('base64url')
      .slice(0, 16);
  const keyObject = createPrivateKey({ key: jwk as never, format: 'jwk' });
  return { privateKey, keyObject, publicJwk: { ...pub, kid, alg: 'EdDSA', use: 'sig' }, kid };
}

async function loadOrCreate(path: string): Promise<SigningKey> {
  if (existsSync(path)) return fromPrivateJwk(JSON.parse(readFileSync(path, 'utf8')) as JWK);
  const { key, privateJwk } = await newSigningKey();
  writeFileSync(path, JSON.stringify(privateJwk), { mode: 0o600 });
  return key;
}

function hmacFrom(secret: Buffer): HmacKey {
  return { key: secret, id: createHash('sha256').update(secret).digest('hex').slice(0, 12) };
}

/** Loads the keys a deployment configured, creating development keys under DATA_DIR/keys when none are given. */
export async function loadKeys(config: Config): Promise<KeyMaterial> {
  const dir = join(config.DATA_DIR, 'keys');
  mkdirSync(dir, { recursive: true });
  const dev = config.devKeys ? await loadOrCreate(join(dir, 'dev-signing.jwk.json')) : null;
  const service = config.SERVICE_SIGNING_KEY
    ? await fromPrivateJwk(JSON.parse(config.SERVICE_SIGNING_KEY) as JWK)
    : await loadOrCreate(join(dir, 'service-signing.jwk.json'));
  let hmacSecret: Buffer;
  if (config.AUDIT_HMAC_KEY) hmacSecret = Buffer.from(config.AUDIT_HMAC_KEY, 'utf8');
  else {
    const path = join(dir, 'audit-hmac.key');
    if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
    hmacSecret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }
  let accessKeys: JWTVerifyGetKey;
  if (config.AUTH_JWKS_URL) accessKeys = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  else if (config.AUTH_JWKS_FILE)
    accessKeys = createLocalJWKSet(
      JSON.parse(readFileSync(config.AUTH_JWKS_FILE, 'utf8')) as { keys: JWK[] },
    );
  else accessKeys = createLocalJWKSet({ keys: [dev!.publicJwk] });
  const hmac = hmacFrom(hmacSecret);
  const hmacPrevious = config.AUDIT_HMAC_PREVIOUS_KEYS.map((k) =>
    hmacFrom(Buffer.from(k, 'utf8')),
  ).filter((k) => k.id !== hmac.id);
  return { dev, accessKeys, service, hmac, hmacPrevious };
}

/** Fresh in-memory keys (tests, benchmarks). */
export async function ephemeralKeys(): Promise<KeyMaterial> {
  const dev = (await newSigningKey()).key;
  const service = (await newSigningKey()).key;
  return {
    dev,
    accessKeys: createLocalJWKSet({ keys: [dev.publicJwk] }),
    service,
    hmac: hmacFrom(randomBytes(32)),
    hmacPrevious: [],
  };
}
