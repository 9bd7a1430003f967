// Calibration: what a bare write to thousands of loopback TCP sockets costs on this machine, the floor
// under any fan-out (the kernel's loopback path does the receiver's TCP work in the writer's system call).
import { fork } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Per-socket cost of one 500-byte write to each of `sockets` connections (median of 5 rounds). */
export interface WriteFloor {
  sockets: number;
  wallUsPerWrite: number;
  cpuUsPerWrite: number;
  /** Wall time of one round: the least a single-threaded fan-out of one event to every socket can take. */
  roundMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Connects `count` sockets from a child process and times writing to all of them. */
export async function measureWriteFloor(count = 5_000): Promise<WriteFloor> {
  const accepted: Socket[] = [];
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 4096, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sink = fork(join(here, '../load/sink.js'), [String(port), String(count)], { stdio: 'ignore' });
  try {
    const ready = new Promise<void>((resolve) => sink.once('message', () => resolve()));
    await Promise.race([ready, sleep(60_000)]);
    for (let i = 0; i < 500 && accepted.length < count; i++) await sleep(10);
    const payload = Buffer.alloc(500, 0x61);
    const rounds: { wall: number; cpu: number }[] = [];
    for (let round = 0; round < 5; round++) {
      const cpu = process.cpuUsage();
      const began = performance.now();
      for (const socket of accepted) socket.write(payload);
      const wall = performance.now() - began;
      const spent = process.cpuUsage(cpu);
      rounds.push({ wall, cpu: (spent.user + spent.system) / 1000 });
      await sleep(300);
    }
    rounds.sort((a, b) => a.wall - b.wall);
    const median = rounds[2] as { wall: number; cpu: number };
    const n = accepted.length;
    return {
      sockets: n,
      wallUsPerWrite: Math.round((median.wall * 1000) / n) / 1,
      cpuUsPerWrite: Math.round((median.cpu * 1000) / n) / 1,
      roundMs: Math.round(median.wall * 10) / 10,
    };
  } finally {
    sink.kill();
    for (const socket of accepted) socket.destroy();
    server.close();
  }
}
