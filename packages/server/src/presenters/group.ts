// Presents watch groups (with the viewer's standing in them) and invites, as the protocol shapes them.
import type {
  Group,
  GroupSummary,
  GroupView,
  Invite,
  InvitePreviewView,
  MyGroupsView,
  Organisation,
} from '@fellwatch/core';
import type { InvitePreview, InviteView, MyGroup } from '@fellwatch/protocol';
import type { z } from 'zod';

/** A group as one person sees it; role and status are null for a manager who is not a member. */
export function presentGroup(view: GroupView): MyGroup {
  return {
    ...groupFields(view.group, view.organisation.name),
    myRole: view.membership?.role ?? null,
    myStatus: view.membership?.status ?? null,
    lastReadSeq: view.membership?.lastReadSeq ?? 0,
    unread: view.unread,
  };
}

/** The groups I am in, with my role, status and unread count in each, then those I only manage. */
export function presentMyGroups(view: MyGroupsView): { groups: MyGroup[] } {
  return {
    groups: [
      ...view.groups.map((summary: GroupSummary) => ({
        ...groupFields(summary.group, view.organisationNames.get(summary.group.organisationId) ?? ''),
        myRole: summary.membership.role,
        myStatus: summary.membership.status,
        lastReadSeq: summary.membership.lastReadSeq,
        unread: summary.unread,
      })),
      ...view.managed.map((group) => ({
        ...groupFields(group, view.organisationNames.get(group.organisationId) ?? ''),
        myRole: null,
        myStatus: null,
        lastReadSeq: 0,
        unread: 0,
      })),
    ].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** An invite as its group's admins see it later: never the token or its hash. */
export function presentInvite(invite: Invite): z.infer<typeof InviteView> {
  return {
    id: invite.id,
    groupId: invite.groupId,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
    uses: invite.uses,
    revokedAt: invite.revokedAt,
  };
}

/** What the holder of an invite link sees: the group's public face and its vetting questions, nothing more. */
export function presentInvitePreview(preview: InvitePreviewView): z.infer<typeof InvitePreview> {
  return {
    group: {
      name: preview.group.name,
      organisationName: preview.organisation.name,
      description: preview.group.description,
      rules: preview.group.rules,
      vettingQuestions: [...preview.group.vettingQuestions],
    },
  };
}

function groupFields(group: Group, organisationName: Organisation['name']) {
  return {
    id: group.id,
    organisationId: group.organisationId,
    organisationName,
    name: group.name,
    description: group.description,
    rules: group.rules,
    area: group.area,
    vettingQuestions: [...group.vettingQuestions],
    externalAlerts: group.externalAlerts,
    lastSeq: group.lastSeq,
    createdAt: group.createdAt,
  };
}
