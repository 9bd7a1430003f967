// Small ports the core needs from the outside world: time, ids, secrets, passwords, images, media, events.
import type { DomainEvent } from '../model/events.js';
import type { EpochMs } from '../model/ids.js';

export interface Clock {
  now(): EpochMs;
}

/** Lexicographically sortable unique ids (ULID). */
export interface IdGenerator {
  next(): string;
}

/**
 * Random tokens and their one-way hashes (only hashes are ever stored), and sealing: authenticated
 * encryption of records kept at rest (Herbert Protocol profiles) under a key from the server's configuration.
 */
export interface Secrets {
  /** A URL-safe random token of at least 256 bits. */
  randomToken(): string;
  /** A deterministic one-way hash of a token, for lookup. */
  hashToken(token: string): string;
  /**
   * Encrypts text for storage, bound to `context` (e.g. "profile:<id>:<owner>"): the sealed text opens
   * only with the same context, so a blob copied onto another record does not open. Each call gives a
   * different result. Throws when the server has no key to seal with.
   */
  seal(plaintext: string, context: string): string;
  /**
   * The text `seal` was given. Throws when the sealed text was altered, was sealed for another context,
   * or was sealed under a key this server does not hold; never returns altered text.
   */
  open(sealed: string, context: string): string;
  /** As `seal`, for bytes (a photo): the result is the sealed bytes, for a MediaStore. */
  sealBytes(plaintext: Uint8Array, context: string): Uint8Array;
  /** As `open`, for what `sealBytes` made. */
  openBytes(sealed: Uint8Array, context: string): Uint8Array;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** A photo checked by its bytes and re-encoded without metadata. */
export interface ProcessedImage {
  originalType: 'image/jpeg' | 'image/png' | 'image/webp';
  sha256: string;
  width: number;
  height: number;
  /** Re-encoded copy for members, no metadata (no EXIF, no GPS). */
  display: Uint8Array;
  /** Small re-encoded copy for poor signal. */
  thumb: Uint8Array;
}

/**
 * Checks and re-encodes uploads. Throws DomainError 'unsupported_media' for bytes that are not
 * JPEG, PNG or WebP, and 'too_large' past the byte or pixel limits.
 */
export interface ImageProcessor {
  process(bytes: Uint8Array): Promise<ProcessedImage>;
}

/** Where photo bytes live: a folder on disk, or an S3-compatible bucket. Keys are paths like "thumb/ID.jpg". */
export interface MediaStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or undefined when absent. */
  get(key: string): Promise<Uint8Array | undefined>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Hands committed events to every app node's live stream. */
export interface EventPublisher {
  publish(event: DomainEvent): void;
}
