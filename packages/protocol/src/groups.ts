// Organisations, watch groups, memberships, vetting and invites.
import { z } from 'zod';
import { ExternalAlertPolicy } from './alerts.js';
import { NewAccount } from './auth.js';
import { Affiliation, Email, Epoch, GeoPoint, Id, PublicPerson } from './common.js';

export const OrganisationKind = z.enum(['police', 'charity', 'council', 'other']);
export const Organisation = z.object({ id: Id, name: z.string(), kind: OrganisationKind, createdAt: Epoch });
export type Organisation = z.infer<typeof Organisation>;
export const CreateOrganisation = z.object({
  name: z.string().trim().min(2).max(120),
  kind: OrganisationKind,
});
export const OrganisationList = z.object({ organisations: z.array(Organisation) });
export const OrganisationResponse = z.object({ organisation: Organisation });

/** An organisation admin marks an account (found by its exact email) as officer, staff or partner. */
export const SetAffiliation = z.object({
  email: Email,
  affiliation: Affiliation.nullable(),
  isAdmin: z.boolean().default(false),
});
/** Organisation admins see their own people with emails: they verified them. */
export const OrganisationPerson = z.object({
  userId: Id,
  displayName: z.string(),
  email: z.string(),
  affiliation: Affiliation.nullable(),
  isAdmin: z.boolean(),
  verifiedAt: Epoch,
});
export const OrganisationPeople = z.object({ people: z.array(OrganisationPerson) });

const Ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4);
export const GroupArea = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), centre: GeoPoint, radiusKm: z.number().positive().max(500) }),
  z.object({ kind: z.literal('polygon'), coordinates: z.array(Ring).min(1) }),
]);
export type GroupArea = z.infer<typeof GroupArea>;

export const GroupRole = z.enum(['member', 'moderator', 'admin']);
export const MembershipStatus = z.enum(['pending', 'active', 'declined', 'removed', 'banned']);

const GroupDetails = z.object({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000),
  rules: z.string().trim().max(4000),
  area: GroupArea.nullable(),
  vettingQuestions: z.array(z.string().trim().min(1).max(300)).max(10),
  /** Alerts raised in other organisations' groups: shown always, never, or after an admin's review. */
  externalAlerts: ExternalAlertPolicy,
});
export const CreateGroup = GroupDetails.extend({
  organisationId: Id,
  description: GroupDetails.shape.description.default(''),
  rules: GroupDetails.shape.rules.default(''),
  area: GroupDetails.shape.area.default(null),
  vettingQuestions: GroupDetails.shape.vettingQuestions.default([]),
  externalAlerts: GroupDetails.shape.externalAlerts.default('review'),
});
export type CreateGroup = z.infer<typeof CreateGroup>;
/** Only the fields sent change (no defaults here: a missing field must not reset what is stored). */
export const UpdateGroup = GroupDetails.partial();

export const Group = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  description: z.string(),
  rules: z.string(),
  area: GroupArea.nullable(),
  vettingQuestions: z.array(z.string()),
  externalAlerts: ExternalAlertPolicy,
  lastSeq: z.number().int(),
  createdAt: Epoch,
});
export type Group = z.infer<typeof Group>;

/**
 * A group in my list, with my role and status and how many messages I have not read. Role and status
 * are null for an organisation or platform admin who manages the group without being a member of it.
 */
export const MyGroup = Group.extend({
  myRole: GroupRole.nullable(),
  myStatus: MembershipStatus.nullable(),
  lastReadSeq: z.number().int(),
  unread: z.number().int(),
});
export type MyGroup = z.infer<typeof MyGroup>;
export const GroupList = z.object({ groups: z.array(MyGroup) });
export const GroupResponse = z.object({ group: MyGroup });

/** A member as other members see them. */
export const Member = PublicPerson.extend({ role: GroupRole, status: MembershipStatus });
export type Member = z.infer<typeof Member>;
/** Admins additionally see vetting answers and who decided, when. */
export const MemberForAdmin = Member.extend({
  answers: z.array(z.string()),
  joinedAt: Epoch,
  decidedBy: PublicPerson.nullable(),
  decidedAt: Epoch.nullable(),
});
export type MemberForAdmin = z.infer<typeof MemberForAdmin>;
export const MemberList = z.object({ members: z.array(z.union([MemberForAdmin, Member])) });

export const MemberDecision = z.enum(['approve', 'decline', 'remove', 'ban']);
export const DecideMember = z.object({ decision: MemberDecision });
export const SetRole = z.object({ role: GroupRole });
/** A platform or organisation admin adds an existing account to a group directly, e.g. to appoint an admin. */
export const AddMember = z.object({ email: Email, role: GroupRole.default('member') });

export const CreateInvite = z.object({
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  maxUses: z.number().int().min(1).max(10_000).default(50),
});
export const InviteView = z.object({
  id: Id,
  groupId: Id,
  createdAt: Epoch,
  expiresAt: Epoch,
  maxUses: z.number().int(),
  uses: z.number().int(),
  revokedAt: Epoch.nullable(),
});
export const CreatedInvite = z.object({ invite: InviteView, token: z.string(), url: z.string() });
export const InviteList = z.object({ invites: z.array(InviteView) });

/** What someone holding an invite link sees before joining. */
export const InvitePreview = z.object({
  group: z.object({
    name: z.string(),
    organisationName: z.string(),
    description: z.string(),
    rules: z.string(),
    vettingQuestions: z.array(z.string()),
  }),
});
/** Accept an invite: answers to the vetting questions, and a new account unless already signed in. */
export const AcceptInvite = z.object({
  account: NewAccount.optional(),
  answers: z.array(z.string().trim().max(1000)).max(10).default([]),
});
export const AcceptedInvite = z.object({ groupId: Id, status: MembershipStatus });
