// Presents a person's own account and API tokens: the only responses that carry their email and phone.
import type { Actor, Organisation, OrganisationId, Session, Store } from '@fellwatch/core';
import type { ApiTokenView, Me } from '@fellwatch/protocol';
import type { z } from 'zod';

/** The signed-in person's view of themselves, with the names of their organisations. */
export function presentMe(actor: Actor, organisations: ReadonlyMap<OrganisationId, Organisation>): Me {
  const { user } = actor;
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    isPlatformAdmin: user.isPlatformAdmin,
    organisations: actor.affiliations.flatMap((a) => {
      const organisation = organisations.get(a.organisationId);
      if (!organisation) return [];
      return [
        {
          organisationId: a.organisationId,
          organisationName: organisation.name,
          affiliation: a.affiliation,
          isAdmin: a.isAdmin,
        },
      ];
    }),
  };
}

/** Loads the organisations the actor belongs to and presents them as `{ me }`. */
export async function loadMe(store: Pick<Store, 'getOrganisation'>, actor: Actor): Promise<{ me: Me }> {
  const organisations = new Map<OrganisationId, Organisation>();
  for (const a of actor.affiliations) {
    const organisation = await store.getOrganisation(a.organisationId);
    if (organisation) organisations.set(organisation.id, organisation);
  }
  return { me: presentMe(actor, organisations) };
}

/** An API token as its owner sees it later: never the secret or its hash. */
export function presentApiToken(session: Session): z.infer<typeof ApiTokenView> {
  return { id: session.id, name: session.name, createdAt: session.createdAt, lastUsedAt: session.lastUsedAt };
}
