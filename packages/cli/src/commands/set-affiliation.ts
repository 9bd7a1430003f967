// `fellwatch set-affiliation`: verify a person as an organisation's officer, staff or partner, or make them its admin.
import { type Affiliation, setAffiliation as setAffiliationAction } from '@fellwatch/core';
import { ACTOR_OPTIONS, flag, oneOf, optional, required } from '../arguments.js';
import { actingAdmin, findOrganisation } from '../lookup.js';
import { affiliationOutput } from '../output.js';
import type { Command } from './command.js';

const CHOICES = ['officer', 'staff', 'partner', 'none'] as const;

/** Sets a person's affiliation and admin flag in an organisation. */
export const setAffiliation: Command = {
  name: 'set-affiliation',
  summary: "Set a person's affiliation with an organisation, and whether they administer it",
  usage: `fellwatch set-affiliation --org ID_OR_NAME --email E --affiliation officer|staff|partner|none [--org-admin] [--as EMAIL] [--json]

  --org ID_OR_NAME   the organisation, by id or name
  --email E          the person's account email (they must have an account)
  --affiliation A    officer, staff or partner (a badge members see), or none
  --org-admin        they administer the organisation; "none" without --org-admin removes them from it
  --as EMAIL         the platform admin to act as (default: the oldest)`,
  options: {
    org: { type: 'string' },
    email: { type: 'string' },
    affiliation: { type: 'string' },
    'org-admin': { type: 'boolean' },
    ...ACTOR_OPTIONS,
  },
  async run(values, context) {
    const orgName = required(values, 'org');
    const email = required(values, 'email');
    const choice = oneOf(required(values, 'affiliation'), 'affiliation', CHOICES);
    const affiliation: Affiliation | null = choice === 'none' ? null : choice;
    const isAdmin = flag(values, 'org-admin');
    const ports = await context.ports();
    const actor = await actingAdmin(ports.store, optional(values, 'as'));
    const organisation = await findOrganisation(ports.store, orgName);
    const member = await setAffiliationAction(ports, actor, organisation.id, { email, affiliation, isAdmin });
    if (!member) {
      return {
        text: `${email} no longer belongs to ${organisation.name}.`,
        json: { organisation: { id: organisation.id, name: organisation.name }, member: null },
      };
    }
    const standing = [member.affiliation ?? 'no badge', ...(member.isAdmin ? ['organisation admin'] : [])];
    return {
      text: `${email} in ${organisation.name}: ${standing.join(', ')}.`,
      json: {
        organisation: { id: organisation.id, name: organisation.name },
        member: affiliationOutput(member),
      },
    };
  },
};
