// Integration test of the handover pack's what3words address on both engines, with the what3words API
// imitated by a local HTTP server (the real API needs a key and the internet, which tests may not rely on).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HandoverPack } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer } from '../../../test-support/harness.js';
import { escalate, MIDDLETON, makeTeesdale, post, type Teesdale } from './test-support/teesdale.js';

const KEY = 'escalation-test-key';
/** A point the imitation cannot place: its answer is an error, as the real API's for a bad coordinate. */
const NOWHERE = { lat: 54.7, lng: -2.2 };

describeEngines('handover pack what3words', (engine) => {
  let what3words: Server;
  const asked: URL[] = [];
  let server: TestServer;
  let t: Teesdale;

  beforeAll(async () => {
    // Answers in the shapes of what3words' v3 convert-to-3wa.
    what3words = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      asked.push(url);
      const [lat, lng] = (url.searchParams.get('coordinates') ?? '').split(',').map(Number);
      const answer =
        url.pathname !== '/v3/convert-to-3wa' || url.searchParams.get('key') !== KEY
          ? { status: 401, body: { error: { code: 'InvalidKey', message: 'Authentication failed' } } }
          : lat === MIDDLETON.lat && lng === MIDDLETON.lng
            ? { status: 200, body: { words: 'filled.count.soap', coordinates: MIDDLETON, language: 'en' } }
            : { status: 400, body: { error: { code: 'BadCoordinates', message: 'Invalid coordinates' } } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => what3words.listen(0, '127.0.0.1', resolve));
    const what3wordsApiUrl = `http://127.0.0.1:${(what3words.address() as AddressInfo).port}/v3`;
    server = await startTestServer(engine, { config: { what3wordsApiKey: KEY, what3wordsApiUrl } });
    t = await makeTeesdale(server);
  });
  afterAll(async () => {
    await server?.close();
    what3words?.closeAllConnections();
    await new Promise((resolve) => what3words?.close(resolve));
  });

  async function packFor(location: { lat: number; lng: number }) {
    const message = await post(t.reporter, t.groupId, { body: 'Sheep worrying by a loose dog.', location });
    const { escalation } = await escalate(t.admin, t.groupId, { messageId: message.id }, '101');
    const response = await t.admin.request('GET', `/api/v1/escalations/${escalation.id}/pack`);
    expect(response.status, response.text).toBe(200);
    return HandoverPack.parse(response.body);
  }

  it('gives the three-word address of the place when the server has a what3words key', async () => {
    const pack = await packFor(MIDDLETON);
    expect(pack.location).toMatchObject({ what3words: '///filled.count.soap', what3wordsNote: null });
    expect(pack.text).toContain('what3words: ///filled.count.soap');
    const last = asked.at(-1);
    expect(last?.pathname).toBe('/v3/convert-to-3wa');
    expect(last?.searchParams.get('coordinates')).toBe(`${MIDDLETON.lat},${MIDDLETON.lng}`);
  });

  it('says so when what3words cannot give an address, and still gives every other format', async () => {
    const pack = await packFor(NOWHERE);
    expect(pack.location).toMatchObject({
      what3words: null,
      what3wordsNote: 'could not be looked up just now',
      dms: `54°42'00.0"N 2°12'00.0"W`,
    });
    expect(pack.location?.gridRef).toMatch(/^NY \d{5} \d{5}$/);
    expect(pack.text).toContain('what3words: could not be looked up just now');
  });
});
