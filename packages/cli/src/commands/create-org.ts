// `fellwatch create-org`: an organisation (a force, a charity, a council) created by a platform admin.
import { createOrganisation, type OrganisationKind } from '@fellwatch/core';
import { ACTOR_OPTIONS, oneOf, optional, required } from '../arguments.js';
import { actingAdmin } from '../lookup.js';
import { organisationOutput } from '../output.js';
import type { Command } from './command.js';

const KINDS: readonly OrganisationKind[] = ['police', 'charity', 'council', 'other'];

/** Creates an organisation. */
export const createOrg: Command = {
  name: 'create-org',
  summary: 'Create an organisation',
  usage: `fellwatch create-org --name N --kind police|charity|council|other [--as EMAIL] [--json]

  --name N      the organisation's name (unique)
  --kind K      police, charity, council or other
  --as EMAIL    the platform admin to act as (default: the oldest)`,
  options: { name: { type: 'string' }, kind: { type: 'string' }, ...ACTOR_OPTIONS },
  async run(values, context) {
    const name = required(values, 'name');
    const kind = oneOf(required(values, 'kind'), 'kind', KINDS);
    const ports = await context.ports();
    const actor = await actingAdmin(ports.store, optional(values, 'as'));
    const organisation = await createOrganisation(ports, actor, { name, kind });
    return {
      text: `Created organisation ${organisation.name} (${organisation.kind}): ${organisation.id}`,
      json: { organisation: organisationOutput(organisation) },
    };
  },
};
