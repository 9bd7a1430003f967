// The rule for found people's records, mirrored from the protocol so the bundle does not ship zod;
// record-retention.test.ts keeps them equal.

/** The fewest days an organisation may keep a found person's record. */
export const MIN_RECORD_DAYS = 30;
/** The most days an organisation may keep a found person's record: ten years. */
export const MAX_RECORD_DAYS = 3650;

/** Why the days typed cannot be sent, in the words the server would use; null when they can. */
export function recordDaysProblem(typed: string): string | null {
  const text = typed.trim();
  const days = Number(text);
  if (text !== '' && Number.isInteger(days) && days >= MIN_RECORD_DAYS && days <= MAX_RECORD_DAYS)
    return null;
  return `Keep a found person's record for a whole number of days from ${MIN_RECORD_DAYS} to ${MAX_RECORD_DAYS}.`;
}
