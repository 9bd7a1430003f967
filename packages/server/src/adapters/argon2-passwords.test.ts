// Tests of the argon2id password hasher.
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { Argon2Passwords, OWASP_ARGON2ID } from './argon2-passwords.js';

describe('Argon2Passwords', () => {
  const passwords = new Argon2Passwords();

  it('hashes with argon2id at the OWASP parameters and verifies the same password', async () => {
    const hash = await passwords.hash('correct horse battery staple');
    expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
    expect(parseOptions(hash)).toMatchObject(OWASP_ARGON2ID);
    expect(await passwords.verify(hash, 'correct horse battery staple')).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const hash = await passwords.hash('correct horse battery staple');
    expect(await passwords.verify(hash, 'correct horse battery stapler')).toBe(false);
    expect(await passwords.verify(hash, '')).toBe(false);
  });

  it('salts every hash, so one password gives different hashes that both verify', async () => {
    const [a, b] = await Promise.all([passwords.hash('same password'), passwords.hash('same password')]);
    expect(a).not.toBe(b);
    expect(await passwords.verify(a, 'same password')).toBe(true);
    expect(await passwords.verify(b, 'same password')).toBe(true);
  });

  it('handles non-ASCII passwords', async () => {
    const hash = await passwords.hash('ffermwr-ŵyn-🐑');
    expect(await passwords.verify(hash, 'ffermwr-ŵyn-🐑')).toBe(true);
    expect(await passwords.verify(hash, 'ffermwr-wyn-🐑')).toBe(false);
  });

  it('returns false, without throwing, for a malformed hash', async () => {
    const good = await passwords.hash('pw');
    for (const bad of ['', 'not a hash', '$argon2id$', good.slice(0, -10), '$2b$10$abcdefghijklmnopqrstuv']) {
      await expect(passwords.verify(bad, 'pw')).resolves.toBe(false);
    }
  });
});
