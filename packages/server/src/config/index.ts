// Configuration from the environment; every variable is listed in the README.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file and the media folder live. */
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; undefined means SQLite at dataDir/fellwatch.db. */
  databaseUrl: string | undefined;
  /** The address people use to reach this server, for invite and setup links. */
  publicUrl: string;
  /** A redis:// URL selects Redis fan-out between several app nodes; undefined means in-process. */
  redisUrl: string | undefined;
  /** Redis pub/sub channel shared by the nodes of one deployment. */
  redisChannel: string;
  mediaDir: string;
  /** Built web client to serve; undefined to serve the API only. */
  webDir: string | undefined;
  /** Largest accepted photo upload in bytes. */
  maxUploadBytes: number;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  logLevel: string;
  /** Key for the what3words API; undefined keeps what3words addresses as typed, marked "not checked". */
  what3wordsApiKey: string | undefined;
  /** The what3words API's base URL (a self-hosted API server may stand in for the public one). */
  what3wordsApiUrl: string;
  /** Map tiles for every map in the web client: a {z}/{x}/{y} URL template and its attribution (HTML). */
  mapTiles: { url: string; attribution: string };
  /** Keys that seal Herbert Protocol profiles (PROFILE_KEYS); undefined seals under the server key, version 1. */
  profileKeys: ProfileKeys | undefined;
}

/**
 * The sealing keys of PROFILE_KEYS: the highest version seals new profiles and photos, and every listed
 * version still opens what it sealed. Shaped as the Secrets adapter's sealing options.
 */
export interface ProfileKeys {
  keyVersion: number;
  currentKey: string;
  previousKeys: Record<number, string>;
}

/** The shortest sealing key accepted: a typed word is not a key. */
const PROFILE_KEY_MIN_LENGTH = 16;

/**
 * Reads PROFILE_KEYS, comma-separated `version:key` pairs (versions 1-255). Errors name the version,
 * never the key.
 */
export function parseProfileKeys(text: string | undefined): ProfileKeys | undefined {
  const pairs = (text ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0);
  if (pairs.length === 0) return undefined;
  const keys = new Map<number, string>();
  for (const [index, pair] of pairs.entries()) {
    const colon = pair.indexOf(':');
    const versionText = colon < 0 ? '' : pair.slice(0, colon).trim();
    const key = colon < 0 ? '' : pair.slice(colon + 1).trim();
    const version = /^\d{1,3}$/.test(versionText) ? Number(versionText) : Number.NaN;
    if (!(version >= 1 && version <= 255)) {
      throw new Error(
        `PROFILE_KEYS entry ${index + 1} must be written version:key, with a version from 1 to 255`,
      );
    }
    if (keys.has(version)) throw new Error(`PROFILE_KEYS lists key version ${version} twice`);
    if (key.length < PROFILE_KEY_MIN_LENGTH) {
      throw new Error(
        `PROFILE_KEYS: the key of version ${version} must be at least ${PROFILE_KEY_MIN_LENGTH} characters (e.g. from "openssl rand -base64 32")`,
      );
    }
    keys.set(version, key);
  }
  const keyVersion = Math.max(...keys.keys());
  const previousKeys: Record<number, string> = {};
  for (const [version, key] of keys) if (version !== keyVersion) previousKeys[version] = key;
  return { keyVersion, currentKey: keys.get(keyVersion) as string, previousKeys };
}

/** OpenStreetMap's own tile server: fine for a small community; a region should use its own or a paid one. */
export const DEFAULT_MAP_TILES = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors',
};

/** Checks a tile URL template: https (or http for a server on this machine) with {z}, {x} and {y}. */
function checkTileUrl(url: string): string {
  const sample = url.replaceAll(/\{[a-z]+\}/g, 'a');
  const parsed = URL.canParse(sample) ? new URL(sample) : null;
  const local = parsed !== null && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local))) {
    throw new Error('MAP_TILE_URL must be an https:// URL template');
  }
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!url.includes(part)) throw new Error(`MAP_TILE_URL must contain ${part}`);
  }
  return url;
}

/**
 * The Content-Security-Policy source that lets the browser load the tiles: the template's origin,
 * with a subdomain placeholder ("{s}.tile.example.org") as a wildcard.
 */
export function tileImageSource(url: string): string {
  const origin = new URL(url.replaceAll(/\{[a-z]+\}/g, 'a')).origin;
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? '';
  return host.startsWith('{s}.') ? origin.replace(/\/\/a\./, '//*.') : origin;
}

/** Reads configuration from an environment (process.env by default), with safe embedded defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { webDir?: string } = {}): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite store');
  }
  const what3wordsApiUrl = (env.WHAT3WORDS_API_URL?.trim() || 'https://api.what3words.com/v3').replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\//.test(what3wordsApiUrl)) throw new Error('WHAT3WORDS_API_URL must be an http(s):// URL');
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    publicUrl,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisChannel: env.REDIS_CHANNEL?.trim() || 'fellwatch:events',
    mediaDir: resolve(env.MEDIA_DIR ?? resolve(dataDir, 'media')),
    webDir: env.WEB_DIR ? resolve(env.WEB_DIR) : defaults.webDir,
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 15) * 1024 * 1024,
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    what3wordsApiKey: env.WHAT3WORDS_API_KEY?.trim() || undefined,
    what3wordsApiUrl,
    mapTiles: {
      url: checkTileUrl(env.MAP_TILE_URL?.trim() || DEFAULT_MAP_TILES.url),
      attribution: env.MAP_TILE_ATTRIBUTION?.trim() || DEFAULT_MAP_TILES.attribution,
    },
    profileKeys: parseProfileKeys(env.PROFILE_KEYS),
  };
}
