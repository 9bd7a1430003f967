// Integration tests of GET /api/v1/places/resolve on both engines: every format, unchecked what3words, postcodes.
// what3words is imitated by a local HTTP server (the real API needs a key and the internet, which tests
// may not rely on); postcodes come from the directory the import command fills.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorBody, ResolvedPlace } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqlStore } from '../../../storage/index.js';
import { SqlPostcodeDirectory } from '../../../storage/sql/postcodes.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';

const KEY = 'places-test-key';
const FILLED_COUNT_SOAP = { lat: 54.748712, lng: -2.006634 };
const STANHOPE_POSTCODE = { postcode: 'DL13 2AB', lat: 54.74791, lng: -2.00932 };

const resolveUrl = (text: string, near?: string) =>
  `/api/v1/places/resolve?${new URLSearchParams({ text, ...(near === undefined ? {} : { near }) })}`;

describeEngines('place routes', (engine) => {
  let what3words: Server;
  let server: TestServer;
  let unkeyed: TestServer;
  let member: TestUser;

  beforeAll(async () => {
    // Answers in the shapes of what3words' v3 convert-to-coordinates.
    what3words = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const words = url.searchParams.get('words');
      const answer =
        url.searchParams.get('key') !== KEY
          ? { status: 401, body: { error: { code: 'InvalidKey', message: 'Authentication failed' } } }
          : words === 'filled.count.soap'
            ? { status: 200, body: { coordinates: FILLED_COUNT_SOAP, words, country: 'GB' } }
            : words === 'server.falls.over'
              ? { status: 500, body: { error: { code: 'InternalServerError', message: 'oops' } } }
              : { status: 400, body: { error: { code: 'BadWords', message: 'Invalid 3 word address' } } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => what3words.listen(0, '127.0.0.1', resolve));
    const what3wordsApiUrl = `http://127.0.0.1:${(what3words.address() as AddressInfo).port}/v3`;

    [server, unkeyed] = await Promise.all([
      startTestServer(engine, { config: { what3wordsApiKey: KEY, what3wordsApiUrl } }),
      startTestServer(engine),
    ]);
    member = await server.createUser();
    const store = server.ctx.ports.store;
    if (!(store instanceof SqlStore)) throw new Error('the test server runs on the SQL store');
    await new SqlPostcodeDirectory(store.db).apply({ upserts: [STANHOPE_POSTCODE], removals: [] });
  });

  afterAll(async () => {
    await Promise.all([server?.close(), unkeyed?.close()]);
    what3words?.closeAllConnections();
    await new Promise((resolve) => what3words?.close(resolve));
  });

  async function resolved(text: string, near?: string) {
    const response = await member.request('GET', resolveUrl(text, near));
    expect(response.status, response.text).toBe(200);
    return ResolvedPlace.parse(response.body);
  }

  async function refused(client: TestUser, text: string, near?: string) {
    const response = await client.request('GET', resolveUrl(text, near));
    return { status: response.status, ...ErrorBody.parse(response.body).error };
  }

  it('answers only people who are signed in', async () => {
    const response = await server.anon.request('GET', resolveUrl('54.6531, -2.0012'));
    expect(response.status).toBe(401);
  });

  it('resolves decimal degrees and degrees-minutes-seconds, describing the point every way', async () => {
    const decimal = await resolved('54.6531, -2.0012');
    expect(decimal).toEqual({
      location: { lat: 54.6531, lng: -2.0012, gridRef: 'NZ 00020 28666', plusCode: '9C6VMX3X+6G' },
      format: 'decimal',
      checked: true,
    });
    const dms = await resolved('54°39\'11.2"N 2°00\'04.3"W');
    expect(dms.format).toBe('dms');
    expect(dms.location.gridRef).toMatch(/^NZ 000\d\d 286\d\d$/);
  });

  it('resolves OS grid references, lettered and numeric', async () => {
    const lettered = await resolved('nz0002028666');
    expect(lettered).toMatchObject({ format: 'osgrid', location: { gridRef: 'NZ 00020 28666' } });
    const numeric = await resolved('400020, 528666');
    expect(numeric).toMatchObject({ format: 'osgrid', location: { gridRef: 'NZ 00020 28666' } });
  });

  it('resolves a full plus code, and a short one near a given point', async () => {
    expect((await resolved('9C6VMX3X+6G')).location.plusCode).toBe('9C6VMX3X+6G');
    const short = await resolved('MX3X+6G', '54.6,-2.1');
    expect(short).toMatchObject({ format: 'plus-code', location: { plusCode: '9C6VMX3X+6G' } });
    expect(await refused(member, 'MX3X+6G')).toMatchObject({ status: 400, code: 'invalid', field: 'text' });
  });

  it('refuses a malformed or impossible nearby point, naming near', async () => {
    expect(await refused(member, 'MX3X+6G', 'north')).toMatchObject({ status: 400, field: 'near' });
    expect(await refused(member, 'MX3X+6G', '95,-2.1')).toMatchObject({ status: 400, field: 'near' });
  });

  it('checks a what3words address with the configured service', async () => {
    const place = await resolved('///Filled.Count.Soap');
    expect(place).toMatchObject({ format: 'what3words', checked: true, location: FILLED_COUNT_SOAP });
    expect(place.location.gridRef).toMatch(/^NY \d{5} \d{5}$/);
  });

  it('answers 422 unchecked_what3words for words the service does not confirm or an error, never 500', async () => {
    for (const text of ['///misheard.words.here', '///server.falls.over']) {
      const error = await refused(member, text);
      expect(error).toMatchObject({ status: 422, code: 'unchecked_what3words', field: 'text' });
      expect(error.message).toContain('could not be checked');
    }
  });

  it('answers 422 unchecked_what3words on a server without a what3words key', async () => {
    const someone = await unkeyed.createUser();
    const error = await refused(someone, '///filled.count.soap');
    expect(error).toEqual({
      status: 422,
      code: 'unchecked_what3words',
      message: 'what3words addresses cannot be checked on this server; the address is kept as typed.',
      field: 'text',
    });
  });

  it.each(['///filled.count', '//filled.count.soap', '///filled.count.soap.extra', 'filled.count.soap'])(
    'refuses the what3words-looking %j with 400 naming text',
    async (text) => {
      const error = await refused(member, text);
      expect(error).toMatchObject({ status: 400, code: 'invalid', field: 'text' });
      expect(error.message).toContain('"///filled.count.soap"');
    },
  );

  it('finds an imported postcode however it is typed, and answers 404 for one it does not hold', async () => {
    const place = await resolved('dl132ab');
    expect(place).toMatchObject({ format: 'postcode', checked: true, location: { lat: 54.74791 } });
    const missing = await refused(member, 'DL13 9ZZ');
    expect(missing).toMatchObject({ status: 404, code: 'not_found', field: 'text' });
    expect(missing.message).toContain('DL13 9ZZ');
    // The unkeyed server has its own empty database: no postcode is known there.
    const elsewhere = await refused(await unkeyed.createUser(), 'DL13 2AB');
    expect(elsewhere.status).toBe(404);
  });

  it('refuses what it cannot read with the reason, naming text', async () => {
    expect(await refused(member, 'behind the old barn')).toMatchObject({
      status: 400,
      code: 'invalid',
      field: 'text',
      message: expect.stringMatching(/not a location format/),
    });
    expect(await refused(member, 'NY 83 213')).toMatchObject({
      status: 400,
      message: expect.stringMatching(/as many easting digits as northing digits/),
    });
    expect(await refused(member, '   ')).toMatchObject({ status: 400, field: 'text' });
    expect(await refused(member, 'x'.repeat(121))).toMatchObject({ status: 400, field: 'text' });
    const none = await member.request('GET', '/api/v1/places/resolve');
    expect(none.status).toBe(400);
    expect(ErrorBody.parse(none.body).error.field).toBe('text');
  });

  it('allows 60 lookups a minute per person', async () => {
    const busy = await server.createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await busy.request('GET', resolveUrl('54.6531, -2.0012'))).status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await member.request('GET', resolveUrl('54.6531, -2.0012'))).status).toBe(200);
  });
});
