// Runs the MediaStore contract against the disk store, plus checks only a folder on disk can show.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskMediaStore } from './disk-media-store.js';
import { mediaStoreContract } from './media-store.contract.js';

mediaStoreContract('disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fellwatch-media-'));
  return { store: new DiskMediaStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('DiskMediaStore on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fellwatch-media-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each key as a file at its relative path under the root, leaving no temporary files', async () => {
    const store = new DiskMediaStore(dir);
    await store.put('thumb/01HX.jpg', new Uint8Array([7, 8, 9]), 'image/jpeg');
    await store.put('thumb/01HX.jpg', new Uint8Array([1, 2]), 'image/jpeg');
    expect(await readdir(dir)).toEqual(['thumb']);
    expect(await readdir(join(dir, 'thumb'))).toEqual(['01HX.jpg']);
    expect(Array.from(await readFile(join(dir, 'thumb', '01HX.jpg')))).toEqual([1, 2]);
  });

  it('never shows a half-written file: readers see the old bytes or the new, whole', async () => {
    const store = new DiskMediaStore(dir);
    const size = 4 * 1024 * 1024;
    await store.put('display/a.jpg', new Uint8Array(size).fill(1), 'image/jpeg');
    let writing = true;
    const writes = (async () => {
      for (let v = 2; v < 12; v++)
        await store.put('display/a.jpg', new Uint8Array(size).fill(v), 'image/jpeg');
      writing = false;
    })();
    const seen: (number | undefined)[] = [];
    while (writing) {
      const got = await store.get('display/a.jpg');
      const first = got?.[0];
      seen.push(got?.length === size && got.every((b) => b === first) ? first : undefined);
    }
    await writes;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((v) => v === undefined)).toHaveLength(0);
  });

  it('never serves the temporary files an interrupted write would leave behind', async () => {
    const store = new DiskMediaStore(dir);
    await store.put('display/a.jpg', new Uint8Array([1]), 'image/jpeg');
    await writeFile(join(dir, 'display', '.0123abcd.tmp'), 'half a photo');
    expect(await store.has('display/.0123abcd.tmp').catch(() => 'refused')).toBe('refused');
    expect(await store.has('display/a.jpg')).toBe(true);
  });

  it('cannot be steered outside its root by an unsafe key', async () => {
    const store = new DiskMediaStore(join(dir, 'media'));
    await writeFile(join(dir, 'secret'), 'not a photo');
    await expect(store.get('../secret')).rejects.toThrow(/media key/);
    await expect(store.put('../secret', new Uint8Array([1]), 'image/jpeg')).rejects.toThrow(/media key/);
    expect(await readFile(join(dir, 'secret'), 'utf8')).toBe('not a photo');
  });
});
