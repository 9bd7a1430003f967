// Boots the built server (packages/server/dist/main.js) as a child process, as an operator would run it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase } from './postgres.js';

/** The repository root, found from this file so specs run from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built server entry point. */
export const serverMain = join(repoRoot, 'packages/server/dist/main.js');
/** The built web client's entry page; the server serves it when present. */
export const webIndex = join(repoRoot, 'packages/web/dist/index.html');

export type Engine = 'sqlite' | 'postgres';

export interface StartOptions {
  engine: Engine;
  /** Where the server keeps its SQLite file, media and secret key; a fresh temporary folder when absent. */
  dataDir?: string;
  /**
   * PostgreSQL only: the URL of an existing database to share (e.g. a second node of one deployment).
   * Left in place at stop. When absent a fresh database is created, and dropped at stop.
   */
  databaseUrl?: string;
  /** Extra environment for the server process (overrides the defaults set here). */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT, also the server's PUBLIC_URL. */
  url: string;
  dataDir: string;
  /** The PostgreSQL database URL, for the postgres engine. */
  databaseUrl?: string;
  /** The one-time token from the setup link the current process printed, if it printed one. */
  setupToken?: string;
  /** The current process id. */
  readonly pid: number | undefined;
  /** Ends the process with `signal` (default SIGTERM) and deletes what startServer created for it. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Ends the process (default SIGKILL, as a power cut would) and keeps its data for restart(). */
  kill(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts a new process on the same port, data folder and database (ending the current one first). */
  restart(): Promise<void>;
  /** Everything the current process has written to stdout. */
  stdout(): string;
  /** Everything the current process has written to stderr. */
  stderr(): string;
}

const READY_TIMEOUT_MS = 30_000;

/** A port nobody listens on right now: listen on port 0, note the port, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Starts the built server on a free port and waits until /readyz answers 200. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  if (!existsSync(serverMain)) {
    throw new Error(`The built server is missing (${serverMain}): run npm run build (or npx tsc -b) first.`);
  }
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fellwatch-e2e-')));
  let createdDatabase: string | undefined;
  let databaseUrl: string | undefined;
  if (options.engine === 'postgres') {
    if (options.databaseUrl) databaseUrl = options.databaseUrl;
    else {
      const created = await createDatabase();
      createdDatabase = created.name;
      databaseUrl = created.url;
    }
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  };
  // The parent's DATABASE_URL must not turn a SQLite run into a PostgreSQL one.
  if (options.engine === 'sqlite' && !options.env?.DATABASE_URL) delete env.DATABASE_URL;

  let child: ChildProcess | undefined;
  let out = '';
  let err = '';
  let exited: Promise<void> = Promise.resolve();

  async function spawnAndWait(): Promise<void> {
    out = '';
    err = '';
    const proc = spawn(process.execPath, [serverMain], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let hasExited = false;
    exited = new Promise((r) =>
      proc.once('exit', () => {
        hasExited = true;
        r();
      }),
    );
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (hasExited) {
        throw new Error(
          `The server exited before it was ready (code ${proc.exitCode}, signal ${proc.signalCode}).\n` +
            `stdout:\n${out}\nstderr:\n${err}`,
        );
      }
      const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      // The setup link is printed just after listening; wait for the banner so setupToken is known.
      if (ready && out.includes('Fellwatch is running')) break;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(
          `The server was not ready within ${READY_TIMEOUT_MS} ms.\nstdout:\n${out}\nstderr:\n${err}`,
        );
      }
      await sleep(50);
    }
    // The token line follows the banner in a separate write; give it a moment if setup is pending.
    for (let i = 0; i < 20 && !out.includes('/setup?token=') && out.includes('No platform admin'); i++) {
      await sleep(25);
    }
    server.setupToken = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(out)?.[1];
  }

  async function kill(signal: 'SIGTERM' | 'SIGKILL' = 'SIGKILL'): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  const server: RunningServer = {
    url,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    get pid() {
      return child?.pid;
    },
    async stop(signal = 'SIGTERM') {
      await kill(signal);
      if (createdDatabase) await dropDatabase(createdDatabase);
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
    kill,
    async restart() {
      await kill('SIGTERM');
      await spawnAndWait();
    },
    stdout: () => out,
    stderr: () => err,
  };

  try {
    await spawnAndWait();
  } catch (error) {
    await server.stop('SIGKILL').catch(() => undefined);
    throw error;
  }
  return server;
}
