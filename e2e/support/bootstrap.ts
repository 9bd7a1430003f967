// Builds a watch group through the public API only: first admin, organisation, group, invite, vetted members.
import { randomBytes } from 'node:crypto';
import { ApiClient, expectStatus } from './http.js';
import type { RunningServer } from './server.js';

/** The signed-in person as GET /api/v1/me shows them. */
export interface MeView {
  id: string;
  displayName: string;
  email: string;
  isPlatformAdmin: boolean;
}

/** Someone the spec acts as: a browser-style cookie client and a script-style bearer client. */
export interface Person {
  me: MeView;
  email: string;
  password: string;
  /** Signed in with the fw_session cookie, sending Origin as a browser does. */
  browser: ApiClient;
  /** Authenticated with an API token, as a script would be. */
  api: ApiClient;
  /** The API token behind `api`. */
  token: string;
}

export interface WatchGroup {
  admin: Person;
  organisation: { id: string; name: string };
  group: { id: string; name: string };
  invite: { token: string; url: string };
  members: Person[];
}

export interface AccountInput {
  displayName: string;
  email: string;
  password: string;
}

const PASSWORD = 'correct horse battery staple';

/** A fresh account's details with a unique email. */
export function newAccount(displayName: string): AccountInput {
  const slug = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  return { displayName, email: `${slug}.${randomBytes(4).toString('hex')}@example.org`, password: PASSWORD };
}

/** Creates an API token for a signed-in person and returns a bearer client using it. */
export async function issueApiToken(
  browser: ApiClient,
  name = 'e2e script',
): Promise<{ api: ApiClient; token: string }> {
  const path = '/api/v1/tokens';
  const created = expectStatus('POST', path, await browser.request('POST', path, { name }), 201);
  const token = created.body.token as string;
  return { api: new ApiClient(browser.baseUrl, token), token };
}

async function personFrom(browser: ApiClient, account: AccountInput): Promise<Person> {
  const me = expectStatus('GET', '/api/v1/me', await browser.request('GET', '/api/v1/me'), 200).body
    .me as MeView;
  const { api, token } = await issueApiToken(browser);
  return { me, email: account.email, password: account.password, browser, api, token };
}

/** Creates the first platform admin with the setup link the server printed, and signs them in. */
export async function setupPlatformAdmin(
  server: RunningServer,
  account: AccountInput = newAccount('Platform Admin'),
): Promise<Person> {
  if (!server.setupToken) {
    throw new Error(`The server printed no setup link; its stdout was:\n${server.stdout()}`);
  }
  const browser = new ApiClient(server.url);
  const path = '/api/v1/setup';
  expectStatus(
    'POST',
    path,
    await browser.request('POST', path, { ...account, token: server.setupToken }),
    200,
  );
  if (!browser.session) throw new Error('POST /api/v1/setup answered 200 but set no fw_session cookie');
  return personFrom(browser, account);
}

/** Creates an organisation (platform admins only). */
export async function createOrganisation(
  admin: Person,
  name = 'Upper Dale Rural Watch',
  kind: 'police' | 'charity' | 'council' | 'other' = 'police',
): Promise<{ id: string; name: string }> {
  const path = '/api/v1/organisations';
  const response = expectStatus('POST', path, await admin.api.request('POST', path, { name, kind }), 201);
  return response.body.organisation;
}

/** Creates a watch group in an organisation. */
export async function createGroup(
  admin: Person,
  organisationId: string,
  details: { name?: string; vettingQuestions?: string[] } = {},
): Promise<{ id: string; name: string }> {
  const path = '/api/v1/groups';
  const body = {
    organisationId,
    name: details.name ?? 'Fell End Farms',
    description: 'Farms between the beck and the top road.',
    rules: 'Be kind. Report crime to 101 or 999 first.',
    vettingQuestions: details.vettingQuestions ?? ['Which farm or house are you at?'],
  };
  return expectStatus('POST', path, await admin.api.request('POST', path, body), 201).body.group;
}

/** Makes an invite link for a group. */
export async function createInvite(admin: Person, groupId: string): Promise<{ token: string; url: string }> {
  const path = `/api/v1/groups/${groupId}/invites`;
  const response = expectStatus('POST', path, await admin.api.request('POST', path, {}), 201);
  return { token: response.body.token, url: response.body.url };
}

/** Accepts an invite with a new account (which signs the browser in); the membership starts pending. */
export async function acceptInvite(
  baseUrl: string,
  inviteToken: string,
  account: AccountInput,
  answers: string[] = ['High Gill Farm'],
): Promise<Person> {
  const browser = new ApiClient(baseUrl);
  const path = `/api/v1/invites/${inviteToken}/accept`;
  const response = expectStatus('POST', path, await browser.request('POST', path, { account, answers }), 200);
  if (response.body.status !== 'pending') {
    throw new Error(`Expected a pending membership after accepting an invite, got ${response.text}`);
  }
  if (!browser.session) throw new Error(`${path} created an account but set no fw_session cookie`);
  return personFrom(browser, account);
}

/** Records a vetting decision about a member. */
export async function decide(
  decider: Person,
  groupId: string,
  userId: string,
  decision: 'approve' | 'decline' | 'remove' | 'ban',
): Promise<void> {
  const path = `/api/v1/groups/${groupId}/members/${userId}/decision`;
  expectStatus('POST', path, await decider.api.request('POST', path, { decision }), 200);
}

/**
 * A platform admin, an organisation, a group with one vetting question, an invite, and `members` people
 * who joined through the invite and were approved. Needs a server that has not been set up yet.
 */
export async function bootstrapWatchGroup(
  server: RunningServer,
  options: { members: number; names?: string[] } = { members: 2 },
): Promise<WatchGroup> {
  const admin = await setupPlatformAdmin(server);
  const organisation = await createOrganisation(admin);
  const group = await createGroup(admin, organisation.id);
  const invite = await createInvite(admin, group.id);
  const members: Person[] = [];
  for (let i = 0; i < options.members; i++) {
    const name = options.names?.[i] ?? `Member ${i + 1}`;
    const member = await acceptInvite(server.url, invite.token, newAccount(name), [`Farm number ${i + 1}`]);
    await decide(admin, group.id, member.me.id, 'approve');
    members.push(member);
  }
  return { admin, organisation, group, invite, members };
}
