// The shape of one CLI command: its flags, its help, and what it does with a context.
import type { FlagOptions, Values } from '../arguments.js';
import type { CliContext } from '../context.js';

/** What a command reports: lines for people, and a value printed as JSON with --json. */
export interface Outcome {
  text: string;
  json: unknown;
}

/** One `fellwatch <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis and a description of each flag, shown by --help and after a usage error. */
  usage: string;
  options: FlagOptions;
  run(values: Values, context: CliContext): Promise<Outcome>;
}
