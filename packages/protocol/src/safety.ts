// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import { z } from 'zod';
import { AlertRaised } from './alerts.js';
import { Epoch, Id, PublicPerson } from './common.js';
import { MessageResponse, MessageView } from './messages.js';

/** What the risk check looks for; the same list as the core's RiskCategory. */
export const RiskCategory = z.enum([
  'self_harm',
  'danger_to_life',
  'crime_in_progress',
  'fire',
  'crash',
  'missing_person',
]);
export type RiskCategory = z.infer<typeof RiskCategory>;

/** The least and most days an organisation may keep a found person's record. */
export const MIN_RECORD_RETENTION_DAYS = 30;
export const MAX_RECORD_RETENTION_DAYS = 3650;
const RETENTION_RULE = `must be a whole number of days from ${MIN_RECORD_RETENTION_DAYS} to ${MAX_RECORD_RETENTION_DAYS}`;

/**
 * The numbers a group's members are told to call, and the force's online report form; beside them, how
 * long the organisation keeps a found person's record.
 */
export const EmergencyGuidance = z.object({
  organisationId: Id,
  /** Someone is in danger or a crime is happening now. */
  emergencyNumber: z.string(),
  /** Anything else to report. */
  nonEmergencyNumber: z.string(),
  /** An https address, or null. */
  onlineReportUrl: z.string().nullable(),
  forceName: z.string().nullable(),
  /** Days the record of a found person is kept for officers after their details are withdrawn (365 unless set). */
  recordRetentionDays: z.number().int(),
  /** When the organisation's admins last set it; null while the defaults (999, 101) apply. */
  updatedAt: Epoch.nullable(),
});
export type EmergencyGuidance = z.infer<typeof EmergencyGuidance>;
export const GuidanceResponse = z.object({ guidance: EmergencyGuidance });

/**
 * An organisation admin sets the numbers (digits, 3 to 15 of them, single spaces allowed: "999",
 * "0300 123 1212"), the online form (a full https address, or null / empty for none) and how many days
 * a found person's record is kept (30 to 3650; left out, it stays as it was).
 */
export const SetEmergencyGuidance = z.object({
  emergencyNumber: z.string().trim().min(1).max(24).default('999'),
  nonEmergencyNumber: z.string().trim().min(1).max(24).default('101'),
  onlineReportUrl: z.string().trim().max(500).nullable().default(null),
  forceName: z.string().trim().max(120).nullable().default(null),
  recordRetentionDays: z
    .number({ error: RETENTION_RULE })
    .int(RETENTION_RULE)
    .min(MIN_RECORD_RETENTION_DAYS, RETENTION_RULE)
    .max(MAX_RECORD_RETENTION_DAYS, RETENTION_RULE)
    .optional(),
});
export type SetEmergencyGuidance = z.infer<typeof SetEmergencyGuidance>;

/** Someone on watch for a group now: display name and badges (never an email or phone), and until when. */
export const Watcher = z.object({ person: PublicPerson, until: Epoch });
export type Watcher = z.infer<typeof Watcher>;

/** What a group's header shows a member. */
export const WatchStatus = z.object({
  groupId: Id,
  guidance: EmergencyGuidance,
  /** Nobody when empty: "Nobody is watching this group right now". */
  watchers: z.array(Watcher),
  /** Whether I may go on watch for this group. */
  canWatch: z.boolean(),
  /** Whether I see this group's "needs attention" queue. */
  canSeeAttention: z.boolean(),
  /** Open flags in the queue; null for those who do not see it. */
  openAttention: z.number().int().nullable(),
});
export type WatchStatus = z.infer<typeof WatchStatus>;

/** Go on watch until `endsAt` (at most 24 hours after the start), for these groups or all I may watch. */
export const GoOnWatch = z.object({
  groupIds: z.array(Id).min(1).max(50).optional(),
  /** Now when left out; at most 5 minutes in the past. */
  startsAt: Epoch.optional(),
  endsAt: Epoch,
});
export type GoOnWatch = z.infer<typeof GoOnWatch>;

