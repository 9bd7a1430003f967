// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { SafetyRepository } from '@fellwatch/core';
import type { Atomically, Db } from './repository.js';

/** This feature's tables, part of the typed schema. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type SafetyTables = {};

/** The safety repository on a Kysely database (or one transaction of it). */
export class SqlSafetyRepository implements SafetyRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}
}
