// Matching stolen to found (and loose animals to found ones): decisive identifiers, agreeing descriptions, decay.
import type { AlertKind } from '../model/entities.js';
import { describeDistance, describeTimeGap, FIELD_LABELS, listWords } from './describe-match.js';
import { haversineKm } from './geometry.js';
import { type MatchableAlert, type PreparedAlert, type PreparedCandidates, prepareAlert } from './prepare.js';

/** How alike two alerts are, and why, in plain words. */
export interface MatchScore {
  /** 0..1; at least 0.95 when decisive. */
  score: number;
  /** An equal registration, serial, marking id or ear tag. */
  decisive: boolean;
  reasons: string[];
  /** Rounded to 0.1 km; null when either has no location. */
  distanceKm: number | null;
}

/** A ranked candidate with its score. */
export interface RankedMatch<T extends MatchableAlert> extends MatchScore {
  candidate: T;
}

export interface MatchOptions {
  /** Timestamps after this (a poster's clock running fast) count as this. */
  now?: number;
}

export interface RankOptions extends MatchOptions {
  limit?: number;
  minScore?: number;
}

const DAY_MS = 86_400_000;
/** A description alone never reaches a decisive score. */
const MAX_DESCRIPTIVE_SCORE = 0.9;
/** When one of them has no location, distance can neither support nor weaken the match much. */
const UNKNOWN_DISTANCE_FACTOR = 0.75;

/** Distance and time at which a match's score halves: property is driven far and sold on; animals wander. */
const HALF_LIVES = {
  property: { km: 100, ms: 14 * DAY_MS },
  animal: { km: 20, ms: 3 * DAY_MS },
};

/** Weight of each field when both sides agree; unknown on either side earns half; disagreement earns none and scales the score by `differ`. */
const PROPERTY_FIELDS = [
  { field: 'make', weight: 0.3, differ: 0.4 },
  { field: 'model', weight: 0.2, differ: 0.8 },
  { field: 'colour', weight: 0.2, differ: 0.8 },
] as const;
const CATEGORY_WEIGHT = 0.3;
const ANIMAL_FIELDS = [
  { field: 'species', weight: 0.4, differ: 0.1 },
  { field: 'breed', weight: 0.25, differ: 0.7 },
  { field: 'flockMark', weight: 0.35, differ: 0.4 },
] as const;
/** A different serial, marking id or ear tag means a different thing; plates are swapped by thieves, so less so. */
const IDENTIFIER_DIFFER: Record<string, number> = {
  registration: 0.6,
  serial: 0.3,
  markingId: 0.3,
  earTag: 0.3,
};

/** Whether two alerts could be the same thing: stolen ↔ found, stolen livestock ↔ animal, animal loose ↔ animal found. */
export function canBeMatched(a: MatchableAlert, b: MatchableAlert): boolean {
  if (a.id === b.id) return false;
  const pair = `${a.kind}:${b.kind}`;
  if (pair === 'stolen:found' || pair === 'found:stolen') return true;
  if (pair === 'stolen:animal') return isLivestock(a);
  if (pair === 'animal:stolen') return isLivestock(b);
  if (pair === 'animal:animal') {
    const s1 = a.details.situation;
    const s2 = b.details.situation;
    return (s1 === 'loose' && s2 === 'found') || (s1 === 'found' && s2 === 'loose');
  }
  return false;
}

/** The kinds of alert that may match this one, for narrowing a search before canBeMatched and scoring. */
export function matchingKinds(alert: Pick<MatchableAlert, 'kind' | 'details'>): AlertKind[] {
  switch (alert.kind) {
    case 'stolen':
      return isLivestock(alert) ? ['found', 'animal'] : ['found'];
    case 'found':
      return ['stolen'];
    case 'animal':
      return ['stolen', 'animal'];
    default:
      return [];
  }
}

function isLivestock(alert: Pick<MatchableAlert, 'details'>): boolean {
  const category = alert.details.category;
  return typeof category === 'string' && category.trim().toLowerCase() === 'livestock';
}

/** Scores how likely two alerts describe the same thing; 0 when they cannot be matched. */
export function scoreMatch(a: MatchableAlert, b: MatchableAlert, options: MatchOptions = {}): MatchScore {
  if (!canBeMatched(a, b)) {
    return { score: 0, decisive: false, reasons: ['these kinds of alert are not matched'], distanceKm: null };
  }
  return scorePrepared(prepareAlert(a), prepareAlert(b), options.now, true);
}

