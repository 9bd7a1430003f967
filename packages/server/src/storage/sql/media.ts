// Queries for uploaded photos' records (the bytes live in the MediaStore).
import type { Media, MediaId } from '@fellwatch/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { fromMedia, toMedia } from './rows.js';

type Db = Kysely<Database>;

/** Inserts a media record. */
export async function createMedia(db: Db, media: Media): Promise<void> {
  await guarded(() => db.insertInto('media').values(fromMedia(media)).execute());
}

/** Reads a media record. */
export async function getMedia(db: Db, id: MediaId): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMedia(row);
}
