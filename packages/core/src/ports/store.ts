// The Store port: durable state. Every method is atomic; `transaction` groups several into one.
import type {
  AuditEntry,
  Group,
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
  EpochMs,
  GroupId,
  InviteId,
  MediaId,
  MessageId,
  OrganisationId,
  SessionId,
  UserId,
} from '../model/ids.js';

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

/** A new message; the store assigns its sequence number. */
export type NewMessage = Omit<Message, 'seq' | 'editedAt' | 'deletedAt' | 'deletedBy'>;

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
    AuditRepository {}

/** The durable store. */
export interface Store extends Repositories {
  /** Run `work` atomically: all its writes commit together or none do. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the underlying database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
