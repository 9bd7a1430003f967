// Integration tests of setup, sign-in, sign-out, the session cookie and API tokens, on both engines.
import {
  completeSetup,
  type DomainError,
  ensureSetupToken,
  type PasswordHasher,
  type Repositories,
  type Store,
  type User,
} from '@fellwatch/core';
import { CreatedToken, ErrorBody, MeResponse, TokenList } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FanoutMessage } from '../../../fanout/port.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import {
  clientFor,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../../test-support/harness.js';

const PASSWORD = 'a long enough password';

/** The session token set by a response's Set-Cookie header, and the header itself. */
function sessionCookie(headers: Headers): { value: string; header: string } {
  const header = headers.getSetCookie().find((c) => c.startsWith('fw_session='));
  expect(header, 'a fw_session cookie is set').toBeDefined();
  const value = header!.slice('fw_session='.length).split(';')[0]!;
  return { value, header: header! };
}

describeEngines('auth routes', (engine) => {
  let server: TestServer;
  // Every response body seen in this file, to check that no secret hash ever leaves the server.
  const seen: string[] = [];
  const fanned: FanoutMessage[] = [];

  /** Wraps a client so every response body is kept for the final leak check. */
  function watched(client: TestClient): TestClient {
    return {
      async request(method, path, body, headers) {
        const response = await client.request(method, path, body, headers);
        seen.push(response.text);
        return response;
      },
    };
  }
  const cookieClient = (token: string, headers: Record<string, string> = {}) =>
    watched(clientFor(server.url, { cookie: `fw_session=${token}`, ...headers }));

  beforeAll(async () => {
    server = await startTestServer(engine);
    server.ctx.fanout.subscribe((m) => fanned.push(m));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs setup once: wrong token refused, second use gone, status flips', async () => {
    const anon = watched(server.anon);
    expect((await anon.request('GET', '/api/v1/setup/status')).body).toEqual({ needsSetup: true });
    const token = await ensureSetupToken(server.ctx.ports);
    expect(token).toBeDefined();

    const account = { displayName: 'First Admin', email: 'first@example.org', password: PASSWORD };
    const wrong = await anon.request('POST', '/api/v1/setup', { ...account, token: `${token}x` });
    expect(wrong.status).toBe(403);
    expect(ErrorBody.parse(wrong.body).error.code).toBe('forbidden');

    const short = await anon.request('POST', '/api/v1/setup', { ...account, password: 'short', token });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('password');

    const winner = await anon.request('POST', '/api/v1/setup', { ...account, token });
    expect(winner.status).toBe(200);
    const me = MeResponse.parse(winner.body).me;
    expect(me).toMatchObject({ email: 'first@example.org', isPlatformAdmin: true });
    expect(await server.ctx.ports.store.countPlatformAdmins()).toBe(1);

    // The setup cookie signs the new admin in.
    const cookie = sessionCookie(winner.headers).value;
    const mine = await cookieClient(cookie).request('GET', '/api/v1/me');
    expect(mine.status).toBe(200);
    expect(mine.body.me.id).toBe(me.id);

    const again = await anon.request('POST', '/api/v1/setup', {
      ...account,
      email: 'third@example.org',
      token,
    });
    expect(again.status).toBe(410);
    expect((await anon.request('GET', '/api/v1/setup/status')).body).toEqual({ needsSetup: false });
    expect(await ensureSetupToken(server.ctx.ports)).toBeUndefined();
  });

  it('lets only one of several racing setups win', async () => {
    const fresh = await startTestServer(engine);
    try {
      const token = (await ensureSetupToken(fresh.ctx.ports))!;
      // Open the pool's connections first, so no racer waits for a connection of its own.
      await Promise.all(Array.from({ length: 4 }, () => fresh.ctx.ports.store.ping()));
      // Every password hash finishes at the same moment, so the setup transactions overlap.
      const racers = 4;
      let waiting = 0;
      let release!: () => void;
      const allHashed = new Promise<void>((resolve) => {
        release = resolve;
      });
      const passwords: PasswordHasher = {
        async hash(password) {
          const hash = await fresh.ctx.ports.passwords.hash(password);
          waiting += 1;
          if (waiting === racers) release();
          await allHashed;
          return hash;
        },
        verify: (hash, password) => fresh.ctx.ports.passwords.verify(hash, password),
      };
      // Writing the new admin slowly, after the checks, widens the window in which the transactions overlap.
      const store = fresh.ctx.ports.store;
      const slowStore: Store = Object.create(store, {
        transaction: {
          value: <T>(work: (tx: Repositories) => Promise<T>) =>
            store.transaction((tx) =>
              work(
                Object.create(tx, {
                  createUser: {
                    value: async (user: User) => {
                      await new Promise((resolve) => setTimeout(resolve, 200));
                      return tx.createUser(user);
                    },
                  },
                }),
              ),
            ),
        },
      });
      const ports = { ...fresh.ctx.ports, passwords, store: slowStore };
      const results = await Promise.allSettled(
        Array.from({ length: racers }, (_, i) =>
          completeSetup(ports, {
            displayName: `Racer ${i}`,
            email: `racer${i}@example.org`,
            password: PASSWORD,
            token,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as DomainError).code).toMatch(/^(gone|forbidden)$/);
      }
      expect(await fresh.ctx.ports.store.countPlatformAdmins()).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('signs in with a HttpOnly, SameSite=Lax cookie; wrong password and unknown email look the same', async () => {
    const person = await server.createUser({ password: PASSWORD, phone: '+44 7700 900123' });
    const anon = watched(server.anon);
    const ok = await anon.request('POST', '/api/v1/auth/login', {
      email: person.user.email,
      password: PASSWORD,
    });
    expect(ok.status).toBe(200);
    const me = MeResponse.parse(ok.body).me;
    expect(me).toMatchObject({ id: person.user.id, email: person.user.email, phone: '+44 7700 900123' });
    const { header } = sessionCookie(ok.headers);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\//i);
    // The test server is plain http, so the cookie must not claim Secure.
    expect(header).not.toMatch(/;\s*Secure/i);

    const wrongPassword = await anon.request('POST', '/api/v1/auth/login', {
      email: person.user.email,
      password: 'not the password at all',
    });
    const unknownEmail = await anon.request('POST', '/api/v1/auth/login', {
      email: 'nobody-here@example.org',
      password: PASSWORD,
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('refuses bad login bodies naming the field', async () => {
    const missing = await watched(server.anon).request('POST', '/api/v1/auth/login', { password: PASSWORD });
    expect(missing.status).toBe(400);
    expect(ErrorBody.parse(missing.body).error.field).toBe('email');
  });

  it('refuses cookie-authenticated writes from another origin, accepts them from its own', async () => {
    const person = await server.createUser({ password: PASSWORD });
    const login = await server.anon.request('POST', '/api/v1/auth/login', {
      email: person.user.email,
      password: PASSWORD,
    });
    const cookie = sessionCookie(login.headers).value;
    const evil = await cookieClient(cookie, { origin: 'https://evil.example' }).request(
      'POST',
      '/api/v1/tokens',
      {
        name: 'planted',
      },
    );
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('forbidden');
    const own = await cookieClient(cookie, { origin: server.url }).request('POST', '/api/v1/tokens', {
      name: 'from the app',
    });
    expect(own.status).toBe(201);
    // Reading is not a write: a cross-site GET gets nothing it could read anyway, and is allowed.
    const tokens = await person.request('GET', '/api/v1/tokens');
    expect(tokens.body.tokens.map((t: { name: string }) => t.name)).toEqual(['test', 'from the app']);
  });

  it('refuses a sign-in posted from a foreign page', async () => {
    const person = await server.createUser({ password: PASSWORD });
    const response = await watched(server.anon).request(
      'POST',
      '/api/v1/auth/login',
      { email: person.user.email, password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('signs out: the cookie stops working, the cookie is cleared and live sockets are told', async () => {
    const person = await server.createUser({ password: PASSWORD });
    const login = await server.anon.request('POST', '/api/v1/auth/login', {
      email: person.user.email,
      password: PASSWORD,
    });
    const client = cookieClient(sessionCookie(login.headers).value);
    expect((await client.request('GET', '/api/v1/me')).status).toBe(200);
    const out = await client.request('POST', '/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('fw_session='))).toMatch(
      /Expires=Thu, 01 Jan 1970/,
    );
    const after = await client.request('GET', '/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
    await server.composed.flushEvents();
    expect(fanned).toContainEqual(
      expect.objectContaining({ kind: 'sessions.revoked', userId: person.user.id }),
    );
  });

  it('creates, lists and revokes API tokens; a revoked token is refused', async () => {
    const person = await server.createUser();
    const owner = watched(person);
    const created = await owner.request('POST', '/api/v1/tokens', { name: '  backup script ' });
    expect(created.status).toBe(201);
    const { token, apiToken } = CreatedToken.parse(created.body);
    expect(apiToken.name).toBe('backup script');

    const script = watched(clientFor(server.url, { authorization: `Bearer ${token}` }));
    expect((await script.request('GET', '/api/v1/me')).body.me.id).toBe(person.user.id);

    const list = TokenList.parse((await owner.request('GET', '/api/v1/tokens')).body);
    expect(list.tokens.map((t) => t.id)).toContain(apiToken.id);
    expect(JSON.stringify(list)).not.toContain(token);

    const stranger = watched(await server.createUser());
    const theirs = await stranger.request('DELETE', `/api/v1/tokens/${apiToken.id}`);
    expect(theirs.status).toBe(404);
    expect((await script.request('GET', '/api/v1/me')).status).toBe(200);

    const revoked = await owner.request('DELETE', `/api/v1/tokens/${apiToken.id}`);
    expect(revoked.status).toBe(204);
    expect((await script.request('GET', '/api/v1/me')).status).toBe(401);
    const listed = TokenList.parse((await owner.request('GET', '/api/v1/tokens')).body);
    expect(listed.tokens.map((t) => t.id)).not.toContain(apiToken.id);
    await server.composed.flushEvents();
    expect(fanned).toContainEqual({
      kind: 'sessions.revoked',
      userId: person.user.id,
      sessionIds: [apiToken.id],
    });

    expect((await owner.request('DELETE', `/api/v1/tokens/${apiToken.id}`)).status).toBe(404);
    const badName = await owner.request('POST', '/api/v1/tokens', { name: '   ' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe('name');
    const badId = await owner.request('DELETE', '/api/v1/tokens/not-an-id');
    expect(badId.status).toBe(400);
  });

  it('answers 401 to /me, /tokens and logout without credentials', async () => {
    const anon = watched(server.anon);
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/auth/logout'],
    ] as const) {
      const response = await anon.request(method, path);
      expect(response.status, `${method} ${path}`).toBe(401);
    }
    const forged = await cookieClient('a'.repeat(43)).request('GET', '/api/v1/me');
    expect(forged.status).toBe(401);
  });

  it('rate-limits sign-in per address with 429 and Retry-After', async () => {
    const person = await server.createUser({ password: PASSWORD });
    const anon = watched(server.anon);
    let limited: Awaited<ReturnType<TestClient['request']>> | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await anon.request('POST', '/api/v1/auth/login', {
        email: person.user.email,
        password: 'guessing again and again',
      });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(401);
    }
    expect(limited, 'a 429 within 12 attempts (10 a minute)').toBeDefined();
    expect(limited!.body.error.code).toBe('rate_limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password is refused while limited.
    const right = await anon.request('POST', '/api/v1/auth/login', {
      email: person.user.email,
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
  });

  it('never sends a password hash or a token hash', async () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const text of seen) {
      expect(text).not.toMatch(/passwordHash|tokenHash|password_hash|token_hash|\$argon2/);
    }
  });
});
