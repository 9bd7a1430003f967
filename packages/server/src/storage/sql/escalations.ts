// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { EscalationRepository } from '@fellwatch/core';
import type { Atomically, Db } from './repository.js';

/** This feature's tables, part of the typed schema. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type EscalationTables = {};

/** The escalations repository on a Kysely database (or one transaction of it). */
export class SqlEscalationRepository implements EscalationRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}
}
