// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { EpochMs, GroupId, Id, MessageId, OrganisationId, UserId } from '../model/ids.js';
import type { RiskCategory } from '../risk/index.js';

export type ShiftId = Id<'shift'>;
export type PatternId = Id<'pattern'>;
export type FlagId = Id<'flag'>;

/**
 * What a group's members are told to do instead of posting: the numbers to call and the force's
 * online form; beside them, how long the organisation keeps a found person's record. Set by the
 * organisation's admins; the defaults (defaultGuidance) apply until they do.
 */
export interface EmergencyGuidance {
  organisationId: OrganisationId;
  /** Someone is in danger or a crime is happening now: '999' unless set. */
  emergencyNumber: string;
  /** Anything else to report: '101' unless set. */
  nonEmergencyNumber: string;
  /** The force's online report form (https), or null. */
  onlineReportUrl: string | null;
  /** The force's name as people know it ("Durham Constabulary"), or null. */
  forceName: string | null;
  /** How many days the record of a found person is kept after their details were withdrawn (ADR 6). */
  recordRetentionDays: number;
  /** Who last set it, and when (null while the defaults apply). */
  updatedBy: UserId | null;
  updatedAt: EpochMs | null;
}

/**
 * A stated time on watch for some groups. Ending early moves `endsAt` to the moment it ended and
 * sets `endedEarly`, so "watching now" is always `startsAt <= now < endsAt`.
 */
export interface WatchShift {
  id: ShiftId;
  userId: UserId;
  groupIds: GroupId[];
  startsAt: EpochMs;
  endsAt: EpochMs;
  endedEarly: boolean;
  createdAt: EpochMs;
}

/**
 * A weekly duty on watch: every one of `days` (ISO weekdays, 1 Monday … 7 Sunday) from `startMinute`
 * (minutes after local midnight, UK time) for `durationMinutes`, until it is stopped (`endedAt`).
 */
export interface WatchPattern {
  id: PatternId;
  userId: UserId;
  groupIds: GroupId[];
  days: number[];
  startMinute: number;
  durationMinutes: number;
  createdAt: EpochMs;
  endedAt: EpochMs | null;
}

export type FlagState = 'open' | 'handled';

/** A message the risk check found worrying: it waits in the group's "needs attention" queue. */
export interface RiskFlag {
  id: FlagId;
  messageId: MessageId;
  groupId: GroupId;
  authorId: UserId;
  categories: RiskCategory[];
  /** The words or phrases that counted, so whoever handles it sees why. */
  cues: string[];
  score: number;
  createdAt: EpochMs;
  state: FlagState;
  handledBy: UserId | null;
  handledAt: EpochMs | null;
}

/** The result of recording a flag: `created` is false when the message already had one. */
export interface FlagResult {
  flag: RiskFlag;
  created: boolean;
}

/** Durable safety records. Every method is atomic. */
export interface SafetyRepository {
  /** The organisation's guidance as its admins set it; undefined while the defaults apply. */
  getGuidance(organisationId: OrganisationId): Promise<EmergencyGuidance | undefined>;
  /** Inserts or replaces the organisation's guidance. */
  putGuidance(guidance: EmergencyGuidance): Promise<void>;

  /** Stores a shift with its groups. */
  createShift(shift: WatchShift): Promise<void>;
  getShift(id: ShiftId): Promise<WatchShift | undefined>;
  /**
   * Ends a shift at `at`: `endsAt` becomes `at` (never earlier than `startsAt`) and `endedEarly`
   * true. A shift that has already ended is returned unchanged; not_found for an unknown id.
   */
  endShift(id: ShiftId, at: EpochMs): Promise<WatchShift>;
  /** A person's shifts that end after `after`, soonest first. */
  listShiftsOfUser(userId: UserId, after: EpochMs): Promise<WatchShift[]>;
  /** Shifts covering the group at `at` (started, not yet ended), whoever's they are. */
  listShiftsCovering(groupId: GroupId, at: EpochMs): Promise<WatchShift[]>;

  /** Stores a weekly pattern with its groups. */
  createPattern(pattern: WatchPattern): Promise<void>;
  getPattern(id: PatternId): Promise<WatchPattern | undefined>;
  /** Stops a pattern at `at`; one already stopped is returned unchanged; not_found for an unknown id. */
  endPattern(id: PatternId, at: EpochMs): Promise<WatchPattern>;
  /** A person's patterns that have not been stopped, oldest first. */
  listPatternsOfUser(userId: UserId): Promise<WatchPattern[]>;
  /** Patterns not stopped that include the group, whoever's they are (whether running now is the caller's to say). */
  listPatternsOfGroup(groupId: GroupId): Promise<WatchPattern[]>;

  /**
   * Records a flag on a message. A message is flagged at most once: recording another flag for the
   * same message returns the first one with `created` false and changes nothing.
   */
  flagMessage(flag: RiskFlag): Promise<FlagResult>;
  getFlag(id: FlagId): Promise<RiskFlag | undefined>;
  /** A group's flags, newest first; only open (or only handled) ones when `state` is given. */
  listFlags(groupId: GroupId, filter: { state?: FlagState; limit: number }): Promise<RiskFlag[]>;
  /**
   * Marks a flag handled by `by` at `at`. A flag already handled is returned unchanged (the first
   * person to handle it stays on record); not_found for an unknown id.
   */
  handleFlag(id: FlagId, by: UserId, at: EpochMs): Promise<RiskFlag>;
  /** How many open flags each of these groups has (groups with none are left out). */
  countOpenFlags(groupIds: readonly GroupId[]): Promise<Map<GroupId, number>>;
}
