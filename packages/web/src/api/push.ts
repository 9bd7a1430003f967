// The Web Push routes of docs/api-routes.md as typed functions: the server's key, and this phone's subscription.
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';
import { request } from './http.js';

/** What a browser's PushSubscription.toJSON() gives, as the server takes it. */
export type SubscribeToPush = z.input<typeof P.SubscribeToPush>;
export type PushSubscriptionView = P.PushSubscriptionView;

/** The key this server's notices are signed with; the browser subscribes with it. */
export const getPushKey = (signal?: AbortSignal) =>
  request<P.PushKey>('GET', '/push/key', undefined, { signal }).then((r) => r.publicKey);

/** Turns priority notices on for this phone (sent again on each visit, which refreshes it). */
export const subscribeToPush = (body: SubscribeToPush) =>
  request<P.PushSubscriptionResponse>('POST', '/push/subscriptions', body).then((r) => r.subscription);

/** Turns priority notices off for this phone. */
export const unsubscribeFromPush = (endpoint: string) =>
  request<void>('DELETE', '/push/subscriptions', { endpoint });
