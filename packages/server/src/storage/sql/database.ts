// The table shapes the Kysely queries are typed against; the migrations create exactly these tables.

import type { Generated } from 'kysely';
import type { EscalationTables } from './escalations.js';
import type { ProfileTables } from './profiles.js';
import type { PushTables } from './push.js';
import type { SafetyTables } from './safety.js';
import type { SightingTables } from './sightings.js';

/** Accounts; `email_key` is the lower-cased email that makes addresses unique regardless of case. */
export interface UsersTable {
  id: string;
  display_name: string;
  email: string;
  email_key: string;
  phone: string | null;
  password_hash: string;
  is_platform_admin: number;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  kind: string;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  created_at: number;
}

export interface OrganisationMembersTable {
  organisation_id: string;
  user_id: string;
  affiliation: string | null;
  is_admin: number;
  verified_by: string;
  verified_at: number;
}

/** Watch groups; `area` and `vetting_questions` are JSON text. */
export interface GroupsTable {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  rules: string;
  area: string | null;
  vetting_questions: string;
  /** 'always' | 'never' | 'review': alerts from other organisations' groups. */
  external_alerts: string;
  last_seq: number;
  created_at: number;
}

export interface MembershipsTable {
  group_id: string;
  user_id: string;
  role: string;
  status: string;
  answers: string;
  invite_id: string | null;
  decided_by: string | null;
  decided_at: number | null;
  last_read_seq: number;
  created_at: number;
}

export interface InvitesTable {
  id: string;
  group_id: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  max_uses: number;
  uses: number;
  revoked_at: number | null;
}

export interface MessagesTable {
  id: string;
  group_id: string;
  seq: number;
  author_id: string;
  client_id: string;
  body: string;
  reply_to_id: string | null;
  photo_ids: string;
  lat: number | null;
  lng: number | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  deleted_by: string | null;
  /** Set on an alert's placement message. */
  alert_id: string | null;
}

export interface MessageEditsTable {
  id: Generated<number>;
  message_id: string;
  body: string;
  edited_by: string;
  replaced_at: number;
}

export interface GroupEventsTable {
  group_id: string;
  seq: number;
  type: string;
  message_id: string;
  at: number;
}

export interface MediaTable {
  id: string;
  group_id: string;
  uploader_id: string;
  sha256: string;
  original_type: string;
  original_bytes: number;
  width: number;
  height: number;
  created_at: number;
}

/** The audit log: each row's `hash` covers its content and the previous row's hash. */
export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  group_id: string | null;
  detail: string;
  at: number;
  prev_hash: string;
  hash: string;
}

/** One row holding the newest audit hash; updating it serialises appends to the chain. */
export interface AuditHeadTable {
  id: number;
  entries: number;
  last_hash: string;
}

/**
 * Alerts: one row per alert however many groups show it. `details`, `photo_ids` and `reach` are
 * JSON text; `category` repeats details.category so matching can use an index.
 */
export interface AlertsTable {
  id: string;
  kind: string;
  details: string;
  summary: string;
  author_id: string;
  origin_group_id: string;
  lat: number | null;
  lng: number | null;
  place_text: string | null;
  photo_ids: string;
  status: string;
  outcome: string | null;
  outcome_note: string | null;
  linked_alert_id: string | null;
  reach: string;
  category: string | null;
  client_id: string;
  created_at: number;
  updated_at: number;
  confirmed_by: string | null;
  resolved_by: string | null;
}

/** An alert waiting for (or decided by) the admins of a group in another organisation. */
export interface AlertReviewsTable {
  alert_id: string;
  group_id: string;
  state: string;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
}

/** An alert's normalised identifiers (registration, serial, marking id, ear tag), for matching by index. */
export interface AlertIdentifiersTable {
  alert_id: string;
  value: string;
}

/** Which alert carries which photo. */
export interface AlertMediaTable {
  media_id: string;
  alert_id: string;
}

/** One row (id 1) whose version is bumped whenever a group is created or changed. */
export interface ReachVersionTable {
  id: number;
  version: number;
}

export interface Database extends SafetyTables, EscalationTables, SightingTables, ProfileTables, PushTables {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  messages: MessagesTable;
  message_edits: MessageEditsTable;
  group_events: GroupEventsTable;
  media: MediaTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  alerts: AlertsTable;
  alert_reviews: AlertReviewsTable;
  alert_identifiers: AlertIdentifiersTable;
  alert_media: AlertMediaTable;
  reach_version: ReachVersionTable;
}
