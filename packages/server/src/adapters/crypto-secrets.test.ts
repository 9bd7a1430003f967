// Tests of the token and token-hash adapter.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoSecrets } from './crypto-secrets.js';

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