/**
 * The best candidates for an alert, best first: score, then the newer, then by id. Candidates that
 * cannot be matched, score under minScore (default 0.35) or are the alert itself are left out.
 */
export function rankMatches<T extends MatchableAlert>(
  alert: MatchableAlert,
  candidates: readonly T[] | PreparedCandidates<T>,
  options: RankOptions = {},
): RankedMatch<T>[] {
  const { limit = 5, minScore = 0.35, now } = options;
  if (limit <= 0) return [];
  const subject = prepareAlert(alert);
  const raw = isRawList(candidates) ? candidates : null;
  const items = raw ? null : (candidates as PreparedCandidates<T>).items;
  const count = raw ? raw.length : (items as readonly PreparedAlert<T>[]).length;
  // The best so far, kept sorted best first; reasons are written only for the winners.
  const best: { prepared: PreparedAlert<T>; score: number }[] = [];
  for (let i = 0; i < count; i++) {
    let prepared: PreparedAlert<T>;
    if (raw) {
      const candidate = raw[i] as T;
      if (!canBeMatched(alert, candidate)) continue;
      prepared = prepareAlert(candidate);
    } else {
      prepared = (items as readonly PreparedAlert<T>[])[i] as PreparedAlert<T>;
      if (!canBeMatched(alert, prepared.alert)) continue;
    }
    const { score } = scorePrepared(subject, prepared, now, false);
    if (score < minScore) continue;
    if (best.length === limit && !ranksBefore(score, prepared, best[limit - 1] as (typeof best)[number]))
      continue;
    let at = best.length;
    while (at > 0 && ranksBefore(score, prepared, best[at - 1] as (typeof best)[number])) at--;
    best.splice(at, 0, { prepared, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ prepared }) => ({
    candidate: prepared.alert,
    ...scorePrepared(subject, prepared, now, true),
  }));
}

function isRawList<T extends MatchableAlert>(c: readonly T[] | PreparedCandidates<T>): c is readonly T[] {
  return Array.isArray(c);
}

function ranksBefore(
  score: number,
  prepared: PreparedAlert,
  other: { prepared: PreparedAlert; score: number },
): boolean {
  if (score !== other.score) return score > other.score;
  if (prepared.createdAt !== other.prepared.createdAt) return prepared.createdAt > other.prepared.createdAt;
  return prepared.alert.id < other.prepared.alert.id;
}

/** The score proper, on prepared alerts already known to be matchable. */
function scorePrepared(
  a: PreparedAlert,
  b: PreparedAlert,
  now: number | undefined,
  withReasons: boolean,
): MatchScore {
  const reasons: string[] = [];
  const family = a.family === 'animal' && b.family === 'animal' ? 'animal' : 'property';
  const halfLife = HALF_LIVES[family];

  const distance =
    Number.isNaN(a.lat) || Number.isNaN(b.lat) ? null : haversineKm(a.lat, a.lng, b.lat, b.lng);
  const gap = Math.abs(clamp(a.createdAt, now) - clamp(b.createdAt, now));
  const decay =
    (distance === null ? UNKNOWN_DISTANCE_FACTOR : 0.5 ** (distance / halfLife.km)) *
    0.5 ** (gap / halfLife.ms);
  const distanceKm = distance === null ? null : Math.round(distance * 10) / 10;
  const finish = (score: number, decisive: boolean): MatchScore => {
    if (withReasons && score > 0) {
      if (distance !== null) reasons.push(describeDistance(distance));
      reasons.push(describeTimeGap(gap));
    }
    return { score, decisive, reasons, distanceKm };
  };

  const decisive = sharedIdentifier(a, b);
  if (decisive) {
    if (withReasons) reasons.push(decisive);
    return finish(0.95 + 0.05 * decay, true);
  }

  let sum = 0;
  let factor = 1;
  const agreed: string[] = [];
  const differed: string[] = [];
  const weigh = (field: string, weight: number, differ: number, verdict: Verdict) => {
    if (verdict === 'agree') {
      sum += weight;
      agreed.push(FIELD_LABELS[field] ?? field);
    } else if (verdict === 'unknown') {
      sum += weight / 2;
    } else {
      factor *= differ;
      differed.push(FIELD_LABELS[field] ?? field);
    }
  };

  if (family === 'animal' || a.category === 'livestock' || b.category === 'livestock') {
    if (a.category !== b.category)
      return finish(withReasons ? refuse(reasons, 'different category') : 0, false);
    for (const { field, weight, differ } of ANIMAL_FIELDS)
      weigh(field, weight, differ, compareAnimal(field, a, b));
  } else {
    if (!a.category || a.category !== b.category) {
      return finish(withReasons ? refuse(reasons, 'different category') : 0, false);
    }
    sum += CATEGORY_WEIGHT;
    for (const { field, weight, differ } of PROPERTY_FIELDS)
      weigh(field, weight, differ, compareProperty(field, a, b));
  }
  for (let i = 0; i < a.identifierFields.length; i++) {
    const field = a.identifierFields[i] as string;
    const j = b.identifierFields.indexOf(field);
    if (j >= 0 && b.identifiers[j] !== a.identifiers[i]) {
      factor *= IDENTIFIER_DIFFER[field] ?? 1;
      differed.push(FIELD_LABELS[field] ?? field);
    }
  }

  const score = Math.min(MAX_DESCRIPTIVE_SCORE, sum * factor * decay);
  if (withReasons) {
    if (agreed.length > 0) reasons.push(`same ${listWords(agreed)}`);
    else if (family === 'property') reasons.push(`same category`);
    if (differed.length > 0) reasons.push(`different ${listWords(differed)}`);
  }
  return finish(score, false);
}

