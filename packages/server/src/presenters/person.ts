// Presents people as other members see them: a display name and verified badges, nothing private.
import type { PublicProfile } from '@fellwatch/core';
import type { PublicPerson } from '@fellwatch/protocol';

/** Name shown for an author whose account no longer exists. */
export const FORMER_MEMBER = 'Former member';

/** A person's public face: id, display name and badges, copied field by field so nothing else leaks. */
export function presentPerson(profile: PublicProfile): PublicPerson {
  return {
    id: profile.id,
    displayName: profile.displayName,
    badges: profile.badges.map((b) => ({
      organisationId: b.organisationId,
      organisationName: b.organisationName,
      affiliation: b.affiliation,
    })),
  };
}

/** The public face of an account that is gone: the id stays (messages still group by it), nothing else. */
export function presentFormerMember(id: string): PublicPerson {
  return { id, displayName: FORMER_MEMBER, badges: [] };
}
