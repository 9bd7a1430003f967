// Reading command-line flags: node:util parseArgs with typed accessors that turn bad input into usage errors.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** The flag declarations parseArgs takes. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** A mistake in how the command was called: exit code 2, with the command's usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parsed flag values, as parseArgs returns them. */
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Flags every command accepts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagOptions;

/** Flags of the commands that act as a platform admin. */
export const ACTOR_OPTIONS = {
  as: { type: 'string' },
} as const satisfies FlagOptions;

/** Parses `args` strictly against `options` (plus the common ones); no positional arguments. */
export function parseFlags(args: readonly string[], options: FlagOptions): Values {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      strict: true,
      allowPositionals: false,
    });
    return values as Values;
  } catch (error) {
    // parseArgs reports unknown flags, missing values and stray words as coded TypeErrors.
    if (
      error instanceof TypeError &&
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/** A flag that must be given, with a non-empty value. */
export function required(values: Values, name: string): string {
  const value = optional(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required.`);
  return value;
}

/** A flag that may be left out; an empty value counts as a mistake. */
export function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} takes a value.`);
  if (value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value;
}

/** A repeatable flag's values, in the order given. */
export function repeated(values: Values, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item !== 'string') throw new UsageError(`--${name} takes a value.`);
    return item;
  });
}

/** A boolean flag. */
export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}

/** A whole number; the domain still checks its range, so a refusal names the rule. */
export function integer(text: string, name: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number, got "${text}".`);
  return Number(text);
}

/** A decimal number. */
export function decimal(text: string, name: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} must be a number, got "${text}".`);
  return value;
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(text: string, name: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === text.trim().toLowerCase());
  if (!found) throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got "${text}".`);
  return found;
}
