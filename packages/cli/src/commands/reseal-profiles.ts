// `fellwatch reseal-profiles`: seals every Herbert Protocol profile and photo again under the current key, so an old key can be retired.
import { DomainError, type ResealCounts, type ResealResult, resealProfiles } from '@fellwatch/core';
import { CryptoSecrets } from '@fellwatch/server';
import { flag } from '../arguments.js';
import type { CliIo } from '../context.js';
import type { Command } from './command.js';

/** Most ids of unopened values listed in the summary; --json lists them all. */
const IDS_SHOWN = 20;

/** Re-seals profiles and their photos onto the current key version. */
export const resealProfilesCommand: Command = {
  name: 'reseal-profiles',
  summary:
    'Seal every Herbert Protocol profile and photo again under the current key (after PROFILE_KEYS changes)',
  usage: `fellwatch reseal-profiles [--quiet] [--json]

  --quiet   no progress on stderr
  Opens each profile and profile photo with the key it was sealed under (any version in PROFILE_KEYS, or
  the server key) and seals it again under the current version, the highest in PROFILE_KEYS. Those already
  current are left alone, and each is replaced on its own, so it is safe to run while the server runs, to
  stop, and to run again. Those that open with no key held are counted and left as they are. Once nothing
  is left under an old version, that version can be removed from PROFILE_KEYS.`,
  options: { quiet: { type: 'boolean' } },
  async run(values, context) {
    const ports = await context.ports();
    const { secrets } = ports;
    if (!(secrets instanceof CryptoSecrets)) {
      throw new DomainError(
        'invalid',
        "Re-sealing needs the server's keys: run with its SECRET_KEY (or its DATA_DIR) and PROFILE_KEYS.",
      );
    }
    const progress = flag(values, 'quiet') ? undefined : progressLine(context.io);
    const result = await resealProfiles(ports, {
      isCurrent: (sealed) => secrets.isCurrent(sealed),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.finish();
    return { text: summary(secrets.keyVersion, result), json: { keyVersion: secrets.keyVersion, ...result } };
  },
};

const count = (n: number) => n.toLocaleString('en-GB');

function counts(c: ResealCounts): string {
  return `${count(c.resealed)} resealed, ${count(c.current)} already current, ${count(c.unopenable)} could not be opened`;
}

function summary(keyVersion: number, result: ResealResult): string {
  const lines = [
    `Sealed under key version ${keyVersion}:`,
    `  profiles: ${counts(result.profiles)}`,
    `  photos:   ${counts(result.photos)}`,
  ];
  const unopened = [
    ...result.profiles.unopenableIds.map((id) => `profile ${id}`),
    ...result.photos.unopenableIds.map((id) => `photo ${id}`),
  ];
  if (unopened.length > 0) {
    lines.push(
      'These did not open with any key this server holds, and were left as they are. Add the key they were',
      'sealed under to PROFILE_KEYS and run this again; their owners can also delete them and file them again.',
      ...unopened.slice(0, IDS_SHOWN).map((what) => `  ${what}`),
    );
    if (unopened.length > IDS_SHOWN)
      lines.push(`  and ${count(unopened.length - IDS_SHOWN)} more (see --json)`);
  }
  return lines.join('\n');
}

/** One progress line on stderr: redrawn in place on a terminal, otherwise one line per batch. */
function progressLine(io: CliIo) {
  const terminal = io.stderrIsTerminal === true;
  let drawn = false;
  const checked = (c: ResealCounts) => c.resealed + c.current + c.unopenable;
  return {
    update(totals: ResealResult) {
      const line = `reseal-profiles: ${count(checked(totals.profiles))} profiles and ${count(checked(totals.photos))} photos checked, ${count(totals.profiles.resealed + totals.photos.resealed)} resealed`;
      if (terminal) {
        io.stderr(`\r${line}   `);
        drawn = true;
      } else io.stderr(`${line}\n`);
    },
    finish() {
      if (drawn) io.stderr('\n');
    },
  };
}
