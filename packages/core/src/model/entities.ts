// The records of Fellwatch: people, organisations, watch groups, memberships, invites, messages, media, alerts, sightings.
import type {
  AlertId,
  EpochMs,
  GroupId,
  Id,
  InviteId,
  MediaId,
  MessageId,
  OrganisationId,
  SessionId,
  UserId,
} from './ids.js';

/** An account. Email and phone are private: only the person themselves and the platform see them. */
export interface User {
  id: UserId;
  displayName: string;
  email: string;
  phone: string | null;
  passwordHash: string;
  isPlatformAdmin: boolean;
  createdAt: EpochMs;
}

export type OrganisationKind = 'police' | 'charity' | 'council' | 'other';

/** A police force, a charity or another body that owns watch groups and verifies its people. */
export interface Organisation {
  id: OrganisationId;
  name: string;
  kind: OrganisationKind;
  createdAt: EpochMs;
}

/** How a person is known to an organisation; officers' messages carry a verified badge. */
export type Affiliation = 'officer' | 'staff' | 'partner';

/** A person's standing in one organisation, set by that organisation's admins. */
export interface OrganisationMember {
  organisationId: OrganisationId;
  userId: UserId;
  /** null: an organisation admin with no public badge. */
  affiliation: Affiliation | null;
  isAdmin: boolean;
  verifiedBy: UserId;
  verifiedAt: EpochMs;
}

/** A circle on the ground, or a GeoJSON polygon (outer ring first, [lng, lat] pairs). */
export type GroupArea =
  | { kind: 'circle'; centre: { lat: number; lng: number }; radiusKm: number }
  | { kind: 'polygon'; coordinates: [number, number][][] };

/** Whether a group takes alerts raised in another organisation's groups: shown at once, never, or after an admin's review. */
export type ExternalAlertPolicy = 'always' | 'never' | 'review';

/** A watch group: a community with an area, rules and admins, owned by an organisation. */
export interface Group {
  id: GroupId;
  organisationId: OrganisationId;
  name: string;
  description: string;
  rules: string;
  area: GroupArea | null;
  vettingQuestions: string[];
  /** Alerts from other organisations' groups: 'review' unless its managers choose otherwise. */
  externalAlerts: ExternalAlertPolicy;
  /** The newest sequence number used in this group's event stream (0: none yet). */
  lastSeq: number;
  createdAt: EpochMs;
}

export type GroupRole = 'member' | 'moderator' | 'admin';
export type MembershipStatus = 'pending' | 'active' | 'declined' | 'removed' | 'banned';

/** A person's place in a group; pending until an admin approves their vetting answers. */
export interface Membership {
  groupId: GroupId;
  userId: UserId;
  role: GroupRole;
  status: MembershipStatus;
  /** Answers to the group's vetting questions, in question order. */
  answers: string[];
  inviteId: InviteId | null;
  /** Who approved, declined, removed or banned this member, and when. */
  decidedBy: UserId | null;
  decidedAt: EpochMs | null;
  /** Highest sequence this member has read in the group. */
  lastReadSeq: number;
  createdAt: EpochMs;
}

/** An invite link. Only a hash of its secret token is stored. */
export interface Invite {
  id: InviteId;
  groupId: GroupId;
  tokenHash: string;
  createdBy: UserId;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  maxUses: number;
  uses: number;
  revokedAt: EpochMs | null;
}

/** A point on the ground attached to a message. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A message in a group's stream. Deleted messages keep their text for admins, under retention rules. */
export interface Message {
  id: MessageId;
  groupId: GroupId;
  /** Sequence of the event that posted it: gapless and increasing within the group. */
  seq: number;
  authorId: UserId;
  /** Chosen by the author's device; (authorId, clientId) is unique, so a retry never duplicates. */
  clientId: string;
  body: string;
  replyToId: MessageId | null;
  photoIds: MediaId[];
  location: GeoPoint | null;
  createdAt: EpochMs;
  editedAt: EpochMs | null;
  deletedAt: EpochMs | null;
  deletedBy: UserId | null;
  /** Set when this message is an alert's placement in the group: the card shows the alert. */
  alertId: AlertId | null;
}

