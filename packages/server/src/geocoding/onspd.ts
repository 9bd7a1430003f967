// Imports the ONS Postcode Directory (ONSPD) CSV into the postcode directory, streaming a file of any size.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DomainError, isValidPoint, normaliseUkPostcode } from '@fellwatch/core';
import type { PostcodeDirectory, PostcodeEntry } from '../storage/sql/postcodes.js';
import { CsvReader } from './csv.js';

/** How far an import has got, reported every so often while it runs. */
export interface PostcodeImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far (the header not counted). */
  rows: number;
  elapsedMs: number;
}

/** What an import did with each row of the file. */
export interface PostcodeImportResult {
  rows: number;
  /** Live postcodes with a location, added or updated. */
  imported: number;
  /** Postcodes no longer in use (a termination date is set): left out, and removed if held. */
  terminated: number;
  /** Postcodes the file gives no location for (latitude 99.999999, or none): left out, and removed if held. */
  withoutLocation: number;
  /** Rows whose postcode or coordinates could not be read. */
  malformed: number;
  /** How many postcodes the directory holds afterwards. */
  total: number;
  elapsedMs: number;
}

/** Tuning and reporting for importPostcodes. */
export interface PostcodeImportOptions {
  /** Rows written per transaction. */
  batchSize?: number;
  onProgress?(progress: PostcodeImportProgress): void;
  /** The least time between two progress reports. */
  progressIntervalMs?: number;
}

interface Columns {
  postcode: number;
  lat: number;
  lng: number;
  terminated: number | undefined;
}

// ONSPD marks a postcode without a grid reference with latitude 99.999999 (and longitude 0).
const NO_LOCATION_LATITUDE = 99;

/**
 * Streams an ONSPD CSV into the directory in batched transactions. Idempotent: postcodes are upserted,
 * and terminated or location-less ones are removed, so importing a newer edition over an older one
 * leaves exactly the newer one's live postcodes (plus any the newer file no longer lists).
 */
export async function importPostcodes(
  path: string,
  directory: PostcodeDirectory,
  options: PostcodeImportOptions = {},
): Promise<PostcodeImportResult> {
  const batchSize = options.batchSize ?? 5000;
  const interval = options.progressIntervalMs ?? 500;
  const totalBytes = (await stat(path)).size;
  const started = Date.now();
  const result = { rows: 0, imported: 0, terminated: 0, withoutLocation: 0, malformed: 0 };
  const reader = new CsvReader();
  const decoder = new TextDecoder('utf-8');
  // The last row for a postcode wins; null removes it.
  let pending = new Map<string, PostcodeEntry | null>();
  let columns: Columns | undefined;
  let bytesRead = 0;
  let lastReport = 0;

  const report = (force: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < interval)) return;
    lastReport = now;
    options.onProgress({ bytesRead, totalBytes, rows: result.rows, elapsedMs: now - started });
  };
  const flush = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const upserts: PostcodeEntry[] = [];
    const removals: string[] = [];
    for (const [postcode, entry] of batch) {
      if (entry) upserts.push(entry);
      else removals.push(postcode);
    }
    await directory.apply({ upserts, removals });
  };
  const take = (record: string[]) => {
    if (!columns) {
      columns = findColumns(record);
      return;
    }
    result.rows += 1;
    const row = readRow(record, columns);
    result[row.kind] += 1;
    if (row.kind === 'imported') pending.set(row.entry.postcode, row.entry);
    else if (row.kind !== 'malformed') pending.set(row.postcode, null);
  };

  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    for (const record of reader.push(decoder.decode(bytes, { stream: true }))) take(record);
    // Awaiting the write here pauses the file stream, so memory stays bounded by one batch.
    if (pending.size >= batchSize) await flush();
    report(false);
  }
  for (const record of [...reader.push(decoder.decode()), ...reader.end()]) take(record);
  if (!columns) throw new DomainError('invalid', 'The file is empty.', 'file');
  await flush();
  report(true);
  return { ...result, total: await directory.count(), elapsedMs: Date.now() - started };
}

/** Finds the columns the import needs in the header row, whatever their order or case. */
function findColumns(header: string[]): Columns {
  const names = header.map((name) => name.trim().toLowerCase());
  const index = (...candidates: string[]) => {
    for (const candidate of candidates) {
      const found = names.indexOf(candidate);
      if (found !== -1) return found;
    }
    return undefined;
  };
  const postcode = index('pcds', 'pcd', 'pcd7', 'pcd8');
  const lat = index('lat');
  const lng = index('long');
  if (postcode === undefined || lat === undefined || lng === undefined) {
    throw new DomainError(
      'invalid',
      'The header has no pcds (or pcd), lat and long columns: is this the ONS Postcode Directory CSV?',
      'file',
    );
  }
  return { postcode, lat, lng, terminated: index('doterm') };
}

type Row =
  | { kind: 'imported'; entry: PostcodeEntry }
  | { kind: 'terminated' | 'withoutLocation'; postcode: string }
  | { kind: 'malformed' };

function readRow(record: string[], columns: Columns): Row {
  const postcode = normaliseUkPostcode(record[columns.postcode] ?? '');
  if (!postcode) return { kind: 'malformed' };
  if (columns.terminated !== undefined && (record[columns.terminated] ?? '').trim() !== '') {
    return { kind: 'terminated', postcode };
  }
  const latText = (record[columns.lat] ?? '').trim();
  const lngText = (record[columns.lng] ?? '').trim();
  if (latText === '' || lngText === '') return { kind: 'withoutLocation', postcode };
  const point = { lat: Number(latText), lng: Number(lngText) };
  if (point.lat >= NO_LOCATION_LATITUDE) return { kind: 'withoutLocation', postcode };
  if (!isValidPoint(point)) return { kind: 'malformed' };
  return { kind: 'imported', entry: { postcode, ...point } };
}
