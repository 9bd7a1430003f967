// Presents organisations and, to their admins, the people they have verified.
import type { Organisation, PersonInOrganisation } from '@fellwatch/core';
import type { OrganisationPerson, Organisation as OrganisationView } from '@fellwatch/protocol';
import type { z } from 'zod';

/** An organisation as anyone who may list it sees it. */
export function presentOrganisation(organisation: Organisation): OrganisationView {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    createdAt: organisation.createdAt,
  };
}

/** A person as their organisation's admins see them: with the email they were verified by. */
export function presentOrganisationPerson(person: PersonInOrganisation): z.infer<typeof OrganisationPerson> {
  return {
    userId: person.user.id,
    displayName: person.user.displayName,
    email: person.user.email,
    affiliation: person.member.affiliation,
    isAdmin: person.member.isAdmin,
    verifiedAt: person.member.verifiedAt,
  };
}
