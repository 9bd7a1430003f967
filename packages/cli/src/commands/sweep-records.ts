// `fellwatch sweep-records`: deletes now the records of found people past their organisation's rule, as the server does every hour.
import { sweepExpiredRecords } from '@fellwatch/core';
import type { Command } from './command.js';

const count = (n: number) => n.toLocaleString('en-GB');

/** Runs the retention sweep of found people's records once. */
export const sweepRecordsCommand: Command = {
  name: 'sweep-records',
  summary:
    "Delete the records of found people kept past their organisation's rule, with their photos (the server does this hourly)",
  usage: `fellwatch sweep-records [--json]

  Deletes every record of a found person whose organisation's rule ("Keep a found person's record for
  ... days", 365 unless its admins set another) has run out, with its photos, writing each deletion to
  the audit log. The server does this every hour; it is safe to run while servers run. A record whose
  photos could not be removed is kept whole for the next sweep, and the command exits 1 naming it.`,
  options: {},
  async run(_values, context) {
    const result = await sweepExpiredRecords(await context.ports());
    const deleted = result.deleted.length;
    const done =
      deleted === 0
        ? 'No records were due for deletion.'
        : `Deleted ${count(deleted)} record${deleted === 1 ? '' : 's'} of found people, with their photos.`;
    if (result.failed.length > 0) {
      const reasons = result.failed.map(
        ({ alertId, error }) =>
          `  alert ${alertId}: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new Error(
        `${done} ${count(result.failed.length)} could not be deleted and are kept for the next sweep:\n${reasons.join('\n')}`,
      );
    }
    return { text: done, json: { deleted, alertIds: result.deleted } };
  },
};
