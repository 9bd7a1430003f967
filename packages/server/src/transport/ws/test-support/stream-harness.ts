// A real stream server for tests: Fastify on a random port, a real store, the memory fan-out, real ws clients.
import { createHash, randomBytes } from 'node:crypto';
import {
  type Actor,
  fail,
  type GroupId,
  type MembershipStatus,
  type Message,
  type SessionId,
  type Store,
  type User,
} from '@fellwatch/core';
import type { EventMessage, ServerMessage } from '@fellwatch/protocol';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { WebSocket } from 'ws';
import { createMemoryFanout } from '../../../fanout/memory/memory-fanout.js';
import type { Fanout } from '../../../fanout/port.js';
import { aGroup, aMembership, anOrganisation, aUser, newId } from '../../../storage/test-support/fixtures.js';
import { createEventPublisher, type StreamEventPublisher } from '../events-publisher.js';
import type { StreamHub } from '../hub.js';
import { mountStream, type StreamDeps } from '../stream-route.js';

export const TEST_ORIGIN = 'https://fellwatch.test';
const quietLog = { error: () => {}, warn: () => {} };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A person with a session token. */
export interface Person {
  user: User;
  token: string;
  sessionId: SessionId;
}

/** A running stream server and the means to drive it. */
export interface StreamServer {
  app: FastifyInstance;
  hub: StreamHub;
  store: Store;
  fanout: Fanout;
  publisher: StreamEventPublisher;
  url: string;
  /** A new person with a session. */
  person(name?: string): Promise<Person>;
  /** A new group in a fresh organisation, with these people as active members. */
  group(...members: Person[]): Promise<GroupId>;
  setStatus(groupId: GroupId, person: Person, status: MembershipStatus): Promise<void>;
  /** Appends a message as the core action would, and publishes its event. */
  post(groupId: GroupId, author: Person, body?: string, clientId?: string): Promise<Message>;
  close(): Promise<void>;
}

