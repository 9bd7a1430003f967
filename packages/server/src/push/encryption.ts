// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188), with node:crypto.
import { createCipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { fromBase64url } from './vapid.js';

/** The record size written in the header: one record holds the whole message. */
const RECORD_SIZE = 4096;
/** salt (16) + record size (4) + key id length (1) + key id (the 65-byte public key). */
const HEADER_BYTES = 16 + 4 + 1 + 65;
/** AES-GCM's tag. */
const TAG_BYTES = 16;
/**
 * The largest payload: push services accept 4096 bytes of body, and the body is the header, the
 * payload, one delimiter byte and the tag.
 */
export const MAX_PAYLOAD_BYTES = 4096 - HEADER_BYTES - 1 - TAG_BYTES;

/** The browser's keys from its subscription, base64url. */
export interface BrowserKeys {
  p256dh: string;
  auth: string;
}

/** Fixed inputs for checking against the RFC's worked example; real messages draw both at random. */
export interface EncryptionInputs {
  salt: Buffer;
  /** The sender's one-off ECDH private key for this message. */
  ephemeralPrivateKey: Buffer;
}

/**
 * Encrypts `payload` for the browser holding `keys`: a fresh ECDH key pair and salt per message, the
 * shared secret mixed with the browser's auth secret, one aes128gcm record. Throws when the keys are
 * malformed or the payload is too long.
 */
export function encryptPushPayload(
  keys: BrowserKeys,
  payload: Uint8Array,
  inputs?: EncryptionInputs,
): Buffer {
  const browserPublic = fromBase64url(keys.p256dh, 'p256dh');
  const authSecret = fromBase64url(keys.auth, 'auth');
  if (browserPublic.length !== 65 || browserPublic[0] !== 4) {
    throw new Error('p256dh must be an uncompressed P-256 public key');
  }
  if (authSecret.length !== 16) throw new Error('auth must be 16 bytes');
  if (payload.length > MAX_PAYLOAD_BYTES) {
    throw new Error(`a push payload may be at most ${MAX_PAYLOAD_BYTES} bytes`);
  }

  const ecdh = createECDH('prime256v1');
  if (inputs) ecdh.setPrivateKey(inputs.ephemeralPrivateKey);
  else ecdh.generateKeys();
  const senderPublic = ecdh.getPublicKey();
  const sharedSecret = ecdh.computeSecret(browserPublic);
  const salt = inputs?.salt ?? randomBytes(16);

  // RFC 8291 section 3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0 || ua_public || as_public, 32)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browserPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, authSecret, keyInfo, 32));
  // RFC 8188 section 2.2 and 2.3: the content key and the nonce, from the message's salt.
  const contentKey = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const cipher = createCipheriv('aes-128-gcm', contentKey, nonce);
  // 0x02 marks the last (here the only) record; no padding is added.
  const sealed = Buffer.concat([cipher.update(payload), cipher.update(Buffer.from([2])), cipher.final()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(senderPublic.length, 20);
  return Buffer.concat([header, senderPublic, sealed, cipher.getAuthTag()]);
}
