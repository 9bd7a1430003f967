// Who may do what: Web Push subscriptions. A phone's subscription is its owner's alone.
import type { Actor } from '../model/actor.js';
import type { PushSubscriptionRecord } from '../ports/push.js';

/**
 * Refreshing or removing a push subscription: only the person whose phone it is. Anyone else, platform
 * admins included, is told it does not exist.
 */
export function canManagePushSubscription(
  actor: Actor,
  subscription: Pick<PushSubscriptionRecord, 'userId'>,
): boolean {
  return subscription.userId === actor.user.id;
}
