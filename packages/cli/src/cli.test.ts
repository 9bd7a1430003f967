// The CLI in-process over a SQLite store in a temporary folder: usage errors, refusals, and who the actions act as.
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount, type GroupId, type OrganisationId, type Store, type UserId } from '@fellwatch/core';
import {
  Argon2Passwords,
  CryptoSecrets,
  loadConfig,
  openConfiguredStore,
  SystemClock,
  UlidIds,
} from '@fellwatch/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './index.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
    env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://watch.example.org/', ...env },
  });
  return { code, stdout, stderr };
}

async function json<T>(args: string[]): Promise<T> {
  const run = await cli([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function admin(email: string): Promise<UserId> {
  const out = await json<{ user: { id: UserId } }>([
    'create-admin',
    '--email',
    email,
    '--name',
    email.split('@')[0] ?? '',
  ]);
  return out.user.id;
}

describe('usage errors exit 2 with usage text and touch no store', () => {
  it.each([
    [[], 'Usage: fellwatch <command>'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['create-org', '--name', 'X', '--kind', 'police', '--colour', 'red'], "Unknown option '--colour'"],
    [['create-org', '--kind', 'police'], '--name is required.'],
    [
      ['create-org', '--name', 'X', '--kind', 'army'],
      '--kind must be one of police, charity, council, other',
    ],
    [['create-org', '--name', 'X', '--kind', 'police', 'extra'], 'extra'],
    [['create-invite', '--group', 'G', '--expires-hours', 'soon', '--max-uses', '3'], 'whole number'],
    [
      ['create-group', '--org', 'O', '--name', 'G', '--centre', '54.3,-2.1'],
      '--centre and --radius-km go together.',
    ],
    [['create-group', '--org', 'O', '--name', 'G', '--centre', '54.3', '--radius-km', '5'], 'LAT,LNG'],
    [
      ['create-admin', '--email', 'a@example.org', '--name', 'A', '--password', 'x', '--password-stdin'],
      'not both',
    ],
    [
      ['set-affiliation', '--org', 'O', '--email', 'e@example.org', '--affiliation', 'sergeant'],
      'officer, staff, partner, none',
    ],
  ])('%j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    if (args.length > 0 && args[0] !== 'frobnicate')
      expect(run.stderr).toContain(`Usage: fellwatch ${args[0]}`);
  });

  it('prints help for each command on stdout and exits 0', async () => {
    const run = await cli(['create-group', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--radius-km');
    const overview = await cli(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain('create-invite');
    expect((await cli(['help', 'backup'])).stdout).toContain('--to PATH');
  });
});

describe('acting as a platform admin', () => {
  it('refuses actions before there is an admin, pointing to create-admin', async () => {
    const run = await cli(['create-org', '--name', 'Fell Rescue', '--kind', 'charity']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run create-admin first');
  });

  it('acts as the oldest admin by default and as the one named by --as; audit entries name them', async () => {
    const first = await admin('first@example.org');
    const second = await admin('second@example.org');
    const a = await json<{ organisation: { id: string } }>([
      'create-org',
      '--name',
      'Dale Council',
      '--kind',
      'council',
    ]);
    const b = await json<{ organisation: { id: string } }>([
      'create-org',
      '--name',
      'Fell Rescue',
      '--kind',
      'charity',
      '--as',
      'SECOND@example.org',
    ]);
    await withStore(async (store) => {
      const [auditA] = await store.listAudit({ subjectId: a.organisation.id, limit: 5 });
      const [auditB] = await store.listAudit({ subjectId: b.organisation.id, limit: 5 });
      expect(auditA).toMatchObject({ action: 'organisation.created', actorId: first });
      expect(auditB).toMatchObject({ action: 'organisation.created', actorId: second });
    });
  });

  it('refuses --as for an account that is not a platform admin, or no account', async () => {
    await admin('root@example.org');
    await withStore((store) =>
      createAccount(
        {
          store,
          passwords: new Argon2Passwords({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
          ids: new UlidIds(),
          clock: new SystemClock(),
        },
        { displayName: 'Farmer Giles', email: 'giles@example.org', password: 'a long enough password' },
      ),
    );
    const notAdmin = await cli([
      'create-org',
      '--name',
      'X Org',
      '--kind',
      'other',
      '--as',
      'giles@example.org',
    ]);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr).toContain('giles@example.org is not a platform admin');
    const nobody = await cli([
      'create-org',
      '--name',
      'X Org',
      '--kind',
      'other',
      '--as',
      'nobody@example.org',
      '--json',
    ]);
    expect(nobody.code).toBe(1);
    expect(JSON.parse(nobody.stderr)).toEqual({
      error: { code: 'not_found', message: 'No account with the email nobody@example.org.', field: 'as' },
    });
  });
});

describe('commands', () => {
  it('create-admin reads the password from stdin, and generates one when none is given', async () => {
    const run = await cli(
      ['create-admin', '--email', 'ann@example.org', '--name', 'Ann', '--password-stdin'],
      'correct horse battery\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Password');
    const generated = await json<{ password: string }>([
      'create-admin',
      '--email',
      'bob@example.org',
      '--name',
      'Bob',
    ]);
    expect(generated.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const passwords = new Argon2Passwords();
    await withStore(async (store) => {
      const ann = await store.getUserByEmail('ann@example.org');
      const bob = await store.getUserByEmail('bob@example.org');
      expect(ann?.isPlatformAdmin).toBe(true);
      expect(await passwords.verify(ann?.passwordHash ?? '', 'correct horse battery')).toBe(true);
      expect(await passwords.verify(bob?.passwordHash ?? '', generated.password)).toBe(true);
    });
    const again = await cli([
      'create-admin',
      '--email',
      'ANN@example.org',
      '--name',
      'Ann',
      '--password',
      'another long one',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^fellwatch create-admin: .+/);
  });

  it('set-affiliation finds the organisation by name in any case, and "none" removes the person', async () => {
    await admin('root@example.org');
    const officer = await admin('officer@example.org');
    const org = await json<{ organisation: { id: string } }>([
      'create-org',
      '--name',
      'Dale Police',
      '--kind',
      'police',
    ]);
    const set = await json<{ member: { affiliation: string; isAdmin: boolean; userId: string } }>([
      'set-affiliation',
      '--org',
      'dale police',
      '--email',
      'officer@example.org',
      '--affiliation',
      'officer',
      '--org-admin',
    ]);
    expect(set.member).toMatchObject({ userId: officer, affiliation: 'officer', isAdmin: true });
    const removed = await cli([
      'set-affiliation',
      '--org',
      org.organisation.id,
      '--email',
      'officer@example.org',
      '--affiliation',
      'none',
    ]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('no longer belongs to Dale Police');
    await withStore(async (store) => {
      expect(await store.listOrganisationMembers(org.organisation.id as OrganisationId)).toEqual([]);
    });
    const missing = await cli([
      'set-affiliation',
      '--org',
      'Nowhere',
      '--email',
      'officer@example.org',
      '--affiliation',
      'staff',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No organisation with the id or name "Nowhere"');
  });

  it('create-group refuses an unknown admin email before creating anything', async () => {
    await admin('root@example.org');
    await json(['create-org', '--name', 'Dale Police', '--kind', 'police']);
    const run = await cli([
      'create-group',
      '--org',
      'Dale Police',
      '--name',
      'Upper Dale',
      '--admin',
      'ghost@example.org',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No account with the email ghost@example.org');
    await withStore(async (store) => expect(await store.listGroups()).toEqual([]));
  });

  it('create-group keeps the area and questions and appoints admins; create-invite refuses out-of-range input', async () => {
    await admin('root@example.org');
    const keeper = await admin('keeper@example.org');
    await json(['create-org', '--name', 'Dale Police', '--kind', 'police']);
    const created = await json<{ group: { id: string; area: unknown; vettingQuestions: string[] } }>([
      'create-group',
      '--org',
      'Dale Police',
      '--name',
      'Upper Dale',
      '--centre',
      '54.3, -2.1',
      '--radius-km',
      '8',
      '--question',
      'Which farm?',
      '--question',
      'Who vouches for you?',
      '--admin',
      'keeper@example.org',
    ]);
    expect(created.group.area).toEqual({ kind: 'circle', centre: { lat: 54.3, lng: -2.1 }, radiusKm: 8 });
    expect(created.group.vettingQuestions).toEqual(['Which farm?', 'Who vouches for you?']);
    await withStore(async (store) => {
      const membership = await store.getMembership(created.group.id as GroupId, keeper);
      expect(membership).toMatchObject({ role: 'admin', status: 'active' });
    });
    const tooLong = await cli([
      'create-invite',
      '--group',
      created.group.id,
      '--expires-hours',
      '0',
      '--max-uses',
      '3',
    ]);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('An invite lasts 1 to');
    const unknown = await cli([
      'create-invite',
      '--group',
      '01NOSUCHGROUP',
      '--expires-hours',
      '2',
      '--max-uses',
      '3',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Group not found.');
    const invite = await json<{ url: string; token: string }>([
      'create-invite',
      '--group',
      created.group.id,
      '--expires-hours',
      '2',
      '--max-uses',
      '3',
    ]);
    expect(invite.url).toBe(`https://watch.example.org/join/${invite.token}`);
  });

  it('setup-link works only while there is no admin', async () => {
    const link = await json<{ url: string }>(['setup-link']);
    expect(link.url).toMatch(/^https:\/\/watch\.example\.org\/setup\?token=[A-Za-z0-9_-]{40,}$/);
    await admin('root@example.org');
    const refused = await cli(['setup-link']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('A platform admin already exists');
  });

  it('backup refuses when there is no database yet, and will not overwrite without --force', async () => {
    const none = await cli(['backup', '--to', join(dataDir, 'copy.db')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No database at');
    await admin('root@example.org');
    expect((await cli(['backup', '--to', join(dataDir, 'copy.db')])).code).toBe(0);
    const again = await cli(['backup', '--to', join(dataDir, 'copy.db')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await cli(['backup', '--to', join(dataDir, 'copy.db'), '--force'])).code).toBe(0);
  });
});

describe('the token key', () => {
  it('refuses to make links the server could not recognise, and uses SECRET_KEY when given', async () => {
    await admin('root@example.org');
    await json(['create-org', '--name', 'Dale Police', '--kind', 'police']);
    const { group } = await json<{ group: { id: GroupId } }>([
      'create-group',
      '--org',
      'Dale Police',
      '--name',
      'Upper Dale',
    ]);
    // An existing data folder without its key file: the server must be running with SECRET_KEY.
    await unlink(join(dataDir, 'secret.key'));
    const refused = await cli([
      'create-invite',
      '--group',
      group.id,
      '--expires-hours',
      '2',
      '--max-uses',
      '3',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Neither SECRET_KEY nor');
    const key = 'the-servers-own-secret-key';
    const made = await cli(
      ['create-invite', '--group', group.id, '--expires-hours', '2', '--max-uses', '3', '--json'],
      '',
      {
        SECRET_KEY: key,
      },
    );
    expect(made.code).toBe(0);
    const { token } = JSON.parse(made.stdout) as { token: string };
    await withStore(async (store) => {
      expect(await store.getInviteByTokenHash(new CryptoSecrets(key).hashToken(token))).toMatchObject({
        groupId: group.id,
      });
    });
  });
});
