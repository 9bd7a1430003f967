// Integration-test harness: a real server on a random port over a real store (SQLite file or PostgreSQL schema).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushSender, SessionId, User, UserId } from '@fellwatch/core';
import { Argon2Passwords } from '../adapters/index.js';
import { type Composed, compose } from '../compose.js';
import { type Config, loadConfig } from '../config/index.js';
import { type Engine, openTestStore } from '../storage/test-support/test-stores.js';
import type { AppContext } from '../transport/http/context.js';

/** A response as tests see it: status, parsed JSON (or text) body and headers. */
export interface TestResponse<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Sends requests to the test server, with or without credentials. */
export interface TestClient {
  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely-typed JSON; schemas check shapes where it matters
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>>;
}

/** A person created for a test, with a bearer token. */
export interface TestUser extends TestClient {
  user: User;
  token: string;
  password: string;
}

export interface TestServer {
  url: string;
  engine: Engine;
  ctx: AppContext;
  composed: Composed;
  anon: TestClient;
  createUser(options?: {
    displayName?: string;
    email?: string;
    phone?: string;
    password?: string;
    isPlatformAdmin?: boolean;
  }): Promise<TestUser>;
  close(): Promise<void>;
}

// Cheap argon2 parameters keep tests fast; production uses OWASP's setting.
const testPasswords = new Argon2Passwords({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
let counter = 0;

/** Makes a client that sends JSON (or FormData) with optional extra headers. */
export function clientFor(baseUrl: string, auth: Record<string, string> = {}): TestClient {
  return {
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...auth, ...headers } };
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      let parsed: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0)
        parsed = JSON.parse(text);
      // biome-ignore lint/suspicious/noExplicitAny: see TestClient
      return { status: response.status, body: parsed as any, text, headers: response.headers };
    },
  };
}

/**
 * Starts a server for one test file. `config` overrides the defaults (e.g. a small upload limit); `push`
 * replaces the Web Push sender (one that may reach a test's imitation push service).
 */
export async function startTestServer(
  engine: Engine,
  options: { config?: Partial<Config>; push?: PushSender } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-test-'));
  const opened = await openTestStore(engine);
  const config: Config = {
    ...loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }),
    host: '127.0.0.1',
    ...options.config,
  };
  const composed = await compose(config, {
    store: opened.store,
    passwords: testPasswords,
    ...(options.push ? { push: options.push } : {}),
  });
  await composed.app.listen({ port: 0, host: '127.0.0.1' });
  const address = composed.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  // Invite and setup links must point at this server.
  composed.ctx.config.publicUrl = url;
  const { ctx } = composed;
  return {
    url,
    engine,
    ctx,
    composed,
    anon: clientFor(url),
    async createUser(o = {}) {
      counter += 1;
      const n = `${Date.now().toString(36)}${counter}`;
      const password = o.password ?? `correct horse ${n}`;
      const user: User = {
        id: ctx.ports.ids.next() as UserId,
        displayName: o.displayName ?? `Person ${counter}`,
        email: (o.email ?? `person-${n}@example.org`).toLowerCase(),
        phone: o.phone ?? null,
        passwordHash: await ctx.ports.passwords.hash(password),
        isPlatformAdmin: o.isPlatformAdmin ?? false,
        createdAt: ctx.ports.clock.now(),
      };
      await ctx.ports.store.createUser(user);
      const token = ctx.ports.secrets.randomToken();
      await ctx.ports.store.createSession({
        id: ctx.ports.ids.next() as SessionId,
        userId: user.id,
        kind: 'api_token',
        name: 'test',
        tokenHash: ctx.ports.secrets.hashToken(token),
        createdAt: ctx.ports.clock.now(),
        expiresAt: null,
        lastUsedAt: null,
      });
      return { user, token, password, ...clientFor(url, { authorization: `Bearer ${token}` }) };
    },
    async close() {
      await composed.close();
      await opened.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
