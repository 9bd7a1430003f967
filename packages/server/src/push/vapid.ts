// VAPID (RFC 8292): the server's own key pair, and the signed token that tells a push service who sends.
import { createECDH, createPrivateKey, type KeyObject, sign as signWith, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';

/** The server's VAPID key pair, base64url: the public key uncompressed (65 bytes), the private key its 32-byte scalar. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The keys and the contact a push service may write to about this server (a mailto: or https: URI). */
export interface VapidIdentity extends VapidKeys {
  subject: string;
}

/** How long a token is good for: RFC 8292 allows at most 24 hours; 12 leaves room for clocks that differ. */
export const VAPID_TOKEN_SECONDS = 12 * 60 * 60;

const MAX_CACHED_TOKENS = 100;

/** Encodes bytes as base64url without padding. */
export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Decodes base64url (padding tolerated); throws on anything else. */
export function fromBase64url(text: string, what: string): Buffer {
  const bare = text.trim().replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(bare)) throw new Error(`${what} must be base64url`);
  return Buffer.from(bare, 'base64url');
}

/** Makes a fresh P-256 key pair. */
export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: base64url(ecdh.getPublicKey()),
    privateKey: base64url(padScalar(ecdh.getPrivateKey())),
  };
}

/**
 * Checks a key pair: a 65-byte uncompressed public point and a 32-byte private scalar whose public
 * point it is. Errors name what is wrong, never the key.
 */
export function checkVapidKeys(keys: VapidKeys): VapidKeys {
  const publicKey = fromBase64url(keys.publicKey, 'VAPID_PUBLIC_KEY');
  const privateKey = fromBase64url(keys.privateKey, 'VAPID_PRIVATE_KEY');
  if (publicKey.length !== 65 || publicKey[0] !== 4) {
    throw new Error('VAPID_PUBLIC_KEY must be an uncompressed P-256 public key (65 bytes, base64url)');
  }
  if (privateKey.length !== 32)
    throw new Error('VAPID_PRIVATE_KEY must be a 32-byte P-256 private key (base64url)');
  const ecdh = createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(privateKey);
  } catch {
    throw new Error('VAPID_PRIVATE_KEY is not a P-256 private key');
  }
  if (!timingSafeEqual(ecdh.getPublicKey(), publicKey)) {
    throw new Error('VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY');
  }
  return { publicKey: base64url(publicKey), privateKey: base64url(privateKey) };
}

/**
 * The server's VAPID identity: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY from the environment (both or
 * neither), else a pair generated once into `vapid.json` in the data folder (mode 0600). Subscriptions
 * are bound to the public key, so it must stay the same: several app nodes must share one pair.
 * VAPID_SUBJECT defaults to PUBLIC_URL.
 */
export function loadVapidIdentity(config: Config, env: NodeJS.ProcessEnv = process.env): VapidIdentity {
  const subject = checkSubject(env.VAPID_SUBJECT?.trim() || config.publicUrl);
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey)
      throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither');
    return { ...checkVapidKeys({ publicKey, privateKey }), subject };
  }
  const path = join(config.dataDir, 'vapid.json');
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<VapidKeys>;
    if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string') {
      throw new Error(`${path} must hold publicKey and privateKey`);
    }
    return { ...checkVapidKeys({ publicKey: stored.publicKey, privateKey: stored.privateKey }), subject };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const keys = generateVapidKeys();
  try {
    writeFileSync(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process (the CLI, a second node on this folder) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadVapidIdentity(config, env);
    throw error;
  }
  // The mode given to writeFileSync is only narrowed by the umask; make sure nobody else can read it.
  chmodSync(path, 0o600);
  return { ...keys, subject };
}

/**
 * A mailto: or https: URI, as RFC 8292 asks; a push service writes to it when this server misbehaves.
 * http: is let through for a server on a developer's machine, whose PUBLIC_URL is the default.
 */
function checkSubject(subject: string): string {
  if (!/^mailto:\S+@\S+$/i.test(subject) && !/^https?:\/\/\S+$/i.test(subject)) {
    throw new Error('VAPID_SUBJECT must be a mailto: address or an https:// URL');
  }
  return subject;
}

/** Signs VAPID tokens for one identity, keeping each audience's token until it is near its end. */
export class VapidSigner {
  private readonly key: KeyObject;
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  constructor(private readonly identity: VapidIdentity) {
    const publicKey = fromBase64url(identity.publicKey, 'VAPID_PUBLIC_KEY');
    this.key = createPrivateKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: base64url(publicKey.subarray(1, 33)),
        y: base64url(publicKey.subarray(33, 65)),
        d: identity.privateKey,
      },
    });
  }

  /** The Authorization header for a request to `audience` (the endpoint's origin) at `nowMs`. */
  authorization(audience: string, nowMs: number): string {
    const nowSeconds = Math.floor(nowMs / 1000);
    let cached = this.tokens.get(audience);
    // Renewed an hour before it ends, so a token never arrives expired.
    if (!cached || cached.expires - 3600 <= nowSeconds) {
      const expires = nowSeconds + VAPID_TOKEN_SECONDS;
      cached = { token: this.token(audience, expires), expires };
      // Audiences are push services' origins, a handful; the bound only keeps odd endpoints from piling up.
      if (this.tokens.size >= MAX_CACHED_TOKENS) this.tokens.clear();
      this.tokens.set(audience, cached);
    }
    return `vapid t=${cached.token}, k=${this.identity.publicKey}`;
  }

  private token(audience: string, expires: number): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'ES256' }));
    const claims = base64url(JSON.stringify({ aud: audience, exp: expires, sub: this.identity.subject }));
    const signingInput = `${header}.${claims}`;
    // ES256 in a JWT is r || s, 32 bytes each (IEEE P1363), not DER.
    const signature = signWith('sha256', Buffer.from(signingInput), {
      key: this.key,
      dsaEncoding: 'ieee-p1363',
    });
    return `${signingInput}.${base64url(signature)}`;
  }
}

/** A private scalar as exactly 32 bytes (node may drop leading zeros). */
function padScalar(scalar: Buffer): Buffer {
  if (scalar.length >= 32) return scalar;
  return Buffer.concat([Buffer.alloc(32 - scalar.length), scalar]);
}
