// `fellwatch create-admin`: a platform admin made from the command line, with a generated password if none is given.
import { randomBytes } from 'node:crypto';
import { createPlatformAdmin } from '@fellwatch/core';
import { flag, optional, required, UsageError } from '../arguments.js';
import { userOutput } from '../output.js';
import type { Command } from './command.js';

/** Creates a platform admin. */
export const createAdmin: Command = {
  name: 'create-admin',
  summary: 'Create a platform admin (prints a generated password once if none is given)',
  usage: `fellwatch create-admin --email E --name N [--password P | --password-stdin] [--json]

  --email E          the admin's email, used to sign in
  --name N           the name other people see
  --password P       at least 10 characters (visible to other local users while it runs; prefer --password-stdin)
  --password-stdin   read the password from standard input (one trailing newline is dropped)
  Without a password, a strong one is generated and printed once.`,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run(values, context) {
    const email = required(values, 'email');
    const displayName = required(values, 'name');
    const given = optional(values, 'password');
    const fromStdin = flag(values, 'password-stdin');
    if (given !== undefined && fromStdin)
      throw new UsageError('Give --password or --password-stdin, not both.');
    let password = given;
    if (fromStdin) {
      password = (await context.io.readStdin()).replace(/\r?\n$/, '');
      if (password === '') throw new UsageError('--password-stdin read no password from standard input.');
    }
    // 18 random bytes: 144 bits, 24 characters of base64url.
    const generated = password === undefined ? randomBytes(18).toString('base64url') : undefined;
    const user = await createPlatformAdmin(await context.ports(), {
      email,
      displayName,
      password: password ?? generated ?? '',
    });
    const lines = [`Created platform admin ${user.displayName} <${user.email}> (${user.id}).`];
    if (generated) lines.push(`Password (shown only now): ${generated}`);
    return {
      text: lines.join('\n'),
      json: { user: userOutput(user), ...(generated ? { password: generated } : {}) },
    };
  },
};
