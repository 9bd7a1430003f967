// The live stream route, GET /api/v1/stream: sign-in and origin at upgrade, client frames, the node's hub.

import type { Duplex } from 'node:stream';
import websocket, { type WebsocketPluginOptions } from '@fastify/websocket';
import {
  type Actor,
  DomainError,
  type GroupId,
  type Message,
  type RiskNotice,
  type Store,
} from '@fellwatch/core';
import { ClientFrame, CloseCode, type PostMessage } from '@fellwatch/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Fanout } from '../../fanout/port.js';
import { fromZodError } from '../http/errors.js';
import { presentRiskHint } from '../http/safety/present.js';
import { Phase, StreamConnection } from './connection.js';
import { StreamClose, StreamHub } from './hub.js';
import type { StreamLog } from './log.js';

export const STREAM_PATH = '/api/v1/stream';

export interface StreamDeps {
  store: Store;
  fanout: Fanout;
  /** The signed-in actor of the upgrade request (session cookie or bearer token), if any. */
  authenticate(request: FastifyRequest): Promise<Actor | undefined>;
  /**
   * Posts a message as the core action does over HTTP; `duplicate` when the clientId was seen before,
   * `risk` when the message sounded urgent (the ack carries the emergency guidance).
   */
  handlePost(
    actor: Actor,
    groupId: GroupId,
    input: PostMessage,
  ): Promise<{ message: Message; duplicate: boolean; risk?: RiskNotice | null }>;
  /** Raises the actor's read cursor in a group. */
  handleRead(actor: Actor, groupId: GroupId, seq: number): Promise<void>;
  /** Origins a cookie-carrying upgrade may come from (cross-site WebSocket hijacking). */
  allowedOrigins: string[];
  /** Unsent bytes past which a socket is closed as a slow consumer (default 1 MiB). */
  maxBufferedBytes?: number;
  /** Heartbeat ping interval (default 30 s). */
  heartbeatMs?: number;
  /** How long live events wait behind a missing one before the store is read (default 20 ms). */
  gapWaitMs?: number;
  /** A resume more than this many events behind gets `resync` (default 5,000). */
  resyncAfter?: number;
  /** Defaults to the app's logger. */
  log?: StreamLog;
}

/** Client frames accepted before sign-in completes; more is not a client following the protocol. */
const MAX_EARLY_FRAMES = 32;
const kConnection = Symbol('fellwatch.stream.connection');
type TaggedSocket = WebSocket & { [kConnection]: StreamConnection };

/**
 * Options for @fastify/websocket that suit the stream: small client frames, no compression (it costs CPU
 * and memory per socket), and sockets closed with 1001 when the server shuts down.
 */
export const websocketPluginOptions: WebsocketPluginOptions = {
  options: { maxPayload: 64 * 1024, perMessageDeflate: false },
  preClose(this: FastifyInstance, done: () => void) {
    for (const client of this.websocketServer.clients)
      client.close(CloseCode.goingAway, 'server shutting down');
    this.websocketServer.close();
    done();
  },
};

/** Describes a failure for a nack or error frame; anything but a DomainError is logged and stays vague. */
function describeFailure(error: unknown, log: StreamLog, what: string): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  log.error({ err: error }, `${what} over the stream failed`);
  return { code: 'internal', message: 'Something went wrong on our side.' };
}

/** Registers the live stream, registering @fastify/websocket first when the app has not. See docs/PROTOCOL.md. */
export async function registerStream(app: FastifyInstance, deps: StreamDeps): Promise<void> {
  await mountStream(app, deps);
}

