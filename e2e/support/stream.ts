// A live-stream client for end-to-end specs: connects to /api/v1/stream with a bearer token and records every frame.
import { ServerFrame, type ServerMessage } from '@fellwatch/protocol';
import WebSocket from 'ws';

/** A message.posted event as the stream delivers it. */
export type Posted = Extract<ServerMessage, { type: 'message.posted' }>;

/** One connection to /api/v1/stream. Every server frame is checked against the protocol and kept. */
export class StreamClient {
  /** Every message received, in arrival order (frames are arrays; they are flattened here). */
  readonly received: ServerMessage[] = [];
  /** Frames that did not match the protocol, as text. */
  readonly invalid: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      let parsed: ReturnType<typeof ServerFrame.safeParse> | undefined;
      try {
        parsed = ServerFrame.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success) this.received.push(...parsed.data);
      else this.invalid.push(text);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => this.wake());
  }

  /** Opens a stream to the server at `baseUrl` as the holder of `bearer`. */
  static async connect(baseUrl: string, bearer: string): Promise<StreamClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const client = new StreamClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) =>
        reject(new Error(`The stream upgrade was refused with HTTP ${response.statusCode}`)),
      );
    });
    return client;
  }

  /** Sends one client frame. */
  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /**
   * Sends `hello` and waits until every group in `groups` has answered with caught_up or resync, and a
   * ping has been answered (so the connection is signed in and registered for membership changes).
   */
  async hello(resume: Record<string, number> = {}, groups: string[] = Object.keys(resume)): Promise<void> {
    const start = this.received.length;
    this.send({ type: 'hello', resume });
    this.send({ type: 'ping' });
    await this.waitFor((m) => m.type === 'pong', 'pong', 5000, start);
    for (const groupId of groups) {
      await this.waitFor(
        (m) => (m.type === 'caught_up' || m.type === 'resync') && m.groupId === groupId,
        `caught_up for group ${groupId}`,
        5000,
        start,
      );
    }
  }

  /**
   * Waits for the first message (from index `from` on) matching `predicate`; fails after `timeoutMs`
   * with what did arrive.
   */
  async waitFor<M extends ServerMessage>(
    predicate: (message: ServerMessage) => message is M,
    what: string,
    timeoutMs?: number,
    from?: number,
  ): Promise<M>;
  async waitFor(
    predicate: (message: ServerMessage) => boolean,
    what: string,
    timeoutMs?: number,
    from?: number,
  ): Promise<ServerMessage>;
  async waitFor(
    predicate: (message: ServerMessage) => boolean,
    what: string,
    timeoutMs = 5000,
    from = 0,
  ): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find(predicate);
      if (found) return found;
      if (this.closed) {
        throw new Error(`The stream closed (${this.closed.code} ${this.closed.reason}) before ${what}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `No ${what} within ${timeoutMs} ms; received: ${JSON.stringify(this.received).slice(0, 2000)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the message.posted event of the message with this clientId. */
  waitForPosted(clientId: string, timeoutMs = 5000): Promise<Posted> {
    return this.waitFor(
      (m): m is Posted => m.type === 'message.posted' && m.message.clientId === clientId,
      `message.posted for ${clientId}`,
      timeoutMs,
    );
  }

  /** The message.posted events received for a group, in arrival order. */
  posted(groupId: string): Posted[] {
    return this.received.filter((m): m is Posted => m.type === 'message.posted' && m.groupId === groupId);
  }

  /** Closes the socket and waits for the close to complete. */
  async close(): Promise<void> {
    if (this.closed || this.ws.readyState === WebSocket.CLOSED) return;
    const done = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.ws.close(1000, 'done');
    await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
