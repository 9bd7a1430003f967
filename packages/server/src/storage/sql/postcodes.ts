// The postcode directory: UK postcodes and their points, in the same database as the Store but outside it.
import type { GeoPoint } from '@fellwatch/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** One postcode's row; postcodes are normalised ("DL13 2AB"). */
export interface PostcodesTable {
  postcode: string;
  lat: number;
  lng: number;
}

/** A postcode and its point, as the importer writes it. */
export interface PostcodeEntry extends GeoPoint {
  postcode: string;
}

/** Changes written in one transaction: postcodes to add or move, and postcodes to drop. */
export interface PostcodeBatch {
  upserts: readonly PostcodeEntry[];
  removals: readonly string[];
}

/** Where the server looks postcodes up and the importer writes them. */
export interface PostcodeDirectory {
  /** The point of a normalised postcode, or undefined when the directory does not hold it. */
  lookup(postcode: string): Promise<GeoPoint | undefined>;
  /** Adds or replaces `upserts` and deletes `removals`, all in one transaction. */
  apply(batch: PostcodeBatch): Promise<void>;
  /** How many postcodes the directory holds. */
  count(): Promise<number>;
}

// Rows per statement: 3 parameters each keeps a statement well under SQLite's 32,766 and PostgreSQL's
// 65,535 bound parameters.
const ROWS_PER_STATEMENT = 1000;

/** The directory over the server's Kysely database (SQLite or PostgreSQL); the table is made by migration 0003. */
export class SqlPostcodeDirectory implements PostcodeDirectory {
  private readonly db: Kysely<Database & { postcodes: PostcodesTable }>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<{ postcodes: PostcodesTable }>();
  }

  async lookup(postcode: string): Promise<GeoPoint | undefined> {
    const row = await this.db
      .selectFrom('postcodes')
      .select(['lat', 'lng'])
      .where('postcode', '=', postcode)
      .executeTakeFirst();
    return row ? { lat: Number(row.lat), lng: Number(row.lng) } : undefined;
  }

  async apply(batch: PostcodeBatch): Promise<void> {
    if (batch.upserts.length === 0 && batch.removals.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < batch.upserts.length; i += ROWS_PER_STATEMENT) {
        const rows = batch.upserts.slice(i, i + ROWS_PER_STATEMENT);
        await tx
          .insertInto('postcodes')
          .values(rows.map(({ postcode, lat, lng }) => ({ postcode, lat, lng })))
          .onConflict((conflict) =>
            conflict.column('postcode').doUpdateSet((eb) => ({
              lat: eb.ref('excluded.lat'),
              lng: eb.ref('excluded.lng'),
            })),
          )
          .execute();
      }
      for (let i = 0; i < batch.removals.length; i += ROWS_PER_STATEMENT) {
        const postcodes = batch.removals.slice(i, i + ROWS_PER_STATEMENT);
        await tx.deleteFrom('postcodes').where('postcode', 'in', postcodes).execute();
      }
    });
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('postcodes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
