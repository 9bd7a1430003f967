// Who may do what: Herbert Protocol profiles. Only the family member who filed one sees it; officers release by reference.
import type { Actor } from '../model/actor.js';
import type { StoredProfile } from '../ports/profiles.js';
import { isOfficer } from './index.js';

/**
 * Reading, changing, deleting and releasing a profile (and its photos): only the member who filed it.
 * Nobody else, officers and platform admins included, may learn that it exists.
 */
export function canOpenProfile(actor: Actor, profile: Pick<StoredProfile, 'ownerId'>): boolean {
  return profile.ownerId === actor.user.id;
}

/**
 * Releasing a profile by the reference the family gave them: verified officers only. They raise the
 * alert without ever reading the profile, and cannot list or browse profiles.
 */
export function canReleaseProfileByReference(actor: Actor): boolean {
  return isOfficer(actor);
}
