// `fellwatch create-group`: a watch group in an organisation, with its area, vetting questions and first admins.
import { addMember, createGroup as createGroupAction, DomainError, type GroupArea } from '@fellwatch/core';
import { ACTOR_OPTIONS, decimal, optional, repeated, required, UsageError } from '../arguments.js';
import { actingAdmin, findOrganisation } from '../lookup.js';
import { groupOutput } from '../output.js';
import type { Command } from './command.js';

/** Creates a watch group and appoints its admins. */
export const createGroup: Command = {
  name: 'create-group',
  summary: 'Create a watch group, optionally with an area, vetting questions and admins',
  usage: `fellwatch create-group --org ID_OR_NAME --name N [--description D] [--rules R]
    [--centre LAT,LNG --radius-km K] [--question Q]... [--admin EMAIL]... [--as EMAIL] [--json]

  --org ID_OR_NAME   the organisation that runs the group, by id or name
  --name N           the group's name
  --description D    what the group is for
  --rules R          the group's rules, shown before joining
  --centre LAT,LNG   centre of the group's area in decimal degrees (with --radius-km)
  --radius-km K      radius of the area in kilometres (with --centre)
  --question Q       a vetting question people answer when they ask to join (repeatable)
  --admin EMAIL      an existing account to make the group's admin (repeatable)
  --as EMAIL         the platform admin to act as (default: the oldest)`,
  options: {
    org: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    rules: { type: 'string' },
    centre: { type: 'string' },
    'radius-km': { type: 'string' },
    question: { type: 'string', multiple: true },
    admin: { type: 'string', multiple: true },
    ...ACTOR_OPTIONS,
  },
  async run(values, context) {
    const orgName = required(values, 'org');
    const name = required(values, 'name');
    const area = areaFrom(optional(values, 'centre'), optional(values, 'radius-km'));
    const vettingQuestions = repeated(values, 'question');
    const adminEmails = repeated(values, 'admin').map((email) => email.trim().toLowerCase());
    const ports = await context.ports();
    const actor = await actingAdmin(ports.store, optional(values, 'as'));
    const organisation = await findOrganisation(ports.store, orgName);
    // Check every admin has an account first, so a typo does not leave a group without its admins.
    for (const email of adminEmails) {
      if (!(await ports.store.getUserByEmail(email)))
        throw new DomainError(
          'not_found',
          `No account with the email ${email}; it must exist before it can be made an admin.`,
          'admin',
        );
    }
    const description = optional(values, 'description');
    const rules = optional(values, 'rules');
    const { group } = await createGroupAction(ports, actor, {
      organisationId: organisation.id,
      name,
      ...(description !== undefined ? { description } : {}),
      ...(rules !== undefined ? { rules } : {}),
      area,
      vettingQuestions,
    });
    const admins = [];
    for (const email of new Set(adminEmails)) {
      const membership = await addMember(ports, actor, group.id, { email, role: 'admin' });
      admins.push({ userId: membership.userId, email, role: membership.role });
    }
    const lines = [`Created group ${group.name} in ${organisation.name}: ${group.id}`];
    for (const admin of admins) lines.push(`Admin: ${admin.email}`);
    return { text: lines.join('\n'), json: { group: groupOutput(group), admins } };
  },
};

// A circle needs both its centre and its radius; neither means the group has no area.
function areaFrom(centre: string | undefined, radius: string | undefined): GroupArea | null {
  if (centre === undefined && radius === undefined) return null;
  if (centre === undefined || radius === undefined)
    throw new UsageError('--centre and --radius-km go together.');
  const parts = centre.split(',');
  if (parts.length !== 2)
    throw new UsageError(`--centre must be LAT,LNG in decimal degrees, got "${centre}".`);
  return {
    kind: 'circle',
    centre: { lat: decimal(parts[0] ?? '', 'centre'), lng: decimal(parts[1] ?? '', 'centre') },
    radiusKm: decimal(radius, 'radius-km'),
  };
}
