// Tests of the VAPID identity: keys from the environment or generated once into the data folder.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config/index.js';
import { checkVapidKeys, generateVapidKeys, loadVapidIdentity, VapidSigner } from './vapid.js';

describe('loadVapidIdentity', () => {
  let dataDir: string;
  let config: Config;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fellwatch-vapid-'));
    config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://watch.example.org' });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a key pair once into vapid.json, readable by the server alone, and keeps it', () => {
    const first = loadVapidIdentity(config, {});
    const path = join(dataDir, 'vapid.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      publicKey: first.publicKey,
      privateKey: first.privateKey,
    });
    expect(loadVapidIdentity(config, {})).toEqual(first);
    expect(first.subject).toBe('https://watch.example.org');
    expect(checkVapidKeys(first)).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
  });

  it('takes the keys and subject from the environment when set, writing nothing', () => {
    const keys = generateVapidKeys();
    const identity = loadVapidIdentity(config, {
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: `${keys.privateKey}=`,
      VAPID_SUBJECT: 'mailto:admin@watch.example.org',
    });
    expect(identity).toEqual({ ...keys, subject: 'mailto:admin@watch.example.org' });
    expect(() => statSync(join(dataDir, 'vapid.json'))).toThrow();
  });

  it('refuses half a pair, keys that do not belong together, malformed keys and a subject that is no address', () => {
    const [a, b] = [generateVapidKeys(), generateVapidKeys()];
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ VAPID_PUBLIC_KEY: a.publicKey }, /both/],
      [{ VAPID_PRIVATE_KEY: a.privateKey }, /both/],
      [{ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: b.privateKey }, /not the public key/],
      [{ VAPID_PUBLIC_KEY: 'not*base64', VAPID_PRIVATE_KEY: a.privateKey }, /base64url/],
      [{ VAPID_PUBLIC_KEY: a.publicKey.slice(0, 40), VAPID_PRIVATE_KEY: a.privateKey }, /65 bytes/],
      [{ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: a.privateKey.slice(0, 20) }, /32-byte/],
      [{ VAPID_SUBJECT: 'the admin' }, /VAPID_SUBJECT/],
    ];
    for (const [env, error] of cases) {
      expect(() => loadVapidIdentity(config, env), JSON.stringify(env)).toThrow(error);
    }
    // Errors never repeat the key itself.
    try {
      loadVapidIdentity(config, { VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: b.privateKey });
    } catch (error) {
      expect(String(error)).not.toContain(b.privateKey);
    }
  });

  it('refuses a vapid.json that was damaged', () => {
    writeFileSync(join(dataDir, 'vapid.json'), JSON.stringify({ publicKey: 'abc' }));
    expect(() => loadVapidIdentity(config, {})).toThrow(/publicKey and privateKey/);
  });
});

describe('VapidSigner', () => {
  it('keeps one token per audience until an hour before it ends, then signs a new one', () => {
    const signer = new VapidSigner({ ...generateVapidKeys(), subject: 'mailto:a@example.org' });
    const t0 = Date.UTC(2026, 0, 1);
    const first = signer.authorization('https://fcm.googleapis.com', t0);
    expect(signer.authorization('https://fcm.googleapis.com', t0 + 60_000)).toBe(first);
    expect(signer.authorization('https://web.push.apple.com', t0)).not.toBe(first);
    expect(signer.authorization('https://fcm.googleapis.com', t0 + 11.5 * 3600_000)).not.toBe(first);
    const claims = JSON.parse(Buffer.from(first.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(claims).toEqual({
      aud: 'https://fcm.googleapis.com',
      exp: t0 / 1000 + 12 * 3600,
      sub: 'mailto:a@example.org',
    });
  });
});
