// Web Push: the sender adapter (encryption, VAPID, which endpoints may be reached) and the notifier of priority notices.
export { encryptPushPayload, MAX_PAYLOAD_BYTES } from './encryption.js';
export { endpointRefusal, isPublicAddress, publicOnlyLookup } from './endpoints.js';
export {
  AT_RISK_TEXT,
  type AttentionNotifier,
  type AttentionPushPayload,
  attentionPayload,
  createAttentionNotifier,
  HANDLED_TEXT,
  type PushLog,
  pushRecipients,
} from './notifier.js';
export {
  checkVapidKeys,
  generateVapidKeys,
  loadVapidIdentity,
  type VapidIdentity,
  type VapidKeys,
  VapidSigner,
} from './vapid.js';
export { PUSH_TIMEOUT_MS, WebPushSender, type WebPushSenderOptions } from './web-push-sender.js';
