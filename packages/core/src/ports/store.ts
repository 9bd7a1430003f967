// The Store port: durable state. Every method is atomic; `transaction` groups several into one.

import type {
  Alert,
  AuditEntry,
  ExternalAlertPolicy,
  Group,
  GroupArea,
  Invite,
  Media,
  Membership,
  MembershipStatus,
  Message,
  MessageEdit,
  Organisation,
  OrganisationMember,
  Session,
  User,
} from '../model/entities.js';
import type { GroupEventRecord, GroupEventWithMessage } from '../model/events.js';
import type {
  AlertId,
  EpochMs,
  GroupId,
  InviteId,
  MediaId,
  MessageId,
  OrganisationId,
  SessionId,
  UserId,
} from '../model/ids.js';
import type { EscalationRepository } from './escalations.js';
import type { ProfileRepository } from './profiles.js';
import type { PushRepository } from './push.js';
import type { SafetyRepository } from './safety.js';
import type { SightingRepository } from './sightings.js';

/** How a member appears to other members: a display name and verified badges, nothing private. */
export interface Badge {
  organisationId: OrganisationId;
  organisationName: string;
  affiliation: 'officer' | 'staff' | 'partner';
}
export interface PublicProfile {
  id: UserId;
  displayName: string;
  badges: Badge[];
}

/** A group as listed for one member, with their role and unread count. */
export interface GroupSummary {
  group: Group;
  membership: Membership;
  unread: number;
}

/** A group's name and its organisation's: how a card says where it came from. */
export interface GroupNames {
  groupName: string;
  organisationName: string;
}

/** A new message; the store assigns its sequence number. Alert placements are made by `createAlert` only. */
export type NewMessage = Omit<Message, 'seq' | 'editedAt' | 'deletedAt' | 'deletedBy' | 'alertId'>;

/** Result of appending: `duplicate` is true when (authorId, clientId) already existed. */
export interface AppendResult {
  message: Message;
  event: GroupEventRecord;
  duplicate: boolean;
}

/** Result of a change to an existing message, with the event it created. */
export interface MessageChange {
  message: Message;
  event: GroupEventRecord;
}

export interface UserRepository {
  /** Fails with conflict on a duplicate email (compared case-insensitively). */
  createUser(user: User): Promise<void>;
  getUser(id: UserId): Promise<User | undefined>;
  getUserByEmail(email: string): Promise<User | undefined>;
  countPlatformAdmins(): Promise<number>;
  /** Display names and badges of many people at once, for presenting messages and member lists. */
  getPublicProfiles(ids: readonly UserId[]): Promise<Map<UserId, PublicProfile>>;
}

export interface SessionRepository {
  createSession(session: Session): Promise<void>;
  getSessionByTokenHash(tokenHash: string): Promise<Session | undefined>;
  touchSession(id: SessionId, at: EpochMs): Promise<void>;
  deleteSession(id: SessionId): Promise<void>;
  listSessions(userId: UserId): Promise<Session[]>;
}

export interface SettingsRepository {
  getSetting(key: string): Promise<string | undefined>;
  putSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;
}

export interface OrganisationRepository {
  /** Fails with conflict on a duplicate name. */
  createOrganisation(org: Organisation): Promise<void>;
  getOrganisation(id: OrganisationId): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;
  putOrganisationMember(member: OrganisationMember): Promise<void>;
  removeOrganisationMember(organisationId: OrganisationId, userId: UserId): Promise<void>;
  listOrganisationMembers(organisationId: OrganisationId): Promise<OrganisationMember[]>;
  listAffiliationsOfUser(userId: UserId): Promise<OrganisationMember[]>;
}

