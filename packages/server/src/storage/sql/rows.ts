// Converts rows to domain records and back: JSON text, 0/1 booleans and branded ids.
import type {
  Alert,
  AlertOutcome,
  AlertStatus,
  AuditEntry,
  ExternalAlertPolicy,
  Group,
  GroupArea,
  GroupEventRecord,
  GroupEventType,
  GroupRole,
  Invite,
  Media,
  Membership,
  MembershipStatus,
  Message,
  MessageEdit,
  Organisation,
  OrganisationKind,
  OrganisationMember,
  Reach,
  Session,
  SessionKind,
  User,
} from '@fellwatch/core';
import type { Selectable } from 'kysely';
import type {
  AlertsTable,
  AuditLogTable,
  GroupEventsTable,
  GroupsTable,
  InvitesTable,
  MediaTable,
  MembershipsTable,
  MessageEditsTable,
  MessagesTable,
  OrganisationMembersTable,
  OrganisationsTable,
  SessionsTable,
  UsersTable,
} from './database.js';

// Branded ids are plain strings at run time; these casts restore the brand the column lost.
const id = <T extends string>(value: string): T => value as T;
const maybeId = <T extends string>(value: string | null): T | null => (value === null ? null : (value as T));
const num = (value: number | string): number => Number(value);
const maybeNum = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Reads a users row. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: id(row.id),
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    passwordHash: row.password_hash,
    isPlatformAdmin: row.is_platform_admin === 1,
    createdAt: num(row.created_at),
  };
}

/** Writes a users row; the email key is the lower-cased address. */
export function fromUser(user: User): Selectable<UsersTable> {
  return {
    id: user.id,
    display_name: user.displayName,
    email: user.email,
    email_key: emailKey(user.email),
    phone: user.phone,
    password_hash: user.passwordHash,
    is_platform_admin: user.isPlatformAdmin ? 1 : 0,
    created_at: user.createdAt,
  };
}

/** The form in which emails are compared: trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Reads a sessions row. */
export function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: id(row.id),
    userId: id(row.user_id),
    kind: row.kind as SessionKind,
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: num(row.created_at),
    expiresAt: maybeNum(row.expires_at),
    lastUsedAt: maybeNum(row.last_used_at),
  };
}

/** Reads an organisations row. */
export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: id(row.id),
    name: row.name,
    kind: row.kind as OrganisationKind,
    createdAt: num(row.created_at),
  };
}

/** Reads an organisation_members row. */
export function toOrganisationMember(row: Selectable<OrganisationMembersTable>): OrganisationMember {
  return {
    organisationId: id(row.organisation_id),
    userId: id(row.user_id),
    affiliation: row.affiliation as OrganisationMember['affiliation'],
    isAdmin: row.is_admin === 1,
    verifiedBy: id(row.verified_by),
    verifiedAt: num(row.verified_at),
  };
}

/** Writes an organisation_members row. */
export function fromOrganisationMember(member: OrganisationMember): Selectable<OrganisationMembersTable> {
  return {
    organisation_id: member.organisationId,
    user_id: member.userId,
    affiliation: member.affiliation,
    is_admin: member.isAdmin ? 1 : 0,
    verified_by: member.verifiedBy,
    verified_at: member.verifiedAt,
  };
}

/** Reads a groups row. */
export function toGroup(row: Selectable<GroupsTable>): Group {
  return {
    id: id(row.id),
    organisationId: id(row.organisation_id),
    name: row.name,
    description: row.description,
    rules: row.rules,
    area: row.area === null ? null : (JSON.parse(row.area) as GroupArea),
    vettingQuestions: JSON.parse(row.vetting_questions) as string[],
    externalAlerts: row.external_alerts as ExternalAlertPolicy,
    lastSeq: num(row.last_seq),
    createdAt: num(row.created_at),
  };
}

/** Writes the columns of a groups row that an update may change. */
export function fromGroupDetails(group: Omit<Group, 'lastSeq'>) {
  return {
    organisation_id: group.organisationId,
    name: group.name,
    description: group.description,
    rules: group.rules,
    area: group.area === null ? null : JSON.stringify(group.area),
    vetting_questions: JSON.stringify(group.vettingQuestions),
    external_alerts: group.externalAlerts,
  };
}

/** Reads a memberships row. */
export function toMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    groupId: id(row.group_id),
    userId: id(row.user_id),
    role: row.role as GroupRole,
    status: row.status as MembershipStatus,
    answers: JSON.parse(row.answers) as string[],
    inviteId: maybeId(row.invite_id),
    decidedBy: maybeId(row.decided_by),
    decidedAt: maybeNum(row.decided_at),
    lastReadSeq: num(row.last_read_seq),
    createdAt: num(row.created_at),
  };
}

/** Writes a memberships row. */
export function fromMembership(m: Membership): Selectable<MembershipsTable> {
  return {
    group_id: m.groupId,
    user_id: m.userId,
    role: m.role,
    status: m.status,
    answers: JSON.stringify(m.answers),
    invite_id: m.inviteId,
    decided_by: m.decidedBy,
    decided_at: m.decidedAt,
    last_read_seq: m.lastReadSeq,
    created_at: m.createdAt,
  };
}

/** Reads an invites row. */
export function toInvite(row: Selectable<InvitesTable>): Invite {
  return {
    id: id(row.id),
    groupId: id(row.group_id),
    tokenHash: row.token_hash,
    createdBy: id(row.created_by),
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
    maxUses: num(row.max_uses),
    uses: num(row.uses),
    revokedAt: maybeNum(row.revoked_at),
  };
}

