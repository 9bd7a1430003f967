// Result records: one JSON file per workload run, latest.json with the newest of each, a table for the terminal.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkloadName, WorkloadOutput } from '../load/harness.js';
import { CATALOGUE, meets } from './catalogue.js';
import type { MachineInfo, Quiet } from './machine.js';
import type { ProfileSummary } from './profile.js';

/** A target with the figure measured against it. */
export interface TargetResult {
  label: string;
  figure: string;
  op: '<=' | '>=';
  target: number;
  unit: string;
  actual: number | null;
  met: boolean;
}

/** Everything one workload run produced. */
export interface ResultRecord {
  workload: WorkloadName;
  title: string;
  summary: string;
  date: string;
  machine: MachineInfo & { atStart: Quiet };
  /** How the run was started (see run.ts): profiled runs are slower. */
  options: { profile: boolean; unread: boolean; staleSessions: boolean };
  ok: boolean;
  error?: string;
  targets: TargetResult[];
  figures: Record<string, number>;
  details: Record<string, unknown>;
  profile?: ProfileSummary;
  /** Profiles of other windows of the workload, by name (e.g. the idle workload's quiet window). */
  otherProfiles?: Record<string, ProfileSummary>;
}

/** Builds the record of a run from the load generator's output (or its failure). */
export function recordOf(
  workload: WorkloadName,
  machine: MachineInfo & { atStart: Quiet },
  options: { profile: boolean; unread: boolean; staleSessions: boolean },
  outcome: { output?: WorkloadOutput; error?: string },
  profile?: ProfileSummary,
  otherProfiles: Record<string, ProfileSummary> = {},
): ResultRecord {
  const info = CATALOGUE[workload];
  const figures = outcome.output?.figures ?? {};
  return {
    workload,
    title: info.title,
    summary: info.summary,
    date: new Date().toISOString(),
    machine,
    options,
    ok: outcome.error === undefined,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    targets: info.targets.map((t) => ({
      label: t.label,
      figure: t.figure,
      op: t.op,
      target: t.value,
      unit: t.unit,
      actual: figures[t.figure] ?? null,
      met: meets(t, figures[t.figure]),
    })),
    figures,
    details: outcome.output?.details ?? {},
    ...(profile ? { profile } : {}),
    ...(Object.keys(otherProfiles).length > 0 ? { otherProfiles } : {}),
  };
}

/** Writes `<workload>-<date>.json` and folds the record into latest.json; returns the dated file's path. */
export function writeRecord(dir: string, record: ResultRecord): string {
  mkdirSync(dir, { recursive: true });
  const stamp = record.date.slice(0, 16).replace(/:/g, '');
  const path = join(dir, `${record.workload}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  const latestPath = join(dir, 'latest.json');
  const latest = existsSync(latestPath)
    ? (JSON.parse(readFileSync(latestPath, 'utf8')) as { workloads?: Record<string, ResultRecord> })
    : {};
  const workloads = { ...(latest.workloads ?? {}), [record.workload]: record };
  writeFileSync(
    latestPath,
    `${JSON.stringify({ updated: record.date, machine: record.machine, workloads }, null, 2)}\n`,
  );
  return path;
}

/** The targets of a record as terminal lines. */
export function describe(record: ResultRecord): string {
  const { atStart } = record.machine;
  const lines = [
    `${record.title} (${record.workload})${record.ok ? '' : ` FAILED: ${record.error}`}`,
    `  machine at start: ${atStart.busyCores} cores busy (waited ${atStart.waitedS} s), load average ${atStart.loadAverage1m}`,
  ];
  for (const t of record.targets) {
    const actual = t.actual === null ? 'n/a' : String(t.actual);
    lines.push(
      `  ${t.met ? 'met    ' : 'MISSED '} ${t.label}: ${actual} ${t.unit} (target ${t.op} ${t.target})`,
    );
  }
  const rest = Object.entries(record.figures)
    .map(([k, v]) => `${k}=${v}`)
    .join('  ');
  lines.push(`  ${rest}`);
  return lines.join('\n');
}
