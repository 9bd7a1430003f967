// Tests of the load generator's WebSocket client against the ws library's server.
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { WsClient, WsState } from './ws-client.js';

class Recorder extends WsClient {
  texts: string[] = [];
  protected override onText(payload: Buffer): void {
    this.texts.push(payload.toString('utf8'));
  }
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!done()) throw new Error('timed out');
};

describe('WsClient', () => {
  let server: WebSocketServer;
  let port: number;
  let sockets: WebSocket[];
  let authorization: (string | undefined)[];

  beforeEach(async () => {
    sockets = [];
    authorization = [];
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    server.on('connection', (socket, request) => {
      sockets.push(socket);
      authorization.push(request.headers.authorization);
    });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    for (const socket of sockets) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  const connect = async () => {
    const client = new Recorder();
    client.open({ host: '127.0.0.1', port, path: '/stream', token: 'secret-token' });
    await until(() => client.state === WsState.open && sockets.length > 0);
    return { client, socket: sockets[sockets.length - 1] as WebSocket };
  };

  it('sends the bearer token with the upgrade and masked text frames the server can read', async () => {
    const { client, socket } = await connect();
    expect(authorization).toEqual(['Bearer secret-token']);
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    const long = 'x'.repeat(70_000);
    client.sendText('{"type":"ping"}');
    client.sendText(long);
    await until(() => received.length === 2);
    expect(received).toEqual(['{"type":"ping"}', long]);
  });

  it('reassembles frames of every length encoding, split across reads and fragmented', async () => {
    const { client, socket } = await connect();
    const sizes = [5, 125, 126, 65_535, 65_536, 300_000];
    for (const size of sizes) socket.send('a'.repeat(size));
    socket.send('first half ', { fin: false });
    socket.send('second half', { fin: true });
    await until(() => client.texts.length === sizes.length + 1);
    expect(client.texts.map((t) => t.length)).toEqual(sizes.concat(22));
    expect(client.texts.at(-1)).toBe('first half second half');
  });

  it('answers pings and reports the close code the server sent', async () => {
    const { client, socket } = await connect();
    let ponged = false;
    socket.on('pong', () => {
      ponged = true;
    });
    socket.ping('are you there');
    await until(() => ponged);
    socket.close(4000, 'slow consumer');
    await until(() => client.state === WsState.closed);
    expect(client.closeCode).toBe(4000);
    expect(client.describeClose()).toBe('4000');
  });

  it('closes cleanly from its side', async () => {
    const { client, socket } = await connect();
    let code = 0;
    socket.on('close', (c) => {
      code = c;
    });
    client.close(1000);
    await until(() => code !== 0 && client.state === WsState.closed);
    expect(code).toBe(1000);
  });
});
