// Tests the logic of "Notifications on this phone". A browser here has no push service to subscribe with
// (headless Chromium cannot), so the browser and the server are small stand-ins with the same shape.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.js';
import {
  type BrowserPushSubscription,
  base64urlToBytes,
  isIosDevice,
  madeWithKey,
  PROBLEM_TEXT,
  type PushBrowser,
  type PushEnvironment,
  type PushServer,
  pushAvailability,
  pushIsOn,
  refreshPush,
  turnOffPush,
  turnOnPush,
} from './push.js';

const KEY = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
const OTHER_KEY = 'BB6fnZhbygle0_c5tX3gpvxljBZ1zHivkyVna5EuKQjyacCG9bXgNdSwj_oI5ja6iLjWYmwYX4c9f90hEzYd3Lo';

const env = (overrides: Partial<PushEnvironment> = {}): PushEnvironment => ({
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  isIos: false,
  isStandalone: false,
  permission: 'default',
  ...overrides,
});

describe('whether notices can reach this phone', () => {
  it('says what stands in the way, iPhones first', () => {
    expect(pushAvailability(env())).toBe('available');
    expect(pushAvailability(env({ permission: 'granted' }))).toBe('available');
    expect(pushAvailability(env({ isIos: true, hasPushManager: false }))).toBe('ios-home-screen');
    expect(pushAvailability(env({ isIos: true, isStandalone: true }))).toBe('available');
    expect(pushAvailability(env({ hasServiceWorker: false }))).toBe('unsupported');
    expect(pushAvailability(env({ hasPushManager: false }))).toBe('unsupported');
    expect(pushAvailability(env({ hasNotification: false }))).toBe('unsupported');
    expect(pushAvailability(env({ permission: 'denied' }))).toBe('blocked');
  });

  it('knows an iPhone or iPad, including an iPad that says it is a Mac', () => {
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    const mac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15';
    const android =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36';
    expect(isIosDevice(iphone, 5)).toBe(true);
    expect(isIosDevice(mac, 5)).toBe(true);
    expect(isIosDevice(mac, 0)).toBe(false);
    expect(isIosDevice(android, 5)).toBe(false);
  });
});

describe('keys', () => {
  it('decodes the server’s base64url key into the 65 bytes of a P-256 point', () => {
    const bytes = base64urlToBytes(KEY);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
    expect(base64urlToBytes('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
  });
});

/** A browser stand-in: records what it was asked and holds at most one subscription. */
function aBrowser(options: {
  permission?: NotificationPermission;
  worker?: boolean;
  subscribeFails?: boolean;
  existingKey?: string;
}) {
  let made = 0;
  const log: string[] = [];
  let current: BrowserPushSubscription | null = null;
  const subscription = (key: Uint8Array): BrowserPushSubscription => {
    made += 1;
    const endpoint = `https://push.example.net/send/${made}`;
    const sub: BrowserPushSubscription = {
      endpoint,
      options: { applicationServerKey: key.slice().buffer },
      toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }),
      unsubscribe: async () => {
        log.push(`unsubscribe ${endpoint}`);
        if (current === sub) current = null;
        return true;
      },
    };
    return sub;
  };
  if (options.existingKey) current = subscription(base64urlToBytes(options.existingKey));
  const browser: PushBrowser = {
    requestPermission: async () => options.permission ?? 'granted',
    getSubscription: async () => current,
    async subscribe(key) {
      if (options.subscribeFails)
        throw new DOMException('Registration failed - push service not available', 'AbortError');
      current = subscription(key);
      log.push(`subscribe ${current.endpoint}`);
      return current;
    },
    hasWorker: async () => options.worker ?? true,
  };
  return { browser, log, current: () => current };
}

/** A server stand-in: its key, what it was handed, and an answer to give for a save. */
function aServer(options: { saveFails?: (endpoint: string) => Error | null; removeFails?: Error } = {}) {
  const saved: string[] = [];
  const removed: string[] = [];
  const server: PushServer = {
    key: async () => KEY,
    async save(subscription) {
      const error = options.saveFails?.(subscription.endpoint ?? '');
      if (error) throw error;
      saved.push(subscription.endpoint ?? '');
    },
    async remove(endpoint) {
      if (options.removeFails) throw options.removeFails;
      removed.push(endpoint);
    },
  };
  return { server, saved, removed };
}

