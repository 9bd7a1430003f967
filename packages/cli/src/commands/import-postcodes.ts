// `fellwatch import-postcodes`: loads the ONS Postcode Directory CSV so members can give a postcode as a place.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '@fellwatch/core';
import {
  importPostcodes,
  type PostcodeImportProgress,
  type PostcodeImportResult,
  SqlPostcodeDirectory,
  SqlStore,
} from '@fellwatch/server';
import { flag, required } from '../arguments.js';
import type { CliIo } from '../context.js';
import type { Command } from './command.js';

/** Streams an ONSPD CSV into the postcode directory. */
export const importPostcodesCommand: Command = {
  name: 'import-postcodes',
  summary: 'Import UK postcodes from the ONS Postcode Directory CSV (run again for a newer edition)',
  usage: `fellwatch import-postcodes --file PATH [--quiet] [--json]

  --file PATH   the ONS Postcode Directory (ONSPD) CSV: the columns pcds (or pcd), lat, long and doterm
  --quiet       no progress on stderr
  The file is streamed, so its size does not matter. Postcodes are added or updated in place, so running
  it again with the same or a newer edition is safe. Terminated postcodes and those without a location
  are left out, and removed if an earlier import added them.`,
  options: { file: { type: 'string' }, quiet: { type: 'boolean' } },
  async run(values, context) {
    const path = resolve(required(values, 'file'));
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new DomainError('not_found', `No file at ${path}.`, 'file');
    }
    const { store } = await context.ports();
    // The directory is a table beside the Store's, reached through the SQL store's database.
    if (!(store instanceof SqlStore)) throw new Error('Importing postcodes needs the SQL store.');
    const progress = flag(values, 'quiet') ? undefined : progressReporter(context.io);
    const result = await importPostcodes(path, new SqlPostcodeDirectory(store.db), {
      ...(progress ? { onProgress: progress.update, progressIntervalMs: progress.intervalMs } : {}),
    });
    progress?.finish();
    return { text: summary(path, result), json: { path, ...result } };
  },
};

const count = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function summary(path: string, result: PostcodeImportResult): string {
  return [
    `Imported ${count(result.imported)} postcodes from ${path} in ${seconds(result.elapsedMs)}.`,
    `  rows read:            ${count(result.rows)}`,
    `  terminated (left out): ${count(result.terminated)}`,
    `  without a location:   ${count(result.withoutLocation)}`,
    `  unreadable:           ${count(result.malformed)}`,
    `The directory now holds ${count(result.total)} postcodes.`,
  ].join('\n');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/**
 * Shows progress on stderr: a bar redrawn in place on a terminal, otherwise a plain line at every tenth
 * of the file, so logs of a long import stay short.
 */
function progressReporter(io: CliIo) {
  const terminal = io.stderrIsTerminal === true;
  let lastTenth = -1;
  let drawn = false;
  const describe = (p: PostcodeImportProgress) => {
    const fraction = p.totalBytes === 0 ? 1 : p.bytesRead / p.totalBytes;
    const perSecond = p.elapsedMs > 0 ? Math.round((p.rows * 1000) / p.elapsedMs) : 0;
    const figures = `${megabytes(p.bytesRead)} of ${megabytes(p.totalBytes)}, ${count(p.rows)} rows, ${count(perSecond)} rows/s`;
    return { fraction, figures };
  };
  return {
    intervalMs: terminal ? 200 : 1000,
    update(p: PostcodeImportProgress) {
      const { fraction, figures } = describe(p);
      const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
      if (terminal) {
        const width = 30;
        const filled = Math.round(fraction * width);
        io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}  ${figures}   `);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      io.stderr(`import-postcodes: ${percent.trim()} (${figures})\n`);
    },
    finish() {
      if (drawn) io.stderr('\n');
    },
  };
}