/** Writes an invites row. */
export function fromInvite(invite: Invite): Selectable<InvitesTable> {
  return {
    id: invite.id,
    group_id: invite.groupId,
    token_hash: invite.tokenHash,
    created_by: invite.createdBy,
    created_at: invite.createdAt,
    expires_at: invite.expiresAt,
    max_uses: invite.maxUses,
    uses: invite.uses,
    revoked_at: invite.revokedAt,
  };
}

/** Reads a messages row. */
export function toMessage(row: Selectable<MessagesTable>): Message {
  return {
    id: id(row.id),
    groupId: id(row.group_id),
    seq: num(row.seq),
    authorId: id(row.author_id),
    clientId: row.client_id,
    body: row.body,
    replyToId: maybeId(row.reply_to_id),
    photoIds: JSON.parse(row.photo_ids) as Message['photoIds'],
    location: row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng) },
    createdAt: num(row.created_at),
    editedAt: maybeNum(row.edited_at),
    deletedAt: maybeNum(row.deleted_at),
    deletedBy: maybeId(row.deleted_by),
    alertId: maybeId(row.alert_id),
  };
}

/** Writes a new messages row with its assigned sequence. */
export function fromNewMessage(message: Omit<Message, 'editedAt' | 'deletedAt' | 'deletedBy'>) {
  return {
    id: message.id,
    group_id: message.groupId,
    seq: message.seq,
    author_id: message.authorId,
    client_id: message.clientId,
    body: message.body,
    reply_to_id: message.replyToId,
    photo_ids: JSON.stringify(message.photoIds),
    lat: message.location?.lat ?? null,
    lng: message.location?.lng ?? null,
    created_at: message.createdAt,
    edited_at: null,
    deleted_at: null,
    deleted_by: null,
    alert_id: message.alertId,
  } satisfies Selectable<MessagesTable>;
}

/** Reads a message_edits row. */
export function toMessageEdit(row: Selectable<MessageEditsTable>): MessageEdit {
  return {
    messageId: id(row.message_id),
    body: row.body,
    editedBy: id(row.edited_by),
    replacedAt: num(row.replaced_at),
  };
}

/** Reads a group_events row. */
export function toGroupEvent(row: Selectable<GroupEventsTable>): GroupEventRecord {
  return {
    groupId: id(row.group_id),
    seq: num(row.seq),
    type: row.type as GroupEventType,
    messageId: id(row.message_id),
    at: num(row.at),
  };
}

/** Reads a media row. */
export function toMedia(row: Selectable<MediaTable>): Media {
  return {
    id: id(row.id),
    groupId: id(row.group_id),
    uploaderId: id(row.uploader_id),
    sha256: row.sha256,
    originalType: row.original_type as Media['originalType'],
    originalBytes: num(row.original_bytes),
    width: num(row.width),
    height: num(row.height),
    createdAt: num(row.created_at),
  };
}

/** Writes a media row. */
export function fromMedia(media: Media): Selectable<MediaTable> {
  return {
    id: media.id,
    group_id: media.groupId,
    uploader_id: media.uploaderId,
    sha256: media.sha256,
    original_type: media.originalType,
    original_bytes: media.originalBytes,
    width: media.width,
    height: media.height,
    created_at: media.createdAt,
  };
}

/** Reads an audit_log row (its hashes stay in the database). */
export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    actorId: maybeId(row.actor_id),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    groupId: maybeId(row.group_id),
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: num(row.at),
  };
}

/** Reads an alerts row. */
export function toAlert(row: Selectable<AlertsTable>): Alert {
  return {
    id: id(row.id),
    kind: row.kind as Alert['kind'],
    details: JSON.parse(row.details) as Record<string, unknown>,
    summary: row.summary,
    authorId: id(row.author_id),
    originGroupId: id(row.origin_group_id),
    location: row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng) },
    placeText: row.place_text,
    photoIds: JSON.parse(row.photo_ids) as Alert['photoIds'],
    status: row.status as AlertStatus,
    outcome: row.outcome as AlertOutcome | null,
    outcomeNote: row.outcome_note,
    linkedAlertId: maybeId(row.linked_alert_id),
    reach: JSON.parse(row.reach) as Reach,
    clientId: row.client_id,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    confirmedBy: maybeId(row.confirmed_by),
    resolvedBy: maybeId(row.resolved_by),
  };
}

/** Writes an alerts row; `category` is copied out of the details so matching can use an index. */
export function fromAlert(alert: Alert): Selectable<AlertsTable> {
  const category = alert.details.category;
  return {
    id: alert.id,
    kind: alert.kind,
    details: JSON.stringify(alert.details),
    summary: alert.summary,
    author_id: alert.authorId,
    origin_group_id: alert.originGroupId,
    lat: alert.location?.lat ?? null,
    lng: alert.location?.lng ?? null,
    place_text: alert.placeText,
    photo_ids: JSON.stringify(alert.photoIds),
    status: alert.status,
    outcome: alert.outcome,
    outcome_note: alert.outcomeNote,
    linked_alert_id: alert.linkedAlertId,
    reach: JSON.stringify(alert.reach),
    category: typeof category === 'string' ? category : null,
    client_id: alert.clientId,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    confirmed_by: alert.confirmedBy,
    resolved_by: alert.resolvedBy,
  };
}
