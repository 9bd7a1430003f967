// The Store over Kysely: one implementation for SQLite and PostgreSQL, with group commit for appends.
import type {
  Alert,
  AlertChange,
  AlertId,
  AlertPlacement,
  AlertTravelEntry,
  AlertUpdate,
  AppendResult,
  AuditEntry,
  CreateAlertResult,
  EpochMs,
  Group,
  GroupEventWithMessage,
  GroupId,
  GroupNames,
  GroupSummary,
  Invite,
  InviteId,
  MatchCandidateFilter,
  Media,
  MediaId,
  Membership,
  MembershipStatus,
  Message,
  MessageChange,
  MessageEdit,
  MessageId,
  NewMessage,
  Organisation,
  OrganisationId,
  OrganisationMember,
  PublicProfile,
  ReachGroup,
  Repositories,
  Session,
  SessionId,
  Store,
  User,
  UserId,
} from '@fellwatch/core';
import { type Kysely, sql } from 'kysely';
import * as alerts from './alerts.js';
import { appendMessages } from './append-batch.js';
import * as audit from './audit.js';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import { isUniqueViolation, toDomainError } from './errors.js';
import { SqlEscalationRepository } from './escalations.js';
import { type BatchOutcome, GroupCommit, type GroupCommitStats } from './group-commit.js';
import * as groups from './groups.js';
import * as media from './media.js';
import * as messages from './messages.js';
import * as people from './people.js';
import { SqlProfileRepository } from './profiles.js';
import { SqlPushRepository } from './push.js';
import { SqlSafetyRepository } from './safety.js';
import { SqlSightingRepository } from './sightings.js';

type Db = Kysely<Database>;

/** What the root store owns; a transaction-bound store shares it. */
interface StoreOptions {
  /** Called after the Kysely instance is destroyed. */
  onClose?: () => Promise<void> | void;
}

/** A Store on a Kysely database; `transaction` hands `work` a SqlStore bound to one transaction. */
export class SqlStore implements Store {
  private readonly appends: GroupCommit<NewMessage, AppendResult> | undefined;
  private closed = false;
  readonly safety: SqlSafetyRepository;
  readonly escalations: SqlEscalationRepository;
  readonly sightings: SqlSightingRepository;
  readonly profiles: SqlProfileRepository;
  readonly push: SqlPushRepository;
  /** The groups reach last read, and the reach version they were read at. */
  private reachGroups: { version: number; groups: readonly ReachGroup[] } | undefined;

  constructor(
    readonly db: Db,
    readonly engine: Engine,
    private readonly options: StoreOptions = {},
    private readonly inTransaction = false,
  ) {
    const atomically = <T>(work: (conn: Db) => Promise<T>) => this.atomically(work);
    this.safety = new SqlSafetyRepository(db, atomically);
    this.escalations = new SqlEscalationRepository(db, atomically);
    this.sightings = new SqlSightingRepository(db, atomically);
    this.profiles = new SqlProfileRepository(db, atomically);
    this.push = new SqlPushRepository(db, atomically);
    this.appends = inTransaction
      ? undefined
      : new GroupCommit<NewMessage, AppendResult>({
          writeBatch: (items) => this.writeAppendBatch(items),
          writeOne: (item) => this.writeAppendAlone(item),
        });
  }

  /** How group commit has batched appends so far (zeros inside a transaction). */
  get groupCommitStats(): GroupCommitStats {
    return this.appends?.stats ?? { batches: 0, items: 0, largestBatch: 0, retriedBatches: 0 };
  }

