// An imitation push service for tests. A real one (Google's, Mozilla's, Apple's) cannot be reached from
// the test machine, so this stands in for it: it checks each request's VAPID token as a push service does
// and decrypts the body with the subscription's private key as the browser does.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A subscription as a browser's PushSubscription.toJSON() gives it, and the private half the browser keeps. */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** Decrypts an aes128gcm body as the browser would; throws when it does not open. */
  decrypt(body: Buffer): string;
}

/** One request the service received, with what it made of it. */
export interface ReceivedPush {
  endpoint: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The VAPID token's claims, when its signature checked out. */
  claims: { aud: string; exp: number; sub: string } | null;
  /** Why the service refused the request (403), or null. */
  refusal: string | null;
  /** The decrypted payload, when the subscription is known and it opened. */
  payload: string | null;
  status: number;
}

export interface ImitationPushService {
  /** The service's origin, e.g. http://127.0.0.1:40123: the VAPID audience it expects. */
  origin: string;
  received: ReceivedPush[];
  /** A new subscription at this service, as a browser would make with `applicationServerKey`. */
  subscribe(): BrowserSubscription;
  /** Answers requests to `endpoint` with `status` from now on (201 by default; 410 once unsubscribed). */
  answer(endpoint: string, status: number): void;
  /** Holds every answer until the returned function is called. */
  hold(): () => void;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

/** Starts the service on a free port of this machine; tokens must be signed by `applicationServerKey`'s pair. */
export async function startImitationPushService(applicationServerKey: string): Promise<ImitationPushService> {
  const browsers = new Map<string, BrowserSubscription>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  let held: Promise<void> | null = null;
  let origin = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const endpoint = `${origin}${req.url ?? ''}`;
      const body = Buffer.concat(chunks);
      const check = checkVapid(req.headers.authorization, applicationServerKey, origin);
      const browser = browsers.get(endpoint);
      let payload: string | null = null;
      let refusal = check.refusal;
      if (req.method !== 'POST') refusal ??= `method ${req.method}`;
      if (req.headers['content-encoding'] !== 'aes128gcm') refusal ??= 'content-encoding is not aes128gcm';
      if (!refusal && browser) {
        try {
          payload = browser.decrypt(body);
        } catch (error) {
          refusal = `body did not decrypt: ${(error as Error).message}`;
        }
      }
      const status = refusal
        ? check.refusal
          ? 403
          : 400
        : (statuses.get(endpoint) ?? (browser ? 201 : 404));
      received.push({ endpoint, headers: req.headers, body, claims: check.claims, refusal, payload, status });
      if (held) await held;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(refusal ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the imitation push service did not bind');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    received,
    subscribe() {
      const browser = aBrowserSubscription(`${origin}/push/${randomBytes(12).toString('base64url')}`);
      browsers.set(browser.endpoint, browser);
      return browser;
    },
    answer(endpoint, status) {
      statuses.set(endpoint, status);
    },
    hold() {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
      return release;
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`the imitation push service received ${received.length} of ${count} requests`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser's keys for a subscription at `endpoint`: an ECDH P-256 pair and a 16-byte auth secret. */
export function aBrowserSubscription(endpoint: string): BrowserSubscription {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    endpoint,
    keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
    decrypt: (body) => decryptAes128gcm(body, ecdh.getPrivateKey(), publicKey, auth),
  };
}

/**
 * Opens an aes128gcm body (RFC 8188) for the browser (RFC 8291): read salt, record size and the sender's
 * one-off public key from the header, derive the key and nonce, decrypt the single record and strip its
 * padding down to the 0x02 delimiter.
 */
export function decryptAes128gcm(
  body: Buffer,
  browserPrivate: Buffer,
  browserPublic: Buffer,
  auth: Buffer,
): string {
  if (body.length < 21) throw new Error('body shorter than its header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  if (idLength !== 65) throw new Error(`key id of ${idLength} bytes, not a P-256 public key`);
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error('more than one record');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(browserPrivate);
  const shared = ecdh.computeSecret(senderPublic);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), browserPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, info, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error('the last record lacks its 0x02 delimiter');
  return plain.subarray(0, end).toString('utf8');
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` as RFC 8292 asks: the key is the one the
 * subscription was made with, the ES256 signature verifies with it, the audience is this service's
 * origin, and the token expires within 24 hours and has a subject.
 */
function checkVapid(
  header: string | undefined,
  expectedKey: string,
  origin: string,
): { claims: ReceivedPush['claims']; refusal: string | null } {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(
    header ?? '',
  );
  if (!match?.[1] || !match[2]) return { claims: null, refusal: 'no vapid authorization' };
  const [token, key] = [match[1], match[2]];
  if (key !== expectedKey)
    return { claims: null, refusal: 'k is not the key the subscription was made with' };
  const [headerPart, claimsPart, signaturePart] = token.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!signed) return { claims: null, refusal: 'the token signature does not verify' };
  const jwtHeader = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
  if (jwtHeader.alg !== 'ES256') return { claims: null, refusal: 'the token is not ES256' };
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) return { claims, refusal: `audience ${claims.aud} is not ${origin}` };
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 24 * 3600) {
    return { claims, refusal: 'the token expiry is not within 24 hours' };
  }
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) return { claims, refusal: 'no subject' };
  return { claims, refusal: null };
}
