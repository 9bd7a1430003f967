// Records as the CLI prints them with --json: what an operator needs, never a password hash or token hash.
import type { Group, Invite, Organisation, OrganisationMember, User } from '@fellwatch/core';

/** An account without its password hash. */
export function userOutput(user: User) {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    createdAt: user.createdAt,
  };
}

/** An organisation. */
export function organisationOutput(organisation: Organisation) {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    createdAt: organisation.createdAt,
  };
}

/** A person's standing in an organisation. */
export function affiliationOutput(member: OrganisationMember) {
  return {
    organisationId: member.organisationId,
    userId: member.userId,
    affiliation: member.affiliation,
    isAdmin: member.isAdmin,
    verifiedBy: member.verifiedBy,
    verifiedAt: member.verifiedAt,
  };
}

/** A watch group's details. */
export function groupOutput(group: Group) {
  return {
    id: group.id,
    organisationId: group.organisationId,
    name: group.name,
    description: group.description,
    rules: group.rules,
    area: group.area,
    vettingQuestions: group.vettingQuestions,
    createdAt: group.createdAt,
  };
}

/** An invite without its token hash. */
export function inviteOutput(invite: Invite) {
  return {
    id: invite.id,
    groupId: invite.groupId,
    createdBy: invite.createdBy,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
  };
}
