// `fellwatch create-invite`: an invite link to a watch group; the link is shown once, only its hash is kept.
import { createInvite as createInviteAction, type GroupId } from '@fellwatch/core';
import { ACTOR_OPTIONS, integer, optional, required } from '../arguments.js';
import { actingAdmin } from '../lookup.js';
import { inviteOutput } from '../output.js';
import type { Command } from './command.js';

/** Makes an invite link for a group. */
export const createInvite: Command = {
  name: 'create-invite',
  summary: 'Make an invite link to a watch group (printed once)',
  usage: `fellwatch create-invite --group ID --expires-hours H --max-uses M [--as EMAIL] [--json]

  --group ID          the group's id
  --expires-hours H   how long the link works, 1 to 2160 hours
  --max-uses M        how many people may use it, 1 to 10000
  --as EMAIL          the platform admin to act as (default: the oldest)`,
  options: {
    group: { type: 'string' },
    'expires-hours': { type: 'string' },
    'max-uses': { type: 'string' },
    ...ACTOR_OPTIONS,
  },
  async run(values, context) {
    const groupId = required(values, 'group').trim() as GroupId;
    const expiresInHours = integer(required(values, 'expires-hours'), 'expires-hours');
    const maxUses = integer(required(values, 'max-uses'), 'max-uses');
    const ports = await context.ports();
    const actor = await actingAdmin(ports.store, optional(values, 'as'));
    const { invite, token } = await createInviteAction(ports, actor, groupId, { expiresInHours, maxUses });
    const url = `${context.config.publicUrl}/join/${token}`;
    const until = new Date(invite.expiresAt).toISOString();
    return {
      text: `${url}\nValid until ${until} for up to ${invite.maxUses} uses. The link is shown only now.`,
      json: { invite: inviteOutput(invite), token, url },
    };
  },
};
