// `fellwatch setup-link`: a fresh one-time link for creating the first platform admin in the browser.
import { DomainError, ensureSetupToken } from '@fellwatch/core';
import type { Command } from './command.js';

/** Prints a new setup link while there is no platform admin. */
export const setupLink: Command = {
  name: 'setup-link',
  summary: 'Print a fresh one-time link to create the first platform admin (while there is none)',
  usage: `fellwatch setup-link [--json]

  Replaces any earlier setup link, including the one the server printed when it started.`,
  options: {},
  async run(_values, context) {
    const token = await ensureSetupToken(await context.ports());
    if (token === undefined) {
      throw new DomainError(
        'conflict',
        'A platform admin already exists, so there is no setup link; add admins with create-admin.',
      );
    }
    const url = `${context.config.publicUrl}/setup?token=${token}`;
    return {
      text: `${url}\nThis link creates the first platform admin; any earlier setup link no longer works.`,
      json: { url, token },
    };
  },
};
