// Invite links: a group's admins make, list and withdraw them; whoever holds one previews the group and asks to join.
import {
  acceptInvite,
  createInvite,
  type GroupId,
  type InviteId,
  listInvites,
  previewInvite,
  revokeInvite,
} from '@fellwatch/core';
import {
  AcceptedInvite,
  AcceptInvite,
  CreatedInvite,
  CreateInvite,
  Id,
  InviteList,
  InvitePreview,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { presentInvite, presentInvitePreview } from '../../../presenters/group.js';
import type { Api } from '../api.js';
import { setSessionCookie } from '../auth.js';

const GroupParams = z.object({ groupId: Id });
const InviteParams = z.object({ groupId: Id, inviteId: Id });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/** Looks at an invite link: generous enough for a family sharing one link, low enough to stop guessing. */
export const PREVIEWS_PER_MINUTE = 30;
/** Asks to join through an invite link. */
export const ACCEPTS_PER_MINUTE = 10;

const TOKEN_ROUTES = '/api/v1/invites/';

/** Registers the invites endpoints. */
export function registerInviteRoutes(api: Api): void {
  const { ports, config } = api.ctx;

  // The token is a secret in the URL: keep it out of search engines and other sites' logs on every
  // answer, including refusals and rate limits.
  api.app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(TOKEN_ROUTES)) {
      reply.header('x-robots-tag', 'noindex, nofollow');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
    }
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/invites',
    summary: "A group's invite links, newest first, without their secret tokens (group admins)",
    tag: 'invites',
    auth: 'required',
    params: GroupParams,
    responses: { 200: InviteList },
    handler: async ({ actor, params }) => ({
      invites: (await listInvites(ports, actor, params.groupId as GroupId)).map(presentInvite),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/invites',
    summary: 'Make an invite link; its token is shown only in this answer (group admins)',
    tag: 'invites',
    auth: 'required',
    params: GroupParams,
    body: CreateInvite,
    responses: { 201: CreatedInvite },
    handler: async ({ actor, params, body, reply }) => {
      const { invite, token } = await createInvite(ports, actor, params.groupId as GroupId, body);
      reply.status(201);
      return { invite: presentInvite(invite), token, url: `${config.publicUrl}/join/${token}` };
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/groups/:groupId/invites/:inviteId',
    summary: 'Withdraw an invite link (group admins)',
    tag: 'invites',
    auth: 'required',
    params: InviteParams,
    responses: { 204: null },
    handler: async ({ actor, params }) => {
      await revokeInvite(ports, actor, params.groupId as GroupId, params.inviteId as InviteId);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/invites/:token',
    summary:
      'What an invite link leads to: the group, its rules and its vetting questions (410 once unusable)',
    tag: 'invites',
    auth: 'none',
    params: TokenParams,
    perMinute: PREVIEWS_PER_MINUTE,
    responses: { 200: InvitePreview },
    handler: async ({ params }) => presentInvitePreview(await previewInvite(ports, params.token)),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/invites/:token/accept',
    summary:
      'Ask to join through an invite: answers to the vetting questions, and a new account unless signed in',
    tag: 'invites',
    auth: 'optional',
    params: TokenParams,
    body: AcceptInvite,
    perMinute: ACCEPTS_PER_MINUTE,
    responses: { 200: AcceptedInvite },
    handler: async ({ actor, params, body, reply }) => {
      const accepted = await acceptInvite(ports, actor, params.token, body);
      if (accepted.session)
        setSessionCookie(reply, config, accepted.session.token, accepted.session.expiresAt);
      return { groupId: accepted.membership.groupId, status: accepted.membership.status };
    },
  });
}
