// End to end: the built `fellwatch` CLI as a child process, on a temporary SQLite data folder and on PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/http.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliBin = join(root, 'packages/cli/bin/fellwatch.js');
const serverMain = join(root, 'packages/server/dist/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Only what the test sets reaches the CLI: a developer's own DATABASE_URL or REDIS_URL must not.
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'DATA_DIR',
    'DATABASE_URL',
    'PUBLIC_URL',
    'SECRET_KEY',
    'PROFILE_KEYS',
    'REDIS_URL',
    'MEDIA_DIR',
    'PORT',
  ])
    delete env[name];
  return env;
}

/** Runs the built CLI with `args`, feeding `stdin`, and collects its output and exit code. */
function fellwatch(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [cliBin, ...args], { env: { ...baseEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Runs a command with --json, expects success, and parses what it printed. */
async function fellwatchJson<T>(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<T> {
  const run = await fellwatch([...args, '--json'], env, stdin);
  expect(run.stderr, `fellwatch ${args.join(' ')}`).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const probe = createServer();
    probe.on('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Starts the built server on the data folder and resolves once it is listening. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [serverMain], {
    env: { ...baseEnv(), ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`The server did not start:\n${output}`)), 20_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Fellwatch is running')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.on('exit', (code) => failed(new Error(`The server exited with ${code}:\n${output}`)));
  });
  return { url, process: child };
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(() => {
  for (const built of [join(root, 'packages/cli/dist/main.js'), serverMain]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build first with "npx tsc -b".`);
  }
});

// Each step starts one to four node processes; a loaded machine needs more than the default timeout.
describe('fellwatch on SQLite', { timeout: 90_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: { url: string; process: ChildProcess } | undefined;
  const ids = { admin: '', keeper: '', organisation: '', group: '' };
  let adminPassword = '';
  let inviteToken = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-e2e-'));
    env = { DATA_DIR: dataDir, PUBLIC_URL: 'https://watch.example.org' };
  });
  afterAll(async () => {
    await stopServer(server?.process);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a platform admin with a generated password, and another from stdin', async () => {
    const admin = await fellwatchJson<{ user: { id: string; isPlatformAdmin: boolean }; password: string }>(
      ['create-admin', '--email', 'ann@example.org', '--name', 'Ann Thwaite'],
      env,
    );
    expect(admin.user.isPlatformAdmin).toBe(true);
    expect(admin.password.length).toBeGreaterThanOrEqual(20);
    ids.admin = admin.user.id;
    adminPassword = admin.password;
    const keeper = await fellwatchJson<{ user: { id: string }; password?: string }>(
      ['create-admin', '--email', 'keeper@example.org', '--name', 'Kit Keeper', '--password-stdin'],
      env,
      'a keeper of the dale\n',
    );
    expect(keeper.password).toBeUndefined();
    ids.keeper = keeper.user.id;
  });

  it('creates an organisation, an affiliation and a group with an admin', async () => {
    const org = await fellwatchJson<{ organisation: { id: string; kind: string } }>(
      ['create-org', '--name', 'Dales Police', '--kind', 'police'],
      env,
    );
    expect(org.organisation.kind).toBe('police');
    ids.organisation = org.organisation.id;
    const affiliation = await fellwatch(
      [
        'set-affiliation',
        '--org',
        'Dales Police',
        '--email',
        'keeper@example.org',
        '--affiliation',
        'officer',
      ],
      env,
    );
    expect(affiliation).toMatchObject({ code: 0, stderr: '' });
    expect(affiliation.stdout).toContain('officer');
    const group = await fellwatchJson<{ group: { id: string; name: string }; admins: { userId: string }[] }>(
      [
        'create-group',
        '--org',
        ids.organisation,
        '--name',
        'Upper Dale Watch',
        '--centre',
        '54.28,-2.05',
        '--radius-km',
        '10',
        '--question',
        'Which farm are you at?',
        '--admin',
        'keeper@example.org',
      ],
      env,
    );
    expect(group.admins.map((a) => a.userId)).toEqual([ids.keeper]);
    ids.group = group.group.id;
  });

  it('prints an invite link whose token the running server accepts', async () => {
    const run = await fellwatch(
      ['create-invite', '--group', ids.group, '--expires-hours', '24', '--max-uses', '3'],
      env,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const url = run.stdout.split('\n')[0] ?? '';
    expect(url).toMatch(/^https:\/\/watch\.example\.org\/join\/[A-Za-z0-9_-]{40,}$/);
    inviteToken = url.slice(url.lastIndexOf('/') + 1);

    server = await startServer(env);
    const preview = await fetch(`${server.url}/api/v1/invites/${inviteToken}`);
    expect(preview.status).toBe(200);
    expect(JSON.stringify(await preview.json())).toContain('Upper Dale Watch');
    const wrong = await fetch(`${server.url}/api/v1/invites/${inviteToken.slice(0, -4)}AAAA`);
    expect(wrong.status).toBe(404);
    // The password create-admin printed signs in.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ann@example.org', password: adminPassword }),
    });
    expect(login.status).toBe(200);
  });

  it('backs up the live store while the server runs; the copy holds the group and the audit trail', async () => {
    const to = join(dataDir, 'backups', 'fellwatch-backup.db');
    const backup = await fellwatchJson<{ path: string; bytes: number }>(['backup', '--to', to], env);
    expect(backup.path).toBe(to);
    expect(backup.bytes).toBeGreaterThan(0);
    const copy = new Sqlite(to, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const group = copy.prepare('select name, organisation_id from groups where id = ?').get(ids.group);
      expect(group).toEqual({ name: 'Upper Dale Watch', organisation_id: ids.organisation });
      const audit = copy
        .prepare('select action, actor_id from audit_log where action in (?, ?, ?) order by id')
        .all('organisation.created', 'group.created', 'invite.created');
      // Acting as the oldest platform admin, by default.
      expect(audit).toEqual([
        { action: 'organisation.created', actor_id: ids.admin },
        { action: 'group.created', actor_id: ids.admin },
        { action: 'invite.created', actor_id: ids.admin },
      ]);
    } finally {
      copy.close();
    }
  });

  it('re-seals a profile under a new key; the server then opens it without the old one, sessions intact', async () => {
    if (!server) throw new Error('the server starts in an earlier step');
    const ann = new ApiClient(server.url);
    const login = await ann.request('POST', '/api/v1/auth/login', {
      email: 'ann@example.org',
      password: adminPassword,
    });
    expect(login.status, login.text).toBe(200);
    const filed = await ann.request('POST', '/api/v1/profiles', {
      name: 'Margaret Ellis',
      dateOfBirth: '1941-03-14',
      description: { hair: 'short and white' },
      contacts: [{ name: 'Susan Ellis', phone: '07700 900456' }],
    });
    expect(filed.status, filed.text).toBe(201);
    const profileId: string = filed.body.profile.id;
    await stopServer(server.process);

    const serverKey = (await readFile(join(dataDir, 'secret.key'), 'utf8')).trim();
    const newKey = randomBytes(32).toString('base64url');
    const resealed = await fellwatchJson<{ profiles: { resealed: number; unopenable: number } }>(
      ['reseal-profiles', '--quiet'],
      { ...env, PROFILE_KEYS: `2:${newKey},1:${serverKey}` },
    );
    expect(resealed.profiles).toMatchObject({ resealed: 1, unopenable: 0 });

    // Version 1 retired: the server holds only the new key, and Ann's session still works.
    server = await startServer({ ...env, PROFILE_KEYS: `2:${newKey}` });
    const read = await ann.at(server.url).request('GET', `/api/v1/profiles/${profileId}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.profile.name).toBe('Margaret Ellis');
  });

  it('sweeps the records of found people past their rule, while the server runs', async () => {
    const swept = await fellwatchJson<{ deleted: number; alertIds: string[] }>(['sweep-records'], env);
    expect(swept).toEqual({ deleted: 0, alertIds: [] });
    const text = await fellwatch(['sweep-records'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('No records were due for deletion.\n');
  });

  it('exits 2 with usage text on a usage error', async () => {
    const run = await fellwatch(['create-invite', '--group', ids.group, '--max-uses', '3'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--expires-hours is required.');
    expect(run.stderr).toContain('Usage: fellwatch create-invite');
    expect((await fellwatch(['no-such-command'], env)).code).toBe(2);
  });

  it('exits 1 with the reason on stderr when an action is refused, as JSON with --json', async () => {
    const text = await fellwatch(['create-org', '--name', 'Dales Police', '--kind', 'charity'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^fellwatch create-org: .+\n$/);
    const json = await fellwatch(
      ['create-invite', '--group', ids.group, '--expires-hours', '9999', '--max-uses', '3', '--json'],
      env,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'invalid', message: 'An invite lasts 1 to 2160 hours.', field: 'expiresInHours' },
    });
    const setup = await fellwatch(['setup-link'], env);
    expect(setup.code).toBe(1);
    expect(setup.stderr).toContain('A platform admin already exists');
  });
});

// PostgreSQL: a dedicated schema, reached through DATABASE_URL's search_path option.
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresUp = await postgresReachable();
if (!postgresUp) {
  if (process.env.CI)
    throw new Error(`PostgreSQL at ${testDatabaseUrl} is unreachable (required when CI is set).`);
  console.warn(`SKIPPING the CLI's PostgreSQL tests: PostgreSQL at ${testDatabaseUrl} is unreachable.`);
}

describe.skipIf(!postgresUp)('fellwatch on PostgreSQL', { timeout: 90_000 }, () => {
  const schema = `fellwatch_cli_${randomBytes(6).toString('hex')}`;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-pg-'));
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
  });
  afterAll(async () => {
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates a fresh schema once, then finds it current', async () => {
    const first = await fellwatchJson<{ engine: string; applied: string[] }>(['migrate'], env);
    expect(first).toEqual({
      engine: 'postgres',
      applied: [
        '0001-initial',
        '0002-alerts',
        '0003-postcodes',
        '0004-alert-media',
        '0005-safety',
        '0006-escalations',
        '0007-missing',
        '0008-profiles',
        '0009-profiles-client-id',
        '0010-push',
        '0011-record-retention',
      ],
    });
    const again = await fellwatchJson<{ applied: string[] }>(['migrate'], env);
    expect(again.applied).toEqual([]);
  });

  it('creates an organisation in that schema, and refuses an SQLite backup pointing to pg_dump', async () => {
    await fellwatchJson(['create-admin', '--email', 'pg-admin@example.org', '--name', 'Pat Admin'], env);
    const org = await fellwatchJson<{ organisation: { id: string } }>(
      ['create-org', '--name', 'Fell Rescue', '--kind', 'charity'],
      env,
    );
    const { rows } = await admin.query(`select name, kind from ${schema}.organisations where id = $1`, [
      org.organisation.id,
    ]);
    expect(rows).toEqual([{ name: 'Fell Rescue', kind: 'charity' }]);
    const backup = await fellwatch(['backup', '--to', join(dataDir, 'copy.db')], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump');
    expect(existsSync(join(dataDir, 'copy.db'))).toBe(false);
  });
});
