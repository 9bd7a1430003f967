// The built server over HTTP and the live stream, on both engines: vetting, delivery, resume, docs, errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AcceptedInvite,
  ErrorBody,
  GroupList,
  GroupResponse,
  InvitePreview,
  MemberForAdmin,
  MemberList,
  MessagePage,
  MessageResponse,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptInvite,
  bootstrapWatchGroup,
  createGroup,
  createInvite,
  decide,
  newAccount,
  type WatchGroup,
} from './support/bootstrap.js';
import { describeEngines, webClientBuilt } from './support/engines.js';
import { ApiClient, describeResponse, expectStatus } from './support/http.js';
import { type RunningServer, repoRoot, startServer } from './support/server.js';
import { StreamClient } from './support/stream.js';

/** Every (method, path) in docs/api-routes.md, with parameters written as {} so names need not match. */
function documentedRoutes(): Array<{ method: string; path: string }> {
  const table = readFileSync(join(repoRoot, 'docs/api-routes.md'), 'utf8');
  const routes: Array<{ method: string; path: string }> = [];
  for (const line of table.split('\n')) {
    const match = /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (!match) continue;
    for (const path of match[2]!.split(',')) {
      routes.push({ method: match[1]!.toLowerCase(), path: normalisePath(`/api/v1${path.trim()}`) });
    }
  }
  return routes;
}

function normalisePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '{}').replace(/\{[A-Za-z]+\}/g, '{}');
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

interface OpenApiOperation {
  responses?: Record<string, unknown>;
  parameters?: Array<{ name: string; in: string }>;
}

/** Fetches /api/v1/openapi.json. */
async function openApiDocument(baseUrl: string): Promise<{
  openapi: string;
  info?: { title?: unknown; version?: unknown };
  paths: Record<string, Record<string, OpenApiOperation>>;
}> {
  const path = '/api/v1/openapi.json';
  return expectStatus('GET', path, await new ApiClient(baseUrl).request('GET', path), 200).body;
}

/** Expects the protocol's error shape with a 4xx status (and the given status when named). */
function expectError(
  method: string,
  path: string,
  response: { status: number; body: unknown; text: string },
  status?: number,
) {
  const described = describeResponse(method, path, { ...response, headers: new Headers() });
  if (status !== undefined) expect(response.status, described).toBe(status);
  expect(response.status, described).toBeGreaterThanOrEqual(400);
  expect(response.status, described).toBeLessThan(500);
  expect(ErrorBody.safeParse(response.body).success, described).toBe(true);
}

let clientIds = 0;
function clientId(label: string): string {
  clientIds++;
  return `${label}-${clientIds}-${Date.now().toString(36)}`;
}

