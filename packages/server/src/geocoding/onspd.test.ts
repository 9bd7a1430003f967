// Tests of the ONSPD import on both engines, with small generated files shaped like the ONS Postcode Directory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@fellwatch/core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SqlStore } from '../storage/index.js';
import { type PostcodeDirectory, SqlPostcodeDirectory } from '../storage/sql/postcodes.js';
import { describeEngines, openTestStore, type TestStore } from '../storage/test-support/test-stores.js';
import { importPostcodes, type PostcodeImportProgress } from './onspd.js';

// A few of ONSPD's many columns, in its order and spelling; the import must find the ones it needs.
const HEADER = 'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m,lat,long';

interface Row {
  pcds: string;
  doterm?: string;
  lat: string;
  long: string;
}

/** A CSV line shaped like ONSPD's: 7-character pcd, quoted text fields, ward names with commas. */
function line(row: Row, ward = 'Stanhope'): string {
  const compact = row.pcds.replace(' ', '');
  const pcd = compact.length === 5 ? `${compact.slice(0, 2)}  ${compact.slice(2)}` : row.pcds.padEnd(7);
  return [
    `"${pcd}"`,
    `"${row.pcds.padEnd(8)}"`,
    `"${row.pcds}"`,
    '"198001"',
    `"${row.doterm ?? ''}"`,
    '"E10000007"',
    '"E58000478"',
    '"E06000047"',
    `"${ward}"`,
    '0',
    '399654',
    '538898',
    row.lat,
    row.long,
  ].join(',');
}

const LIVE = [
  { pcds: 'DL13 2AB', lat: '54.747910', long: '-2.009320' },
  { pcds: 'DL13 2AD', lat: '54.748410', long: '-2.011590' },
  { pcds: 'M1 1AE', lat: '53.480948', long: '-2.236880' },
];
const TERMINATED = { pcds: 'DL13 2ZZ', doterm: '200012', lat: '54.7479', long: '-2.0093' };
const NO_LOCATION = { pcds: 'DL13 9XX', lat: '99.999999', long: '0.000000' };

describeEngines('ONSPD import', (engine) => {
  let opened: TestStore;
  let directory: SqlPostcodeDirectory;
  let clear: () => Promise<unknown>;
  let dir: string;

  beforeAll(async () => {
    opened = await openTestStore(engine);
    if (!(opened.store instanceof SqlStore)) throw new Error('test stores are SQL stores');
    const { db } = opened.store;
    directory = new SqlPostcodeDirectory(db);
    clear = () => db.withTables<{ postcodes: { postcode: string } }>().deleteFrom('postcodes').execute();
    dir = await mkdtemp(join(tmpdir(), 'fellwatch-onspd-'));
  });
  afterAll(async () => {
    await opened?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await clear();
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('imports live postcodes with a location, leaving out terminated and location-less ones', async () => {
    const lines = [HEADER, ...LIVE.map((row) => line(row)), line(TERMINATED), line(NO_LOCATION)];
    // A ward name with a comma and quotes inside a quoted field must not shift the columns.
    lines.push(line({ pcds: 'DL13 2AF', lat: '54.7490', long: '-2.0100' }, 'Stanhope, ""Upper"" Dale'));
    lines.push('"garbage","",""');
    const path = await file('onspd.csv', `\ufeff${lines.join('\r\n')}\r\n`);

    const result = await importPostcodes(path, directory);
    expect(result).toMatchObject({
      rows: 7,
      imported: 4,
      terminated: 1,
      withoutLocation: 1,
      malformed: 1,
      total: 4,
    });
    expect(await directory.lookup('DL13 2AB')).toEqual({ lat: 54.74791, lng: -2.00932 });
    expect(await directory.lookup('M1 1AE')).toEqual({ lat: 53.480948, lng: -2.23688 });
    expect(await directory.lookup('DL13 2AF')).toEqual({ lat: 54.749, lng: -2.01 });
    expect(await directory.lookup('DL13 2ZZ')).toBeUndefined();
    expect(await directory.lookup('DL13 9XX')).toBeUndefined();
  });

  it('is idempotent, and a newer edition moves, adds and removes postcodes', async () => {
    const first = await file('first.csv', [HEADER, ...LIVE.map((row) => line(row))].join('\n'));
    expect((await importPostcodes(first, directory)).total).toBe(3);
    expect((await importPostcodes(first, directory)).total).toBe(3);

    const [moved, terminated, dropped] = LIVE as [Row, Row, Row];
    const newer = [
      HEADER,
      line({ ...moved, lat: '54.750000', long: '-2.000000' }),
      line({ ...terminated, doterm: '202405' }),
      line({ ...dropped, lat: '99.999999', long: '0.000000' }),
      line({ pcds: 'DL13 2AG', lat: '54.7500', long: '-2.0200' }),
    ].join('\n');
    const result = await importPostcodes(await file('newer.csv', newer), directory);
    expect(result).toMatchObject({ imported: 2, terminated: 1, withoutLocation: 1, total: 2 });
    expect(await directory.lookup('DL13 2AB')).toEqual({ lat: 54.75, lng: -2 });
    expect(await directory.lookup('DL13 2AD')).toBeUndefined();
    expect(await directory.lookup('M1 1AE')).toBeUndefined();
    expect(await directory.lookup('DL13 2AG')).toEqual({ lat: 54.75, lng: -2.02 });
  });

  it('writes in batches as it streams, reporting bytes and rows', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 2500; i++) {
      const district = 10 + (i % 90);
      const letter = (n: number) => String.fromCharCode(65 + (Math.floor(n) % 26));
      const inward = `${i % 10}${letter(i / 10)}${letter(i / 260)}`;
      rows.push({ pcds: `NE${district} ${inward}`, lat: (54 + i / 10_000).toFixed(6), long: '-1.600000' });
    }
    const text = [HEADER, ...rows.map((row) => line(row))].join('\n');
    const path = await file('large.csv', text);
    const batches: number[] = [];
    const counting: PostcodeDirectory = {
      lookup: (postcode) => directory.lookup(postcode),
      count: () => directory.count(),
      apply: (batch) => {
        batches.push(batch.upserts.length + batch.removals.length);
        return directory.apply(batch);
      },
    };
    const reports: PostcodeImportProgress[] = [];
    const result = await importPostcodes(path, counting, {
      batchSize: 1000,
      progressIntervalMs: 0,
      onProgress: (progress) => reports.push(progress),
    });
    expect(result).toMatchObject({ rows: 2500, imported: 2500, total: 2500 });
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...batches)).toBeLessThan(2000);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2500);
    const last = reports.at(-1);
    expect(last).toMatchObject({
      bytesRead: Buffer.byteLength(text),
      totalBytes: Buffer.byteLength(text),
      rows: 2500,
    });
    expect(reports.length).toBeGreaterThan(1);
    expect(await directory.lookup('NE10 0AA')).toEqual({ lat: 54, lng: -1.6 });
  });

  it('refuses a file without the columns it needs, or with nothing in it, naming file', async () => {
    const wrong = await file('wrong.csv', 'postcode,latitude,longitude\nDL13 2AB,54.7,-2.0\n');
    await expect(importPostcodes(wrong, directory)).rejects.toMatchObject({ code: 'invalid', field: 'file' });
    const empty = await file('empty.csv', '');
    await expect(importPostcodes(empty, directory)).rejects.toBeInstanceOf(DomainError);
    expect(await directory.count()).toBe(0);
  });
});