/** Starts a stream server over `store`; options override the stream's defaults. */
export async function startStreamServer(
  store: Store,
  options: Partial<Pick<StreamDeps, 'maxBufferedBytes' | 'heartbeatMs' | 'gapWaitMs' | 'resyncAfter'>> & {
    /** A shared fan-out, to model several nodes (closed by its owner); in-process by default. */
    fanout?: Fanout;
  } = {},
): Promise<StreamServer> {
  const { fanout: sharedFanout, ...streamOptions } = options;
  const fanout = sharedFanout ?? createMemoryFanout();
  const publisher = createEventPublisher({ store, fanout, log: quietLog });
  const app = Fastify();

  // Real look-ups, no fakes: the token's hash finds the session, the session the user.
  async function authenticate(request: FastifyRequest): Promise<Actor | undefined> {
    const header = request.headers.authorization;
    const cookie = /(?:^|;\s*)fw_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const token = header?.startsWith('Bearer ') ? header.slice(7) : cookie;
    if (!token) return undefined;
    const session = await store.getSessionByTokenHash(sha256(token));
    const user = session && (await store.getUser(session.userId));
    return user && session ? { user, affiliations: [], sessionId: session.id } : undefined;
  }

  async function appendAndPublish(actor: Actor, groupId: GroupId, body: string, clientId: string) {
    const membership = await store.getMembership(groupId, actor.user.id);
    if (membership?.status !== 'active') throw fail.notFound('Group');
    const result = await store.appendMessage({
      id: newId(),
      groupId,
      authorId: actor.user.id,
      clientId,
      body,
      replyToId: null,
      photoIds: [],
      location: null,
      createdAt: Date.now(),
    });
    if (!result.duplicate) publisher.publish({ kind: 'group', event: result.event, message: result.message });
    return result;
  }

  const hub = await mountStream(app, {
    store,
    fanout,
    authenticate,
    handlePost: (actor, groupId, input) => appendAndPublish(actor, groupId, input.body, input.clientId),
    handleRead: (actor, groupId, seq) => store.markRead(groupId, actor.user.id, seq),
    allowedOrigins: [TEST_ORIGIN],
    log: quietLog,
    ...streamOptions,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const actorOf = (p: Person): Actor => ({ user: p.user, affiliations: [], sessionId: p.sessionId });
  return {
    app,
    hub,
    store,
    fanout,
    publisher,
    url: `${address.replace('http', 'ws')}/api/v1/stream`,
    async person(name) {
      const user = aUser(name ? { displayName: name } : {});
      await store.createUser(user);
      const token = randomBytes(24).toString('base64url');
      const sessionId = newId<SessionId>();
      await store.createSession({
        id: sessionId,
        userId: user.id,
        kind: 'browser',
        name: '',
        tokenHash: sha256(token),
        createdAt: Date.now(),
        expiresAt: null,
        lastUsedAt: null,
      });
      return { user, token, sessionId };
    },
    async group(...members) {
      const organisation = anOrganisation();
      await store.createOrganisation(organisation);
      const group = aGroup(organisation.id);
      await store.createGroup(group);
      for (const m of members) await store.putMembership(aMembership(group.id, m.user.id));
      return group.id;
    },
    async setStatus(groupId, p, status) {
      await store.putMembership(aMembership(groupId, p.user.id, { status }));
    },
    async post(groupId, author, body = 'Gate left open on the fell road.', clientId = randomClientId()) {
      return (await appendAndPublish(actorOf(author), groupId, body, clientId)).message;
    },
    async close() {
      await app.close();
      await publisher.flush();
      if (!sharedFanout) await fanout.close();
    },
  };
}

/** A client id in the protocol's format. */
export function randomClientId(): string {
  return `c_${randomBytes(9).toString('base64url')}`;
}

/** A test client: every server message received, in order, with the raw frames counted. */
export class StreamClient {
  readonly messages: ServerMessage[] = [];
  readonly frames: ServerMessage[][] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as ServerMessage[];
      this.frames.push(frame);
      this.messages.push(...frame);
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.opened = new Promise((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Group events received for a group, as [type, seq] pairs. */
  events(groupId: string): [string, number][] {
    return this.messages
      .filter(isEvent)
      .filter((m) => m.groupId === groupId)
      .map((m) => [m.type, m.seq]);
  }

  /** Waits until a received message matches, and returns it. */
  async next<T extends ServerMessage['type']>(
    type: T,
    where: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    let found: Extract<ServerMessage, { type: T }> | undefined;
    await until(() => {
      found = this.messages.find(
        (m): m is Extract<ServerMessage, { type: T }> =>
          m.type === type && where(m as Extract<ServerMessage, { type: T }>),
      );
      return found !== undefined;
    }, timeoutMs);
    return found as Extract<ServerMessage, { type: T }>;
  }

  close(): void {
    this.ws.close();
  }
}

/** True for sequenced group events. */
export function isEvent(message: ServerMessage): message is EventMessage {
  return message.type.startsWith('message.');
}

/** Opens a client with a bearer token, or with a cookie and an Origin. */
export async function connect(
  server: StreamServer,
  person: Person | undefined,
  options: { cookie?: boolean; origin?: string; waitOpen?: boolean } = {},
): Promise<StreamClient> {
  const headers: Record<string, string> = {};
  if (person && options.cookie) headers.cookie = `theme=dark; fw_session=${person.token}`;
  else if (person) headers.authorization = `Bearer ${person.token}`;
  const ws = new WebSocket(server.url, { headers, ...(options.origin ? { origin: options.origin } : {}) });
  const client = new StreamClient(ws);
  if (options.waitOpen !== false) await client.opened;
  return client;
}

/** Connects and says hello; resolves once every group has caught up or been told to resync. */
export async function connectAndHello(
  server: StreamServer,
  person: Person,
  resume: Record<string, number> = {},
  groups: GroupId[] = [],
): Promise<StreamClient> {
  const client = await connect(server, person);
  client.send({ type: 'hello', resume });
  for (const groupId of groups) {
    await until(() =>
      client.messages.some((m) => (m.type === 'caught_up' || m.type === 'resync') && m.groupId === groupId),
    );
  }
  return client;
}

/** Polls until `check` returns true; fails after the timeout. */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits a little, for asserting that something does NOT arrive. */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
