// Access policies: the one place each permission is decided. Actions call these; transports never decide.
import type { Actor } from '../model/actor.js';
import type { Group, Membership, Message } from '../model/entities.js';
import type { OrganisationId } from '../model/ids.js';

/** True when the actor administers the organisation (or runs the platform). */
export function canManageOrganisation(actor: Actor, organisationId: OrganisationId): boolean {
  return (
    actor.user.isPlatformAdmin ||
    actor.affiliations.some((a) => a.organisationId === organisationId && a.isAdmin)
  );
}

/** Only platform admins create organisations. */
export function canCreateOrganisation(actor: Actor): boolean {
  return actor.user.isPlatformAdmin;
}

/** Platform admins and admins of the owning organisation create watch groups. */
export function canCreateGroup(actor: Actor, organisationId: OrganisationId): boolean {
  return canManageOrganisation(actor, organisationId);
}

/** An active member: the only standing that reads or posts in a group. */
export function isActiveMember(membership: Membership | undefined): membership is Membership {
  return membership?.status === 'active';
}

/** Group admins (active), the owning organisation's admins and platform admins manage a group's settings, invites and roles. */
export function canManageGroup(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  return (
    (isActiveMember(membership) && membership.role === 'admin') ||
    canManageOrganisation(actor, group.organisationId)
  );
}

/** Managers and moderators approve, decline, remove and ban members. */
export function canDecideMembers(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  return (
    canManageGroup(actor, group, membership) ||
    (isActiveMember(membership) && membership.role === 'moderator')
  );
}

/**
 * Whether the actor may know the group exists. Anyone else gets "not found", never "forbidden",
 * so group names cannot be probed.
 */
export function canSeeGroup(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  return (
    membership?.status === 'active' ||
    membership?.status === 'pending' ||
    canManageGroup(actor, group, membership)
  );
}

/** Reading the stream, history and photos needs active membership: removal ends it at once. */
export function canReadGroup(membership: Membership | undefined): boolean {
  return isActiveMember(membership);
}

/** Posting needs active membership. */
export function canPost(membership: Membership | undefined): boolean {
  return isActiveMember(membership);
}

/** Only the author edits their words. */
export function canEditMessage(actor: Actor, message: Message, membership: Membership | undefined): boolean {
  return isActiveMember(membership) && message.authorId === actor.user.id && message.deletedAt === null;
}

/** The author, moderators and admins delete. */
export function canDeleteMessage(
  actor: Actor,
  message: Message,
  membership: Membership | undefined,
): boolean {
  if (!isActiveMember(membership) || message.deletedAt !== null) return false;
  return message.authorId === actor.user.id || membership.role !== 'member';
}

/** Moderators and admins see deleted text and edit history of anyone's message; authors see their own. */
export function canSeeMessageHistory(
  actor: Actor,
  message: Message,
  membership: Membership | undefined,
): boolean {
  if (!isActiveMember(membership)) return false;
  return message.authorId === actor.user.id || membership.role !== 'member';
}

/** True when the actor is a verified officer of any organisation. */
export function isOfficer(actor: Actor): boolean {
  return actor.affiliations.some((a) => a.affiliation === 'officer');
}

/**
 * Untouched originals (with their metadata) are evidence: only group admins and moderators of the
 * photo's group, officers who are active members of it, and officers of the owning organisation.
 */
export function canFetchOriginal(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  if (isActiveMember(membership) && (membership.role !== 'member' || isOfficer(actor))) return true;
  return actor.affiliations.some(
    (a) => a.organisationId === group.organisationId && a.affiliation === 'officer',
  );
}

/** Appeals speak for the police: only verified officers raise them. */
export function canRaiseAppeal(actor: Actor): boolean {
  return isOfficer(actor);
}

/** "Confirmed by police" on a card must mean it: only verified officers confirm an alert. */
export function canConfirmAlert(actor: Actor): boolean {
  return isOfficer(actor);
}

/**
 * Resolving or retracting an alert (and seeing or linking its possible matches): the poster, an active
 * admin or moderator of a group where it is shown, or an officer. `membershipsInShownGroups` are the
 * actor's memberships in the groups showing the alert; others' are ignored.
 */
export function canResolveAlert(
  actor: Actor,
  alert: { authorId: Actor['user']['id'] },
  membershipsInShownGroups: readonly Membership[],
): boolean {
  if (alert.authorId === actor.user.id || isOfficer(actor)) return true;
  return membershipsInShownGroups.some(
    (m) => m.userId === actor.user.id && isActiveMember(m) && (m.role === 'admin' || m.role === 'moderator'),
  );
}

export * from './escalations.js';
export * from './profiles.js';
export * from './push.js';
export * from './safety.js';
export * from './sightings.js';
