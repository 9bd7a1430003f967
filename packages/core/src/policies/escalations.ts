// Who may do what: escalations. Handing something to the police, and reading what was handed over,
// is for the people who answer for a group: its admins and moderators, and police officers.
import type { Actor } from '../model/actor.js';
import type { Group, Membership } from '../model/entities.js';
import type { OrganisationId, UserId } from '../model/ids.js';
import { canDecideMembers, canManageOrganisation, isActiveMember, isOfficer } from './index.js';

/** True when the actor is a verified officer of this organisation. */
export function isOfficerOf(actor: Actor, organisationId: OrganisationId): boolean {
  return actor.affiliations.some((a) => a.organisationId === organisationId && a.affiliation === 'officer');
}

/**
 * Escalating a message or alert to 999, 101 or an online report: an active admin or moderator of the
 * group, or an officer who is an active member of it. Plain members report to the police themselves.
 */
export function canEscalate(actor: Actor, membership: Membership | undefined): boolean {
  if (!isActiveMember(membership)) return false;
  return membership.role === 'admin' || membership.role === 'moderator' || isOfficer(actor);
}

/**
 * Reading a group's escalations and recording their references, statuses and outcomes: the group's
 * managers and moderators, officers who are active members, and officers of the owning organisation.
 * A member removed from the group loses this at once.
 */
export function canHandleGroupEscalations(
  actor: Actor,
  group: Group,
  membership: Membership | undefined,
): boolean {
  return (
    canDecideMembers(actor, group, membership) ||
    (isActiveMember(membership) && isOfficer(actor)) ||
    isOfficerOf(actor, group.organisationId)
  );
}

/** Reading every escalation of an organisation's groups: its admins (and platform admins) and its officers. */
export function canSeeOrganisationEscalations(actor: Actor, organisationId: OrganisationId): boolean {
  return canManageOrganisation(actor, organisationId) || isOfficerOf(actor, organisationId);
}

/**
 * Posting "what happened next" back to the group: someone who handles the group's escalations and can
 * post there (an active member), so the update comes from a face the group knows.
 */
export function canPostEscalationBack(
  actor: Actor,
  group: Group,
  membership: Membership | undefined,
): boolean {
  return isActiveMember(membership) && canHandleGroupEscalations(actor, group, membership);
}

/** Only the reporter gives (or withdraws) consent to share their own contact details with the police. */
export function canGiveContactConsent(actor: Actor, escalation: { reporterId: UserId }): boolean {
  return escalation.reporterId === actor.user.id;
}
