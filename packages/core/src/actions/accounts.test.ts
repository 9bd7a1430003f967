// Unit tests of account rules and sign-in, with small in-memory ports.
import { describe, expect, it } from 'vitest';
import type { Session, User } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import type { UserId } from '../model/ids.js';
import type { PasswordHasher, Ports } from '../ports/index.js';
import { checkNewAccount, login } from './accounts.js';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const valid = { displayName: ' Ann Fell ', email: ' Ann@Example.ORG ', password: 'long enough pass' };

describe('checkNewAccount', () => {
  it('trims the name and normalises the email', () => {
    expect(checkNewAccount(valid)).toEqual({
      displayName: 'Ann Fell',
      email: 'ann@example.org',
      password: 'long enough pass',
    });
  });

  it('names the field it refuses', () => {
    expect(refusal(() => checkNewAccount({ ...valid, password: 'nine char' })).field).toBe('password');
    expect(refusal(() => checkNewAccount({ ...valid, password: 'x'.repeat(201) })).field).toBe('password');
    expect(refusal(() => checkNewAccount({ ...valid, displayName: '   ' })).field).toBe('displayName');
    expect(refusal(() => checkNewAccount({ ...valid, email: 'ann.example.org' })).field).toBe('email');
    expect(refusal(() => checkNewAccount({ ...valid, phone: 'call me' })).field).toBe('phone');
  });

  it('accepts exactly ten characters and a phone number', () => {
    expect(checkNewAccount({ ...valid, password: '0123456789', phone: '+44 7700 900123' }).phone).toBe(
      '+44 7700 900123',
    );
  });
});

describe('login', () => {
  // A hasher that records which hashes it was asked to verify; "hash:<password>" matches only that password.
  function ports() {
    const verified: string[] = [];
    const passwords: PasswordHasher = {
      async hash(password) {
        return `hash:${password}`;
      },
      async verify(hash, password) {
        verified.push(hash);
        return hash === `hash:${password}`;
      },
    };
    const user: User = {
      id: '01HZX00000000000000000USER' as UserId,
      displayName: 'Ann',
      email: 'ann@example.org',
      phone: null,
      passwordHash: 'hash:right password',
      isPlatformAdmin: false,
      createdAt: 0,
    };
    const sessions: Session[] = [];
    let n = 0;
    const store = {
      async getUserByEmail(email: string) {
        return email === user.email ? user : undefined;
      },
      async createSession(session: Session) {
        sessions.push(session);
      },
      async listAffiliationsOfUser() {
        return [];
      },
    };
    const all = {
      store,
      passwords,
      clock: { now: () => 1_000 },
      ids: { next: () => `01HZX0000000000000000000${String(++n).padStart(2, '0')}` },
      secrets: { randomToken: () => `token-${n}-abcdefghijklmnop`, hashToken: (t: string) => `h(${t})` },
    } as unknown as Ports;
    return { ports: all, verified, sessions, user };
  }

  it('starts a 30-day browser session storing only the token hash', async () => {
    const { ports: p, sessions, user } = ports();
    const signedIn = await login(p, { email: 'ANN@example.org', password: 'right password' });
    expect(signedIn.actor.user.id).toBe(user.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ kind: 'browser', tokenHash: `h(${signedIn.token})` });
    expect(sessions[0]?.expiresAt).toBe(1_000 + 30 * 24 * 60 * 60 * 1000);
    expect(signedIn.actor.sessionId).toBe(sessions[0]?.id);
  });

  it('gives the same refusal for a wrong password and an unknown email, after checking a hash either way', async () => {
    const { ports: p, verified, sessions } = ports();
    const wrong = await login(p, { email: 'ann@example.org', password: 'wrong password' }).catch((e) => e);
    const unknown = await login(p, { email: 'bob@example.org', password: 'right password' }).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(unknown).toBeInstanceOf(DomainError);
    expect({ code: unknown.code, message: unknown.message }).toEqual({
      code: wrong.code,
      message: wrong.message,
    });
    expect(wrong.code).toBe('unauthenticated');
    // Both paths pay for one password verification, so timing does not reveal which emails exist.
    expect(verified).toHaveLength(2);
    expect(verified[1]).not.toBe('hash:right password');
    expect(sessions).toHaveLength(0);
  });
});
