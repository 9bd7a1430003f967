// What a command runs with: configuration from the environment, and the core's ports composed on first use.
import { join } from 'node:path';
import type { Ports } from '@fellwatch/core';
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
      opened ??= composePorts(config, io.env);
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
async function composePorts(config: Config, env: NodeJS.ProcessEnv) {
  const secrets = new CryptoSecrets(loadSecretKey(config, env));
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
