// The PushSender adapter: Web Push over HTTPS (RFC 8030), encrypted (RFC 8291) and signed with VAPID (RFC 8292).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { PushMessage, PushOutcome, PushSender, PushTarget } from '@fellwatch/core';
import { encryptPushPayload } from './encryption.js';
import { endpointRefusal, publicOnlyLookup, type Resolver } from './endpoints.js';
import { type VapidIdentity, VapidSigner } from './vapid.js';

/** How long one push service may take to answer. */
export const PUSH_TIMEOUT_MS = 10_000;

/** A push service keeps a message at most this long (RFC 8030 leaves it to the service; four weeks is the common cap). */
const MAX_TTL_SECONDS = 28 * 24 * 60 * 60;
/** RFC 8030 section 5.4: a topic is at most 32 characters of the URL-safe base64 alphabet. */
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

export interface WebPushSenderOptions {
  identity: VapidIdentity;
  timeoutMs?: number;
  /** The time for VAPID tokens; the system clock by default. */
  now?: () => number;
  /** Name resolution before the address check; the system resolver by default. */
  resolve?: Resolver;
  /**
   * Tests only: lets the sender POST to http:// addresses on this machine, where a test's imitation push
   * service listens. Nothing in the configuration sets it; production code never passes it (ADR 8).
   */
  testOnlyAllowLocalEndpoints?: boolean;
}

/** Sends Web Push messages to the endpoints people's browsers gave them. */
export class WebPushSender implements PushSender {
  readonly applicationServerKey: string;
  private readonly signer: VapidSigner;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly allowLocal: boolean;
  private readonly lookup: ReturnType<typeof publicOnlyLookup>;

  constructor(options: WebPushSenderOptions) {
    this.applicationServerKey = options.identity.publicKey;
    this.signer = new VapidSigner(options.identity);
    this.timeoutMs = options.timeoutMs ?? PUSH_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.allowLocal = options.testOnlyAllowLocalEndpoints === true;
    this.lookup = publicOnlyLookup(options.resolve);
  }

  endpointRefusal(endpoint: string): string | null {
    return endpointRefusal(endpoint, this.allowLocal);
  }

  async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
    const refusal = this.endpointRefusal(target.endpoint);
    if (refusal) return { outcome: 'failed', reason: refusal };
    if (message.topic !== undefined && !TOPIC.test(message.topic)) {
      return { outcome: 'failed', reason: 'The topic must be 1 to 32 URL-safe characters.' };
    }
    let body: Buffer;
    try {
      body = encryptPushPayload(target, Buffer.from(message.payload, 'utf8'));
    } catch (error) {
      return { outcome: 'failed', reason: `The message could not be encrypted: ${(error as Error).message}` };
    }
    const url = new URL(target.endpoint);
    const headers: Record<string, string> = {
      authorization: this.signer.authorization(url.origin, this.now()),
      ttl: String(Math.max(0, Math.min(MAX_TTL_SECONDS, Math.floor(message.ttlSeconds)))),
      urgency: message.urgency,
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      'content-length': String(body.length),
      ...(message.topic ? { topic: message.topic } : {}),
    };
    try {
      const status = await this.post(url, headers, body);
      if (status >= 200 && status < 300) return { outcome: 'delivered' };
      if (status === 404 || status === 410) return { outcome: 'gone', status };
      return { outcome: 'failed', reason: `The push service answered ${status}.`, status };
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const reason =
        e.code === 'EPUSHREFUSED'
          ? e.message
          : e.name === 'AbortError' || e.name === 'TimeoutError'
            ? `The push service did not answer within ${this.timeoutMs} ms.`
            : `The push service could not be reached (${e.code ?? e.name}).`;
      return { outcome: 'failed', reason };
    }
  }

  /** POSTs the body and resolves with the status; redirects are not followed (a 3xx is a failure). */
  private post(url: URL, headers: Record<string, string>, body: Buffer): Promise<number> {
    const options: RequestOptions = {
      method: 'POST',
      headers,
      signal: AbortSignal.timeout(this.timeoutMs),
      // Every connection goes through the address check, whatever the name resolves to at that moment.
      ...(this.allowLocal ? {} : { lookup: this.lookup as RequestOptions['lookup'] }),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = send(url, options, (res) => {
        // The answer's body says nothing we need; read it away so the connection can be reused.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
