// Comparing the descriptive fields of two prepared alerts: make, model, colour, species, breed, flock mark.
import type { PreparedAlert } from './prepare.js';

/** How one field of two alerts compares; unknown when either side leaves it out. */
export type Verdict = 'agree' | 'unknown' | 'differ';

/** Equal, or one a prefix of the other ("TRX420" and "TRX420FA"), counts as agreement. */
function compareCode(x: string, y: string): Verdict {
  if (!x || !y) return 'unknown';
  if (x === y) return 'agree';
  const prefix = x.length < y.length ? y.startsWith(x) && x.length >= 3 : x.startsWith(y) && y.length >= 3;
  return prefix ? 'agree' : 'differ';
}

function compareWords(x: readonly string[], y: readonly string[]): Verdict {
  if (x.length === 0 || y.length === 0) return 'unknown';
  return x.some((w) => y.includes(w)) ? 'agree' : 'differ';
}

/** How two property alerts' make, model or colour compare. */
export function compareProperty(field: string, a: PreparedAlert, b: PreparedAlert): Verdict {
  if (field === 'make') return compareCode(a.make, b.make);
  if (field === 'model') return compareCode(a.model, b.model);
  return compareWords(a.colours, b.colours);
}

/** How two animals' (or livestock descriptions') species, breed or flock mark compare. */
export function compareAnimal(field: string, a: PreparedAlert, b: PreparedAlert): Verdict {
  if (field === 'species') {
    if (!a.species || !b.species) return 'unknown';
    return a.species === b.species ? 'agree' : 'differ';
  }
  if (field === 'breed') {
    // A livestock description is free text: shared words agree, but their absence proves nothing.
    const verdict = compareWords(a.breedWords, b.breedWords);
    return verdict === 'differ' && (a.family !== 'animal' || b.family !== 'animal') ? 'unknown' : verdict;
  }
  return compareFlock(a, b);
}

/** Flock marks agree when equal, or when one side's ear tag or marking id carries the other's flock mark. */
function compareFlock(a: PreparedAlert, b: PreparedAlert): Verdict {
  if (a.flockMark && b.flockMark) return a.flockMark === b.flockMark ? 'agree' : 'differ';
  if (carriesMark(a.flockMark, b) || carriesMark(b.flockMark, a)) return 'agree';
  return 'unknown';
}

function carriesMark(mark: string, alert: PreparedAlert): boolean {
  if (mark.length < 3) return false;
  for (let i = 0; i < alert.identifiers.length; i++) {
    const field = alert.identifierFields[i];
    if ((field === 'earTag' || field === 'markingId') && (alert.identifiers[i] as string).startsWith(mark)) {
      return true;
    }
  }
  return false;
}
