// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import {
  type EmergencyGuidance,
  type EpochMs,
  type FlagId,
  type FlagResult,
  type FlagState,
  fail,
  type GroupId,
  type MessageId,
  type OrganisationId,
  type PatternId,
  type RiskCategory,
  type RiskFlag,
  type SafetyRepository,
  type ShiftId,
  type UserId,
  type WatchPattern,
  type WatchShift,
} from '@fellwatch/core';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from './database.js';
import type { Atomically, Db } from './repository.js';

type PatternQuery = SelectQueryBuilder<Database, 'watch_patterns', Selectable<WatchPatternsTable>>;

/** An organisation's numbers and online form, and its rule for found people's records, once its admins have set them. */
export interface EmergencyGuidanceTable {
  organisation_id: string;
  emergency_number: string;
  non_emergency_number: string;
  online_report_url: string | null;
  force_name: string | null;
  record_retention_days: number;
  updated_by: string | null;
  updated_at: number | null;
}

/** A shift on watch; ending early moves `ends_at` to the moment it ended. */
export interface WatchShiftsTable {
  id: string;
  user_id: string;
  starts_at: number;
  ends_at: number;
  ended_early: number;
  created_at: number;
}

/** The groups a shift covers, its times repeated for the "watching this group now" index. */
export interface WatchShiftGroupsTable {
  shift_id: string;
  group_id: string;
  starts_at: number;
  ends_at: number;
}

/** A weekly pattern on watch; `days` is JSON text, ISO weekdays. */
export interface WatchPatternsTable {
  id: string;
  user_id: string;
  days: string;
  start_minute: number;
  duration_minutes: number;
  created_at: number;
  ended_at: number | null;
}

/** The groups a weekly pattern covers. */
export interface WatchPatternGroupsTable {
  pattern_id: string;
  group_id: string;
}

/** A message the risk check flagged; `categories` and `cues` are JSON text. One per message. */
export interface RiskFlagsTable {
  id: string;
  message_id: string;
  group_id: string;
  author_id: string;
  categories: string;
  cues: string;
  score: number;
  created_at: number;
  state: string;
  handled_by: string | null;
  handled_at: number | null;
}

/** This feature's tables, part of the typed schema. */
export type SafetyTables = {
  emergency_guidance: EmergencyGuidanceTable;
  watch_shifts: WatchShiftsTable;
  watch_shift_groups: WatchShiftGroupsTable;
  watch_patterns: WatchPatternsTable;
  watch_pattern_groups: WatchPatternGroupsTable;
  risk_flags: RiskFlagsTable;
};

