// Tests of the token, token-hash and sealing adapter.
import { createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoSecrets, SEALING_KEY_LABEL, SealedDataError } from './crypto-secrets.js';

describe('CryptoSecrets', () => {
  it('makes URL-safe tokens of 256 bits that do not repeat', () => {
    const secrets = new CryptoSecrets();
    const tokens = Array.from({ length: 1000 }, () => secrets.randomToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('hashes a token to the SHA-256 hex digest, the same every time', () => {
    const secrets = new CryptoSecrets();
    const token = secrets.randomToken();
    const expected = createHash('sha256').update(token).digest('hex');
    expect(secrets.hashToken(token)).toBe(expected);
    expect(new CryptoSecrets().hashToken(token)).toBe(expected);
    expect(secrets.hashToken(`${token}x`)).not.toBe(expected);
  });

  it('hashes with HMAC-SHA256 under a server key, so the hash depends on the key', () => {
    const token = 'a-token';
    const keyed = new CryptoSecrets('server-key-one');
    expect(keyed.hashToken(token)).toBe(createHmac('sha256', 'server-key-one').update(token).digest('hex'));
    expect(keyed.hashToken(token)).not.toBe(new CryptoSecrets('server-key-two').hashToken(token));
    expect(keyed.hashToken(token)).not.toBe(new CryptoSecrets().hashToken(token));
    expect(new CryptoSecrets(new TextEncoder().encode('server-key-one')).hashToken(token)).toBe(
      keyed.hashToken(token),
    );
  });

  it('refuses an empty server key rather than silently hashing without one', () => {
    expect(() => new CryptoSecrets('')).toThrow(/server key/);
  });
});

describe('CryptoSecrets sealing', () => {
  const context = 'profile:01J0000000000000000000000A:01J0000000000000000000000B';
  const text = 'Margaret Ellis, known as Peggy. Walks to the chapel at Eggleston most mornings. Café 😀';

  it('opens what it sealed, with the same context, and seals differently every time', () => {
    const secrets = new CryptoSecrets('server-key-one');
    const sealed = secrets.seal(text, context);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('Margaret');
    expect(secrets.open(sealed, context)).toBe(text);
    expect(secrets.seal(text, context)).not.toBe(sealed);
    expect(new CryptoSecrets('server-key-one').open(sealed, context)).toBe(text);
    expect(secrets.open(secrets.seal('', context), context)).toBe('');
  });

  it('is AES-256-GCM under an HKDF-SHA256 key from the server key, laid out version | nonce | ciphertext | tag', () => {
    const sealed = Buffer.from(new CryptoSecrets('server-key-one').seal(text, context), 'base64url');
    expect(sealed[0]).toBe(1);
    const key = Buffer.from(hkdfSync('sha256', 'server-key-one', Buffer.alloc(0), SEALING_KEY_LABEL, 32));
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.concat([Buffer.of(1), Buffer.from(context)]));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const body = sealed.subarray(13, sealed.length - 16);
    expect(Buffer.concat([decipher.update(body), decipher.final()]).toString()).toBe(text);
    // The sealing key is not the key that signs tokens.
    expect(key.equals(Buffer.from('server-key-one'))).toBe(false);
  });

  it('refuses a value with any byte changed, clearly, and never returns altered text', () => {
    const secrets = new CryptoSecrets('server-key-one');
    const sealed = Buffer.from(secrets.seal(text, context), 'base64url');
    for (const at of [1, 12, 13, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] as number) ^ 0x01;
      expect(() => secrets.open(tampered.toString('base64url'), context)).toThrow(
        /did not open with key version 1: it was altered/,
      );
    }
    expect(() => secrets.open(sealed.subarray(0, sealed.length - 1).toString('base64url'), context)).toThrow(
      SealedDataError,
    );
    expect(() => secrets.open('not sealed at all!', context)).toThrow(/malformed/);
    expect(() => secrets.open('', context)).toThrow(/malformed/);
  });

  it('does not open under another context: a blob copied to another record or owner stays shut', () => {
    const secrets = new CryptoSecrets('server-key-one');
    const sealed = secrets.seal(text, context);
    expect(() => secrets.open(sealed, context.replace('0B', '0C'))).toThrow(SealedDataError);
    expect(() => secrets.open(sealed, `${context} `)).toThrow(/belongs to another record/);
  });

  it('does not open under another server key, or without one', () => {
    const sealed = new CryptoSecrets('server-key-one').seal(text, context);
    expect(() => new CryptoSecrets('server-key-two').open(sealed, context)).toThrow(
      /sealed under another key/,
    );
    expect(() => new CryptoSecrets().open(sealed, context)).toThrow(/holds no key of that version/);
    expect(() => new CryptoSecrets().seal(text, context)).toThrow(/Sealing needs a server key/);
  });

  it('rotates: new seals carry the new key version, earlier versions still open with the keys kept for them', () => {
    const before = new CryptoSecrets('old-server-key');
    const old = before.seal(text, context);
    const after = new CryptoSecrets('new-server-key', {
      keyVersion: 2,
      previousKeys: { 1: 'old-server-key' },
    });
    const fresh = after.seal(text, context);
    expect(Buffer.from(fresh, 'base64url')[0]).toBe(2);
    expect(after.open(old, context)).toBe(text);
    expect(after.open(fresh, context)).toBe(text);
    // The old server alone cannot open what the new key sealed, and says which version it lacks.
    expect(() => before.open(fresh, context)).toThrow(/key version 2, and this server holds no key/);
    // Version byte steered to another key: the version is authenticated, so it fails.
    const steered = Buffer.from(fresh, 'base64url');
    steered[0] = 1;
    expect(() => after.open(steered.toString('base64url'), context)).toThrow(
      /did not open with key version 1/,
    );
  });

  it('rotates the sealing key apart from the token key: tokens keep their hashes', () => {
    const before = new CryptoSecrets('server-key-one');
    const old = before.seal(text, context);
    const after = new CryptoSecrets('server-key-one', {
      keyVersion: 2,
      currentKey: 'a separate profile key',
      previousKeys: { 1: 'server-key-one' },
    });
    expect(after.hashToken('a-token')).toBe(before.hashToken('a-token'));
    const fresh = after.seal(text, context);
    expect(after.open(old, context)).toBe(text);
    expect(after.open(fresh, context)).toBe(text);
    expect(() => before.open(fresh, context)).toThrow(/key version 2/);
    // The current key alone opens what it sealed, with no server key at all.
    const keyOnly = new CryptoSecrets(undefined, { keyVersion: 2, currentKey: 'a separate profile key' });
    expect(keyOnly.open(fresh, context)).toBe(text);
    expect(() => keyOnly.open(old, context)).toThrow(/key version 1/);
  });

  it('tells whether a sealed value carries the current key version, as text or bytes', () => {
    const one = new CryptoSecrets('server-key-one');
    const two = new CryptoSecrets('server-key-two', { keyVersion: 2, previousKeys: { 1: 'server-key-one' } });
    expect(one.keyVersion).toBe(1);
    expect(two.keyVersion).toBe(2);
    const old = one.seal(text, context);
    const oldBytes = one.sealBytes(Buffer.from(text), context);
    expect(one.isCurrent(old)).toBe(true);
    expect(one.isCurrent(oldBytes)).toBe(true);
    expect(two.isCurrent(old)).toBe(false);
    expect(two.isCurrent(oldBytes)).toBe(false);
    expect(two.isCurrent(two.seal(text, context))).toBe(true);
    expect(two.isCurrent(two.sealBytes(oldBytes, context))).toBe(true);
    expect(two.isCurrent('')).toBe(false);
    expect(two.isCurrent(new Uint8Array(0))).toBe(false);
  });

  it('seals bytes the same way, for photos', () => {
    const secrets = new CryptoSecrets('server-key-one');
    const photo = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);
    const sealed = secrets.sealBytes(photo, context);
    expect(sealed.byteLength).toBe(photo.byteLength + 1 + 12 + 16);
    expect(Buffer.from(secrets.openBytes(sealed, context)).equals(Buffer.from(photo))).toBe(true);
    const tampered = Uint8Array.from(sealed);
    tampered[100] = (tampered[100] as number) ^ 0x80;
    expect(() => secrets.openBytes(tampered, context)).toThrow(SealedDataError);
    expect(() => secrets.openBytes(sealed, 'profile-photo:other')).toThrow(/belongs to another record/);
    expect(() => secrets.openBytes(new Uint8Array(10), context)).toThrow(/malformed/);
  });

  it('refuses key versions outside 1-255 and empty earlier keys', () => {
    expect(() => new CryptoSecrets('k', { keyVersion: 0 })).toThrow(/key version/);
    expect(() => new CryptoSecrets('k', { keyVersion: 256 })).toThrow(/key version/);
    expect(() => new CryptoSecrets('k', { previousKeys: { 1: '' } })).toThrow(/must not be empty/);
    expect(() => new CryptoSecrets('k', { keyVersion: 2, currentKey: '' })).toThrow(/must not be empty/);
    expect(() => new CryptoSecrets('k', { keyVersion: 2, previousKeys: { 2: 'other' } })).toThrow(
      /cannot also be an earlier one/,
    );
  });
});
