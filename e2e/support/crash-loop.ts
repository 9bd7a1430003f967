// Kills a running server with SIGKILL at random moments and restarts it, while clients wait on `ready()`.
import type { RunningServer } from './server.js';

/** The kill/restart schedule clients coordinate with: they retry after `ready()` resolves. */
export class CrashLoop {
  kills = 0;
  private up: Promise<void> = Promise.resolve();

  constructor(private readonly server: RunningServer) {}

  /** Resolves once the server is (again) accepting requests. */
  ready(): Promise<void> {
    return this.up;
  }

  /** Kills the server `times` times, each after a random pause of minMs..maxMs, restarting it each time. */
  async run(times: number, minMs: number, maxMs: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      await sleep(minMs + Math.random() * (maxMs - minMs));
      let markUp!: () => void;
      let markFailed!: (error: unknown) => void;
      this.up = new Promise<void>((resolve, reject) => {
        markUp = resolve;
        markFailed = reject;
      });
      // Clients that never wait on a failed restart must not turn it into an unhandled rejection.
      this.up.catch(() => undefined);
      await this.server.kill('SIGKILL');
      this.kills++;
      try {
        await this.server.restart();
        markUp();
      } catch (error) {
        markFailed(error);
        throw error;
      }
    }
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True for the errors fetch and ws raise when the server vanished mid-request or is not listening. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  const code = (error as Error & { code?: string }).code ?? cause?.code;
  return (
    error.message === 'fetch failed' ||
    error.name === 'TimeoutError' ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code ?? '')
  );
}
