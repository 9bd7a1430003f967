// The Secrets port on node:crypto: random session and invite tokens, and the hashes kept in the store.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Secrets } from '@fellwatch/core';

const TOKEN_BYTES = 32;

/**
 * Makes 256-bit base64url tokens and hashes them for lookup. With a server key the hash is an
 * HMAC-SHA256, so a leaked database alone does not let anyone test guessed tokens offline.
 */
export class CryptoSecrets implements Secrets {
  private readonly serverKey: Buffer | undefined;

  constructor(serverKey?: string | Uint8Array) {
    if (serverKey !== undefined && serverKey.length === 0)
      throw new Error('The server key must not be empty');
    this.serverKey = serverKey === undefined ? undefined : Buffer.from(serverKey);
  }

  randomToken(): string {
    return randomBytes(TOKEN_BYTES).toString('base64url');
  }

  hashToken(token: string): string {
    const hash = this.serverKey ? createHmac('sha256', this.serverKey) : createHash('sha256');
    return hash.update(token, 'utf8').digest('hex');
  }
}