export const WatchedGroup = z.object({ id: Id, name: z.string(), organisationName: z.string() });
export type WatchedGroup = z.infer<typeof WatchedGroup>;

/** One shift on watch; `endedEarly` when it was ended before its stated end (then `endsAt` is when). */
export const WatchShiftView = z.object({
  id: Id,
  groups: z.array(WatchedGroup),
  startsAt: Epoch,
  endsAt: Epoch,
  endedEarly: z.boolean(),
});
export type WatchShiftView = z.infer<typeof WatchShiftView>;
export const ShiftResponse = z.object({ shift: WatchShiftView });

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const Weekday = z.number().int().min(1).max(7);

/** Go on watch every week: on these days, from a UK local time ("18:00"), for 15 minutes to 24 hours. */
export const AddWeeklyWatch = z.object({
  groupIds: z.array(Id).min(1).max(50).optional(),
  /** Weekdays, each once (the core checks them, naming `days`). */
  days: z.array(z.number().int()).max(7),
  startTime: z.string().trim().max(5),
  durationMinutes: z.number().int(),
});
export type AddWeeklyWatch = z.infer<typeof AddWeeklyWatch>;

/** A weekly duty on watch, with its next (or running) occurrence, until it is stopped. */
export const WatchPatternView = z.object({
  id: Id,
  groups: z.array(WatchedGroup),
  days: z.array(Weekday),
  /** UK local time, "18:00". */
  startTime: z.string(),
  durationMinutes: z.number().int(),
  next: z.object({ startsAt: Epoch, endsAt: Epoch }).nullable(),
  stopped: z.boolean(),
});
export type WatchPatternView = z.infer<typeof WatchPatternView>;
export const PatternResponse = z.object({ pattern: WatchPatternView });

/** My shifts that have not ended (soonest first), my weekly patterns, and the groups I may watch. */
export const MyWatch = z.object({
  shifts: z.array(WatchShiftView),
  patterns: z.array(WatchPatternView),
  groups: z.array(WatchedGroup),
});
export type MyWatch = z.infer<typeof MyWatch>;

/**
 * What the poster of a worrying message is told at once: call the emergency number if anyone is in
 * danger now. `watchedNow` false: nobody is watching the group, so nobody may read it soon.
 */
export const RiskHint = z.object({
  categories: z.array(RiskCategory),
  watchedNow: z.boolean(),
  guidance: EmergencyGuidance,
});
export type RiskHint = z.infer<typeof RiskHint>;

/** The answer to a post: the message and, for a worrying one, the hint. */
export const PostedMessageResponse = MessageResponse.extend({ risk: RiskHint.optional() });
export type PostedMessageResponse = z.infer<typeof PostedMessageResponse>;

/** The answer to raising an alert: the alert, its matches and, for a worrying one, the same hint. */
export const RaisedAlertResponse = AlertRaised.extend({ risk: RiskHint.optional() });
export type RaisedAlertResponse = z.infer<typeof RaisedAlertResponse>;

export const AttentionState = z.enum(['open', 'handled']);
export type AttentionState = z.infer<typeof AttentionState>;

/**
 * A flagged message in a group's "needs attention" queue. `text` is what the message says as stored,
 * even if its author has since deleted it; `message` is the message as members see it.
 */
export const AttentionItem = z.object({
  id: Id,
  groupId: Id,
  message: MessageView.nullable(),
  text: z.string(),
  categories: z.array(RiskCategory),
  /** The words or phrases that counted. */
  cues: z.array(z.string()),
  createdAt: Epoch,
  state: AttentionState,
  handledBy: PublicPerson.nullable(),
  handledAt: Epoch.nullable(),
});
export type AttentionItem = z.infer<typeof AttentionItem>;
export const AttentionList = z.object({ items: z.array(AttentionItem) });
export const AttentionItemResponse = z.object({ item: AttentionItem });
export const AttentionQuery = z.object({
  state: z.enum(['open', 'handled', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Every queue I may see, with how many flags in each are open. */
export const AttentionQueues = z.object({
  queues: z.array(z.object({ groupId: Id, groupName: z.string(), open: z.number().int() })),
});
export type AttentionQueues = z.infer<typeof AttentionQueues>;
