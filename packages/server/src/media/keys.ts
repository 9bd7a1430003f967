// Media keys: the one naming scheme for stored photo bytes, and the check every MediaStore applies.
import { fail } from '@fellwatch/core';

// Each segment starts with a letter or digit: no "." or ".." segments, no hidden files, and no
// clash with the dot-prefixed temporary files a store may write beside its objects.
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]*';
const KEY = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
const MAX_KEY_LENGTH = 512;

/** Whether a key is safe to use as a relative path under a store's root (or as an object name). */
export function isValidMediaKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY.test(key) && !key.includes('..');
}

/** Throws DomainError 'invalid' unless the key is a safe relative path such as "thumb/ID.jpg". */
export function assertValidMediaKey(key: string): void {
  if (!isValidMediaKey(key)) throw fail.invalid('That is not a valid media key.');
}

/** The keys under which a photo's bytes are kept. */
export const mediaKeys = {
  /** The upload as received, kept under its SHA-256 for evidence (officers only). */
  original: (sha256: string): string => checked(`originals/${sha256}`),
  /** The re-encoded copy without metadata that members see. */
  display: (photoId: string): string => checked(`display/${photoId}.jpg`),
  /** The small re-encoded copy for poor signal. */
  thumb: (photoId: string): string => checked(`thumb/${photoId}.jpg`),
};

function checked(key: string): string {
  assertValidMediaKey(key);
  return key;
}
