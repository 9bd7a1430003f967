// The Secrets port on node:crypto: random tokens, the hashes kept in the store, and sealing records at rest.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Secrets } from '@fellwatch/core';

const TOKEN_BYTES = 32;

/** What the sealing key is derived for; a new use of sealing gets a label of its own. */
export const SEALING_KEY_LABEL = 'fellwatch herbert-protocol profiles v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** version byte + nonce + tag: the shortest sealed value (empty plaintext). */
const MIN_SEALED_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

/** Why sealed data did not open: altered, sealed for another record, or under a key this server lacks. */
export class SealedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedDataError';
  }
}

/** Keys for sealing: which key version new seals carry, its key, and earlier keys kept for opening. */
export interface SealingOptions {
  /** The version byte new seals carry, 1-255 (default 1). */
  keyVersion?: number;
  /**
   * This version's key, when it is not the server key: the sealing key can then rotate without
   * changing the token key (which would sign everybody out). Unset, the server key is this version's key.
   */
  currentKey?: string | Uint8Array;
  /** Keys used before, by key version: still opened, never sealed with. */
  previousKeys?: Readonly<Record<number, string | Uint8Array>>;
}

/**
 * Makes 256-bit base64url tokens and hashes them for lookup. With a server key the hash is an
 * HMAC-SHA256, so a leaked database alone does not let anyone test guessed tokens offline.
 *
 * Sealing: AES-256-GCM under a key derived from the server key with HKDF-SHA256 (labelled
 * SEALING_KEY_LABEL, so it is never the key that signs tokens), a random 96-bit nonce per seal, and the
 * caller's context as additional authenticated data. Sealed bytes are [key version: 1 byte][nonce: 12]
 * [ciphertext][tag: 16] (base64url of them for sealed text); the version byte says which key opens it, so
 * the key can rotate while older values still open.
 */
export class CryptoSecrets implements Secrets {
  /** The version byte new seals carry. */
  readonly keyVersion: number;
  private readonly serverKey: Buffer | undefined;
  private readonly sealingKeys = new Map<number, Buffer>();

  constructor(serverKey?: string | Uint8Array, sealing: SealingOptions = {}) {
    if (serverKey !== undefined && serverKey.length === 0)
      throw new Error('The server key must not be empty');
    this.serverKey = serverKey === undefined ? undefined : Buffer.from(serverKey);
    this.keyVersion = checkVersion(sealing.keyVersion ?? 1);
    for (const [version, key] of Object.entries(sealing.previousKeys ?? {})) {
      if (key.length === 0) throw new Error(`The key of key version ${version} must not be empty`);
      if (Number(version) === this.keyVersion) {
        throw new Error(`Key version ${version} is the current version; it cannot also be an earlier one`);
      }
      this.sealingKeys.set(checkVersion(Number(version)), deriveSealingKey(Buffer.from(key)));
    }
    if (sealing.currentKey !== undefined && sealing.currentKey.length === 0) {
      throw new Error(`The key of key version ${this.keyVersion} must not be empty`);
    }
    const currentKey = sealing.currentKey === undefined ? this.serverKey : Buffer.from(sealing.currentKey);
    if (currentKey) this.sealingKeys.set(this.keyVersion, deriveSealingKey(currentKey));
  }

  /**
   * True when a sealed value (text or bytes) carries the current key version, so re-sealing it would
   * change nothing. Says nothing of whether it opens.
   */
  isCurrent(sealed: string | Uint8Array): boolean {
    const first = typeof sealed === 'string' ? Buffer.from(sealed.slice(0, 4), 'base64url')[0] : sealed[0];
    return first === this.keyVersion;
  }

  randomToken(): string {
    return randomBytes(TOKEN_BYTES).toString('base64url');
  }

  hashToken(token: string): string {
    const hash = this.serverKey ? createHmac('sha256', this.serverKey) : createHash('sha256');
    return hash.update(token, 'utf8').digest('hex');
  }

  seal(plaintext: string, context: string): string {
    return Buffer.from(this.sealBytes(Buffer.from(plaintext, 'utf8'), context)).toString('base64url');
  }

  open(sealed: string, context: string): string {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.toString('base64url') !== sealed) throw malformed();
    return Buffer.from(this.openBytes(bytes, context)).toString('utf8');
  }

  sealBytes(plaintext: Uint8Array, context: string): Uint8Array {
    const key = this.sealingKeys.get(this.keyVersion);
    if (!key) throw new Error("Sealing needs a server key (SECRET_KEY or the data folder's secret.key)");
    const version = Buffer.of(this.keyVersion);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(version, context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([version, nonce, body, cipher.getAuthTag()]);
  }

  openBytes(sealed: Uint8Array, context: string): Uint8Array {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (bytes.byteLength < MIN_SEALED_BYTES) throw malformed();
    const version = bytes.subarray(0, 1);
    const key = this.sealingKeys.get(version[0] as number);
    if (!key) {
      throw new SealedDataError(
        `The sealed data uses key version ${version[0]}, and this server holds no key of that version.`,
      );
    }
    const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
    const tag = bytes.subarray(bytes.byteLength - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(version, context));
    decipher.setAuthTag(tag);
    const body = bytes.subarray(1 + NONCE_BYTES, bytes.byteLength - TAG_BYTES);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new SealedDataError(
        `The sealed data did not open with key version ${version[0]}: it was altered, belongs to another record, or was sealed under another key.`,
      );
    }
  }
}

function malformed(): SealedDataError {
  return new SealedDataError('The sealed data is malformed: it is not a value this server sealed.');
}

/** The AES-256 key for sealing, derived from a server key; the token HMAC key is never used directly. */
function deriveSealingKey(serverKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), SEALING_KEY_LABEL, KEY_BYTES));
}

/** The version byte is authenticated too, so a value cannot be steered to another key. */
function additionalData(version: Buffer, context: string): Buffer {
  return Buffer.concat([version, Buffer.from(context, 'utf8')]);
}

function checkVersion(version: number): number {
  if (!Number.isInteger(version) || version < 1 || version > 255) {
    throw new Error(`A key version must be a whole number from 1 to 255, not ${version}`);
  }
  return version;
}