/** One earlier version of an edited message. */
export interface MessageEdit {
  messageId: MessageId;
  body: string;
  editedBy: UserId;
  /** When this version was replaced. */
  replacedAt: EpochMs;
}

/** An uploaded photo: the original is kept under its SHA-256 as evidence; members get re-encoded copies. */
export interface Media {
  id: MediaId;
  groupId: GroupId;
  uploaderId: UserId;
  /** Hex SHA-256 of the original bytes; the original is stored under this name. */
  sha256: string;
  originalType: 'image/jpeg' | 'image/png' | 'image/webp';
  originalBytes: number;
  width: number;
  height: number;
  createdAt: EpochMs;
}

export type SessionKind = 'browser' | 'api_token';

/** A signed-in browser session or a named API token; only the token's hash is stored. */
export interface Session {
  id: SessionId;
  userId: UserId;
  kind: SessionKind;
  /** Name of an API token ("backup script"); empty for browser sessions. */
  name: string;
  tokenHash: string;
  createdAt: EpochMs;
  expiresAt: EpochMs | null;
  lastUsedAt: EpochMs | null;
}

/** An entry in the audit log: who did what to which thing, and when. */
export interface AuditEntry {
  actorId: UserId | null;
  action: string;
  subjectType: string;
  subjectId: string;
  groupId: GroupId | null;
  detail: Record<string, unknown>;
  at: EpochMs;
}

export type AlertKind = 'stolen' | 'found' | 'animal' | 'suspicious' | 'appeal' | 'missing';
export type AlertStatus = 'unverified' | 'confirmed' | 'resolved' | 'retracted';
/** How an alert ended; 'found' (found safe) is for missing people only. */
export type AlertOutcome = 'recovered' | 'owner_found' | 'returned' | 'no_further_action' | 'found';

/** How far an alert travels: its own group, groups whose area is within a radius, or the organisation's groups. */
export type Reach = { mode: 'group' } | { mode: 'radius'; radiusKm?: number } | { mode: 'organisation' };

/**
 * A structured alert (stolen, found, animal, suspicious, appeal, missing). One object, shown in many groups:
 * each group holds a placement message pointing at it, so a status change is made once.
 */
export interface Alert {
  id: AlertId;
  kind: AlertKind;
  /** The card's own fields, validated by the protocol's AlertDetails at the edge; `kind` repeated inside. */
  details: Record<string, unknown>;
  summary: string;
  authorId: UserId;
  originGroupId: GroupId;
  location: GeoPoint | null;
  /** What the poster typed for the place, kept as written. */
  placeText: string | null;
  photoIds: MediaId[];
  status: AlertStatus;
  outcome: AlertOutcome | null;
  /** "What happened next", posted back with the outcome. */
  outcomeNote: string | null;
  /** The stolen or found alert this one was matched and linked to. */
  linkedAlertId: AlertId | null;
  reach: Reach;
  /** Chosen by the poster's device; (authorId, clientId) is unique, so a retry never duplicates. */
  clientId: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  confirmedBy: UserId | null;
  resolvedBy: UserId | null;
}

export type AlertReviewState = 'pending' | 'accepted' | 'declined';

export type SightingId = Id<'sighting'>;

/**
 * A member's sighting of a missing person, reported from one of the groups showing the alert. Once the
 * person is found its note, place and photos are withdrawn (`withdrawnAt`); officers keep the original.
 */
export interface Sighting {
  id: SightingId;
  alertId: AlertId;
  /** The group it was reported from. */
  groupId: GroupId;
  authorId: UserId;
  /** Chosen by the reporter's device; (authorId, clientId) is unique, so a retry never duplicates. */
  clientId: string;
  seenAt: EpochMs;
  location: GeoPoint | null;
  /** The place as typed, kept as written. */
  placeText: string | null;
  note: string;
  photoIds: MediaId[];
  createdAt: EpochMs;
  withdrawnAt: EpochMs | null;
}
