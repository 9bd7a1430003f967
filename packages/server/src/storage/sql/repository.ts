// What a feature's repository is built from: the database (or one transaction of it) and a way to
// run several statements atomically on it.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export type Db = Kysely<Database>;

/** Runs `work` in one transaction: directly when the repository is already bound to one. */
export type Atomically = <T>(work: (conn: Db) => Promise<T>) => Promise<T>;
