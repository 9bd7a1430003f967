// Notifications on this phone: whether the browser can receive priority notices, and turning them on and off.
import { ApiError } from '../../api/errors.js';
import { getPushKey, subscribeToPush, unsubscribeFromPush } from '../../api/push.js';

/** What the section needs to know of the browser it runs in. */
export interface PushEnvironment {
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  /** An iPhone or iPad: notifications need Fellwatch on the Home Screen there. */
  isIos: boolean;
  /** Opened from the Home Screen (installed), not in a browser tab. */
  isStandalone: boolean;
  permission: NotificationPermission;
}

/** Whether notices can reach this phone, and if not, why. */
export type PushAvailability = 'available' | 'unsupported' | 'ios-home-screen' | 'blocked';

/** Why turning notifications on did not work, in words for the person holding the phone. */
export type PushProblem = 'dismissed' | 'blocked' | 'not-ready' | 'no-push-service' | 'server';

/** The outcome of turning notifications on. */
export type TurnOnResult = { ok: true } | { ok: false; problem: PushProblem; message: string };

/** The parts of a PushSubscription the section uses. */
export interface BrowserPushSubscription {
  endpoint: string;
  options: { applicationServerKey: ArrayBuffer | null };
  toJSON(): PushSubscriptionJSON;
  unsubscribe(): Promise<boolean>;
}

/** The parts of the browser the section uses; the real ones in the app, stand-ins in unit tests. */
export interface PushBrowser {
  requestPermission(): Promise<NotificationPermission>;
  getSubscription(): Promise<BrowserPushSubscription | null>;
  /** Throws when the browser has no push service it can reach (as headless browsers). */
  subscribe(applicationServerKey: Uint8Array): Promise<BrowserPushSubscription>;
  /** False while no service worker controls the app (the first visit, or a development build). */
  hasWorker(): Promise<boolean>;
}

/** The server's side: the key, and this phone's subscription. */
export interface PushServer {
  key(): Promise<string>;
  save(subscription: PushSubscriptionJSON): Promise<void>;
  remove(endpoint: string): Promise<void>;
}

/** Plain words for each reason notices cannot reach this phone. */
export const UNAVAILABLE_TEXT: Record<Exclude<PushAvailability, 'available'>, string> = {
  unsupported:
    'This browser cannot receive notifications from websites, so Fellwatch can only alert you while it is open.',
  'ios-home-screen':
    'On an iPhone or iPad, Fellwatch can send notifications only once it is on your Home Screen: tap Share, then “Add to Home Screen”, open Fellwatch from there and come back to this page.',
  blocked:
    'Notifications from Fellwatch are blocked in this browser’s settings. Allow them there (usually under Site settings, then Notifications) and come back to this page.',
};

/** Plain words for each reason turning notifications on failed. */
export const PROBLEM_TEXT: Record<Exclude<PushProblem, 'server'>, string> = {
  dismissed: 'Notifications were not allowed. Press the button again and choose Allow.',
  blocked: UNAVAILABLE_TEXT.blocked,
  'not-ready': 'Fellwatch is still getting ready on this phone. Reload the page and try again.',
  'no-push-service':
    'This browser could not reach its notification service, so notifications could not be turned on. Check the signal and try again; some browsers, and private windows, cannot receive notifications at all.',
};

/** Decides from the environment whether notices can reach this phone. */
export function pushAvailability(env: PushEnvironment): PushAvailability {
  if (env.isIos && !env.isStandalone) return 'ios-home-screen';
  if (!env.hasServiceWorker || !env.hasPushManager || !env.hasNotification) return 'unsupported';
  if (env.permission === 'denied') return 'blocked';
  return 'available';
}

/** True for an iPhone, iPod or iPad, including iPads that say they are a Mac but have a touch screen. */
export function isIosDevice(userAgent: string, maxTouchPoints: number): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

/** Reads the environment of the browser the app runs in. */
export function readPushEnvironment(): PushEnvironment {
  const hasNotification = typeof Notification !== 'undefined';
  return {
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: typeof window !== 'undefined' && 'PushManager' in window,
    hasNotification,
    isIos: isIosDevice(navigator.userAgent, navigator.maxTouchPoints ?? 0),
    isStandalone:
      window.matchMedia?.('(display-mode: standalone)').matches === true ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true,
    permission: hasNotification ? Notification.permission : 'default',
  };
}

/** Decodes base64url (as the server gives its key) into bytes for PushManager.subscribe. */
export function base64urlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** True when a subscription was made with this key (a server whose key changed needs a new one). */
export function madeWithKey(subscription: BrowserPushSubscription, key: Uint8Array): boolean {
  const made = subscription.options.applicationServerKey;
  if (!made || made.byteLength !== key.length) return false;
  const bytes = new Uint8Array(made);
  return bytes.every((b, i) => b === key[i]);
}

/**
 * Makes sure this phone's subscription is one the server can use and the server has it: a subscription
 * made with an old key is replaced, and one the server says belongs to another account is dropped and
 * made afresh (a new endpoint).
 */
