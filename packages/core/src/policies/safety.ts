// Who may do what: safety. Emergency guidance, going on watch, and the "needs attention" queue.
import type { Actor } from '../model/actor.js';
import type { Group, Membership, OrganisationMember } from '../model/entities.js';
import type { OrganisationId } from '../model/ids.js';
import { canManageOrganisation, isActiveMember } from './index.js';

/**
 * Whether a person may go on watch for a group: an active member who is one of its admins or
 * moderators, or a verified officer of the organisation that owns it. Watching means answering,
 * so it needs someone who reads the group.
 */
export function mayWatchGroup(
  affiliations: readonly OrganisationMember[],
  group: Group,
  membership: Membership | undefined,
): boolean {
  if (!isActiveMember(membership)) return false;
  if (membership.role === 'admin' || membership.role === 'moderator') return true;
  return affiliations.some((a) => a.organisationId === group.organisationId && a.affiliation === 'officer');
}

/** The actor may go on watch for this group (see mayWatchGroup). */
export function canWatchGroup(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  return mayWatchGroup(actor.affiliations, group, membership);
}

/**
 * The "needs attention" queue and its priority notices: the people who may watch the group. Whoever
 * is on watch is one of them; the others see the queue whether or not they are on watch now.
 */
export function canSeeAttention(actor: Actor, group: Group, membership: Membership | undefined): boolean {
  return canWatchGroup(actor, group, membership);
}

/** The organisation's admins (and platform admins) set its numbers and online form. */
export function canSetGuidance(actor: Actor, organisationId: OrganisationId): boolean {
  return canManageOrganisation(actor, organisationId);
}

/**
 * Anyone who deals with the organisation reads its guidance: its admins and verified people, and
 * members of its groups (`inOneOfItsGroups`: an active or pending membership in one of them).
 */
export function canReadGuidance(
  actor: Actor,
  organisationId: OrganisationId,
  inOneOfItsGroups: boolean,
): boolean {
  return (
    canManageOrganisation(actor, organisationId) ||
    actor.affiliations.some((a) => a.organisationId === organisationId) ||
    inOneOfItsGroups
  );
}
