// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { SightingRepository } from '@fellwatch/core';
import type { Atomically, Db } from './repository.js';

/** This feature's tables, part of the typed schema. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type SightingTables = {};

/** The sightings repository on a Kysely database (or one transaction of it). */
export class SqlSightingRepository implements SightingRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}
}
