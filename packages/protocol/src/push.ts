// Web Push: the server's public key, and the subscriptions browsers hand over so a closed phone still gets priority notices.
import { z } from 'zod';
import { Epoch } from './common.js';

/**
 * Base64url of exactly `bytes` bytes, as browsers write a subscription's keys (padding tolerated).
 * `first` is a pattern for the first `firstChars` characters: an uncompressed P-256 point starts with the
 * byte 0x04, which is "B" then one of A-P.
 */
const Base64urlBytes = (bytes: number, first = '', firstChars = 0) =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^${first}[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3) - firstChars}}={0,2}$`),
      `must be ${bytes} bytes in base64url`,
    );

/** The browser's P-256 public key, uncompressed: 65 bytes starting 0x04. */
export const PushP256dh = Base64urlBytes(65, 'B[A-P]', 2);
/** The browser's authentication secret: 16 bytes. */
export const PushAuth = Base64urlBytes(16);

/** A push service's address for one browser: an absolute http(s) URL (the server decides which it will reach). */
export const PushEndpoint = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .regex(/^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i, 'must be an https:// address');

/** GET /push/key: the key the browser subscribes with (PushManager.subscribe's applicationServerKey). */
export const PushKey = z.object({ publicKey: z.string() });
export type PushKey = z.infer<typeof PushKey>;

/** POST /push/subscriptions: what PushSubscription.toJSON() gives (expirationTime is accepted and not kept). */
export const SubscribeToPush = z.object({
  endpoint: PushEndpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: PushP256dh, auth: PushAuth }),
});
export type SubscribeToPush = z.infer<typeof SubscribeToPush>;

/** DELETE /push/subscriptions: which of my phones stops receiving notices. */
export const UnsubscribeFromPush = z.object({ endpoint: PushEndpoint });
export type UnsubscribeFromPush = z.infer<typeof UnsubscribeFromPush>;

/** One of my subscriptions as the server keeps it; the keys are never sent back. */
export const PushSubscriptionView = z.object({
  endpoint: z.string(),
  createdAt: Epoch,
  lastUsedAt: Epoch.nullable(),
});
export type PushSubscriptionView = z.infer<typeof PushSubscriptionView>;

export const PushSubscriptionResponse = z.object({ subscription: PushSubscriptionView });
export type PushSubscriptionResponse = z.infer<typeof PushSubscriptionResponse>;
