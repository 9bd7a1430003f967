// Tests of the what3words client against a local HTTP server that imitates the v3 API's answers.
// The real API needs a paid key and the internet, neither of which tests may rely on, so the imitation
// answers in the documented shapes: 200 with coordinates, 400 BadWords, 401 InvalidKey.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeocoder } from './geocoder.js';
import { WHAT3WORDS_TIMEOUT_MS, What3wordsClient } from './what3words.js';

const KEY = 'test-key-6TQ2';
const FILLED_COUNT_SOAP = { lat: 51.520847, lng: -0.195521 };

let server: Server;
let baseUrl: string;
const requests: URL[] = [];

/** Answers like the what3words API's convert-to-coordinates, with a few misbehaviours on request. */
function imitateApi(request: IncomingMessage, response: ServerResponse): ServerResponse | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  requests.push(url);
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    return response.end(JSON.stringify(body));
  };
  if (url.pathname !== '/v3/convert-to-coordinates') return json(404, { error: { code: 'NotFound' } });
  if (url.searchParams.get('key') !== KEY) {
    return json(401, { error: { code: 'InvalidKey', message: 'Authentication failed; invalid API key' } });
  }
  const words = url.searchParams.get('words');
  switch (words) {
    case 'filled.count.soap':
    case 'книга.стол.окно':
      return json(200, {
        country: 'GB',
        square: {
          southwest: { lng: -0.195543, lat: 51.520833 },
          northeast: { lng: -0.195499, lat: 51.52086 },
        },
        nearestPlace: 'Bayswater, London',
        coordinates: FILLED_COUNT_SOAP,
        words,
        language: 'en',
        map: `https://w3w.co/${words}`,
      });
    case 'never.answers.here':
      return undefined; // the socket stays open with no answer
    case 'stalls.mid.answer':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"coordinates":');
      return undefined;
    case 'server.falls.over':
      return json(500, { error: { code: 'InternalServerError', message: 'oops' } });
    case 'answer.not.json':
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<html>maintenance</html>');
    case 'answer.without.coordinates':
      return json(200, { words });
    case 'answer.off.earth':
      return json(200, { coordinates: { lat: 123, lng: 0 } });
    default:
      return json(400, { error: { code: 'BadWords', message: 'Invalid or non-existent 3 word address' } });
  }
}

beforeAll(async () => {
  server = createServer(imitateApi);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

function client(options: { apiKey?: string; timeoutMs?: number } = {}) {
  const failures: string[] = [];
  const w3w = new What3wordsClient({
    apiKey: 'apiKey' in options ? options.apiKey : KEY,
    baseUrl: `${baseUrl}/`,
    timeoutMs: options.timeoutMs ?? 2000,
    onFailure: (reason) => failures.push(reason),
  });
  return { w3w, failures };
}

describe('What3wordsClient', () => {
  it('waits 3 seconds by default before giving up', () => {
    expect(WHAT3WORDS_TIMEOUT_MS).toBe(3000);
  });

  it('resolves an address to the centre of its square, sending the words without slashes and the key', async () => {
    const { w3w, failures } = client();
    expect(w3w.configured).toBe(true);
    expect(await w3w.resolve('///filled.count.soap')).toEqual(FILLED_COUNT_SOAP);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.searchParams.get('words')).toBe('filled.count.soap');
    expect(requests[0]?.searchParams.get('key')).toBe(KEY);
    expect(failures).toEqual([]);
  });

  it('sends words in any script', async () => {
    const { w3w } = client();
    expect(await w3w.resolve('///книга.стол.окно')).toEqual(FILLED_COUNT_SOAP);
    expect(requests[0]?.searchParams.get('words')).toBe('книга.стол.окно');
  });

  it('answers undefined for words that name no square, without calling it a failure', async () => {
    const { w3w, failures } = client();
    expect(await w3w.resolve('///misheard.words.here')).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it('is not configured without a key, and then never sends a request', async () => {
    for (const apiKey of [undefined, '']) {
      const { w3w } = client({ apiKey });
      expect(w3w.configured).toBe(false);
      expect(await w3w.resolve('///filled.count.soap')).toBeUndefined();
    }
    expect(requests).toEqual([]);
  });

  it.each([
    ['a refused key', { apiKey: 'wrong-key' }, '///filled.count.soap', /HTTP 401 InvalidKey/],
    ['a server error', {}, '///server.falls.over', /HTTP 500/],
    ['an answer that is not JSON', {}, '///answer.not.json', /without coordinates/],
    ['an answer without coordinates', {}, '///answer.without.coordinates', /without coordinates/],
  ])('answers undefined for %s, reporting why without the key', async (_, options, address, reason) => {
    const { w3w, failures } = client(options);
    expect(await w3w.resolve(address)).toBeUndefined();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(reason);
    expect(failures[0]).not.toContain(KEY);
  });

  it('answers undefined for coordinates off the earth', async () => {
    const { w3w } = client();
    expect(await w3w.resolve('///answer.off.earth')).toBeUndefined();
  });

  it.each(['///never.answers.here', '///stalls.mid.answer'])(
    'gives up on %s when the time is up',
    async (address) => {
      const { w3w, failures } = client({ timeoutMs: 150 });
      const started = Date.now();
      expect(await w3w.resolve(address)).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1500);
      expect(failures).toEqual(['what3words lookup failed: no answer within 150 ms']);
    },
  );

  it('answers undefined when nothing listens at the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failures: string[] = [];
    const w3w = new What3wordsClient({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/v3`,
      onFailure: (reason) => failures.push(reason),
    });
    expect(await w3w.resolve('///filled.count.soap')).toBeUndefined();
    expect(failures).toEqual(['what3words lookup failed: TypeError reaching the API']);
  });
});

describe('createGeocoder', () => {
  it('checks what3words addresses only with a configured client, and finds no postcode without a directory', async () => {
    const configured = createGeocoder({ what3words: client().w3w });
    expect(configured.what3wordsConfigured).toBe(true);
    expect(await configured.resolveWhat3words('///filled.count.soap')).toEqual(FILLED_COUNT_SOAP);
    expect(await configured.lookupPostcode('DL13 2AB')).toBeUndefined();
    const bare = createGeocoder({ what3words: client({ apiKey: undefined }).w3w });
    expect(bare.what3wordsConfigured).toBe(false);
    expect(await bare.resolveWhat3words('///filled.count.soap')).toBeUndefined();
    expect(createGeocoder({}).what3wordsConfigured).toBe(false);
  });

  it('looks postcodes up in the directory it is given', async () => {
    const held = new Map([['DL13 2AB', { lat: 54.748, lng: -2.006 }]]);
    const geocoder = createGeocoder({
      postcodes: {
        lookup: async (postcode) => held.get(postcode),
        apply: async () => undefined,
        count: async () => held.size,
      },
    });
    expect(await geocoder.lookupPostcode('DL13 2AB')).toEqual({ lat: 54.748, lng: -2.006 });
    expect(await geocoder.lookupPostcode('DL13 9ZZ')).toBeUndefined();
  });
});
