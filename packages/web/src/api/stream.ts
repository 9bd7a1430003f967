// The live stream client: one WebSocket, per-group cursors, resume after every drop, never a silent gap.
import { backoffDelay } from './backoff.js';
import type { ClientFrame, EventMessage, ServerMessage } from './types.js';

/** The socket close code for a revoked or expired session (see CloseCode in the protocol). */
const CLOSE_UNAUTHENTICATED = 4401;
/** The page was not served from the server's public address: retrying cannot help. */
const CLOSE_FORBIDDEN_ORIGIN = 4403;
const PING_EVERY_MS = 25_000;
/** Rural links die silently; with no frame for this long the socket is treated as dead. */
const SILENCE_LIMIT_MS = 65_000;

/**
 * `signed_out`: the server ended the session (4401). `refused`: the server refused this page's origin
 * (4403), so no retry can help. Both are final until start() is called again.
 */
export type StreamStatus = 'connecting' | 'live' | 'offline' | 'signed_out' | 'refused' | 'stopped';

/** The part of WebSocket the client uses, so tests can drive a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Where cursors (last applied seq per group) are kept between visits. */
export interface CursorStore {
  load(): Record<string, number>;
  save(cursors: Record<string, number>): void;
}

type Timer = () => void;

export interface StreamOptions {
  url: string;
  cursors: CursorStore;
  createSocket?: (url: string) => SocketLike;
  isOnline?: () => boolean;
  /** Timer used for reconnects and heartbeats; injectable for tests. Returns a cancel function. */
  schedule?: (run: () => void, ms: number) => Timer;
  random?: () => number;
  now?: () => number;
}

const OPEN = 1;

/** Keeps one stream open while started, resuming every group from its cursor after each reconnect. */
export class StreamClient {
  private socket: SocketLike | null = null;
  private status: StreamStatus = 'stopped';
  private cursors: Record<string, number>;
  private attempt = 0;
  private cancelReconnect: Timer | null = null;
  private cancelHeartbeat: Timer | null = null;
  private lastFrameAt = 0;
  private readonly messageListeners = new Set<(m: ServerMessage) => void>();
  private readonly statusListeners = new Set<(s: StreamStatus) => void>();

  constructor(private readonly options: StreamOptions) {
    this.cursors = { ...options.cursors.load() };
  }

  /** Opens the stream (if there is signal) and keeps it open until stop(). */
  start(): void {
    if (this.status !== 'stopped' && !this.isFinal()) return;
    this.connect();
  }

  /** Closes the stream for good (sign-out, leaving the app). */
  stop(): void {
    this.clearTimers();
    this.setStatus('stopped');
    this.dropSocket(1000, 'client stopped');
  }

  /** Drops the current connection and opens a new one at once, resuming from the cursors. */
  reconnect(): void {
    if (this.status === 'stopped' || this.isFinal()) return;
    this.attempt = 0;
    this.dropSocket(1000, 'client reconnecting');
    this.connect();
  }

  /** The browser says the network is back: try at once rather than waiting out the backoff. */
  handleOnline(): void {
    if (this.status === 'offline' || (this.status === 'connecting' && !this.socket)) this.reconnect();
  }

  /** The browser says the network is gone: stop retrying until it returns. */
  handleOffline(): void {
    if (this.status === 'stopped' || this.isFinal()) return;
    this.clearTimers();
    this.dropSocket(1000, 'offline');
    this.setStatus('offline');
  }

