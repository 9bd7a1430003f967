// Wires adapters into the core's ports and builds the app: shared by main.ts, the CLI and the test harness.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Actor,
  type EventPublisher,
  type Geocoder,
  type GroupId,
  markRead,
  type PasswordHasher,
  type Ports,
  type PostMessageInput,
  type PushSender,
  postMessage,
  type Store,
} from '@fellwatch/core';
import type { FastifyInstance } from 'fastify';
import { Argon2Passwords, CryptoSecrets, SystemClock, UlidIds } from './adapters/index.js';
import type { Config } from './config/index.js';
import { openFanout } from './fanout/index.js';
import type { Fanout } from './fanout/port.js';
import { createGeocoder, What3wordsClient } from './geocoding/index.js';
import { startRecordSweeper } from './jobs/index.js';
import { createImageProcessor, DiskMediaStore } from './media/index.js';
import { createAttentionNotifier, loadVapidIdentity, WebPushSender } from './push/index.js';
import { openStore, SqlStore } from './storage/index.js';
import { SqlPostcodeDirectory } from './storage/sql/postcodes.js';
import { buildApp } from './transport/http/app.js';
import { actorOf, allowedOrigins } from './transport/http/auth.js';
import type { AppContext } from './transport/http/context.js';
import { createEventPublisher } from './transport/ws/events-publisher.js';
import { registerStream } from './transport/ws/stream-route.js';

/** Parts a caller may supply instead of the ones the configuration selects (tests pass their own store). */
export interface ComposeOverrides {
  store?: Store;
  fanout?: Fanout;
  passwords?: PasswordHasher;
  geocoder?: Geocoder;
  /** Web Push sender; tests give one that may reach their imitation push service. */
  push?: PushSender;
}

/** A composed server: the app (not yet listening), its context, and how to shut everything down. */
export interface Composed {
  app: FastifyInstance;
  ctx: AppContext;
  /** Waits until every published event has reached the fan-out. */
  flushEvents(): Promise<void>;
  /** Waits until every priority notice queued so far has been sent to the phones' push services. */
  flushPush(): Promise<void>;
  close(): Promise<void>;
}

/** The key that makes token hashes HMACs: SECRET_KEY, or one generated once into the data folder. */
export function loadSecretKey(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SECRET_KEY) return env.SECRET_KEY;
  const path = join(config.dataDir, 'secret.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = new CryptoSecrets().randomToken();
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Opens the store selected by the configuration: PostgreSQL for a postgres:// URL, else SQLite in the data folder. */
export async function openConfiguredStore(config: Config): Promise<Store> {
  mkdirSync(config.dataDir, { recursive: true });
  return openStore({ databaseUrl: config.databaseUrl, sqlitePath: join(config.dataDir, 'fellwatch.db') });
}

/** Builds ports, fan-out and app from configuration (and overrides). */
export async function compose(config: Config, overrides: ComposeOverrides = {}): Promise<Composed> {
  const store = overrides.store ?? (await openConfiguredStore(config));
  const fanout =
    overrides.fanout ?? (await openFanout({ redisUrl: config.redisUrl, channel: config.redisChannel }));
  const publisher = createEventPublisher({ store, fanout });
  const clock = new SystemClock();
  const push = overrides.push ?? new WebPushSender({ identity: loadVapidIdentity(config) });
  // Priority notices for closed phones go from the node where the flag was raised, once, after the commit.
  const notifier = createAttentionNotifier({
    store,
    sender: push,
    clock,
    log: {
      info: (context, message) => app.log.info(context, message),
      warn: (context, message) => app.log.warn(context, message),
      error: (context, message) => app.log.error(context, message),
    },
  });
  const events: EventPublisher = {
    publish(event) {
      publisher.publish(event);
      notifier.notify(event);
    },
  };
  const ports: Ports = {
    store,
    events,
    clock,
    ids: new UlidIds(),
    // Profiles are sealed under PROFILE_KEYS when set (rotated apart from the token key), else the server key.
    secrets: new CryptoSecrets(loadSecretKey(config), config.profileKeys),
    passwords: overrides.passwords ?? new Argon2Passwords(),
    images: createImageProcessor({ maxBytes: config.maxUploadBytes, maxPixels: 40_000_000 }),
    media: new DiskMediaStore(config.mediaDir),
  };
  const geocoder = overrides.geocoder ?? configuredGeocoder(config, store, (reason) => app.log.warn(reason));
  const ctx: AppContext = { ports, fanout, config, geocoder, push };
  const app = await buildApp(ctx, {
    registerStream: (instance) =>
      registerStream(instance, {
        store,
        fanout,
        authenticate: (request) => actorOf(ports, request),
        handlePost: (actor: Actor, groupId: GroupId, input) =>
          postMessage(ports, actor, groupId, input as PostMessageInput),
        handleRead: (actor: Actor, groupId: GroupId, seq: number) => markRead(ports, actor, groupId, seq),
        allowedOrigins: allowedOrigins(config),
      }),
  });
  // Found people's records past their organisation's rule are deleted every hour (ADR 6).
  const recordSweeper = startRecordSweeper({
    ports,
    log: {
      info: (context, message) => app.log.info(context, message),
      error: (context, message) => app.log.error(context, message),
    },
  });
  return {
    app,
    ctx,
    flushEvents: () => publisher.flush(),
    flushPush: () => notifier.flush(),
    async close() {
      await recordSweeper.stop();
      await app.close();
      await publisher.flush();
      await notifier.flush();
      if (!overrides.fanout) await fanout.close();
      if (!overrides.store) await store.close();
    },
  };
}

/** The geocoder the configuration describes: what3words when a key is set, postcodes from the store's database. */
function configuredGeocoder(config: Config, store: Store, warn: (reason: string) => void): Geocoder {
  return createGeocoder({
    what3words: new What3wordsClient({
      apiKey: config.what3wordsApiKey,
      baseUrl: config.what3wordsApiUrl,
      onFailure: warn,
    }),
    // The postcode table lives beside the Store's tables, reached through the same Kysely database.
    ...(store instanceof SqlStore ? { postcodes: new SqlPostcodeDirectory(store.db) } : {}),
  });
}