describe('turning notifications on', () => {
  it('subscribes with the server’s key and hands the subscription to the server', async () => {
    const { browser, current } = aBrowser({});
    const { server, saved } = aServer();
    expect(await turnOnPush(browser, server)).toEqual({ ok: true });
    expect(saved).toEqual(['https://push.example.net/send/1']);
    const made = current();
    expect(made && madeWithKey(made, base64urlToBytes(KEY))).toBe(true);
  });

  it('says why when permission is refused or dismissed, or the app is not ready', async () => {
    const { server, saved } = aServer();
    expect(await turnOnPush(aBrowser({ permission: 'denied' }).browser, server)).toMatchObject({
      ok: false,
      problem: 'blocked',
    });
    expect(await turnOnPush(aBrowser({ permission: 'default' }).browser, server)).toEqual({
      ok: false,
      problem: 'dismissed',
      message: PROBLEM_TEXT.dismissed,
    });
    expect(await turnOnPush(aBrowser({ worker: false }).browser, server)).toMatchObject({
      problem: 'not-ready',
    });
    expect(saved).toEqual([]);
  });

  it('explains itself when the browser has no push service to subscribe with', async () => {
    const { server, saved } = aServer();
    const result = await turnOnPush(aBrowser({ subscribeFails: true }).browser, server);
    expect(result).toEqual({
      ok: false,
      problem: 'no-push-service',
      message: PROBLEM_TEXT['no-push-service'],
    });
    expect(saved).toEqual([]);
  });

  it('passes on the server’s own words when it refuses', async () => {
    const refusal = new ApiError(400, 'invalid', 'The push address must be an https address.', 'endpoint');
    const { server } = aServer({ saveFails: () => refusal });
    const { browser, current } = aBrowser({});
    expect(await turnOnPush(browser, server)).toEqual({
      ok: false,
      problem: 'server',
      message: refusal.message,
    });
    // The phone does not keep a subscription the server will never send to.
    expect(current()).toBeNull();
  });

  it('replaces a subscription made with another key (the server’s key changed)', async () => {
    const { browser, log } = aBrowser({ existingKey: OTHER_KEY });
    const { server, saved } = aServer();
    expect(await turnOnPush(browser, server)).toEqual({ ok: true });
    expect(log).toEqual([
      'unsubscribe https://push.example.net/send/1',
      'subscribe https://push.example.net/send/2',
    ]);
    expect(saved).toEqual(['https://push.example.net/send/2']);
  });

  it('makes a new subscription when the server says this one belongs to another account', async () => {
    const { browser, log } = aBrowser({ existingKey: KEY });
    const taken = new ApiError(
      409,
      'conflict',
      'This phone’s notifications belong to another account.',
      'endpoint',
    );
    const { server, saved } = aServer({ saveFails: (endpoint) => (endpoint.endsWith('/1') ? taken : null) });
    expect(await turnOnPush(browser, server)).toEqual({ ok: true });
    expect(log).toEqual([
      'unsubscribe https://push.example.net/send/1',
      'subscribe https://push.example.net/send/2',
    ]);
    expect(saved).toEqual(['https://push.example.net/send/2']);
  });
});

describe('turning notifications off, and the state on opening the page', () => {
  it('asks the server to forget this phone, and drops the subscription even when the server cannot be reached', async () => {
    const reached = aBrowser({ existingKey: KEY });
    const { server, removed } = aServer();
    await turnOffPush(reached.browser, server);
    expect(removed).toEqual(['https://push.example.net/send/1']);
    expect(reached.current()).toBeNull();

    const offline = aBrowser({ existingKey: KEY });
    await turnOffPush(
      offline.browser,
      aServer({ removeFails: new ApiError(0, 'network', 'No signal') }).server,
    );
    expect(offline.current()).toBeNull();
  });

  it('is on only with permission and a subscription, and hands the subscription over again', async () => {
    const { browser } = aBrowser({ existingKey: OTHER_KEY });
    expect(await pushIsOn(browser, 'default')).toBe(false);
    expect(await pushIsOn(aBrowser({}).browser, 'granted')).toBe(false);
    expect(await pushIsOn(browser, 'granted')).toBe(true);
    const { server, saved } = aServer();
    expect(await refreshPush(browser, server)).toBe(true);
    expect(saved).toEqual(['https://push.example.net/send/2']);
  });

  it('stays as it was when handing it over fails for want of signal, and turns off when the server refuses it', async () => {
    const { browser } = aBrowser({ existingKey: KEY });
    const { server } = aServer({ saveFails: () => new ApiError(0, 'network', 'No signal') });
    expect(await refreshPush(browser, server)).toBe(true);
    const refusing = aServer({ saveFails: () => new ApiError(400, 'invalid', 'Refused', 'endpoint') });
    expect(await refreshPush(browser, refusing.server)).toBe(false);
  });
});