function refuse(reasons: string[], why: string): number {
  reasons.push(why);
  return 0;
}

function clamp(time: number, now: number | undefined): number {
  return now !== undefined && time > now ? now : time;
}

/** The reason an equal identifier decides the match, or null. Fields may differ: a VIN typed as a marking id still counts. */
function sharedIdentifier(a: PreparedAlert, b: PreparedAlert): string | null {
  for (let i = 0; i < a.identifiers.length; i++) {
    const j = b.identifiers.indexOf(a.identifiers[i] as string);
    if (j < 0) continue;
    const fieldA = a.identifierFields[i] as string;
    const fieldB = b.identifierFields[j] as string;
    const labelA = FIELD_LABELS[fieldA] ?? fieldA;
    return fieldA === fieldB ? `same ${labelA}` : `${labelA} matches ${FIELD_LABELS[fieldB] ?? fieldB}`;
  }
  return null;
}

type Verdict = 'agree' | 'unknown' | 'differ';

/** Equal, or one a prefix of the other ("TRX420" and "TRX420FA"), counts as agreement. */
function compareCode(x: string, y: string): Verdict {
  if (!x || !y) return 'unknown';
  if (x === y) return 'agree';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.startsWith(short) ? 'agree' : 'differ';
}

function compareWords(x: readonly string[], y: readonly string[]): Verdict {
  if (x.length === 0 || y.length === 0) return 'unknown';
  return x.some((w) => y.includes(w)) ? 'agree' : 'differ';
}

function compareProperty(field: string, a: PreparedAlert, b: PreparedAlert): Verdict {
  if (field === 'make') return compareCode(a.make, b.make);
  if (field === 'model') return compareCode(a.model, b.model);
  return compareWords(a.colours, b.colours);
}

function compareAnimal(field: string, a: PreparedAlert, b: PreparedAlert): Verdict {
  if (field === 'species') {
    if (!a.species || !b.species) return 'unknown';
    return a.species === b.species ? 'agree' : 'differ';
  }
  if (field === 'breed') {
    // A stolen-livestock description is free text: shared words agree, but their absence proves nothing.
    const verdict = compareWords(a.breedWords, b.breedWords);
    return verdict === 'differ' && (a.family !== 'animal' || b.family !== 'animal') ? 'unknown' : verdict;
  }
  return compareFlock(a, b);
}

/** Flock marks agree when equal, or when one side's ear tag carries the other's flock mark. */
function compareFlock(a: PreparedAlert, b: PreparedAlert): Verdict {
  const tagsA = identifiersOf(a, 'earTag').concat(identifiersOf(a, 'markingId'));
  const tagsB = identifiersOf(b, 'earTag').concat(identifiersOf(b, 'markingId'));
  const carries = (mark: string, tags: string[]) => mark.length >= 3 && tags.some((t) => t.startsWith(mark));
  if (a.flockMark && b.flockMark) return a.flockMark === b.flockMark ? 'agree' : 'differ';
  if (carries(a.flockMark, tagsB) || carries(b.flockMark, tagsA)) return 'agree';
  return 'unknown';
}

function identifiersOf(alert: PreparedAlert, field: string): string[] {
  const i = alert.identifierFields.indexOf(field);
  return i < 0 ? [] : [alert.identifiers[i] as string];
}
