// Runs one `fellwatch` command line: picks the command, parses its flags, prints the outcome, maps failures to exit codes.
import { DomainError } from '@fellwatch/core';
import { loadConfig } from '@fellwatch/server';
import { parseFlags, UsageError, type Values } from './arguments.js';
import { COMMANDS, type Command } from './commands/index.js';
import { type CliIo, createContext } from './context.js';

/** Exit codes: success, an action refused (or failed), and a command line that makes no sense. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** The overview shown by `fellwatch --help` and after an unknown command. */
export function generalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: fellwatch <command> [flags]

Commands:
${list}

Run "fellwatch <command> --help" for a command's flags. Every command takes --json for
machine-readable output. Exit codes: 0 done, 1 refused or failed (reason on stderr), 2 usage error.

Configuration comes from the same environment variables as the server:
  DATA_DIR       the server's data folder (SQLite store, secret key); default ./data
  DATABASE_URL   a postgres:// URL to use PostgreSQL instead of SQLite
  PUBLIC_URL     the address people use, for invite and setup links
  SECRET_KEY     the server's token key; unset, the key file in DATA_DIR is used
  PROFILE_KEYS   the keys that seal Herbert Protocol profiles, when the server sets them
  REDIS_URL      set when the servers fan out through Redis, so they hear of changes made here
`;
}

/** Runs a command line (without the program name) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalUsage());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(command ? `${command.usage}\n` : generalUsage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`fellwatch: unknown command "${name}".\n\n${generalUsage()}`);
    return EXIT.usage;
  }

  let values: Values;
  try {
    values = parseFlags(rest, command.options);
  } catch (error) {
    return report(command, error, false, io);
  }
  if (values.help === true) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  const json = values.json === true;

  let context: ReturnType<typeof createContext> | undefined;
  try {
    context = createContext(loadConfig(io.env), io);
    const outcome = await command.run(values, context);
    io.stdout(json ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${outcome.text}\n`);
    return EXIT.ok;
  } catch (error) {
    return report(command, error, json, io);
  } finally {
    // The outcome is already committed and printed; a failure to close is worth a warning only.
    await context
      ?.close()
      .catch((error: unknown) => io.stderr(`fellwatch: while closing: ${String(error)}\n`));
  }
}

// Prints why a command did not run and chooses its exit code.
function report(command: Command, error: unknown, json: boolean, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`fellwatch ${command.name}: ${error.message}\n\nUsage: ${command.usage}\n`);
    return EXIT.usage;
  }
  const code = error instanceof DomainError ? error.code : 'failed';
  const message = error instanceof Error ? error.message : String(error);
  const field = error instanceof DomainError ? error.field : undefined;
  if (json) {
    io.stderr(`${JSON.stringify({ error: { code, message, ...(field ? { field } : {}) } })}\n`);
  } else {
    io.stderr(`fellwatch ${command.name}: ${message}\n`);
  }
  return EXIT.refused;
}
