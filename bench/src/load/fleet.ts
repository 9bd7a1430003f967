// Members on the stream as the load generator plays them: receivers that count events, posters that await acks.
import { performance } from 'node:perf_hooks';
import { WsClient, WsState, type WsTarget } from './ws-client.js';

/** A seeded person: their id and an API token for the Authorization header. */
export interface Person {
  userId: string;
  token: string;
}

/** Where the stream is, without the token (each client brings its own). */
export type StreamTarget = Omit<WsTarget, 'token'>;

const POSTED = Buffer.from('{"type":"message.posted"');
const CAUGHT_UP = Buffer.from('{"type":"caught_up"');
const ELEMENT = Buffer.from('{"type":"');
const SEQ_KEY = Buffer.from('"seq":');

/** Counts the occurrences of `pattern` in `data` (native search, no parsing). */
export function countOccurrences(data: Buffer, pattern: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(pattern); at >= 0; at = data.indexOf(pattern, at + pattern.length)) count++;
  return count;
}

/**
 * The sequence of the last element of a server frame, or -1. Elements are objects whose first key is
 * `type`, with `seq` before any nested object; text inside strings has its quotes escaped, so `"seq":`
 * never matches inside a message body.
 */
export function lastSeqOf(frame: Buffer): number {
  const element = frame.lastIndexOf(ELEMENT);
  if (element < 0) return -1;
  const key = frame.indexOf(SEQ_KEY, element);
  if (key < 0) return -1;
  let value = 0;
  for (let i = key + SEQ_KEY.length; i < frame.length; i++) {
    const digit = (frame[i] as number) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/** The time a post was sent, written at the start of its body: the receivers share the poster's clock. */
export function postBody(note: string): string {
  return `${performance.now().toFixed(3)} ${note}`;
}

/** Totals across every receiver of a fleet. */
export interface Tally {
  frames: number;
  events: number;
  caughtUp: number;
  /** Receivers that have either caught up or closed: their handshake is no longer in flight. */
  settled: number;
  current: number;
  closed: number;
  closeCodes: Record<string, number>;
}

/** A member following their groups. Sampled receivers parse every frame; the rest only count. */
export class Receiver extends WsClient {
  events = 0;
  lastSeq = 0;
  caughtUp = false;
  /** When set, the receiver is current once it has seen this sequence; `currentAt` notes when. */
  target = Number.POSITIVE_INFINITY;
  currentAt = 0;
  startedAt = 0;
  private settled = false;

  constructor(
    readonly fleet: Fleet,
    readonly person: Person,
    readonly sampled: boolean,
    private readonly hello: string,
  ) {
    super();
  }

  /** Connects and says hello (the server holds early frames until sign-in completes). */
  start(target: StreamTarget): void {
    this.startedAt = performance.now();
    this.open({ ...target, token: this.person.token });
  }

  protected override onOpen(): void {
    this.sendText(this.hello);
  }

  protected override onText(payload: Buffer, at: number): void {
    const tally = this.fleet.tally;
    tally.frames++;
    if (this.sampled) {
      this.parse(payload, at);
    } else {
      const posted = countOccurrences(payload, POSTED);
      if (posted > 0) {
        this.events += posted;
        tally.events += posted;
      }
      if (!this.caughtUp && payload.indexOf(CAUGHT_UP) >= 0) this.markCaughtUp();
    }
    const seq = lastSeqOf(payload);
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.currentAt === 0 && this.lastSeq >= this.target) {
      this.currentAt = at;
      tally.current++;
    }
  }

  protected override onClosed(): void {
    const tally = this.fleet.tally;
    tally.closed++;
    const code = this.describeClose();
    tally.closeCodes[code] = (tally.closeCodes[code] ?? 0) + 1;
    this.settle();
  }

  private parse(payload: Buffer, at: number): void {
    const elements = JSON.parse(payload.toString('utf8')) as { type: string; message?: { body: string } }[];
    for (const element of elements) {
      if (element.type === 'message.posted') {
        this.events++;
        this.fleet.tally.events++;
        const sentAt = Number.parseFloat(element.message?.body ?? '');
        if (Number.isFinite(sentAt)) this.fleet.latencies.push(at - sentAt);
      } else if (element.type === 'caught_up' && !this.caughtUp) {
        this.markCaughtUp();
      }
    }
  }

  private markCaughtUp(): void {
    this.caughtUp = true;
    this.fleet.tally.caughtUp++;
    this.settle();
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.fleet.tally.settled++;
  }
}

/** How a fleet connects its receivers. */
export interface ConnectOptions {
  /** Every n-th receiver parses its frames and records latencies (0: none). */
  sampleEvery: number;
  /** The `resume` of each receiver's hello (default: none, start live). */
  resume?: (person: Person, index: number) => Record<string, number>;
  /** At most this many handshakes in flight (ignored with `spreadMs`). */
  concurrency?: number;
  /** Start the connections evenly over this many milliseconds, regardless of how fast they complete. */
  spreadMs?: number;
  /** The sequence at which each receiver counts as current. */
  target?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Many receivers on one server, with shared totals and latency samples. */
export class Fleet {
  readonly tally: Tally = {
    frames: 0,
    events: 0,
    caughtUp: 0,
    settled: 0,
    current: 0,
    closed: 0,
    closeCodes: {},
  };
  latencies: number[] = [];
  receivers: Receiver[] = [];

  constructor(readonly target: StreamTarget) {}

  /** Creates a receiver per person and starts them; resolves once every one has started. */
  async connect(people: readonly Person[], options: ConnectOptions): Promise<void> {
    const created = people.map((person, index) => {
      const resume = options.resume?.(person, index) ?? {};
      const hello = JSON.stringify({ type: 'hello', resume });
      const sampled = options.sampleEvery > 0 && index % options.sampleEvery === 0;
      const receiver = new Receiver(this, person, sampled, hello);
      if (options.target !== undefined) receiver.target = options.target;
      return receiver;
    });
    this.receivers.push(...created);
    if (options.spreadMs !== undefined) {
      const begin = performance.now();
      for (let i = 0; i < created.length; i++) {
        const due = begin + (i * options.spreadMs) / created.length;
        const wait = due - performance.now();
        if (wait >= 1) await sleep(wait);
        created[i]?.start(this.target);
      }
      return;
    }
    const limit = options.concurrency ?? 200;
    const settledBefore = this.tally.settled;
    let next = 0;
    while (next < created.length) {
      while (next - (this.tally.settled - settledBefore) < limit && next < created.length) {
        created[next++]?.start(this.target);
      }
      await sleep(2);
    }
  }

  /** Polls `done` every few milliseconds; true when it held before `timeoutMs`. */
  async waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const end = performance.now() + timeoutMs;
    while (!done()) {
      if (performance.now() > end) return false;
      await sleep(5);
    }
    return true;
  }

  /** Closes every receiver cleanly and waits (bounded) until their connections are gone. */
  async closeAll(timeoutMs = 10_000): Promise<boolean> {
    for (const r of this.receivers) r.close();
    const ok = await this.waitFor(() => this.receivers.every((r) => r.state === WsState.closed), timeoutMs);
    if (!ok) for (const r of this.receivers) r.destroy();
    return ok;
  }

  /** Receivers still open. */
  get openCount(): number {
    let open = 0;
    for (const r of this.receivers) if (r.state === WsState.open) open++;
    return open;
  }
}

/** The outcome of one post: its sequence on success, the server's error code otherwise. */
export interface PostOutcome {
  ok: boolean;
  seq: number;
  code?: string;
  /** Milliseconds from sending the post to reading its ack. */
  latencyMs: number;
}

interface Awaiting {
  sentAt: number;
  resolve: (outcome: PostOutcome) => void;
}

/** A member posting over the stream without subscribing (no hello): it sees only its acks. */
export class Poster extends WsClient {
  private readonly awaiting = new Map<string, Awaiting>();
  private counter = 0;
  private markReady: (() => void) | null = null;
  /** Resolves once the server has signed the socket in (its first pong). */
  readonly ready: Promise<void>;

  constructor(
    readonly person: Person,
    /** Makes client ids unique across runs: (author, clientId) pairs are idempotency keys. */
    private readonly clientIdPrefix: string,
  ) {
    super();
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  start(target: StreamTarget): void {
    this.open({ ...target, token: this.person.token });
  }

  /** Posts `body` to a group; resolves with the ack or nack (or a failure when the socket closes). */
  post(groupId: string, body: string): Promise<PostOutcome> {
    const clientId = `${this.clientIdPrefix}${this.counter++}`;
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const sent = this.sendText(
        `{"type":"post","groupId":"${groupId}","message":{"clientId":"${clientId}","body":${JSON.stringify(body)}}}`,
      );
      if (!sent) resolve({ ok: false, seq: 0, code: 'closed', latencyMs: 0 });
      else this.awaiting.set(clientId, { sentAt, resolve });
    });
  }

  get inFlight(): number {
    return this.awaiting.size;
  }

  protected override onOpen(): void {
    this.sendText('{"type":"ping"}');
  }

  protected override onText(payload: Buffer, at: number): void {
    const elements = JSON.parse(payload.toString('utf8')) as {
      type: string;
      clientId?: string;
      seq?: number;
      error?: { code: string };
    }[];
    for (const element of elements) {
      if (element.type === 'pong') {
        this.markReady?.();
        this.markReady = null;
      } else if ((element.type === 'ack' || element.type === 'nack') && element.clientId) {
        const awaiting = this.awaiting.get(element.clientId);
        if (!awaiting) continue;
        this.awaiting.delete(element.clientId);
        const latencyMs = at - awaiting.sentAt;
        if (element.type === 'ack') awaiting.resolve({ ok: true, seq: element.seq ?? 0, latencyMs });
        else awaiting.resolve({ ok: false, seq: 0, code: element.error?.code ?? 'nack', latencyMs });
      }
    }
  }

  protected override onClosed(): void {
    for (const awaiting of this.awaiting.values()) {
      awaiting.resolve({ ok: false, seq: 0, code: `closed ${this.closeCode}`, latencyMs: 0 });
    }
    this.awaiting.clear();
    this.markReady?.();
  }
}
