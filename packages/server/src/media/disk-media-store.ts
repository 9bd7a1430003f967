// The MediaStore port on a local folder: one file per key, written atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { MediaStore } from '@fellwatch/core';
import { assertValidMediaKey } from './keys.js';

/**
 * Keeps photo bytes as files under rootDir, at the key's relative path. A put writes a temporary
 * file beside the target, flushes it to disk and renames it into place, so a crash at any moment
 * leaves either the old photo or the whole new one, never half of one. The content type is not
 * kept: keys end in their extension, and originals are re-sniffed by their bytes when served.
 */
export class DiskMediaStore implements MediaStore {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const dir = dirname(path);
    await mkdir(dir, { recursive: true });
    // Dot-prefixed, so it can never be mistaken for a key (keys' segments start with a letter or digit).
    const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const path = this.pathOf(key);
    try {
      return await readFile(path);
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (isAbsent(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    if (!(await this.has(key))) return;
    await rm(path, { force: true });
    await syncDirectory(dirname(path));
  }

  private pathOf(key: string): string {
    assertValidMediaKey(key);
    return join(this.root, key);
  }
}

/** Flushes a directory entry, so a rename or unlink survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Missing, or a folder where a file was expected ("display" is not a photo): absent either way. */
function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
