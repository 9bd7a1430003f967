// The load generator's process: runs one workload against the server and reports to the orchestrator over IPC.
import { readFileSync } from 'node:fs';
import type { SeedFile } from '../setup/seed.js';
import { durable } from '../workloads/durable.js';
import { fanout } from '../workloads/fanout.js';
import { idle } from '../workloads/idle.js';
import { reconnect } from '../workloads/reconnect.js';
import { saturation } from '../workloads/saturation.js';
import { Harness, type Job, type ServerWorkloadName, type WorkloadOutput } from './harness.js';

/** What the load generator sends back: the workload's output, or why it failed. */
export type LoadgenReply = { ok: true; output: WorkloadOutput } | { ok: false; error: string };

const workloads: Record<ServerWorkloadName, (h: Harness) => Promise<WorkloadOutput>> = {
  fanout,
  saturation,
  durable,
  reconnect,
  idle,
};

function reply(message: LoadgenReply): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (job: Job) => {
  const seed = JSON.parse(readFileSync(job.seedPath, 'utf8')) as SeedFile;
  workloads[job.workload](new Harness(job, seed)).then(
    (output) => reply({ ok: true, output }),
    (error: unknown) =>
      reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