  /**
   * Runs `work` in one transaction; inside it, `transaction` simply runs nested work in the same one.
   * Let constraint errors propagate: on PostgreSQL a failed statement ends the transaction.
   */
  async transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    try {
      return await this.runTransaction((conn) => work(new SqlStore(conn, this.engine, {}, true)));
    } catch (error) {
      throw toDomainError(error);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.inTransaction || this.closed) return;
    this.closed = true;
    await this.appends?.idle();
    await this.db.destroy();
    await this.options.onClose?.();
  }

  /** Recomputes the audit log's hash chain; false when an entry was changed, removed or inserted. */
  verifyAuditChain(): Promise<audit.AuditVerification> {
    return audit.verifyAuditChain(this.db);
  }

  /**
   * Runs `work` on one connection between BEGIN and COMMIT. SQLite begins IMMEDIATE so the write
   * lock is taken up front: another process cannot slip a write between our read and our write.
   */
  private async runTransaction<T>(work: (conn: Db) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql.raw(this.engine === 'sqlite' ? 'begin immediate' : 'begin').execute(conn);
      try {
        const result = await work(conn);
        await sql.raw('commit').execute(conn);
        return result;
      } catch (error) {
        await sql
          .raw('rollback')
          .execute(conn)
          .catch(() => undefined);
        throw error;
      }
    });
  }

  /** Runs a multi-statement write atomically: directly when already in a transaction. */
  private atomically<T>(work: (conn: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction)
      return work(this.db).catch((error: unknown) => Promise.reject(toDomainError(error)));
    return this.runTransaction(work).catch((error: unknown) => Promise.reject(toDomainError(error)));
  }

  private writeAppendBatch(items: readonly NewMessage[]): Promise<BatchOutcome<AppendResult>[]> {
    return this.runTransaction((conn) => appendMessages(conn, items));
  }

  private async writeAppendAlone(item: NewMessage): Promise<AppendResult> {
    try {
      return await this.runTransaction((conn) => messages.appendMessage(conn, item));
    } catch (error) {
      // Two first copies raced (possible on PostgreSQL from another node): the loser returns the winner.
      if (isUniqueViolation(error)) {
        const first = await messages.findPosted(this.db, item.authorId, item.clientId);
        if (first) return first;
      }
      throw toDomainError(error);
    }
  }

  // Users, sessions, settings, organisations.
  createUser(user: User): Promise<void> {
    return people.createUser(this.db, user);
  }
  getUser(id: UserId): Promise<User | undefined> {
    return people.getUser(this.db, id);
  }
  getUserByEmail(email: string): Promise<User | undefined> {
    return people.getUserByEmail(this.db, email);
  }
  countPlatformAdmins(): Promise<number> {
    return people.countPlatformAdmins(this.db);
  }
  getPublicProfiles(ids: readonly UserId[]): Promise<Map<UserId, PublicProfile>> {
    return people.getPublicProfiles(this.db, ids);
  }
  createSession(session: Session): Promise<void> {
    return people.createSession(this.db, session);
  }
  getSessionByTokenHash(tokenHash: string): Promise<Session | undefined> {
    return people.getSessionByTokenHash(this.db, tokenHash);
  }
  touchSession(id: SessionId, at: EpochMs): Promise<void> {
    return people.touchSession(this.db, id, at);
  }
  deleteSession(id: SessionId): Promise<void> {
    return people.deleteSession(this.db, id);
  }
  listSessions(userId: UserId): Promise<Session[]> {
    return people.listSessions(this.db, userId);
  }
  getSetting(key: string): Promise<string | undefined> {
    return people.getSetting(this.db, key);
  }
  putSetting(key: string, value: string): Promise<void> {
    return people.putSetting(this.db, key, value);
  }
  deleteSetting(key: string): Promise<void> {
    return people.deleteSetting(this.db, key);
  }
  createOrganisation(org: Organisation): Promise<void> {
    return people.createOrganisation(this.db, org);
  }
  getOrganisation(id: OrganisationId): Promise<Organisation | undefined> {
    return people.getOrganisation(this.db, id);
  }
  listOrganisations(): Promise<Organisation[]> {
    return people.listOrganisations(this.db);
  }
  putOrganisationMember(member: OrganisationMember): Promise<void> {
    return people.putOrganisationMember(this.db, member);
  }
  removeOrganisationMember(organisationId: OrganisationId, userId: UserId): Promise<void> {
    return people.removeOrganisationMember(this.db, organisationId, userId);
  }
  listOrganisationMembers(organisationId: OrganisationId): Promise<OrganisationMember[]> {
    return people.listOrganisationMembers(this.db, organisationId);
  }
  listAffiliationsOfUser(userId: UserId): Promise<OrganisationMember[]> {
    return people.listAffiliationsOfUser(this.db, userId);
  }

  // Groups, memberships, invites.
  createGroup(group: Group): Promise<void> {
    return this.atomically(async (conn) => {
      await groups.createGroup(conn, group);
      await alerts.bumpReachVersion(conn);
    });
  }
  getGroup(id: GroupId): Promise<Group | undefined> {
    return groups.getGroup(this.db, id);
  }
  getGroupNames(ids: readonly GroupId[]): Promise<Map<GroupId, GroupNames>> {
    return groups.getGroupNames(this.db, ids);
  }
  updateGroup(group: Omit<Group, 'lastSeq'>): Promise<void> {
    return this.atomically(async (conn) => {
      await groups.updateGroup(conn, group);
      await alerts.bumpReachVersion(conn);
    });
  }
  listGroups(): Promise<Group[]> {
    return groups.listGroups(this.db);
  }
  getMembership(groupId: GroupId, userId: UserId): Promise<Membership | undefined> {
    return groups.getMembership(this.db, groupId, userId);
  }
  putMembership(membership: Membership): Promise<void> {
    return groups.putMembership(this.db, membership);
  }
  listMemberships(groupId: GroupId, statuses?: readonly MembershipStatus[]): Promise<Membership[]> {
    return groups.listMemberships(this.db, groupId, statuses);
  }
  listGroupsOfUser(userId: UserId): Promise<GroupSummary[]> {
    return groups.listGroupsOfUser(this.db, userId);
  }
  markRead(groupId: GroupId, userId: UserId, seq: number): Promise<void> {
    return groups.markRead(this.db, groupId, userId, seq);
  }
  createInvite(invite: Invite): Promise<void> {
    return groups.createInvite(this.db, invite);
  }
  getInvite(id: InviteId): Promise<Invite | undefined> {
    return groups.getInvite(this.db, id);
  }
  getInviteByTokenHash(tokenHash: string): Promise<Invite | undefined> {
    return groups.getInviteByTokenHash(this.db, tokenHash);
  }
  listInvites(groupId: GroupId): Promise<Invite[]> {
    return groups.listInvites(this.db, groupId);
  }
  revokeInvite(id: InviteId, at: EpochMs): Promise<void> {
    return groups.revokeInvite(this.db, id, at);
  }
  useInvite(id: InviteId, at: EpochMs): Promise<boolean> {
    return groups.useInvite(this.db, id, at);
  }

  // Messages and the event stream.
  appendMessage(message: NewMessage): Promise<AppendResult> {
    if (this.appends) return this.appends.submit(message);
    return this.atomically((conn) => messages.appendMessage(conn, message));
  }
  getMessage(id: MessageId): Promise<Message | undefined> {
    return messages.getMessage(this.db, id);
  }
  editMessage(id: MessageId, body: string, editedBy: UserId, at: EpochMs): Promise<MessageChange> {
    return this.atomically((conn) => messages.editMessage(conn, id, body, editedBy, at));
  }
  deleteMessage(id: MessageId, deletedBy: UserId, at: EpochMs): Promise<MessageChange> {
    return this.atomically((conn) => messages.deleteMessage(conn, id, deletedBy, at));
  }
  listMessageEdits(id: MessageId): Promise<MessageEdit[]> {
    return messages.listMessageEdits(this.db, id);
  }
  listEvents(groupId: GroupId, afterSeq: number, limit: number): Promise<GroupEventWithMessage[]> {
    return messages.listEvents(this.db, groupId, afterSeq, limit);
  }
  listMessages(groupId: GroupId, beforeSeq: number | undefined, limit: number): Promise<Message[]> {
    return messages.listMessages(this.db, groupId, beforeSeq, limit);
  }

  // Media and audit.
  createMedia(record: Media): Promise<void> {
    return media.createMedia(this.db, record);
  }
  getMedia(id: MediaId): Promise<Media | undefined> {
    return media.getMedia(this.db, id);
  }
  appendAudit(entry: AuditEntry): Promise<void> {
    return this.atomically((conn) => audit.appendAudit(conn, entry));
  }
  listAudit(filter: { groupId?: GroupId; subjectId?: string; limit: number }): Promise<AuditEntry[]> {
    return audit.listAudit(this.db, filter);
  }

  // Alerts: one row each, shown in groups through placement messages.
  async createAlert(
    alert: Alert,
    placement: AlertPlacement,
    identifiers: readonly string[] = [],
  ): Promise<CreateAlertResult> {
    if (this.inTransaction)
      return this.atomically((conn) => alerts.createAlert(conn, alert, placement, identifiers));
    try {
      return await this.runTransaction((conn) => alerts.createAlert(conn, alert, placement, identifiers));
    } catch (error) {
      // Two first copies raced (possible on PostgreSQL): the loser returns the winner.
      if (isUniqueViolation(error)) {
        const first = await alerts.findAlert(this.db, alert.authorId, alert.clientId);
        if (first) return { alert: first, placements: [], duplicate: true };
      }
      throw toDomainError(error);
    }
  }
  getAlert(id: AlertId): Promise<Alert | undefined> {
    return alerts.getAlert(this.db, id);
  }
  getAlertsByIds(ids: readonly AlertId[]): Promise<Alert[]> {
    return alerts.getAlertsByIds(this.db, ids);
  }
  listAlertPlacements(alertId: AlertId): Promise<Message[]> {
    return alerts.listAlertPlacements(this.db, alertId);
  }
  updateAlert(id: AlertId, change: AlertChange): Promise<AlertUpdate> {
    return this.atomically((conn) => alerts.updateAlert(conn, id, change));
  }
  listGroupAlerts(
    groupId: GroupId,
    filter: { openOnly: boolean; kind?: string; limit: number },
  ): Promise<Alert[]> {
    return alerts.listGroupAlerts(this.db, groupId, filter);
  }
  listAlertTravel(alertIds: readonly AlertId[]): Promise<AlertTravelEntry[]> {
    return alerts.listAlertTravel(this.db, alertIds);
  }
  listAlertReviews(groupId: GroupId): Promise<Alert[]> {
    return alerts.listAlertReviews(this.db, groupId);
  }
  decideAlertReview(
    alertId: AlertId,
    groupId: GroupId,
    accept: boolean,
    by: UserId,
    at: EpochMs,
  ): Promise<AppendResult | undefined> {
    return this.atomically((conn) => alerts.decideAlertReview(conn, alertId, groupId, accept, by, at));
  }
  /**
   * Reads the version before the groups, so a group changed in between makes the next call read
   * again; the same array is returned until a group changes (the core keeps its index by it).
   */
  async listReachGroups(): Promise<readonly ReachGroup[]> {
    const version = await alerts.reachVersion(this.db);
    if (this.reachGroups?.version === version) return this.reachGroups.groups;
    const list = await alerts.listReachGroups(this.db);
    if (!this.inTransaction) this.reachGroups = { version, groups: list };
    return list;
  }
  listAlertGroupsOfMedia(mediaId: MediaId): Promise<GroupId[]> {
    return alerts.listAlertGroupsOfMedia(this.db, mediaId);
  }
  findMatchCandidates(filter: MatchCandidateFilter): Promise<Alert[]> {
    return alerts.findMatchCandidates(this.db, filter);
  }
}
