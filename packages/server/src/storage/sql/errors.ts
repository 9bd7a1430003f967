// Turns database constraint errors from either engine into the domain's errors.
import { DomainError, fail } from '@fellwatch/core';

interface DriverError {
  code?: unknown;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as DriverError).code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a unique or primary-key violation (SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True for a foreign-key violation (SQLite's SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL's 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Maps a driver error to a DomainError where one applies: a unique violation is a conflict, a
 * reference to a missing row is not_found. Anything else is returned unchanged.
 */
export function toDomainError(
  error: unknown,
  conflictMessage = 'That already exists.',
  field?: string,
): unknown {
  if (error instanceof DomainError) return error;
  if (isUniqueViolation(error)) return fail.conflict(conflictMessage, field);
  if (isForeignKeyViolation(error)) return fail.notFound('A referenced record');
  return error;
}

/** Runs a write and rethrows constraint violations as DomainErrors. */
export async function guarded<T>(
  write: () => Promise<T>,
  conflictMessage?: string,
  field?: string,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toDomainError(error, conflictMessage, field);
  }
}
