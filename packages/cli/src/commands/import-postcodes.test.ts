// `fellwatch import-postcodes` in-process over a SQLite store: counts, progress on stderr, idempotence, refusals.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openConfiguredStore, SqlPostcodeDirectory, SqlStore } from '@fellwatch/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../index.js';

let dataDir: string;
let csv: string;

// ONSPD's columns that matter, among others; quoted like the published file.
const ONSPD = [
  'pcd,pcds,doterm,osward,lat,long',
  '"DL132AB","DL13 2AB","","Stanhope, Upper Weardale",54.747910,-2.009320',
  '"DL132AD","DL13 2AD","","Stanhope, Upper Weardale",54.748410,-2.011590',
  '"DL132ZZ","DL13 2ZZ","200012","Stanhope",54.747900,-2.009300',
  '"DL139XX","DL13 9XX","","Stanhope",99.999999,0.000000',
].join('\r\n');

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-postcodes-'));
  csv = join(dataDir, 'ONSPD_FEB_2025_UK.csv');
  await writeFile(csv, `${ONSPD}\r\n`);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[], options: { terminal?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => '',
    stderrIsTerminal: options.terminal ?? false,
    env: { DATA_DIR: dataDir },
  });
  return { code, stdout, stderr };
}

async function lookup(postcode: string) {
  const store = await openConfiguredStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    if (!(store instanceof SqlStore)) throw new Error('the CLI uses the SQL store');
    return await new SqlPostcodeDirectory(store.db).lookup(postcode);
  } finally {
    await store.close();
  }
}

describe('fellwatch import-postcodes', () => {
  it('imports live postcodes, reports the counts and shows plain progress lines off a terminal', async () => {
    const run = await cli(['import-postcodes', '--file', csv]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Imported 2 postcodes from ${csv}`);
    expect(run.stdout).toMatch(/rows read:\s+4\n/);
    expect(run.stdout).toMatch(/terminated \(left out\):\s+1\n/);
    expect(run.stdout).toMatch(/without a location:\s+1\n/);
    expect(run.stdout).toContain('The directory now holds 2 postcodes.');
    expect(run.stderr).toMatch(/^import-postcodes: 100% \(0\.0 MB of 0\.0 MB, 4 rows, [\d,]+ rows\/s\)\n$/);
    expect(run.stderr).not.toContain('\r');
    expect(await lookup('DL13 2AB')).toEqual({ lat: 54.74791, lng: -2.00932 });
    expect(await lookup('DL13 2ZZ')).toBeUndefined();
  });

  it('draws a bar in place on a terminal, and is quiet with --quiet', async () => {
    const drawn = await cli(['import-postcodes', '--file', csv], { terminal: true });
    expect(drawn.code).toBe(0);
    // Redrawn over itself with a carriage return, the last drawing full, then one line break.
    expect(drawn.stderr).toMatch(
      /^(\r\[[#-]{30}\] +\d+% .+ rows\/s {3})*\r\[#{30}\] 100% {2}0\.0 MB of 0\.0 MB, 4 rows, [\d,]+ rows\/s {3}\n$/,
    );
    const quiet = await cli(['import-postcodes', '--file', csv, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('can run again over the same file, and prints JSON with --json', async () => {
    expect((await cli(['import-postcodes', '--file', csv, '--quiet'])).code).toBe(0);
    const again = await cli(['import-postcodes', '--file', csv, '--quiet', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      path: csv,
      rows: 4,
      imported: 2,
      terminated: 1,
      withoutLocation: 1,
      malformed: 0,
      total: 2,
    });
  });

  it('refuses a missing --file as a usage error, and a missing file or a file of the wrong kind', async () => {
    const usage = await cli(['import-postcodes']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--file is required.');
    expect(usage.stderr).toContain('Usage: fellwatch import-postcodes');

    const missing = await cli(['import-postcodes', '--file', join(dataDir, 'nope.csv'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'not_found', field: 'file' } });

    const other = join(dataDir, 'other.csv');
    await writeFile(other, 'name,email\nAnn,ann@example.org\n');
    const wrong = await cli(['import-postcodes', '--file', other, '--quiet']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('is this the ONS Postcode Directory CSV?');
  });

  it('is listed in the help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('import-postcodes');
  });
});