/** The safety repository on a Kysely database (or one transaction of it). */
export class SqlSafetyRepository implements SafetyRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}

  async getGuidance(organisationId: OrganisationId): Promise<EmergencyGuidance | undefined> {
    const row = await this.db
      .selectFrom('emergency_guidance')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return row ? toGuidance(row) : undefined;
  }

  async putGuidance(guidance: EmergencyGuidance): Promise<void> {
    const values = {
      emergency_number: guidance.emergencyNumber,
      non_emergency_number: guidance.nonEmergencyNumber,
      online_report_url: guidance.onlineReportUrl,
      force_name: guidance.forceName,
      record_retention_days: guidance.recordRetentionDays,
      updated_by: guidance.updatedBy,
      updated_at: guidance.updatedAt,
    };
    await this.db
      .insertInto('emergency_guidance')
      .values({ organisation_id: guidance.organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
  }

  createShift(shift: WatchShift): Promise<void> {
    return this.atomically(async (conn) => {
      await conn
        .insertInto('watch_shifts')
        .values({
          id: shift.id,
          user_id: shift.userId,
          starts_at: shift.startsAt,
          ends_at: shift.endsAt,
          ended_early: shift.endedEarly ? 1 : 0,
          created_at: shift.createdAt,
        })
        .execute();
      await conn
        .insertInto('watch_shift_groups')
        .values(
          shift.groupIds.map((groupId) => ({
            shift_id: shift.id,
            group_id: groupId,
            starts_at: shift.startsAt,
            ends_at: shift.endsAt,
          })),
        )
        .execute();
    });
  }

  async getShift(id: ShiftId): Promise<WatchShift | undefined> {
    return (await this.shiftsById(this.db, [id]))[0];
  }

  endShift(id: ShiftId, at: EpochMs): Promise<WatchShift> {
    return this.atomically(async (conn) => {
      const [shift] = await this.shiftsById(conn, [id]);
      if (!shift) throw fail.notFound('Shift');
      if (shift.endsAt <= at || shift.endedEarly) return shift;
      const endsAt = Math.max(at, shift.startsAt);
      await conn
        .updateTable('watch_shifts')
        .set({ ends_at: endsAt, ended_early: 1 })
        .where('id', '=', id)
        .execute();
      await conn
        .updateTable('watch_shift_groups')
        .set({ ends_at: endsAt })
        .where('shift_id', '=', id)
        .execute();
      return { ...shift, endsAt, endedEarly: true };
    });
  }

  async listShiftsOfUser(userId: UserId, after: EpochMs): Promise<WatchShift[]> {
    const rows = await this.db
      .selectFrom('watch_shifts')
      .select('id')
      .where('user_id', '=', userId)
      .where('ends_at', '>', after)
      .execute();
    const shifts = await this.shiftsById(
      this.db,
      rows.map((r) => r.id as ShiftId),
    );
    return shifts.sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt);
  }

  async listShiftsCovering(groupId: GroupId, at: EpochMs): Promise<WatchShift[]> {
    const rows = await this.db
      .selectFrom('watch_shift_groups')
      .select('shift_id')
      .where('group_id', '=', groupId)
      .where('ends_at', '>', at)
      .where('starts_at', '<=', at)
      .execute();
    const shifts = await this.shiftsById(
      this.db,
      rows.map((r) => r.shift_id as ShiftId),
    );
    return shifts.sort((a, b) => a.startsAt - b.startsAt);
  }

  createPattern(pattern: WatchPattern): Promise<void> {
    return this.atomically(async (conn) => {
      await conn
        .insertInto('watch_patterns')
        .values({
          id: pattern.id,
          user_id: pattern.userId,
          days: JSON.stringify(pattern.days),
          start_minute: pattern.startMinute,
          duration_minutes: pattern.durationMinutes,
          created_at: pattern.createdAt,
          ended_at: pattern.endedAt,
        })
        .execute();
      await conn
        .insertInto('watch_pattern_groups')
        .values(pattern.groupIds.map((groupId) => ({ pattern_id: pattern.id, group_id: groupId })))
        .execute();
    });
  }

  async getPattern(id: PatternId): Promise<WatchPattern | undefined> {
    return (await this.patternsWhere(this.db, (q) => q.where('id', '=', id)))[0];
  }

  endPattern(id: PatternId, at: EpochMs): Promise<WatchPattern> {
    return this.atomically(async (conn) => {
      const [pattern] = await this.patternsWhere(conn, (q) => q.where('id', '=', id));
      if (!pattern) throw fail.notFound('Pattern');
      if (pattern.endedAt !== null) return pattern;
      await conn.updateTable('watch_patterns').set({ ended_at: at }).where('id', '=', id).execute();
      return { ...pattern, endedAt: at };
    });
  }

  listPatternsOfUser(userId: UserId): Promise<WatchPattern[]> {
    return this.patternsWhere(this.db, (q) => q.where('user_id', '=', userId).where('ended_at', 'is', null));
  }

  listPatternsOfGroup(groupId: GroupId): Promise<WatchPattern[]> {
    return this.patternsWhere(this.db, (q) =>
      q
        .where('ended_at', 'is', null)
        .where('id', 'in', (sub) =>
          sub.selectFrom('watch_pattern_groups').select('pattern_id').where('group_id', '=', groupId),
        ),
    );
  }

  flagMessage(flag: RiskFlag): Promise<FlagResult> {
    return this.atomically(async (conn) => {
      // "On conflict do nothing" keeps a PostgreSQL transaction usable when the message is already flagged.
      const inserted = await conn
        .insertInto('risk_flags')
        .values(fromFlag(flag))
        .onConflict((oc) => oc.column('message_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { flag, created: true };
      const row = await conn
        .selectFrom('risk_flags')
        .selectAll()
        .where('message_id', '=', flag.messageId)
        .executeTakeFirstOrThrow();
      return { flag: toFlag(row), created: false };
    });
  }

  async getFlag(id: FlagId): Promise<RiskFlag | undefined> {
    const row = await this.db.selectFrom('risk_flags').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFlag(row) : undefined;
  }

  async listFlags(groupId: GroupId, filter: { state?: FlagState; limit: number }): Promise<RiskFlag[]> {
    let query = this.db.selectFrom('risk_flags').selectAll().where('group_id', '=', groupId);
    if (filter.state) query = query.where('state', '=', filter.state);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toFlag);
  }

  handleFlag(id: FlagId, by: UserId, at: EpochMs): Promise<RiskFlag> {
    return this.atomically(async (conn) => {
      const row = await conn.selectFrom('risk_flags').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw fail.notFound('Flag');
      const flag = toFlag(row);
      if (flag.state === 'handled') return flag;
      await conn
        .updateTable('risk_flags')
        .set({ state: 'handled', handled_by: by, handled_at: at })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .execute();
      return { ...flag, state: 'handled', handledBy: by, handledAt: at };
    });
  }

  async countOpenFlags(groupIds: readonly GroupId[]): Promise<Map<GroupId, number>> {
    const counts = new Map<GroupId, number>();
    if (groupIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('risk_flags')
      .select(['group_id'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('group_id', 'in', [...groupIds])
      .where('state', '=', 'open')
      .groupBy('group_id')
      .execute();
    for (const row of rows) counts.set(row.group_id as GroupId, Number(row.n));
    return counts;
  }

  /** Patterns chosen by `where`, with their groups, oldest first. */
  private async patternsWhere(db: Db, where: (query: PatternQuery) => PatternQuery): Promise<WatchPattern[]> {
    const rows = await where(db.selectFrom('watch_patterns').selectAll())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    if (rows.length === 0) return [];
    const groups = await db
      .selectFrom('watch_pattern_groups')
      .select(['pattern_id', 'group_id'])
      .where(
        'pattern_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('group_id')
      .execute();
    return rows.map((row) => ({
      id: row.id as PatternId,
      userId: row.user_id as UserId,
      groupIds: groups.filter((g) => g.pattern_id === row.id).map((g) => g.group_id as GroupId),
      days: JSON.parse(row.days) as number[],
      startMinute: Number(row.start_minute),
      durationMinutes: Number(row.duration_minutes),
      createdAt: Number(row.created_at),
      endedAt: row.ended_at === null ? null : Number(row.ended_at),
    }));
  }

  /** Shifts by id with their groups, in no particular order; unknown ids are left out. */
  private async shiftsById(db: Db, ids: readonly ShiftId[]): Promise<WatchShift[]> {
    if (ids.length === 0) return [];
    const [shifts, groups] = await Promise.all([
      db
        .selectFrom('watch_shifts')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute(),
      db
        .selectFrom('watch_shift_groups')
        .select(['shift_id', 'group_id'])
        .where('shift_id', 'in', [...ids])
        .orderBy('group_id')
        .execute(),
    ]);
    const groupsOf = new Map<string, GroupId[]>();
    for (const g of groups) {
      const list = groupsOf.get(g.shift_id) ?? [];
      list.push(g.group_id as GroupId);
      groupsOf.set(g.shift_id, list);
    }
    return shifts.map((row) => ({
      id: row.id as ShiftId,
      userId: row.user_id as UserId,
      groupIds: groupsOf.get(row.id) ?? [],
      startsAt: Number(row.starts_at),
      endsAt: Number(row.ends_at),
      endedEarly: row.ended_early === 1,
      createdAt: Number(row.created_at),
    }));
  }
}

function toGuidance(row: Selectable<EmergencyGuidanceTable>): EmergencyGuidance {
  return {
    organisationId: row.organisation_id as OrganisationId,
    emergencyNumber: row.emergency_number,
    nonEmergencyNumber: row.non_emergency_number,
    onlineReportUrl: row.online_report_url,
    forceName: row.force_name,
    recordRetentionDays: Number(row.record_retention_days),
    updatedBy: row.updated_by as UserId | null,
    updatedAt: row.updated_at === null ? null : Number(row.updated_at),
  };
}

function fromFlag(flag: RiskFlag): RiskFlagsTable {
  return {
    id: flag.id,
    message_id: flag.messageId,
    group_id: flag.groupId,
    author_id: flag.authorId,
    categories: JSON.stringify(flag.categories),
    cues: JSON.stringify(flag.cues),
    score: flag.score,
    created_at: flag.createdAt,
    state: flag.state,
    handled_by: flag.handledBy,
    handled_at: flag.handledAt,
  };
}

function toFlag(row: Selectable<RiskFlagsTable>): RiskFlag {
  return {
    id: row.id as FlagId,
    messageId: row.message_id as MessageId,
    groupId: row.group_id as GroupId,
    authorId: row.author_id as UserId,
    categories: JSON.parse(row.categories) as RiskCategory[],
    cues: JSON.parse(row.cues) as string[],
    score: Number(row.score),
    createdAt: Number(row.created_at),
    state: row.state as FlagState,
    handledBy: row.handled_by as UserId | null,
    handledAt: row.handled_at === null ? null : Number(row.handled_at),
  };
}
