// Web Push: the subscriptions people's phones hand us, and the port that sends one encrypted message to one of them.
import type { EpochMs, UserId } from '../model/ids.js';

/**
 * One phone's (one browser's) push subscription for a person. The endpoint is the push service's
 * address for that browser and is unique: it belongs to one person at a time. `p256dh` and `auth` are
 * the browser's keys (base64url) that every message to it is encrypted with.
 */
export interface PushSubscriptionRecord {
  userId: UserId;
  endpoint: string;
  /** The browser's P-256 public key, uncompressed (65 bytes), base64url. */
  p256dh: string;
  /** The browser's 16-byte authentication secret, base64url. */
  auth: string;
  createdAt: EpochMs;
  /** When a message last reached the push service for it; null until one has. */
  lastUsedAt: EpochMs | null;
}

/** What saving a subscription did: stored it anew, refreshed the owner's own, or found it is someone else's. */
export type PushSubscriptionSaved = 'created' | 'refreshed' | 'taken';

/** Storage of push subscriptions: one row per endpoint; a person may have several phones. */
export interface PushRepository {
  /**
   * Stores a subscription. When the endpoint is already the same person's, its keys are replaced and its
   * dates kept ('refreshed'); when it is someone else's, nothing changes ('taken').
   */
  savePushSubscription(subscription: PushSubscriptionRecord): Promise<PushSubscriptionSaved>;
  /** The subscription at an endpoint, whoever's it is. */
  getPushSubscription(endpoint: string): Promise<PushSubscriptionRecord | undefined>;
  /** Every subscription of these people, by person then oldest first. */
  listPushSubscriptions(userIds: readonly UserId[]): Promise<PushSubscriptionRecord[]>;
  /**
   * Deletes the subscription at an endpoint; with `ownerId`, only when it is that person's. True when
   * one was deleted.
   */
  deletePushSubscription(endpoint: string, ownerId?: UserId): Promise<boolean>;
  /** Records that messages reached the push service for these endpoints at `at`. */
  markPushSubscriptionsUsed(endpoints: readonly string[], at: EpochMs): Promise<void>;
}

/**
 * How soon the push service should wake the phone (RFC 8030 Urgency): 'high' wakes it at once, even
 * on battery saving; lower ones may wait for the phone to be awake anyway.
 */
export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** Where a message goes: a subscription's endpoint and the browser's keys. */
export type PushTarget = Pick<PushSubscriptionRecord, 'endpoint' | 'p256dh' | 'auth'>;

/** One message for one phone. */
export interface PushMessage {
  /** The text the service worker reads (JSON); encrypted for the browser, so the push service never sees it. */
  payload: string;
  urgency: PushUrgency;
  /** How long the push service keeps it for a phone that is off or out of signal, in seconds. */
  ttlSeconds: number;
  /**
   * Up to 32 URL-safe characters. A message waiting at the push service is replaced by a newer one with
   * the same topic, so a phone out of signal receives only the latest.
   */
  topic?: string;
}

/**
 * What became of one message: the push service took it ('delivered'), the subscription no longer
 * exists and must be dropped ('gone', the service answered 404 or 410), or it did not go ('failed':
 * refused endpoint, network, or another answer; the subscription is kept).
 */
export type PushOutcome =
  | { outcome: 'delivered' }
  | { outcome: 'gone'; status: number }
  | { outcome: 'failed'; reason: string; status?: number };

/** Sends Web Push messages (RFC 8030), encrypted for the browser (RFC 8291) and signed by this server (RFC 8292). */
export interface PushSender {
  /** The server's public key (base64url, uncompressed P-256) that browsers subscribe with. */
  readonly applicationServerKey: string;
  /**
   * Why this sender would never send to an endpoint (not https, a private or local address), or null
   * when it would. Subscriptions are checked with it before they are stored.
   */
  endpointRefusal(endpoint: string): string | null;
  /** Sends one message to one subscription. Never throws: every failure is an outcome. */
  send(target: PushTarget, message: PushMessage): Promise<PushOutcome>;
}
