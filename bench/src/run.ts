// `npm run bench [-- workload...] [--profile] [--unread] [--stale-sessions]`: seeds a fresh store, then runs
// each server workload against a fresh server process, loaded from a separate process, and each in-process
// workload (pure core functions) here; writes bench/results/.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  IN_PROCESS_WORKLOADS,
  type InProcessWorkloadName,
  type Job,
  WORKLOAD_NAMES,
  type WorkloadName,
  type WorkloadOutput,
} from './load/harness.js';
import type { LoadgenReply } from './load/loadgen.js';
import { measureWriteFloor } from './report/calibrate.js';
import { type MachineInfo, machineInfo, waitForQuiet } from './report/machine.js';
import { type CpuProfile, type ProfileSummary, summariseProfile } from './report/profile.js';
import { describe, type ResultRecord, recordOf, writeRecord } from './report/results.js';
import { prepareForWorkload, seed, writeSeed } from './setup/seed.js';
import { repoRoot, startServer } from './setup/server.js';
import { matching } from './workloads/matching.js';
import { matchingStored } from './workloads/matching-stored.js';
import { reach } from './workloads/reach.js';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(repoRoot, 'bench/results');
/** No workload may run longer than this; its load generator is killed and the workload reported as failed. */
const WORKLOAD_TIMEOUT_MS = 180_000;

interface Options {
  names: WorkloadName[];
  /** CPU-profile the server during each measured window. */
  profile: boolean;
  /** Leave members' read cursors where they are (by default everyone has read everything at each start). */
  unread: boolean;
  /** Sessions last used a day ago (by default just now), so each sign-in records its use. */
  staleSessions: boolean;
}

const FLAGS = ['--profile', '--unread', '--stale-sessions'];

const IN_PROCESS: Record<InProcessWorkloadName, () => WorkloadOutput | Promise<WorkloadOutput>> = {
  reach,
  matching,
  'matching-stored': matchingStored,
};

function isInProcess(name: WorkloadName): name is InProcessWorkloadName {
  return (IN_PROCESS_WORKLOADS as readonly string[]).includes(name);
}

/** Runs an in-process workload once the machine is quiet; a workload that throws is reported as failed. */
async function runInProcess(
  workload: InProcessWorkloadName,
  machine: MachineInfo,
  options: { unread: boolean; staleSessions: boolean },
): Promise<ResultRecord> {
  const quiet = await waitForQuiet();
  let outcome: { output?: WorkloadOutput; error?: string };
  try {
    outcome = { output: await IN_PROCESS[workload]() };
  } catch (error) {
    outcome = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // Nothing is profiled in-process, whatever the options say.
  return recordOf(workload, { ...machine, atStart: quiet }, { ...options, profile: false }, outcome);
}

function parseArgs(argv: readonly string[]): Options {
  const profile = argv.includes('--profile');
  const unread = argv.includes('--unread');
  const staleSessions = argv.includes('--stale-sessions');
  const unknown = argv.filter((a) => a.startsWith('--') && !FLAGS.includes(a));
  if (unknown.length > 0)
    throw new Error(`Unknown option ${unknown.join(' ')}; the options are ${FLAGS.join(', ')}.`);
  const names = argv.filter((a) => !a.startsWith('--'));
  for (const name of names) {
    if (!(WORKLOAD_NAMES as readonly string[]).includes(name)) {
      throw new Error(`Unknown workload "${name}"; choose from ${WORKLOAD_NAMES.join(', ')}.`);
    }
  }
  return {
    names: names.length > 0 ? (names as WorkloadName[]) : [...WORKLOAD_NAMES],
    profile,
    unread,
    staleSessions,
  };
}

/** Runs one job in a fresh load-generator process. */
function runLoadgen(job: Job): Promise<LoadgenReply> {
  return new Promise((resolve) => {
    const child = fork(join(here, 'load/loadgen.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({
        ok: false,
        error: `the load generator did not finish within ${WORKLOAD_TIMEOUT_MS / 1000} s`,
      });
    }, WORKLOAD_TIMEOUT_MS);
    function finish(reply: LoadgenReply): void {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(reply);
    }
    child.on('message', (reply: LoadgenReply) => finish(reply));
    child.on('exit', (code, signal) =>
      finish({ ok: false, error: `the load generator exited (${code ?? signal}) without a result` }),
    );
    child.send(job);
  });
}

