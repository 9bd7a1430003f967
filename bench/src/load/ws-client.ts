// A minimal WebSocket client on raw TCP for the load generator: thousands of these must cost little.
import { randomFillSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Where a client is in its life. */
export const WsState = { connecting: 0, handshake: 1, open: 2, closing: 3, closed: 4 } as const;
export type WsState = (typeof WsState)[keyof typeof WsState];

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
const HEADER_END = Buffer.from('\r\n\r\n');
const SWITCHING = Buffer.from('HTTP/1.1 101');
/**
 * Every socket reads into this one buffer (net's `onread`): no allocation per read, no stream machinery.
 * Whatever must outlive the read callback (a partial frame) is copied out of it.
 */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

/** How to reach the stream: loopback host, port, path and the bearer token of the person connecting. */
export interface WsTarget {
  host: string;
  port: number;
  path: string;
  token: string;
}

/**
 * One WebSocket connection. It sends the upgrade request with an Authorization header, masks what it
 * sends (as a client must), answers pings, and hands each complete text frame to `onText` with the time
 * its bytes were read. Subclasses override the `on*` hooks; no closure is made per connection.
 */
export class WsClient {
  state: WsState = WsState.connecting;
  /** The close code the server sent (0: none, 1006: the TCP connection ended without one). */
  closeCode = 0;
  socket: Socket | null = null;
  /** Whether the upgrade ever completed, and the last socket error's code (ECONNRESET, ...). */
  opened = false;
  errorCode = '';
  /** Bytes read but not yet parsed, and how many a whole frame needs (0: not known yet). */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private need = 0;
  /** Parts of a fragmented text frame. */
  private fragments: Buffer[] | null = null;

  /** Opens the TCP connection and sends the upgrade request. */
  open(target: WsTarget): void {
    const socket = connect({
      host: target.host,
      port: target.port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (length: number) => {
          this.onData(READ_BUFFER.subarray(0, length));
          return true;
        },
      },
    });
    this.socket = socket;
    this.state = WsState.connecting;
    const key = randomFillSync(Buffer.alloc(16)).toString('base64');
    socket.once('connect', () => {
      this.state = WsState.handshake;
      socket.write(
        `GET ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
          `Authorization: Bearer ${target.token}\r\n\r\n`,
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.errorCode = error.code ?? error.message;
    });
    socket.on('close', () => this.onSocketClose());
  }

  /** Sends a text frame (masked). Returns false when the connection is not open. */
  sendText(text: string): boolean {
    if (this.state !== WsState.open || !this.socket) return false;
    this.socket.write(encodeClientFrame(OP_TEXT, Buffer.from(text, 'utf8')));
    return true;
  }

  /** Starts a clean close: a close frame with `code`, then the end of our side of the TCP connection. */
  close(code = 1000): void {
    if (!this.socket || this.state >= WsState.closing) return;
    if (this.state === WsState.open) {
      const payload = Buffer.alloc(2);
      payload.writeUInt16BE(code, 0);
      this.socket.write(encodeClientFrame(OP_CLOSE, payload));
    }
    this.state = WsState.closing;
    this.socket.end();
  }

  /** The close code, with the socket error and whether the upgrade completed when it matters. */
  describeClose(): string {
    const parts = [String(this.closeCode)];
    if (this.errorCode) parts.push(this.errorCode);
    if (!this.opened) parts.push('before upgrade');
    return parts.join(' ');
  }

  /** Drops the TCP connection at once. */
  destroy(): void {
    this.socket?.destroy();
  }

  /** The upgrade succeeded. */
  protected onOpen(): void {}
  /**
   * A whole text frame arrived; `at` is when its last bytes were read (performance.now()). The payload
   * may be a view on the shared read buffer: use it before returning, never keep it.
   */
  protected onText(_payload: Buffer, _at: number): void {}
  /** The connection is gone (closeCode says how). */
  protected onClosed(): void {}

  /** Bytes read into the shared buffer: parsed at once; only an incomplete frame is copied and kept. */
  private onData(chunk: Buffer): void {
    const at = performance.now();
    if (this.need > 0 && this.heldBytes + chunk.length < this.need) {
      this.held.push(Buffer.from(chunk));
      this.heldBytes += chunk.length;
      return;
    }
    let buf = chunk;
    if (this.heldBytes > 0) {
      this.held.push(chunk);
      buf = Buffer.concat(this.held, this.heldBytes + chunk.length);
      this.held = [];
      this.heldBytes = 0;
    }
    this.need = 0;
    let offset = 0;
    if (this.state === WsState.handshake) {
      const end = buf.indexOf(HEADER_END);
      if (end < 0) {
        this.hold(buf, 0);
        return;
      }
      if (buf.compare(SWITCHING, 0, SWITCHING.length, 0, SWITCHING.length) !== 0) {
        this.closeCode = -1;
        this.socket?.destroy();
        return;
      }
      this.state = WsState.open;
      this.opened = true;
      offset = end + HEADER_END.length;
      this.onOpen();
    }
    offset = this.parseFrames(buf, offset, at);
    if (offset < buf.length) this.hold(buf, offset);
  }

  private hold(buf: Buffer, offset: number): void {
    const rest = Buffer.from(buf.subarray(offset));
    this.held.push(rest);
    this.heldBytes = rest.length;
  }

  /** Parses whole frames from `offset`; returns where the first incomplete frame starts. */
  private parseFrames(buf: Buffer, start: number, at: number): number {
    let offset = start;
    while (buf.length - offset >= 2) {
      const b0 = buf[offset] as number;
      const b1 = buf[offset + 1] as number;
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - offset < 4) break;
        length = buf.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - offset < 10) break;
        length = Number(buf.readBigUInt64BE(offset + 2));
        header = 10;
      }
      // A server never masks its frames.
      if (buf.length - offset < header + length) {
        this.need = header + length;
        break;
      }
      const payload = buf.subarray(offset + header, offset + header + length);
      offset += header + length;
      this.onFrame(b0, payload, at);
      if (this.state === WsState.closed) return buf.length;
    }
    return offset;
  }

  private onFrame(b0: number, payload: Buffer, at: number): void {
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    if (opcode === OP_TEXT || opcode === OP_CONTINUATION) {
      if (fin && this.fragments === null) {
        this.onText(payload, at);
        return;
      }
      this.fragments ??= [];
      this.fragments.push(Buffer.from(payload));
      if (fin) {
        const whole = Buffer.concat(this.fragments);
        this.fragments = null;
        this.onText(whole, at);
      }
    } else if (opcode === OP_PING) {
      this.socket?.write(encodeClientFrame(OP_PONG, Buffer.from(payload)));
    } else if (opcode === OP_CLOSE) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      if (this.state === WsState.open) {
        this.socket?.write(encodeClientFrame(OP_CLOSE, Buffer.from(payload.subarray(0, 2))));
        this.state = WsState.closing;
      }
      this.socket?.end();
    }
  }

  private onSocketClose(): void {
    if (this.state === WsState.closed) return;
    if (this.closeCode === 0) this.closeCode = 1006;
    this.state = WsState.closed;
    this.held = [];
    this.heldBytes = 0;
    this.fragments = null;
    this.onClosed();
  }
}

/** One client frame: FIN set, the given opcode, masked with a random key (the payload is masked in place). */
export function encodeClientFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (header === 2) {
    frame[1] = 0x80 | length;
  } else if (header === 4) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  randomFillSync(frame, header, 4);
  for (let i = 0; i < length; i++)
    frame[header + 4 + i] = (payload[i] as number) ^ (frame[header + (i & 3)] as number);
  return frame;
}
