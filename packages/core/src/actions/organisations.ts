// Organisations (forces, charities, councils) and the people they verify: affiliations and admins.
import type { Actor } from '../model/actor.js';
import type {
  Affiliation,
  Organisation,
  OrganisationKind,
  OrganisationMember,
  User,
} from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { EpochMs, OrganisationId, UserId } from '../model/ids.js';
import { canCreateOrganisation, canManageOrganisation } from '../policies/index.js';
import type { Ports } from '../ports/index.js';

const KINDS: readonly OrganisationKind[] = ['police', 'charity', 'council', 'other'];
const AFFILIATIONS: readonly Affiliation[] = ['officer', 'staff', 'partner'];

/** What it takes to create an organisation. */
export interface NewOrganisationInput {
  name: string;
  kind: OrganisationKind;
}

/** An organisation admin's decision about one person, found by their exact email. */
export interface AffiliationInput {
  email: string;
  /** null: no public badge (an admin who is not an officer, staff or partner). */
  affiliation: Affiliation | null;
  isAdmin: boolean;
}

/** A person in an organisation as its admins see them: their standing and their account. */
export interface PersonInOrganisation {
  member: OrganisationMember;
  user: User;
}

/** Creates an organisation (platform admins only); conflict on a duplicate name. */
export async function createOrganisation(
  ports: Pick<Ports, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  input: NewOrganisationInput,
): Promise<Organisation> {
  if (!canCreateOrganisation(actor)) throw fail.forbidden('Only platform admins create organisations.');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) throw fail.invalid('name: between 2 and 120 characters.', 'name');
  if (!KINDS.includes(input.kind)) throw fail.invalid(`kind: one of ${KINDS.join(', ')}.`, 'kind');
  const organisation: Organisation = {
    id: ports.ids.next() as OrganisationId,
    name,
    kind: input.kind,
    createdAt: ports.clock.now(),
  };
  await ports.store.createOrganisation(organisation);
  await ports.store.appendAudit(
    auditOf(
      actor,
      'organisation.created',
      organisation.id,
      { name, kind: input.kind },
      organisation.createdAt,
    ),
  );
  return organisation;
}

/** Every organisation for a platform admin; for anyone else, the ones they belong to. By name. */
export async function listOrganisationsFor(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
): Promise<Organisation[]> {
  if (actor.user.isPlatformAdmin) return ports.store.listOrganisations();
  const found = await Promise.all(
    actor.affiliations.map((a) => ports.store.getOrganisation(a.organisationId)),
  );
  return found.filter((o): o is Organisation => o !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Sets a person's affiliation and admin flag in an organisation (platform admins and that
 * organisation's admins). No affiliation and no admin flag removes them from it.
 */
export async function setAffiliation(
  ports: Pick<Ports, 'store' | 'clock'>,
  actor: Actor,
  organisationId: OrganisationId,
  input: AffiliationInput,
): Promise<OrganisationMember | undefined> {
  await managedOrganisation(ports, actor, organisationId);
  if (input.affiliation !== null && !AFFILIATIONS.includes(input.affiliation)) {
    throw fail.invalid(`affiliation: one of ${AFFILIATIONS.join(', ')}, or none.`, 'affiliation');
  }
  const user = await ports.store.getUserByEmail(input.email.trim().toLowerCase());
  if (!user) throw new DomainError('not_found', 'No account with that email.', 'email');
  if (input.affiliation === null && !input.isAdmin) {
    await removeAffiliation(ports, actor, organisationId, user.id);
    return undefined;
  }
  const now = ports.clock.now();
  const member: OrganisationMember = {
    organisationId,
    userId: user.id,
    affiliation: input.affiliation,
    isAdmin: input.isAdmin,
    verifiedBy: actor.user.id,
    verifiedAt: now,
  };
  await ports.store.transaction(async (tx) => {
    if (!input.isAdmin) keepAnAdmin(actor, await tx.listOrganisationMembers(organisationId), user.id);
    await tx.putOrganisationMember(member);
    await tx.appendAudit(
      auditOf(
        actor,
        'organisation.affiliation_set',
        organisationId,
        {
          userId: user.id,
          affiliation: input.affiliation,
          isAdmin: input.isAdmin,
        },
        now,
      ),
    );
  });
  return member;
}

/** Removes a person from an organisation (platform admins and that organisation's admins). */
export async function removeAffiliation(
  ports: Pick<Ports, 'store' | 'clock'>,
  actor: Actor,
  organisationId: OrganisationId,
  userId: UserId,
): Promise<void> {
  await managedOrganisation(ports, actor, organisationId);
  const now = ports.clock.now();
  await ports.store.transaction(async (tx) => {
    const members = await tx.listOrganisationMembers(organisationId);
    if (!members.some((m) => m.userId === userId)) throw fail.notFound('Person');
    keepAnAdmin(actor, members, userId);
    await tx.removeOrganisationMember(organisationId, userId);
    await tx.appendAudit(auditOf(actor, 'organisation.affiliation_removed', organisationId, { userId }, now));
  });
}

/** The organisation's people with their accounts (platform admins and that organisation's admins). */
export async function listOrganisationPeople(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  organisationId: OrganisationId,
): Promise<PersonInOrganisation[]> {
  await managedOrganisation(ports, actor, organisationId);
  const members = await ports.store.listOrganisationMembers(organisationId);
  const people: PersonInOrganisation[] = [];
  for (const member of members) {
    const user = await ports.store.getUser(member.userId);
    if (user) people.push({ member, user });
  }
  return people;
}

/**
 * Loads an organisation the actor manages. One they are not in answers "not found", so its existence
 * cannot be probed; one they are in without being an admin answers "forbidden".
 */
async function managedOrganisation(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  organisationId: OrganisationId,
): Promise<Organisation> {
  const organisation = await ports.store.getOrganisation(organisationId);
  if (!organisation) throw fail.notFound('Organisation');
  if (canManageOrganisation(actor, organisationId)) return organisation;
  if (actor.affiliations.some((a) => a.organisationId === organisationId)) {
    throw fail.forbidden("Only this organisation's admins manage its people.");
  }
  throw fail.notFound('Organisation');
}

// An organisation admin may not leave their organisation without any admin; platform admins may.
function keepAnAdmin(actor: Actor, members: OrganisationMember[], losing: UserId): void {
  if (actor.user.isPlatformAdmin) return;
  const admins = members.filter((m) => m.isAdmin);
  if (admins.length === 1 && admins[0]?.userId === losing) {
    throw fail.conflict('The organisation needs at least one other admin first.', 'isAdmin');
  }
}

function auditOf(
  actor: Actor,
  action: string,
  organisationId: OrganisationId,
  detail: Record<string, unknown>,
  at: EpochMs,
) {
  return {
    actorId: actor.user.id,
    action,
    subjectType: 'organisation',
    subjectId: organisationId,
    groupId: null,
    detail,
    at,
  };
}