async function main(): Promise<void> {
  const { names, profile, unread, staleSessions } = parseArgs(process.argv.slice(2));
  const began = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'fellwatch-bench-'));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const profileDir = join(resultsDir, 'profiles');
  if (profile) mkdirSync(profileDir, { recursive: true });
  let failures = 0;
  try {
    // The calibration and the seed serve only the server workloads.
    const withServer = names.some((name) => !isInProcess(name));
    const machine = machineInfo(dataDir);
    if (withServer) {
      await waitForQuiet();
      machine.loopbackWrite = await measureWriteFloor();
    }
    const loopback = machine.loopbackWrite
      ? `, a write to each of ${machine.loopbackWrite.sockets} loopback sockets ${machine.loopbackWrite.roundMs} ms`
      : '';
    console.log(
      `Machine: ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}, fdatasync ${machine.fdatasyncMs} ms${loopback}`,
    );
    const secretKey = randomBytes(32).toString('base64url');
    let seedPath = '';
    if (withServer) {
      const seeding = performance.now();
      seedPath = writeSeed(workDir, await seed(dataDir, secretKey));
      console.log(
        `Seeded 10,016 people, 3 groups and their API tokens in ${Math.round(performance.now() - seeding)} ms`,
      );
    }
    const runId = randomBytes(4).toString('hex');

    for (const workload of names) {
      if (isInProcess(workload)) {
        const record = await runInProcess(workload, machine, { unread, staleSessions });
        const path = writeRecord(resultsDir, record);
        if (!record.ok || record.targets.some((t) => !t.met)) failures++;
        console.log(`\n${describe(record)}\n  -> ${path}`);
        continue;
      }
      await prepareForWorkload(dataDir, { markRead: !unread, staleSessions });
      const quiet = await waitForQuiet();
      const server = await startServer({ dataDir, secretKey });
      let reply: LoadgenReply;
      try {
        reply = await runLoadgen({
          workload,
          port: server.port,
          probePort: server.probePort,
          seedPath,
          runId,
          ...(profile ? { profileDir } : {}),
        });
      } finally {
        await server.stop();
      }
      // `profile` is the measured window's; a workload may profile other windows as `<label>Profile`.
      const summaries: Record<string, ProfileSummary> = {};
      for (const [key, value] of Object.entries(reply.ok ? reply.output.details : {})) {
        if ((key === 'profile' || key.endsWith('Profile')) && typeof value === 'string') {
          summaries[key] = summariseProfile(JSON.parse(readFileSync(value, 'utf8')) as CpuProfile);
        }
      }
      const { profile: summary, ...otherSummaries } = summaries;
      const record = recordOf(
        workload,
        { ...machine, atStart: quiet },
        { profile, unread, staleSessions },
        reply.ok
          ? { output: reply.output }
          : { error: `${reply.error}\n--- server output ---\n${server.output()}` },
        summary,
        otherSummaries,
      );
      const path = writeRecord(resultsDir, record);
      if (!record.ok || record.targets.some((t) => !t.met)) failures++;
      console.log(`\n${describe(record)}\n  -> ${path}`);
      if (summary) {
        console.log('  server CPU by area (self time):');
        for (const h of summary.byArea.slice(0, 12)) console.log(`    ${h.percent}%  ${h.ms} ms  ${h.name}`);
        for (const stretch of summary.longestBusy) {
          const what = stretch.byAppFrame
            .slice(0, 3)
            .map((f) => `${f.name} ${f.percent}%`)
            .join('; ');
          console.log(`  busy ${stretch.ms} ms at ${stretch.atMs} ms: ${what}`);
        }
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const total = Math.round((performance.now() - began) / 1000);
  console.log(
    `\nDone in ${total} s; ${failures === 0 ? 'every target met' : `${failures} workload(s) missed a target`}.`,
  );
}

await main();
