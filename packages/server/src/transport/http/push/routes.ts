// HTTP routes. Web Push: the server's key, and turning priority notices on or off for one of my phones.
import { subscribeToPush, unsubscribeFromPush } from '@fellwatch/core';
import { PushKey, PushSubscriptionResponse, SubscribeToPush, UnsubscribeFromPush } from '@fellwatch/protocol';
import type { Api } from '../api.js';

/** Subscriptions per person per minute: a phone sends its own once per visit to the account page. */
export const SUBSCRIPTIONS_PER_MINUTE = 20;

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerPushRoutes(api: Api): void {
  const { ports, push } = api.ctx;

  api.route({
    method: 'GET',
    url: '/api/v1/push/key',
    summary: 'The key browsers subscribe to priority notices with (PushManager applicationServerKey)',
    tag: 'push',
    auth: 'required',
    responses: { 200: PushKey },
    handler: async (): Promise<PushKey> => ({ publicKey: push.applicationServerKey }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/push/subscriptions',
    summary:
      'Turn priority notices on for this phone: its PushSubscription (201; 200 when sent again; 409 when it is another account’s)',
    tag: 'push',
    auth: 'required',
    body: SubscribeToPush,
    perMinute: SUBSCRIPTIONS_PER_MINUTE,
    responses: { 201: PushSubscriptionResponse, 200: PushSubscriptionResponse },
    handler: async ({ actor, body, reply }): Promise<PushSubscriptionResponse> => {
      const { subscription, created } = await subscribeToPush({ ...ports, push }, actor, {
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
      });
      reply.status(created ? 201 : 200);
      return {
        subscription: {
          endpoint: subscription.endpoint,
          createdAt: subscription.createdAt,
          lastUsedAt: subscription.lastUsedAt,
        },
      };
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/push/subscriptions',
    summary: 'Turn priority notices off for one of your phones, by its endpoint (404 for anyone else’s)',
    tag: 'push',
    auth: 'required',
    body: UnsubscribeFromPush,
    perMinute: SUBSCRIPTIONS_PER_MINUTE,
    responses: { 204: null },
    handler: async ({ actor, body }) => {
      await unsubscribeFromPush(ports, actor, body.endpoint);
    },
  });
}