/** As registerStream, and returns the node's hub (for tests and benchmarks that look inside). */
export async function mountStream(app: FastifyInstance, deps: StreamDeps): Promise<StreamHub> {
  if (!app.hasPlugin('@fastify/websocket')) await app.register(websocket, websocketPluginOptions);
  const log = deps.log ?? app.log;
  const allowedOrigins = new Set(deps.allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  const hub = new StreamHub({
    store: deps.store,
    fanout: deps.fanout,
    log,
    ...(deps.maxBufferedBytes !== undefined ? { maxBufferedBytes: deps.maxBufferedBytes } : {}),
    ...(deps.heartbeatMs !== undefined ? { heartbeatMs: deps.heartbeatMs } : {}),
    ...(deps.gapWaitMs !== undefined ? { gapWaitMs: deps.gapWaitMs } : {}),
    ...(deps.resyncAfter !== undefined ? { resyncAfter: deps.resyncAfter } : {}),
  });
  app.addHook('preClose', (done) => {
    hub.close();
    done();
  });

  // One set of listeners for all sockets, finding their connection through a tag: no closures per socket.
  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const conn = (this as TaggedSocket)[kConnection];
    if (!conn.open) return;
    if (isBinary) {
      hub.send(conn, { type: 'error', code: 'invalid', message: 'Frames must be JSON text.' });
      return;
    }
    const bytes = data as Buffer;
    if (conn.phase === Phase.authenticating) {
      conn.early ??= [];
      conn.early.push(bytes);
      if (conn.early.length > MAX_EARLY_FRAMES) hub.disconnect(conn, 1008, 'too many frames before sign-in');
      return;
    }
    handleFrame(conn, bytes);
  }
  function onPong(this: WebSocket): void {
    (this as TaggedSocket)[kConnection].alive = true;
  }
  function onClose(this: WebSocket): void {
    hub.remove((this as TaggedSocket)[kConnection]);
  }

  function handleFrame(conn: StreamConnection, bytes: Buffer): void {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      hub.send(conn, { type: 'error', code: 'invalid', message: 'A frame must be one JSON object.' });
      return;
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) {
      const { code, message } = fromZodError(parsed.error, 'frame').body.error;
      hub.send(conn, { type: 'error', code, message });
      return;
    }
    const frame = parsed.data;
    const actor = conn.actor as Actor;
    switch (frame.type) {
      case 'hello':
        hub.hello(conn, frame.resume).catch((error: unknown) => {
          log.error({ err: error }, 'stream hello failed');
          hub.disconnect(conn, StreamClose.internalError, 'subscription failed');
        });
        return;
      case 'post': {
        const clientId = frame.message.clientId;
        deps.handlePost(actor, frame.groupId as GroupId, frame.message).then(
          ({ message, risk }) =>
            hub.send(conn, {
              type: 'ack',
              clientId,
              groupId: message.groupId,
              id: message.id,
              seq: message.seq,
              ...(risk ? { risk: presentRiskHint(risk) } : {}),
            }),
          (error: unknown) =>
            hub.send(conn, { type: 'nack', clientId, error: describeFailure(error, log, 'posting') }),
        );
        return;
      }
      case 'read':
        deps.handleRead(actor, frame.groupId as GroupId, frame.seq).catch((error: unknown) => {
          hub.send(conn, { type: 'error', ...describeFailure(error, log, 'marking read') });
        });
        return;
      case 'ping':
        hub.send(conn, { type: 'pong' });
        return;
    }
  }

  async function signIn(conn: StreamConnection, request: FastifyRequest): Promise<void> {
    let actor: Actor | undefined;
    try {
      actor = await deps.authenticate(request);
    } catch (error) {
      log.error({ err: error }, 'authenticating a stream connection failed');
      hub.disconnect(conn, StreamClose.internalError, 'sign-in failed');
      return;
    }
    if (!conn.open) return;
    if (!actor) {
      hub.disconnect(conn, CloseCode.unauthenticated, 'sign in to continue');
      return;
    }
    conn.actor = actor;
    conn.phase = Phase.ready;
    if (!hub.add(conn)) {
      hub.disconnect(conn, CloseCode.goingAway, 'server shutting down');
      return;
    }
    const early = conn.early;
    conn.early = null;
    if (early) for (const bytes of early) if (conn.open) handleFrame(conn, bytes);
  }

  // Security headers mean nothing on an upgrade, and building them per request slowed reconnect storms.
  app.get(STREAM_PATH, { websocket: true, helmet: false }, (socket, request) => {
    // The upgraded connection itself (not there for injected test sockets): see Outbox.
    const raw = request.raw.socket as Duplex | undefined;
    const conn = new StreamConnection(socket, raw && typeof raw.write === 'function' ? raw : null);
    (socket as TaggedSocket)[kConnection] = conn;
    socket.on('message', onMessage);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    // A browser sends its cookies with a cross-site WebSocket too: cookies count only from our own pages.
    if (request.headers.cookie !== undefined) {
      const origin = request.headers.origin;
      if (origin === undefined || !allowedOrigins.has(origin)) {
        hub.disconnect(conn, StreamClose.forbiddenOrigin, 'origin not allowed');
        return;
      }
    }
    void signIn(conn, request);
  });

  return hub;
}
