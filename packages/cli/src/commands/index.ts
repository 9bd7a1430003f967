// Every `fellwatch` command, in the order the help lists them.
import { backup } from './backup.js';
import type { Command } from './command.js';
import { createAdmin } from './create-admin.js';
import { createGroup } from './create-group.js';
import { createInvite } from './create-invite.js';
import { createOrg } from './create-org.js';
import { importPostcodesCommand } from './import-postcodes.js';
import { migrate } from './migrate.js';
import { resealProfilesCommand } from './reseal-profiles.js';
import { setAffiliation } from './set-affiliation.js';
import { setupLink } from './setup-link.js';
import { sweepRecordsCommand } from './sweep-records.js';

export type { Command, Outcome } from './command.js';

/** The commands by name. */
export const COMMANDS: readonly Command[] = [
  createAdmin,
  createOrg,
  setAffiliation,
  createGroup,
  createInvite,
  importPostcodesCommand,
  migrate,
  backup,
  resealProfilesCommand,
  sweepRecordsCommand,
  setupLink,
];