export interface GroupRepository {
  createGroup(group: Group): Promise<void>;
  getGroup(id: GroupId): Promise<Group | undefined>;
  /** The names of these groups and of their organisations, in one lookup; unknown ids are left out. */
  getGroupNames(ids: readonly GroupId[]): Promise<Map<GroupId, GroupNames>>;
  updateGroup(group: Omit<Group, 'lastSeq'>): Promise<void>;
  listGroups(): Promise<Group[]>;
  getMembership(groupId: GroupId, userId: UserId): Promise<Membership | undefined>;
  /** Insert or replace the membership of (groupId, userId). */
  putMembership(membership: Membership): Promise<void>;
  listMemberships(groupId: GroupId, statuses?: readonly MembershipStatus[]): Promise<Membership[]>;
  /** Groups in which the user is active or pending, with unread counts (messages after lastReadSeq by others, not deleted). */
  listGroupsOfUser(userId: UserId): Promise<GroupSummary[]>;
  /** Raise the member's read cursor; never lowers it. */
  markRead(groupId: GroupId, userId: UserId, seq: number): Promise<void>;
}

export interface InviteRepository {
  createInvite(invite: Invite): Promise<void>;
  getInvite(id: InviteId): Promise<Invite | undefined>;
  getInviteByTokenHash(tokenHash: string): Promise<Invite | undefined>;
  listInvites(groupId: GroupId): Promise<Invite[]>;
  revokeInvite(id: InviteId, at: EpochMs): Promise<void>;
  /** Count one use if still usable at `at` (not revoked, not expired, uses < maxUses); false otherwise. */
  useInvite(id: InviteId, at: EpochMs): Promise<boolean>;
}

export interface MessageRepository {
  /**
   * Append a message and its `message.posted` event with the group's next sequence number, atomically.
   * Idempotent on (authorId, clientId): a repeat returns the stored message with duplicate = true.
   * Durable when it resolves.
   */
  appendMessage(message: NewMessage): Promise<AppendResult>;
  getMessage(id: MessageId): Promise<Message | undefined>;
  /** Replace the body, keep the old version in the edit history, append `message.edited`. */
  editMessage(id: MessageId, body: string, editedBy: UserId, at: EpochMs): Promise<MessageChange>;
  /** Mark deleted (text kept for admins), append `message.deleted`. */
  deleteMessage(id: MessageId, deletedBy: UserId, at: EpochMs): Promise<MessageChange>;
  listMessageEdits(id: MessageId): Promise<MessageEdit[]>;
  /** Events with seq > afterSeq in order, at most `limit`, each with its message's current state. */
  listEvents(groupId: GroupId, afterSeq: number, limit: number): Promise<GroupEventWithMessage[]>;
  /** Messages newest first with seq < beforeSeq (all when undefined), at most `limit`. */
  listMessages(groupId: GroupId, beforeSeq: number | undefined, limit: number): Promise<Message[]>;
}

export interface MediaRepository {
  createMedia(media: Media): Promise<void>;
  getMedia(id: MediaId): Promise<Media | undefined>;
}

export interface AuditRepository {
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter: { groupId?: GroupId; subjectId?: string; limit: number }): Promise<AuditEntry[]>;
}

/** Where a new alert goes: shown at once in `shown` groups, waiting for an admin's review in `review` groups. */
export interface AlertPlacement {
  shown: GroupId[];
  review: GroupId[];
}

/**
 * One group an alert travelled to, for counting how far it went: shown there (a placement, deleted
 * or not), or waiting for that group's admins to review it.
 */
export interface AlertTravelEntry {
  alertId: AlertId;
  groupId: GroupId;
  organisationId: OrganisationId;
  reviewing: boolean;
}

/** Result of raising an alert: `duplicate` is true when (authorId, clientId) already existed (then no placements). */
export interface CreateAlertResult {
  alert: Alert;
  /** One placement message (and its `message.posted` event) per shown group, in the order given. */
  placements: AppendResult[];
  duplicate: boolean;
}

/** What a status change, an outcome or a link may change on an alert. */
export type AlertChange = Partial<
  Pick<
    Alert,
    'status' | 'outcome' | 'outcomeNote' | 'linkedAlertId' | 'confirmedBy' | 'resolvedBy' | 'updatedAt'
  >
>;

/** Result of changing an alert: one `alert.updated` event per group where it is shown. */
export interface AlertUpdate {
  alert: Alert;
  events: MessageChange[];
}

/** What the reach computation needs to know of every group. */
export interface ReachGroup {
  id: GroupId;
  organisationId: OrganisationId;
  area: GroupArea | null;
  externalAlerts: ExternalAlertPolicy;
}

