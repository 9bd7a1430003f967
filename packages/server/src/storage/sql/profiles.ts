// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { ProfileRepository } from '@fellwatch/core';
import type { Atomically, Db } from './repository.js';

/** This feature's tables, part of the typed schema. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type ProfileTables = {};

/** The profiles repository on a Kysely database (or one transaction of it). */
export class SqlProfileRepository implements ProfileRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}
}
