// Watch groups and their members: my groups, create and change a group, member lists, vetting decisions, roles, read cursors.
import {
  type Actor,
  addMember,
  createGroup,
  DomainError,
  decideMember,
  type GroupId,
  getGroup,
  listMembers,
  listMyGroups,
  markRead,
  type OrganisationId,
  setMemberRole,
  type UserId,
  updateGroup,
} from '@fellwatch/core';
import {
  AddMember,
  CreateGroup,
  DecideMember,
  GroupList,
  GroupResponse,
  Id,
  MarkRead,
  MemberList,
  MembershipStatus,
  SetRole,
  UpdateGroup,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { presentGroup, presentMyGroups } from '../../../presenters/group.js';
import { presentMemberList } from '../../../presenters/member.js';
import type { Api } from '../api.js';

const GroupParams = z.object({ groupId: Id });
const MemberParams = z.object({ groupId: Id, userId: Id });
const MemberListQuery = z.object({ status: MembershipStatus.optional() });

/** Registers the groups and members endpoints. */
export function registerGroupRoutes(api: Api): void {
  const { ports } = api.ctx;

  /** The member list as the actor sees it after a change; empty when the change took away their view of it. */
  async function members(actor: Actor, groupId: GroupId) {
    try {
      return presentMemberList(await listMembers(ports, actor, groupId));
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'forbidden'))
        return { members: [] };
      throw error;
    }
  }

  api.route({
    method: 'GET',
    url: '/api/v1/groups',
    summary: 'My groups, with my role and status and how many messages I have not read',
    tag: 'groups',
    auth: 'required',
    responses: { 200: GroupList },
    handler: async ({ actor }) => presentMyGroups(await listMyGroups(ports, actor)),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups',
    summary: 'Create a watch group (platform admins and admins of the organisation)',
    tag: 'groups',
    auth: 'required',
    body: CreateGroup,
    responses: { 201: GroupResponse },
    handler: async ({ actor, body, reply }) => {
      const view = await createGroup(ports, actor, {
        ...body,
        organisationId: body.organisationId as OrganisationId,
      });
      reply.status(201);
      return { group: presentGroup(view) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId',
    summary: 'One group: for its members (active or pending) and its managers',
    tag: 'groups',
    auth: 'required',
    params: GroupParams,
    responses: { 200: GroupResponse },
    handler: async ({ actor, params }) => ({
      group: presentGroup(await getGroup(ports, actor, params.groupId as GroupId)),
    }),
  });

  api.route({
    method: 'PATCH',
    url: '/api/v1/groups/:groupId',
    summary:
      "Change a group's name, description, rules, area, vetting questions or alerts taken from outside (its managers)",
    tag: 'groups',
    auth: 'required',
    params: GroupParams,
    body: UpdateGroup,
    responses: { 200: GroupResponse },
    handler: async ({ actor, params, body }) => ({
      group: presentGroup(await updateGroup(ports, actor, params.groupId as GroupId, body)),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/members',
    summary:
      'Members: active members see active members; admins and moderators also see pending requests with answers',
    tag: 'members',
    auth: 'required',
    params: GroupParams,
    query: MemberListQuery,
    responses: { 200: MemberList },
    handler: async ({ actor, params, query }) =>
      presentMemberList(
        await listMembers(
          ports,
          actor,
          params.groupId as GroupId,
          query.status ? { status: query.status } : {},
        ),
      ),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/members',
    summary: 'Add an existing account, found by email, as an active member with a role (group managers)',
    tag: 'members',
    auth: 'required',
    params: GroupParams,
    body: AddMember,
    responses: { 200: MemberList },
    handler: async ({ actor, params, body }) => {
      const groupId = params.groupId as GroupId;
      await addMember(ports, actor, groupId, body);
      return members(actor, groupId);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/members/:userId/decision',
    summary: 'Approve or decline a pending request; remove or ban a member (group admins and moderators)',
    tag: 'members',
    auth: 'required',
    params: MemberParams,
    body: DecideMember,
    responses: { 200: MemberList },
    handler: async ({ actor, params, body }) => {
      const groupId = params.groupId as GroupId;
      await decideMember(ports, actor, groupId, params.userId as UserId, body.decision);
      return members(actor, groupId);
    },
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/groups/:groupId/members/:userId/role',
    summary: "Change an active member's role (group managers)",
    tag: 'members',
    auth: 'required',
    params: MemberParams,
    body: SetRole,
    responses: { 200: MemberList },
    handler: async ({ actor, params, body }) => {
      const groupId = params.groupId as GroupId;
      await setMemberRole(ports, actor, groupId, params.userId as UserId, body.role);
      return members(actor, groupId);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/read',
    summary: 'Record that I have read the group up to a sequence number',
    tag: 'groups',
    auth: 'required',
    params: GroupParams,
    body: MarkRead,
    responses: { 204: null },
    handler: async ({ actor, params, body }) => {
      await markRead(ports, actor, params.groupId as GroupId, body.seq);
    },
  });
}
