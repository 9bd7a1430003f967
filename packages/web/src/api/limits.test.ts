// Checks the web client's mirrored limits against the protocol package they copy.
import { ClientId, MAX_BODY as P_MAX_BODY, MAX_PHOTOS as P_MAX_PHOTOS } from '@fellwatch/protocol';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID_PATTERN, MAX_BODY, MAX_PHOTOS } from './limits.js';

describe('mirrored protocol limits', () => {
  it('match the protocol constants', () => {
    expect(MAX_BODY).toBe(P_MAX_BODY);
    expect(MAX_PHOTOS).toBe(P_MAX_PHOTOS);
  });

  it('accept and refuse the same client ids as the protocol', () => {
    for (const id of [
      'abcdefgh',
      'A'.repeat(64),
      'x_y-z012',
      'short',
      'a'.repeat(65),
      'has space1',
      'dots.are.bad',
    ]) {
      expect(CLIENT_ID_PATTERN.test(id), id).toBe(ClientId.safeParse(id).success);
    }
  });
});
