// Integration tests of the system routes: instance information, health, and the map tiles' CSP.
import { InstanceInfo } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAP_TILES, loadConfig } from '../../../config/index.js';
import { startTestServer, type TestServer } from '../../../test-support/harness.js';

describe('system routes', () => {
  let plain: TestServer;
  let custom: TestServer;
  const tiles = {
    url: 'https://{s}.tiles.example.org/dales/{z}/{x}/{y}.png',
    attribution: '&copy; Example Tiles',
  };
  beforeAll(async () => {
    plain = await startTestServer('sqlite');
    custom = await startTestServer('sqlite', { config: { mapTiles: tiles } });
  });
  afterAll(async () => {
    await plain?.close();
    await custom?.close();
  });

  it('tells anyone which map tiles to use, OpenStreetMap unless configured', async () => {
    const response = await plain.anon.request('GET', '/api/v1/instance');
    expect(response.status, response.text).toBe(200);
    expect(InstanceInfo.parse(response.body)).toEqual({ mapTiles: DEFAULT_MAP_TILES });
    const configured = await custom.anon.request('GET', '/api/v1/instance');
    expect(InstanceInfo.parse(configured.body)).toEqual({ mapTiles: tiles });
  });

  it('lets the browser load images from the configured tile server and no other', async () => {
    const policyOf = async (server: TestServer) => {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      return csp.split(';').find((d) => d.trim().startsWith('img-src')) ?? '';
    };
    expect(await policyOf(plain)).toContain('https://tile.openstreetmap.org');
    const customPolicy = await policyOf(custom);
    expect(customPolicy).toContain('https://*.tiles.example.org');
    expect(customPolicy).not.toContain('openstreetmap');
  });
});

describe('map tile configuration', () => {
  it('accepts an https template with {z}, {x} and {y}', () => {
    const config = loadConfig({ MAP_TILE_URL: 'https://maps.example.org/{z}/{x}/{y}.png' });
    expect(config.mapTiles.url).toBe('https://maps.example.org/{z}/{x}/{y}.png');
    expect(config.mapTiles.attribution).toBe(DEFAULT_MAP_TILES.attribution);
  });

  it('refuses plain http to another machine and templates missing a part', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'http://maps.example.org/{z}/{x}/{y}.png' })).toThrow(/https/);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://maps.example.org/{z}/{x}.png' })).toThrow(/\{y\}/);
    expect(() => loadConfig({ MAP_TILE_URL: 'not a url' })).toThrow(/https/);
    expect(loadConfig({ MAP_TILE_URL: 'http://localhost:8081/{z}/{x}/{y}.png' }).mapTiles.url).toContain(
      'localhost',
    );
  });
});