/**
 * Which alerts may match a new one: open alerts (unverified or confirmed) of `kinds`. Those sharing
 * any of `identifiers` (normalised registrations, serials, marking ids, ear tags) come first,
 * whatever their place or age; then others that meet `category`, `bbox` and `since` (each when
 * given), newest first; at most `limit` in all.
 */
export interface MatchCandidateFilter {
  kinds: string[];
  openOnly: true;
  identifiers: string[];
  /** details.category of stolen and found alerts. */
  category?: string;
  bbox?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  since?: EpochMs;
  limit: number;
}

export interface AlertRepository {
  /**
   * Inserts an alert and, in the same transaction, its placement message in every `shown` group
   * (the group's next sequence, a `message.posted` event) and a pending review in every `review`
   * group. `identifiers` are the alert's normalised identifiers, kept for matching. Idempotent on
   * (authorId, clientId): a repeat returns the stored alert, duplicate = true, and writes nothing.
   */
  createAlert(
    alert: Alert,
    placement: AlertPlacement,
    identifiers?: readonly string[],
  ): Promise<CreateAlertResult>;
  getAlert(id: AlertId): Promise<Alert | undefined>;
  getAlertsByIds(ids: readonly AlertId[]): Promise<Alert[]>;
  /** The alert's placement messages, one per group where it is shown, in the order they were placed. */
  listAlertPlacements(alertId: AlertId): Promise<Message[]>;
  /**
   * Changes the alert once and appends `alert.updated` (messageId = the placement) in every group
   * where it is shown, all in one transaction. Fails with not_found for an unknown alert.
   */
  updateAlert(id: AlertId, change: AlertChange): Promise<AlertUpdate>;
  /** Alerts shown in a group, newest first; `openOnly`: unverified or confirmed. */
  listGroupAlerts(
    groupId: GroupId,
    filter: { openOnly: boolean; kind?: string; limit: number },
  ): Promise<Alert[]>;
  /**
   * Every group these alerts were placed in or wait for review in, with its organisation, in one
   * lookup for a whole list; declined reviews are left out.
   */
  listAlertTravel(alertIds: readonly AlertId[]): Promise<AlertTravelEntry[]>;
  /** Alerts waiting for this group's review, oldest first. */
  listAlertReviews(groupId: GroupId): Promise<Alert[]>;
  /**
   * Decides a pending review. Accepting appends the placement in the group (returned); declining
   * appends nothing (undefined). not_found when there is no review, conflict when already decided.
   */
  decideAlertReview(
    alertId: AlertId,
    groupId: GroupId,
    accept: boolean,
    by: UserId,
    at: EpochMs,
  ): Promise<AppendResult | undefined>;
  /**
   * Every group, with what reach needs: organisation, area and external-alert policy. Adapters may
   * return the same array until a group is created or changed; callers must not change it.
   */
  listReachGroups(): Promise<readonly ReachGroup[]>;
  /** The groups where an alert carrying this photo is shown, each once. */
  listAlertGroupsOfMedia(mediaId: MediaId): Promise<GroupId[]>;
  /** Open alerts that may match, newest first, at most `limit`; scoring is the caller's. */
  findMatchCandidates(filter: MatchCandidateFilter): Promise<Alert[]>;
}

/** All repositories, as seen inside or outside a transaction. */
export interface Repositories
  extends UserRepository,
    SessionRepository,
    SettingsRepository,
    OrganisationRepository,
    GroupRepository,
    InviteRepository,
    MessageRepository,
    MediaRepository,
    AuditRepository,
    AlertRepository {
  /** Emergency numbers per organisation, who is on watch, flagged messages. */
  readonly safety: SafetyRepository;
  /** Messages and alerts handed to the police, with references and outcomes. */
  readonly escalations: EscalationRepository;
  /** Sightings against missing-person alerts. */
  readonly sightings: SightingRepository;
  /** Herbert Protocol profiles, sealed. */
  readonly profiles: ProfileRepository;
  /** Web Push subscriptions: the phones that receive priority notices. */
  readonly push: PushRepository;
}

/** The durable store. */
export interface Store extends Repositories {
  /** Run `work` atomically: all its writes commit together or none do. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the underlying database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
