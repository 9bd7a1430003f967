// What a command runs with: configuration from the environment, and the core's ports composed on first use.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, type Ports, type Secrets } from '@fellwatch/core';
import {
  Argon2Passwords,
  type Config,
  CryptoSecrets,
  createEventPublisher,
  createImageProcessor,
  DiskMediaStore,
  loadSecretKey,
  openConfiguredStore,
  openFanout,
  SystemClock,
  UlidIds,
} from '@fellwatch/server';

/** The outside world of one run: output streams, standard input and the environment. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, for --password-stdin. */
  readStdin(): Promise<string>;
  /** True when stderr is a terminal, so progress can be redrawn in place. */
  stderrIsTerminal?: boolean;
  env: NodeJS.ProcessEnv;
}

/** Handed to every command. */
export interface CliContext {
  config: Config;
  io: CliIo;
  /** Where the embedded SQLite store lives (used only when DATABASE_URL is unset). */
  sqlitePath: string;
  /** Opens the store and composes the ports the first time it is called. */
  ports(): Promise<Ports>;
}

/** A context and how to release what it opened. */
export interface OpenContext extends CliContext {
  close(): Promise<void>;
}

/** Builds the context; nothing is opened until a command asks for the ports. */
export function createContext(config: Config, io: CliIo): OpenContext {
  let opened: Promise<{ ports: Ports; close(): Promise<void> }> | undefined;
  return {
    config,
    io,
    sqlitePath: join(config.dataDir, 'fellwatch.db'),
    async ports() {
      opened ??= composePorts(config, io.env, join(config.dataDir, 'fellwatch.db'));
      return (await opened).ports;
    },
    async close() {
      if (!opened) return;
      const composed = await opened.catch(() => undefined);
      await composed?.close();
    },
  };
}

// Composes the ports as the server does, so actions behave (and publish) the same from here.
async function composePorts(config: Config, env: NodeJS.ProcessEnv, sqlitePath: string) {
  const secrets = secretsFor(config, env, sqlitePath);
  const store = await openConfiguredStore(config);
  try {
    // Through Redis, running servers learn of memberships changed here (a new group admin's stream).
    const fanout = await openFanout({ redisUrl: config.redisUrl });
    const events = createEventPublisher({ store, fanout });
    const ports: Ports = {
      store,
      events,
      clock: new SystemClock(),
      ids: new UlidIds(),
      secrets,
      passwords: new Argon2Passwords(),
      images: createImageProcessor({ maxBytes: config.maxUploadBytes, maxPixels: 40_000_000 }),
      media: new DiskMediaStore(config.mediaDir),
    };
    return {
      ports,
      async close() {
        try {
          await events.flush();
          await fanout.close();
        } finally {
          await store.close();
        }
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The token key the server uses. Only a brand-new SQLite data folder may get a fresh key (the server
 * will read it from there); otherwise a key made here would sign invite and setup links the server
 * cannot recognise, so hashing a token is refused until SECRET_KEY or the data folder is right.
 */
function secretsFor(config: Config, env: NodeJS.ProcessEnv, sqlitePath: string): Secrets {
  const keyFile = join(config.dataDir, 'secret.key');
  const newDataFolder = !config.databaseUrl && !existsSync(sqlitePath);
  if (env.SECRET_KEY || existsSync(keyFile) || newDataFolder)
    return new CryptoSecrets(loadSecretKey(config, env), config.profileKeys);
  const unkeyed = new CryptoSecrets(undefined, config.profileKeys);
  return {
    randomToken: () => unkeyed.randomToken(),
    // Without the server's key only PROFILE_KEYS can seal or open; without either, the adapter says so.
    seal: (plaintext, context) => unkeyed.seal(plaintext, context),
    open: (sealed, context) => unkeyed.open(sealed, context),
    sealBytes: (plaintext, context) => unkeyed.sealBytes(plaintext, context),
    openBytes: (sealed, context) => unkeyed.openBytes(sealed, context),
    hashToken() {
      throw new DomainError(
        'invalid',
        `Neither SECRET_KEY nor ${keyFile} is set: run with the server's SECRET_KEY (or its DATA_DIR) so the link works on the server.`,
      );
    },
  };
}