  /** Listens to every server message; sequenced events arrive once each, in order. */
  onMessage(listener: (m: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Listens to connection status changes. */
  onStatus(listener: (s: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  getStatus(): StreamStatus {
    return this.status;
  }

  /** The last event sequence applied for a group (0 if none). */
  cursor(groupId: string): number {
    return this.cursors[groupId] ?? 0;
  }

  /** Moves a group's cursor forward, e.g. to a freshly fetched page's lastSeq. */
  advanceCursor(groupId: string, seq: number): void {
    if (seq > this.cursor(groupId)) {
      this.cursors[groupId] = seq;
      this.options.cursors.save(this.cursors);
    }
  }

  /** Forgets a group (removed from it): no more resume requests for it. */
  forgetGroup(groupId: string): void {
    delete this.cursors[groupId];
    this.options.cursors.save(this.cursors);
  }

  /** Sends a client frame if the socket is open; returns false otherwise so the caller can use HTTP. */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    this.clearTimers();
    if (this.options.isOnline && !this.options.isOnline()) {
      this.setStatus('offline');
      return;
    }
    this.setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = (this.options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike))(
        this.options.url,
      );
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastFrameAt = this.now();
      socket.send(JSON.stringify({ type: 'hello', resume: { ...this.cursors } } satisfies ClientFrame));
      this.setStatus('live');
      this.heartbeat();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastFrameAt = this.now();
      // A connection that delivers frames is healthy: later drops start the backoff afresh.
      this.attempt = 0;
      if (typeof ev.data === 'string') this.handleFrame(ev.data);
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (ev.code === CLOSE_UNAUTHENTICATED) {
        this.setStatus('signed_out');
        return;
      }
      if (ev.code === CLOSE_FORBIDDEN_ORIGIN) {
        console.error(
          'The live stream refused this page: it is not served from the server’s public address.',
        );
        this.setStatus('refused');
        return;
      }
      if (this.status === 'stopped' || this.status === 'offline') return;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
  }

  private handleFrame(data: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    const messages = (Array.isArray(frame) ? frame : [frame]) as ServerMessage[];
    let moved = false;
    for (const m of messages) {
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') continue;
      if (isEvent(m)) {
        const current = this.cursors[m.groupId];
        if (current !== undefined && m.seq <= current) continue;
        this.cursors[m.groupId] = m.seq;
        moved = true;
        if (current !== undefined && m.seq > current + 1) {
          // Events were lost on the way: recover like a server resync rather than show a silent gap.
          this.emit({ type: 'resync', groupId: m.groupId, reason: 'gap' });
          continue;
        }
      }
      if (m.type === 'resync') {
        // The server starts the group live from its own sequence, which may even be below ours (a restored
        // backup): forget our cursor so those events are not mistaken for repeats. The page fetched for the
        // resync sets it again.
        delete this.cursors[m.groupId];
        moved = true;
      }
      if (m.type === 'caught_up' && this.cursors[m.groupId] === undefined) {
        // A group joined without a cursor starts here; from now on a gap can be noticed.
        this.cursors[m.groupId] = m.seq;
        moved = true;
      }
      if (m.type === 'membership' && ['removed', 'banned', 'declined'].includes(m.status)) {
        delete this.cursors[m.groupId];
        moved = true;
      }
      this.emit(m);
    }
    if (moved) this.options.cursors.save(this.cursors);
  }

  private emit(m: ServerMessage): void {
    for (const listener of this.messageListeners) {
      try {
        listener(m);
      } catch (err) {
        console.error('stream listener failed', err);
      }
    }
  }

  private heartbeat(): void {
    this.cancelHeartbeat = this.schedule(() => {
      if (!this.socket) return;
      if (this.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
        this.dropSocket(4000, 'silent too long');
        this.scheduleReconnect();
        return;
      }
      this.send({ type: 'ping' });
      this.heartbeat();
    }, PING_EVERY_MS);
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    this.setStatus(this.options.isOnline && !this.options.isOnline() ? 'offline' : 'connecting');
    if (this.status === 'offline') return;
    const delay = backoffDelay(this.attempt++, { baseMs: 1000, maxMs: 30_000, random: this.options.random });
    this.cancelReconnect = this.schedule(() => {
      this.cancelReconnect = null;
      this.connect();
    }, delay);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close(code, reason);
      } catch {
        // Closing a socket that never opened can throw in some browsers; it is gone either way.
      }
    }
  }

  /** Closed by the server for a reason a retry cannot fix. */
  private isFinal(): boolean {
    return this.status === 'signed_out' || this.status === 'refused';
  }

  private clearTimers(): void {
    this.cancelReconnect?.();
    this.cancelReconnect = null;
    this.cancelHeartbeat?.();
    this.cancelHeartbeat = null;
  }

  private setStatus(status: StreamStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private schedule(run: () => void, ms: number): Timer {
    if (this.options.schedule) return this.options.schedule(run, ms);
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

function isEvent(m: ServerMessage): m is EventMessage {
  return (
    m.type === 'message.posted' ||
    m.type === 'message.edited' ||
    m.type === 'message.deleted' ||
    m.type === 'alert.updated'
  );
}

/** Cursors in localStorage, per signed-in user so a shared phone never mixes two people's streams. */
export function localCursorStore(userId: string): CursorStore {
  const key = `fellwatch.cursors.${userId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
        return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
      } catch {
        return {};
      }
    },
    save(cursors) {
      try {
        localStorage.setItem(key, JSON.stringify(cursors));
      } catch {
        // Storage full or blocked: cursors still work for this visit.
      }
    },
  };
}

/** The stream's address on this origin (wss on https). */
export function streamUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/v1/stream`;
}
