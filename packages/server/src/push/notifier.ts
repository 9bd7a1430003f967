// Priority notices on closed phones: each `attention` event becomes a Web Push message to its recipients' phones (ADR 8).
import type {
  Clock,
  DomainEvent,
  Group,
  PushMessage,
  PushSender,
  PushSubscriptionRecord,
  Repositories,
  RiskFlag,
  UserId,
} from '@fellwatch/core';

/** What the notifier logs with: an object of context, then a message (Fastify's `app.log` fits). */
export interface PushLog {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface AttentionNotifierDeps {
  store: Pick<Repositories, 'getGroup' | 'push'>;
  sender: PushSender;
  clock: Clock;
  log: PushLog;
  /** How many messages go to push services at once. */
  concurrency?: number;
}

/** Takes every published event; acts on `attention` ones. */
export interface AttentionNotifier {
  /** Never blocks and never throws: the work is queued and done after the caller has moved on. */
  notify(event: DomainEvent): void;
  /** Resolves when every notice queued so far has been sent (for tests and shutdown). */
  flush(): Promise<void>;
}

/** The words on the lock screen: nothing from the message, nothing about who posted it. */
export const AT_RISK_TEXT = 'A message may mean someone is at risk — open Fellwatch';
/** The quiet replacement once someone has handled the flag. */
export const HANDLED_TEXT = 'Someone has dealt with this message. Nothing more is needed.';

/** A flagged message waits at the push service for a phone out of signal this long. */
export const AT_RISK_TTL_SECONDS = 24 * 60 * 60;

/** What the service worker reads (packages/web/public/push-handler.js shows it). */
export interface AttentionPushPayload {
  kind: 'attention';
  title: string;
  body: string;
  /** One per flag: the handled notice replaces the at-risk one on the phone. */
  tag: string;
  /** Where tapping it leads: the group's "needs attention" queue. */
  url: string;
  /** Stays on screen until dealt with, with sound; false for the quiet replacement. */
  urgent: boolean;
}

/**
 * The notice for a flag, safe to show on a locked phone: the group's name and a fixed sentence. The
 * message's text, its poster and the risk categories never leave the server in it.
 */
export function attentionPayload(flag: RiskFlag, group: Pick<Group, 'id' | 'name'>): AttentionPushPayload {
  const open = flag.state === 'open';
  return {
    kind: 'attention',
    title: group.name,
    body: open ? AT_RISK_TEXT : HANDLED_TEXT,
    tag: `attention-${flag.id}`,
    url: `/groups/${group.id}/attention`,
    urgent: open,
  };
}

/**
 * Who gets a push for an attention event: its recipients (those who see the queue), never the poster,
 * and, for a handled flag, not the person who handled it (they know; their phone need not buzz).
 */
export function pushRecipients(recipients: readonly UserId[], flag: RiskFlag): UserId[] {
  const left = new Set<UserId>([flag.authorId]);
  if (flag.state === 'handled' && flag.handledBy) left.add(flag.handledBy);
  return [...new Set(recipients)].filter((id) => !left.has(id));
}

/**
 * Creates the notifier the composition root hands every published event. A new flag is pushed at high
 * urgency to each recipient's phones; a handled flag sends a quiet replacement with the same tag and
 * topic, so a phone that still shows (or has not yet received) the alarm shows "dealt with" instead.
 * Subscriptions the push service says are gone are dropped; other failures are logged and kept. Logs
 * name the flag, group and push service host, never an endpoint or a key.
 */
export function createAttentionNotifier(deps: AttentionNotifierDeps): AttentionNotifier {
  const { store, sender, clock, log } = deps;
  const concurrency = deps.concurrency ?? 8;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;

  async function deliver(recipients: readonly UserId[], flag: RiskFlag): Promise<void> {
    const people = pushRecipients(recipients, flag);
    if (people.length === 0) return;
    const [group, phones] = await Promise.all([
      store.getGroup(flag.groupId),
      store.push.listPushSubscriptions(people),
    ]);
    if (!group || phones.length === 0) return;
    const open = flag.state === 'open';
    const message: PushMessage = {
      payload: JSON.stringify(attentionPayload(flag, group)),
      urgency: open ? 'high' : 'normal',
      ttlSeconds: AT_RISK_TTL_SECONDS,
      topic: flag.id,
    };
    const outcomes = await eachLimited(phones, concurrency, (phone) => sender.send(phone, message));
    const delivered: string[] = [];
    let gone = 0;
    let failed = 0;
    for (const [i, outcome] of outcomes.entries()) {
      const phone = phones[i] as PushSubscriptionRecord;
      if (outcome.outcome === 'delivered') delivered.push(phone.endpoint);
      else if (outcome.outcome === 'gone') {
        gone += 1;
        await store.push.deletePushSubscription(phone.endpoint, phone.userId);
      } else {
        failed += 1;
        log.warn(
          {
            flagId: flag.id,
            service: hostOf(phone.endpoint),
            status: outcome.status,
            reason: outcome.reason,
          },
          'a priority notice did not reach the push service',
        );
      }
    }
    await store.push.markPushSubscriptionsUsed(delivered, clock.now());
    log.info(
      {
        flagId: flag.id,
        groupId: flag.groupId,
        state: flag.state,
        phones: phones.length,
        delivered: delivered.length,
        gone,
        failed,
      },
      'priority notices sent to phones',
    );
  }

  return {
    notify(event: DomainEvent): void {
      if (event.kind !== 'attention') return;
      const { recipients, flag } = event;
      pending += 1;
      // One event after another, so a flag's handled notice never overtakes its alarm.
      chain = chain
        .then(() => deliver(recipients, flag))
        .catch((error: unknown) => {
          log.error({ err: error, flagId: flag.id }, 'sending priority notices to phones failed');
        })
        .finally(() => {
          pending -= 1;
        });
    },
    async flush(): Promise<void> {
      while (pending > 0) await chain;
    },
  };
}

/** Runs `work` on every item, at most `limit` at once, keeping the order of results. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return results;
}

function hostOf(endpoint: string): string {
  return URL.canParse(endpoint) ? new URL(endpoint).host : 'unknown';
}