async function subscribeAndSave(browser: PushBrowser, server: PushServer): Promise<void> {
  const key = base64urlToBytes(await server.key());
  let subscription = await browser.getSubscription();
  if (subscription && !madeWithKey(subscription, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await browser.subscribe(key);
  try {
    await server.save(subscription.toJSON());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    await subscription.unsubscribe();
    await server.save((await browser.subscribe(key)).toJSON());
  }
}

/**
 * Turns notifications on for this phone, as the person pressed the button: asks permission, subscribes
 * with the server's key and hands the subscription to the server.
 */
export async function turnOnPush(browser: PushBrowser, server: PushServer): Promise<TurnOnResult> {
  const permission = await browser.requestPermission();
  if (permission === 'denied') return { ok: false, problem: 'blocked', message: PROBLEM_TEXT.blocked };
  if (permission !== 'granted') return { ok: false, problem: 'dismissed', message: PROBLEM_TEXT.dismissed };
  if (!(await browser.hasWorker()))
    return { ok: false, problem: 'not-ready', message: PROBLEM_TEXT['not-ready'] };
  try {
    await subscribeAndSave(browser, server);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) {
      return { ok: false, problem: 'no-push-service', message: PROBLEM_TEXT['no-push-service'] };
    }
    await dropRefused(browser, error);
    return { ok: false, problem: 'server', message: error.message };
  }
}

/**
 * When the server refused the subscription for good (not for want of signal), the browser drops it too,
 * so the phone never says notifications are on while the server will send it none.
 */
async function dropRefused(browser: PushBrowser, error: ApiError): Promise<void> {
  if (error.isTransient || error.status === 401) return;
  await (await browser.getSubscription())?.unsubscribe();
}

/**
 * Turns notifications off for this phone. The server is asked to forget it, and the browser drops it
 * whatever the server answered (no signal, already forgotten): a dropped subscription's endpoint is gone
 * at the push service, and the server deletes its record when the push service says so.
 */
export async function turnOffPush(browser: PushBrowser, server: PushServer): Promise<void> {
  const subscription = await browser.getSubscription();
  if (!subscription) return;
  await server.remove(subscription.endpoint).catch(() => undefined);
  await subscription.unsubscribe();
}

/** Whether notifications are on for this phone: permission given and a subscription held. Asks only the browser. */
export async function pushIsOn(browser: PushBrowser, permission: NotificationPermission): Promise<boolean> {
  if (permission !== 'granted' || !(await browser.hasWorker())) return false;
  return (await browser.getSubscription()) !== null;
}

/**
 * Hands this phone's subscription to the server again, as each visit to the account page does, so a
 * server that lost it, or whose key changed, has a usable one. Returns whether notifications are still
 * on: no signal leaves them as they were; a refusal by the server turns them off.
 */
export async function refreshPush(browser: PushBrowser, server: PushServer): Promise<boolean> {
  try {
    await subscribeAndSave(browser, server);
  } catch (error) {
    if (error instanceof ApiError) await dropRefused(browser, error);
  }
  return (await browser.getSubscription()) !== null;
}

/** The server's side, over the API. */
export const apiPushServer: PushServer = {
  key: () => getPushKey(),
  save: async (subscription) => {
    const { endpoint, keys, expirationTime } = subscription;
    if (!endpoint || !keys?.p256dh || !keys.auth)
      throw new Error('the browser gave an incomplete subscription');
    await subscribeToPush({
      endpoint,
      expirationTime: expirationTime ?? null,
      keys: { p256dh: keys.p256dh, auth: keys.auth },
    });
  },
  remove: (endpoint) => unsubscribeFromPush(endpoint),
};

/** The browser the app runs in. */
export function realPushBrowser(): PushBrowser {
  const registration = async () =>
    'serviceWorker' in navigator ? ((await navigator.serviceWorker.getRegistration()) ?? null) : null;
  return {
    requestPermission: () => Notification.requestPermission(),
    async getSubscription() {
      return (await (await registration())?.pushManager.getSubscription()) ?? null;
    },
    async subscribe(applicationServerKey) {
      const found = await registration();
      if (!found) throw new Error('no service worker');
      return found.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey as BufferSource,
      });
    },
    hasWorker: async () => (await registration()) !== null,
  };
}

/**
 * Turns this phone's notifications off before signing out, so the next person to use it does not get
 * the notices meant for the one who left. Waits for the server at most `waitMs`: the browser drops the
 * subscription anyway, which is what stops the notices. Never throws.
 */
export async function turnOffPushBeforeSignOut(waitMs = 3000): Promise<void> {
  if (pushAvailability(readPushEnvironment()) !== 'available') return;
  const server: PushServer = {
    ...apiPushServer,
    remove: (endpoint) =>
      Promise.race([
        apiPushServer.remove(endpoint),
        new Promise<void>((resolve) => setTimeout(resolve, waitMs)),
      ]),
  };
  await turnOffPush(realPushBrowser(), server).catch(() => undefined);
}
