// Who may do what with missing-person alerts: raise one, report a sighting, see reporters, read the record.
import type { Actor } from '../model/actor.js';
import type { Membership } from '../model/entities.js';
import type { OrganisationId } from '../model/ids.js';

const isOfficerOfAny = (actor: Actor): boolean => actor.affiliations.some((a) => a.affiliation === 'officer');

/**
 * Officers publish a missing-person alert; an active admin or moderator of the group it is raised in
 * may too, pending police confirmation. A family member releasing a Herbert Protocol profile is vouched
 * for by the profile's own policy, not here.
 */
export function canRaiseMissingAlert(actor: Actor, membership: Membership | undefined): boolean {
  if (isOfficerOfAny(actor)) return true;
  return membership?.status === 'active' && (membership.role === 'admin' || membership.role === 'moderator');
}

/** Any active member of a group where the alert is shown reports a sighting from that group. */
export function canReportSighting(membership: Membership | undefined): boolean {
  return membership?.status === 'active';
}

/** Officers see who reported each sighting (person and badges); members see display names only. */
export function canSeeSightingReporters(actor: Actor): boolean {
  return isOfficerOfAny(actor);
}

/**
 * The record kept after a missing person is found (their details and the sightings as reported) is
 * for officers of the organisation that owns the alert's group, and nobody else.
 */
export function canReadMissingRecord(actor: Actor, organisationId: OrganisationId): boolean {
  return actor.affiliations.some((a) => a.organisationId === organisationId && a.affiliation === 'officer');
}

/**
 * Deleting a record before its organisation's rule would: an officer of that organisation, or one of
 * its admins. Platform admins are not among them: the record is the organisation's.
 */
export function canDeleteMissingRecord(actor: Actor, organisationId: OrganisationId): boolean {
  return actor.affiliations.some(
    (a) => a.organisationId === organisationId && (a.affiliation === 'officer' || a.isAdmin),
  );
}
