// The MediaStore contract: behaviour every media adapter (disk, bucket) must show, run by each adapter's test.
import { randomBytes } from 'node:crypto';
import { DomainError, type MediaStore } from '@fellwatch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** A fresh, empty store and a way to remove it. */
export interface MediaStoreFixture {
  store: MediaStore;
  cleanup(): Promise<void>;
}

const BAD_KEYS = [
  '',
  '/etc/passwd',
  '../escape',
  'thumb/../../escape',
  'thumb/..',
  'thumb/./x.jpg',
  'thumb//x.jpg',
  'thumb/',
  '.hidden',
  'thumb\\x.jpg',
  'thumb/x y.jpg',
  'thumb/x.jpg\0',
  'thumb/ünïcode.jpg',
  'C:/x.jpg',
  `thumb/${'a'.repeat(600)}.jpg`,
];

/** Runs the MediaStore contract against the stores that make() returns, one fresh store per test. */
export function mediaStoreContract(name: string, make: () => Promise<MediaStoreFixture>): void {
  describe(`MediaStore contract: ${name}`, () => {
    let fixture: MediaStoreFixture;
    let store: MediaStore;

    beforeEach(async () => {
      fixture = await make();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('returns the bytes that were put, byte for byte', async () => {
      const bytes = new Uint8Array(randomBytes(64 * 1024));
      await store.put('display/01HX0000000000000000000000.jpg', bytes, 'image/jpeg');
      const got = await store.get('display/01HX0000000000000000000000.jpg');
      expect(got).toBeDefined();
      expect(Buffer.from(got as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    });

    it('keeps a large original under its hash', async () => {
      const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024));
      const key = `originals/${'ab'.repeat(32)}`;
      await store.put(key, bytes, 'image/jpeg');
      expect(Buffer.from((await store.get(key)) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    });

    it('keeps empty objects', async () => {
      await store.put('thumb/empty.jpg', new Uint8Array(), 'image/jpeg');
      expect(await store.has('thumb/empty.jpg')).toBe(true);
      expect(await store.get('thumb/empty.jpg')).toHaveLength(0);
    });

    it('answers undefined and false for a key never put', async () => {
      expect(await store.get('thumb/missing.jpg')).toBeUndefined();
      expect(await store.has('thumb/missing.jpg')).toBe(false);
    });

    it('treats a key prefix as absent, not as an object', async () => {
      await store.put('thumb/a.jpg', new Uint8Array([1]), 'image/jpeg');
      expect(await store.get('thumb')).toBeUndefined();
      expect(await store.has('thumb')).toBe(false);
      expect(await store.get('thumb/a.jpg/more')).toBeUndefined();
    });

    it('reports what it holds', async () => {
      await store.put('thumb/a.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
      expect(await store.has('thumb/a.jpg')).toBe(true);
      expect(await store.has('thumb/b.jpg')).toBe(false);
      expect(await store.has('display/a.jpg')).toBe(false);
    });

    it('replaces an object put again under the same key', async () => {
      await store.put('display/a.jpg', new Uint8Array([1, 2, 3, 4, 5]), 'image/jpeg');
      await store.put('display/a.jpg', new Uint8Array([9]), 'image/jpeg');
      expect(Array.from((await store.get('display/a.jpg')) as Uint8Array)).toEqual([9]);
    });

    it('deletes an object, and deleting a missing one is not an error', async () => {
      await store.put('display/a.jpg', new Uint8Array([1]), 'image/jpeg');
      await store.put('display/b.jpg', new Uint8Array([2]), 'image/jpeg');
      await store.delete('display/a.jpg');
      expect(await store.get('display/a.jpg')).toBeUndefined();
      expect(await store.has('display/a.jpg')).toBe(false);
      expect(await store.has('display/b.jpg')).toBe(true);
      await expect(store.delete('display/a.jpg')).resolves.toBeUndefined();
      await expect(store.delete('display/never.jpg')).resolves.toBeUndefined();
    });

    it('ends concurrent puts to one key with exactly one of them, whole', async () => {
      const versions = Array.from({ length: 8 }, (_, i) => new Uint8Array(256 * 1024).fill(i + 1));
      await Promise.all(versions.map((bytes) => store.put('display/race.jpg', bytes, 'image/jpeg')));
      const got = (await store.get('display/race.jpg')) as Uint8Array;
      expect(got).toHaveLength(256 * 1024);
      const first = got[0] as number;
      expect(first).toBeGreaterThanOrEqual(1);
      expect(got.every((b) => b === first)).toBe(true);
    });

    it('does not let a caller change a stored object through the array it put or got', async () => {
      const bytes = new Uint8Array([1, 2, 3]);
      await store.put('thumb/a.jpg', bytes, 'image/jpeg');
      bytes[0] = 99;
      const got = (await store.get('thumb/a.jpg')) as Uint8Array;
      got[1] = 99;
      expect(Array.from((await store.get('thumb/a.jpg')) as Uint8Array)).toEqual([1, 2, 3]);
    });

    it.each(BAD_KEYS)('refuses the unsafe key %j in every operation', async (key) => {
      const refused = (p: Promise<unknown>) => expect(p).rejects.toSatisfy((e) => e instanceof DomainError);
      await refused(store.put(key, new Uint8Array([1]), 'image/jpeg'));
      await refused(store.get(key));
      await refused(store.has(key));
      await refused(store.delete(key));
    });
  });
}
