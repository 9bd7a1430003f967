// Writes to sockets: frames due to one socket in one turn are merged into a single write, sent in setImmediate.
import type { StreamConnection } from './connection.js';

const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
const WS_OPEN = 1;
/** Fallback path (no raw socket): text frames, no compression (it costs CPU per socket and leaks like CRIME). */
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
 * A complete, unmasked WebSocket text frame (RFC 6455 section 5.2) holding `payload`: built once and
 * written as-is to every socket that is due it.
 */
export function encodeTextFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81; // FIN + text
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  payload.copy(frame, header);
  return frame;
}

/**
 * Per-turn write batching for all sockets. `enqueue` is the hot path: it stores a reference to a shared
 * buffer and allocates only when a second frame falls due to the same socket in the same turn. At the
 * flush, each distinct payload is framed once and the same bytes are written to every socket due them.
 */
export class Outbox {
  private dirty: StreamConnection[] = [];
  private scheduled = false;
  private readonly framed = new Map<Buffer, Buffer>();

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
      if (pending === null || !conn.open || conn.ws.readyState !== WS_OPEN) continue;
      let payload: Buffer;
      if (Array.isArray(pending)) {
        if (lastParts !== null && sameParts(lastParts, pending)) {
          payload = lastMerged as Buffer;
        } else {
          payload = mergeFrames(pending);
          lastParts = pending;
          lastMerged = payload;
        }
      } else {
        payload = pending;
      }
      const socket = conn.socket;
      if (socket !== null) {
        let wire = this.framed.get(payload);
        if (wire === undefined) {
          wire = encodeTextFrame(payload);
          this.framed.set(payload, wire);
        }
        socket.write(wire);
        if (socket.writableLength > this.maxBufferedBytes) this.onOverflow(conn);
      } else {
        conn.ws.send(payload, SEND_OPTIONS);
        if (conn.ws.bufferedAmount > this.maxBufferedBytes) this.onOverflow(conn);
      }
    }
    this.framed.clear();
  };
}

function sameParts(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
