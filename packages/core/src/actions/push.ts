// Actions on Web Push subscriptions: a person turns priority notices on or off for one of their phones.
import type { Actor } from '../model/actor.js';
import { fail } from '../model/errors.js';
import { canManagePushSubscription } from '../policies/index.js';
import type { Ports, PushSender, PushSubscriptionRecord } from '../ports/index.js';

/** The most phones one person may have notices sent to; another one replaces the least recently used. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

/** What the ports of these actions are: the store, the clock, and the sender's rule on endpoints. */
export type PushPorts = Pick<Ports, 'store' | 'clock'> & { push: Pick<PushSender, 'endpointRefusal'> };

/** A browser's subscription: its push service endpoint and its keys (base64url). */
export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** The stored subscription, and whether it is new (false when the owner sent it again). */
export interface SubscribedToPush {
  subscription: PushSubscriptionRecord;
  created: boolean;
}

const TAKEN =
  'This phone’s notifications belong to another account. Turn notifications off and on again to use them for yours.';

/**
 * Turns priority notices on for the phone that gave this subscription. Sending one's own again refreshes
 * its keys. Refused when the sender would never reach the endpoint (400 on `endpoint`), and when the
 * endpoint is someone else's (conflict, nothing changed): knowing a phone's endpoint must not let anyone
 * take its notices away from its owner. A person's eleventh phone replaces the least recently used.
 */
export async function subscribeToPush(
  ports: PushPorts,
  actor: Actor,
  input: PushSubscriptionInput,
): Promise<SubscribedToPush> {
  const { store } = ports;
  const endpoint = input.endpoint.trim();
  const refusal = ports.push.endpointRefusal(endpoint);
  if (refusal) throw fail.invalid(refusal, 'endpoint');
  const existing = await store.push.getPushSubscription(endpoint);
  if (existing && !canManagePushSubscription(actor, existing)) throw fail.conflict(TAKEN, 'endpoint');

  const saved = await store.push.savePushSubscription({
    userId: actor.user.id,
    endpoint,
    p256dh: unpadded(input.p256dh),
    auth: unpadded(input.auth),
    createdAt: ports.clock.now(),
    lastUsedAt: null,
  });
  if (saved === 'taken') throw fail.conflict(TAKEN, 'endpoint');

  const mine = await store.push.listPushSubscriptions([actor.user.id]);
  if (saved === 'created' && mine.length > MAX_PUSH_SUBSCRIPTIONS) {
    const others = mine
      .filter((s) => s.endpoint !== endpoint)
      .sort((a, b) => (a.lastUsedAt ?? a.createdAt) - (b.lastUsedAt ?? b.createdAt));
    for (const old of others.slice(0, mine.length - MAX_PUSH_SUBSCRIPTIONS)) {
      await store.push.deletePushSubscription(old.endpoint, actor.user.id);
    }
  }
  const subscription = mine.find((s) => s.endpoint === endpoint);
  if (!subscription) throw fail.notFound('Subscription');
  return { subscription, created: saved === 'created' };
}

/** Turns priority notices off for one of the actor's phones. Someone else's, or none, is not found. */
export async function unsubscribeFromPush(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  endpoint: string,
): Promise<void> {
  const { store } = ports;
  const subscription = await store.push.getPushSubscription(endpoint.trim());
  if (!subscription || !canManagePushSubscription(actor, subscription)) throw fail.notFound('Subscription');
  // Owner named again, so a phone handed to someone else in between is not removed from under them.
  const deleted = await store.push.deletePushSubscription(subscription.endpoint, actor.user.id);
  if (!deleted) throw fail.notFound('Subscription');
}

function unpadded(text: string): string {
  return text.trim().replace(/=+$/, '');
}
