// A child process for the calibration: opens many plain TCP connections and reads whatever arrives.
import { connect, type Socket } from 'node:net';

const [port = 0, count = 0] = process.argv.slice(2).map(Number);
const sockets: Socket[] = [];
let connected = 0;
let bytes = 0;

for (let i = 0; i < count; i++) {
  const socket = connect({ host: '127.0.0.1', port }, () => {
    connected++;
    if (connected === count) process.send?.({ connected });
  });
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  socket.on('error', () => undefined);
  sockets.push(socket);
  // Paced so the listen backlog never overflows.
  if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 10));
}

process.on('message', () => {
  process.send?.({ bytes }, () => process.exit(0));
});
