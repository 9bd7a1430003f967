// Writes to sockets: frames due to one socket in one turn are merged into a single write, sent in setImmediate.
import type { StreamConnection } from './connection.js';

const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
/** Server frames are text frames; compression is off (it costs CPU per socket and opens CRIME-like leaks). */
const SEND_OPTIONS = { binary: false, compress: false } as const;

/**
 * Merges JSON-array frames into one: `[a]` + `[b,c]` -> `[a,b,c]`. Every server frame is an array, so
 * merging is joining the inner parts, without parsing.
 */
export function mergeFrames(parts: readonly Buffer[]): Buffer {
  let length = 1;
  for (const part of parts) length += part.length - 1;
  const merged = Buffer.allocUnsafe(length);
  merged[0] = OPEN_BRACKET;
  let at = 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Buffer;
    at += part.copy(merged, at, 1, part.length - 1);
    merged[at++] = i === parts.length - 1 ? CLOSE_BRACKET : COMMA;
  }
  return merged;
}

/**
 * Per-turn write batching for all sockets. `enqueue` is the hot path: it stores a reference to a shared
 * buffer and allocates only when a second frame falls due to the same socket in the same turn.
 */
export class Outbox {
  private dirty: StreamConnection[] = [];
  private scheduled = false;

  constructor(
    private readonly maxBufferedBytes: number,
    private readonly onOverflow: (conn: StreamConnection) => void,
  ) {}

  /** Queues a frame (a JSON array as bytes) for a socket; it is written at the end of this turn. */
  enqueue(conn: StreamConnection, frame: Buffer): void {
    const pending = conn.pending;
    if (pending === null) {
      conn.pending = frame;
      this.dirty.push(conn);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    } else if (Array.isArray(pending)) {
      pending.push(frame);
    } else {
      conn.pending = [pending, frame];
    }
  }

  /** Writes everything queued. Sockets of one group receive the same merged buffer, built once. */
  private readonly flush = (): void => {
    const dirty = this.dirty;
    this.dirty = [];
    this.scheduled = false;
    let lastParts: Buffer[] | null = null;
    let lastMerged: Buffer | null = null;
    for (let i = 0; i < dirty.length; i++) {
      const conn = dirty[i] as StreamConnection;
      const pending = conn.pending;
      conn.pending = null;
      if (pending === null || !conn.open) continue;
      let data: Buffer;
      if (Array.isArray(pending)) {
        if (lastParts !== null && sameParts(lastParts, pending)) {
          data = lastMerged as Buffer;
        } else {
          data = mergeFrames(pending);
          lastParts = pending;
          lastMerged = data;
        }
      } else {
        data = pending;
      }
      conn.ws.send(data, SEND_OPTIONS);
      if (conn.ws.bufferedAmount > this.maxBufferedBytes) this.onOverflow(conn);
    }
  };
}

function sameParts(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