describeEngines('HTTP API and live stream of the built server', (engine) => {
  let server: RunningServer;
  let world: WatchGroup;

  beforeAll(async () => {
    server = await startServer({ engine });
    const status = await new ApiClient(server.url).request('GET', '/api/v1/setup/status');
    expect(status.body).toEqual({ needsSetup: true });
    world = await bootstrapWatchGroup(server, { members: 3, names: ['Ann Dale', 'Bob Fell', 'Cat Moor'] });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz and /readyz', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.request('GET', '/healthz')).status).toBe(200);
    const ready = await anon.request('GET', '/readyz');
    expect(ready.status).toBe(200);
  });

  it('uses the setup link once', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.request('GET', '/api/v1/setup/status')).body).toEqual({ needsSetup: false });
    const again = await anon.request('POST', '/api/v1/setup', {
      ...newAccount('Second Admin'),
      token: server.setupToken,
    });
    expectError('POST', '/api/v1/setup', again);
  });

  it('vets a member through an invite link: preview, ask to join, pending, approve, live', async () => {
    const { admin } = world;
    const group = await createGroup(admin, world.organisation.id, {
      name: 'Beck Side',
      vettingQuestions: ['Which farm are you at?', 'Who told you about the group?'],
    });
    const invite = await createInvite(admin, group.id);
    expect(invite.url).toBe(`${server.url}/join/${invite.token}`);

    const anon = new ApiClient(server.url);
    const previewPath = `/api/v1/invites/${invite.token}`;
    const preview = expectStatus('GET', previewPath, await anon.request('GET', previewPath), 200);
    expect(InvitePreview.parse(preview.body).group.vettingQuestions).toEqual([
      'Which farm are you at?',
      'Who told you about the group?',
    ]);
    expect(preview.headers.get('x-robots-tag')).toContain('noindex');
    expect(preview.headers.get('referrer-policy')).toBe('no-referrer');

    const applicant = await acceptInvite(server.url, invite.token, newAccount('Dan Ghyll'), [
      'Low Ghyll Farm',
      'Ann Dale',
    ]);
    const pendingView = await applicant.api.request('GET', `/api/v1/groups/${group.id}`);
    expect(GroupResponse.parse(pendingView.body).group.myStatus).toBe('pending');
    const readWhilePending = await applicant.api.request('GET', `/api/v1/groups/${group.id}/messages`);
    expectError('GET', `/api/v1/groups/${group.id}/messages`, readWhilePending, 403);

    const pendingPath = `/api/v1/groups/${group.id}/members?status=pending`;
    const pending = expectStatus('GET', pendingPath, await admin.api.request('GET', pendingPath), 200);
    const request = MemberList.parse(pending.body).members.find((m) => m.id === applicant.me.id);
    expect(MemberForAdmin.parse(request).answers).toEqual(['Low Ghyll Farm', 'Ann Dale']);

    // The applicant waits on the stream; approval must reach them there, and then the group's messages.
    const stream = await StreamClient.connect(server.url, applicant.token);
    await stream.hello();
    await decide(admin, group.id, applicant.me.id, 'approve');
    await stream.waitFor(
      (m) => m.type === 'membership' && m.groupId === group.id && m.status === 'active',
      'membership active frame',
    );
    const mine = GroupList.parse((await applicant.api.request('GET', '/api/v1/groups')).body);
    expect(mine.groups.find((g) => g.id === group.id)?.myStatus).toBe('active');

    // A second applicant is declined and loses sight of the group.
    const declined = await acceptInvite(server.url, invite.token, newAccount('Eve Tarn'), [
      'Tarn Foot',
      'A poster',
    ]);
    await decide(admin, group.id, declined.me.id, 'decline');
    const hidden = await declined.api.request('GET', `/api/v1/groups/${group.id}`);
    expectError('GET', `/api/v1/groups/${group.id}`, hidden, 404);

    // The approved member posts; the post arrives on their own live stream.
    const id = clientId('vetted');
    const path = `/api/v1/groups/${group.id}/messages`;
    const posted = expectStatus(
      'POST',
      path,
      await applicant.api.request('POST', path, { clientId: id, body: 'Hello all' }),
      201,
    );
    expect(MessageResponse.parse(posted.body).message.author.displayName).toBe('Dan Ghyll');
    await stream.waitForPosted(id);
    expect(stream.invalid).toEqual([]);
    await stream.close();
  });

  it('delivers a post live to two connected members, once each', async () => {
    const [ann, bob] = world.members;
    const groupId = world.group.id;
    const a = await StreamClient.connect(server.url, ann!.token);
    const b = await StreamClient.connect(server.url, bob!.token);
    await a.hello({}, [groupId]);
    await b.hello({}, [groupId]);

    const overHttp = clientId('live-http');
    const path = `/api/v1/groups/${groupId}/messages`;
    const response = await ann!.api.request('POST', path, {
      clientId: overHttp,
      body: 'Ewes out on the top road',
    });
    const message = MessageResponse.parse(expectStatus('POST', path, response, 201).body).message;
    const seen = await b.waitForPosted(overHttp);
    expect(seen).toMatchObject({
      groupId,
      seq: message.seq,
      message: { id: message.id, body: message.body },
    });

    // The same over the socket: an ack to the poster, message.posted to the other member.
    const overSocket = clientId('live-ws');
    b.send({ type: 'post', groupId, message: { clientId: overSocket, body: 'Got them in, thanks' } });
    const ack = await b.waitFor(
      (m) => m.type === 'ack' && m.clientId === overSocket,
      'ack for the socket post',
    );
    const echoed = await a.waitForPosted(overSocket);
    expect(ack).toMatchObject({ groupId, seq: echoed.seq, id: echoed.message.id });
    expect(echoed.seq).toBe(message.seq + 1);

    await new Promise((r) => setTimeout(r, 300));
    for (const client of [a, b]) {
      const ids = client.posted(groupId).map((m) => m.message.clientId);
      expect(ids.filter((x) => x === overHttp)).toHaveLength(1);
      expect(ids.filter((x) => x === overSocket)).toHaveLength(1);
      expect(client.invalid).toEqual([]);
      await client.close();
    }
  });

  it('replays what an offline member missed, in order and once each, when they resume', async () => {
    const [ann, , cat] = world.members;
    const groupId = world.group.id;
    const first = await StreamClient.connect(server.url, cat!.token);
    await first.hello({}, [groupId]);
    const caughtUp = await first.waitFor(
      (m): m is { type: 'caught_up'; groupId: string; seq: number } =>
        m.type === 'caught_up' && m.groupId === groupId,
      'caught_up',
    );
    const cursor = caughtUp.seq;
    await first.close();

    const missed: string[] = [];
    const path = `/api/v1/groups/${groupId}/messages`;
    for (let i = 0; i < 3; i++) {
      const id = clientId('missed');
      missed.push(id);
      expectStatus(
        'POST',
        path,
        await ann!.api.request('POST', path, { clientId: id, body: `Missed ${i}` }),
        201,
      );
    }

    const again = await StreamClient.connect(server.url, cat!.token);
    await again.hello({ [groupId]: cursor });
    await new Promise((r) => setTimeout(r, 300));
    const replayed = again.posted(groupId);
    expect(replayed.map((m) => m.message.clientId)).toEqual(missed);
    expect(replayed.map((m) => m.seq)).toEqual([cursor + 1, cursor + 2, cursor + 3]);
    const done = again.received.findIndex((m) => m.type === 'caught_up' && m.groupId === groupId);
    expect(again.received[done]).toMatchObject({ seq: cursor + 3 });
    expect(again.received.findIndex((m) => m.type === 'message.posted')).toBeLessThan(done);
    expect(again.invalid).toEqual([]);
    await again.close();

    const page = MessagePage.parse((await cat!.api.request('GET', `${path}?limit=3`)).body);
    expect(page.messages.map((m) => m.clientId)).toEqual(missed);
    expect(page.lastSeq).toBe(cursor + 3);
  });

  it('hides a group from people outside it (404, not 403)', async () => {
    const outsider = world.members[0]!;
    const other = await createGroup(world.admin, world.organisation.id, { name: 'Not Yours' });
    for (const path of [`/api/v1/groups/${other.id}`, `/api/v1/groups/${other.id}/messages`]) {
      expectError('GET', path, await outsider.api.request('GET', path), 404);
    }
  });

  it('publishes a well-formed OpenAPI 3.1 document', async () => {
    const doc = await openApiDocument(server.url);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info?.title).toEqual(expect.any(String));
    expect(doc.info?.version).toEqual(expect.any(String));
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/')) problems.push(`${path}: paths start with /`);
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      for (const [method, operation] of Object.entries(operations)) {
        if (!HTTP_METHODS.has(method)) problems.push(`${path}: unknown method ${method}`);
        if (!operation.responses || Object.keys(operation.responses).length === 0) {
          problems.push(`${method} ${path}: no responses`);
        }
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        for (const name of names) {
          if (!declared.includes(name)) problems.push(`${method} ${path}: path parameter ${name} undeclared`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists every route of docs/api-routes.md in the OpenAPI document', async () => {
    const doc = await openApiDocument(server.url);
    const published = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) published.add(`${method} ${normalisePath(path)}`);
    }
    const documented = documentedRoutes();
    expect(documented.length).toBeGreaterThan(30);
    const absent = documented.map((r) => `${r.method} ${r.path}`).filter((r) => !published.has(r));
    expect(absent, 'routes in docs/api-routes.md missing from openapi.json').toEqual([]);
  });

  it('serves a readable API reference at /api/v1/docs', async () => {
    const page = await new ApiClient(server.url).request('GET', '/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toMatch(/<html/i);
  });

  it('answers an unknown API path with a JSON 404 and malformed input with a 400, in the error shape', async () => {
    const member = world.members[0]!;
    const unknown = await member.api.request('GET', '/api/v1/no-such-thing');
    expectError('GET', '/api/v1/no-such-thing', unknown, 404);
    expect(unknown.headers.get('content-type')).toContain('application/json');

    const path = `/api/v1/groups/${world.group.id}/messages`;
    const malformed = await member.api.request('POST', path, undefined, { raw: '{"clientId": "abc' });
    expectError('POST', path, malformed, 400);
    expect((malformed.body as ErrorBody).error.code).toBe('invalid');

    const badField = await member.api.request('POST', path, { clientId: 'x', body: 'hi' });
    expectError('POST', path, badField, 400);
    expect((badField.body as ErrorBody).error.field).toBe('clientId');

    const signedOut = await new ApiClient(server.url).request('GET', '/api/v1/groups');
    expectError('GET', '/api/v1/groups', signedOut, 401);
  });

  it('serves invite pages with noindex and no-referrer', async (context) => {
    context.skip(!webClientBuilt(), 'the web client is not built (npm run build -w @fellwatch/web)');
    const page = await new ApiClient(server.url).request('GET', `/join/${world.invite.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('accepts a pending invite as JSON matching the protocol', async () => {
    // A signed-in active member following their own group's link again stays as they are.
    const member = world.members[1]!;
    const path = `/api/v1/invites/${world.invite.token}/accept`;
    const response = expectStatus(
      'POST',
      path,
      await member.api.request('POST', path, { answers: ['Farm 2'] }),
      200,
    );
    expect(AcceptedInvite.parse(response.body)).toEqual({ groupId: world.group.id, status: 'active' });
  });
});
