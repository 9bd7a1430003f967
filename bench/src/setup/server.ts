// Starts the built server as an operator would, with the probe preloaded, and stops it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const serverMain = join(repoRoot, 'packages/server/dist/main.js');
const probeModule = join(repoRoot, 'bench/dist/probe/server-probe.js');

/** A running server process. */
export interface BenchServer {
  port: number;
  probePort: number;
  pid: number;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir: string;
  secretKey: string;
  /** Extra flags for node, before the entry point. */
  nodeFlags?: string[];
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

/** Starts packages/server/dist/main.js on a free loopback port and waits until /readyz answers 200. */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  for (const file of [serverMain, probeModule]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
  }
  const port = await freePort();
  const probePort = await freePort();
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', probeModule, ...(options.nodeFlags ?? []), serverMain],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: options.dataDir,
        SECRET_KEY: options.secretKey,
        LOG_LEVEL: 'warn',
        BENCH_PROBE_PORT: String(probePort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const server: BenchServer = {
    port,
    probePort,
    pid: child.pid ?? 0,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return server;
    await sleep(100);
  }
  await server.stop();
  throw new Error(`The server did not become ready within 30 s:\n${output}`);
}
