// Matching stolen to found (and loose animals to found ones): decisive identifiers, agreeing descriptions, decay.
import type { AlertKind } from '../model/entities.js';
import { kindAndCategory, type PreparedCandidates, visitLatitudeBand } from './candidates.js';
import { compareAnimal, compareProperty, type Verdict } from './compare.js';
import { describeDistance, describeTimeGap, FIELD_LABELS, listWords } from './describe-match.js';
import { haversineKm, KM_PER_DEGREE } from './geometry.js';
import { normalisesTo } from './identifiers.js';
import { type MatchableAlert, type PreparedAlert, prepareAlert } from './prepare.js';

/** How alike two alerts are, and why, in plain words. */
export interface MatchScore {
  /** 0..1; at least 0.95 when decisive, at most 0.9 otherwise. */
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

/** Options for scoring one pair. */
export interface MatchOptions {
  /** Timestamps after this (a poster's clock running fast) count as this. */
  now?: number;
}

/** Options for ranking candidates. */
export interface RankOptions extends MatchOptions {
  /** The most matches returned (default 5). */
  limit?: number;
  /** Matches scoring less are left out (default 0.35). */
  minScore?: number;
}

const DAY_MS = 86_400_000;
/** A description alone never reaches a decisive score. */
const MAX_DESCRIPTIVE_SCORE = 0.9;
const DECISIVE_SCORE = 0.95;
/** When one of them has no location, distance can neither support nor weaken the match much. */
const UNKNOWN_DISTANCE_FACTOR = 0.75;

/** Distance and time at which a match's score halves: property is driven far and sold on; animals wander. */
const HALF_LIVES = {
  property: { km: 100, ms: 14 * DAY_MS },
  animal: { km: 20, ms: 3 * DAY_MS },
};

/**
 * Weight of each field when both sides agree; unknown on either side earns half; disagreement earns
 * nothing and scales the score by `differ` (a Honda is not a Yamaha; a colour is sometimes misnamed).
 */
const PROPERTY_FIELDS = [
  { field: 'make', weight: 0.3, differ: 0.4 },
  { field: 'model', weight: 0.2, differ: 0.6 },
  { field: 'colour', weight: 0.2, differ: 0.45 },
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

/**
 * What full agreement adds up to before decay (1.0). The 0.9 cap applies after decay, so a full match
 * far away scores its whole decay: distance and time bounds are reckoned from this, not from the cap.
 */
const FULL_DESCRIPTION = Math.max(
  PROPERTY_FIELDS.reduce((sum, f) => sum + f.weight, CATEGORY_WEIGHT),
  ANIMAL_FIELDS.reduce((sum, f) => sum + f.weight, 0),
);

/** Whether two alerts could be the same thing: stolen ↔ found, stolen livestock ↔ animal, animal loose ↔ animal found. */
export function canBeMatched(a: MatchableAlert, b: MatchableAlert): boolean {
  return kindsMatch(a, b) && a.id !== b.id;
}

function kindsMatch(a: MatchableAlert, b: MatchableAlert): boolean {
  switch (a.kind) {
    case 'stolen':
      return b.kind === 'found' || (b.kind === 'animal' && isLivestock(a));
    case 'found':
      return b.kind === 'stolen';
    case 'animal':
      if (b.kind === 'stolen') return isLivestock(b);
      return b.kind === 'animal' && oppositeSituations(a.details.situation, b.details.situation);
    default:
      return false;
  }
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

function oppositeSituations(x: unknown, y: unknown): boolean {
  return (x === 'loose' && y === 'found') || (x === 'found' && y === 'loose');
}

/** Scores how likely two alerts describe the same thing; 0 when they cannot be matched. */
export function scoreMatch(a: MatchableAlert, b: MatchableAlert, options: MatchOptions = {}): MatchScore {
  if (!canBeMatched(a, b)) {
    return { score: 0, decisive: false, reasons: ['these kinds of alert are not matched'], distanceKm: null };
  }
  return explain(prepareAlert(a), prepareAlert(b), options.now);
}

/**
 * The best candidates for an alert, best first: by score, then the newer, then by id. Candidates that
 * cannot be matched, score under minScore (default 0.35) or are the alert itself are left out. Pass
 * prepareCandidates(list) to rank many alerts against the same candidates: only those sharing an
 * identifier or the alert's kind and category are then looked at.
 */
export function rankMatches<T extends MatchableAlert>(
  alert: MatchableAlert,
  candidates: readonly T[] | PreparedCandidates<T>,
  options: RankOptions = {},
): RankedMatch<T>[] {
  const { limit = 5, minScore = 0.35, now } = options;
  if (limit <= 0) return [];
  const subject = prepareAlert(alert);
  // The best so far, sorted best first; reasons are written only for the winners.
  const best: Entry<T>[] = [];
  const consider = (prepared: PreparedAlert<T>) => {
    const score = evaluate(subject, prepared, now, null, minScore);
    if (score === 0 || score < minScore) return;
    if (best.length === limit && !ranksBefore(score, prepared, best[limit - 1] as Entry<T>)) return;
    let at = best.length;
    while (at > 0 && ranksBefore(score, prepared, best[at - 1] as Entry<T>)) at--;
    best.splice(at, 0, { prepared, score });
    if (best.length > limit) best.pop();
  };

  if (isRawList(candidates)) {
    for (const candidate of candidates) {
      if (canBeMatched(alert, candidate) && worthPreparing(subject, candidate, minScore)) {
        consider(prepareAlert(candidate));
      }
    }
  } else {
    // Candidates sharing an identifier first (few); then the alert's kind and category within reach.
    const shared = new Set<number>();
    for (const identifier of subject.identifiers) {
      for (const i of candidates.byIdentifier.get(identifier) ?? []) {
        if (shared.has(i)) continue;
        shared.add(i);
        const prepared = candidates.items[i] as PreparedAlert<T>;
        if (canBeMatched(alert, prepared.alert)) consider(prepared);
      }
    }
    const visit = (i: number) => {
      if (shared.size > 0 && shared.has(i)) return;
      const prepared = candidates.items[i] as PreparedAlert<T>;
      if (canBeMatched(alert, prepared.alert)) consider(prepared);
    };
    for (const kind of subject.category ? matchingKinds(alert) : []) {
      const bucket = candidates.byKindAndCategory.get(kindAndCategory(kind, subject.category));
      if (!bucket) continue;
      const family = subject.family === 'animal' && kind === 'animal' ? 'animal' : 'property';
      // Without a location, distance cannot rule anything out: the whole bucket is looked at.
      const band = reachableKm(family, minScore) / KM_PER_DEGREE;
      const located = !Number.isNaN(subject.lat);
      const minLat = located ? subject.lat - band : Number.NEGATIVE_INFINITY;
      const maxLat = located ? subject.lat + band : Number.POSITIVE_INFINITY;
      visitLatitudeBand(bucket, minLat, maxLat, visit);
    }
  }
  return best.map(({ prepared }) => ({ candidate: prepared.alert, ...explain(subject, prepared, now) }));
}

interface Entry<T extends MatchableAlert> {
  prepared: PreparedAlert<T>;
  score: number;
}

function isRawList<T extends MatchableAlert>(c: readonly T[] | PreparedCandidates<T>): c is readonly T[] {
  return Array.isArray(c);
}

/**
 * Whether a raw candidate can reach `floor`: it shares one of the subject's identifiers, or its
 * category and lies near enough. Checked before normalising the whole candidate, which costs more.
 */
function worthPreparing(subject: PreparedAlert, candidate: MatchableAlert, floor: number): boolean {
  const d = candidate.details;
  const category = candidate.kind === 'animal' ? 'livestock' : d.category;
  if (
    subject.category &&
    typeof category === 'string' &&
    (category === subject.category || category.trim().toLowerCase() === subject.category)
  ) {
    const location = candidate.location;
    if (!location || Number.isNaN(subject.lat)) return true;
    const family = subject.family === 'animal' && candidate.kind === 'animal' ? 'animal' : 'property';
    if (Math.abs(location.lat - subject.lat) * KM_PER_DEGREE <= reachableKm(family, floor)) return true;
  }
  if (subject.identifiers.length === 0) return false;
  return (
    sharesIdentifier(subject, d.registration) ||
    sharesIdentifier(subject, d.serial) ||
    sharesIdentifier(subject, d.markingId) ||
    sharesIdentifier(subject, d.earTag)
  );
}

function sharesIdentifier(subject: PreparedAlert, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  for (const identifier of subject.identifiers) if (normalisesTo(value, identifier)) return true;
  return false;
}

/**
 * How far apart in place and in time a candidate can be and still reach `minScore` on its description
 * (an equal identifier matches at any distance): for narrowing a search before ranking. Property's
 * half-lives bound every pair, since stolen livestock is matched with animals on them too.
 */
export function descriptiveMatchWindow(minScore = 0.35): { km: number; ms: number } {
  if (minScore <= 0) return { km: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY };
  const halvings = Math.max(0, Math.log2(FULL_DESCRIPTION / minScore));
  return { km: HALF_LIVES.property.km * halvings, ms: HALF_LIVES.property.ms * halvings };
}

/** The farthest apart two alerts can be and still score `floor` from their description. */
function reachableKm(family: 'property' | 'animal', floor: number): number {
  if (floor <= 0) return Number.POSITIVE_INFINITY;
  return HALF_LIVES[family].km * Math.max(0, Math.log2(FULL_DESCRIPTION / floor));
}

function ranksBefore(score: number, prepared: PreparedAlert, other: Entry<MatchableAlert>): boolean {
  if (score !== other.score) return score > other.score;
  if (prepared.createdAt !== other.prepared.createdAt) return prepared.createdAt > other.prepared.createdAt;
  return prepared.alert.id < other.prepared.alert.id;
}

/** The full score with its reasons and distance. */
function explain(a: PreparedAlert, b: PreparedAlert, now: number | undefined): MatchScore {
  const reasons: string[] = [];
  const score = evaluate(a, b, now, reasons);
  const distance = distanceBetween(a, b);
  if (score > 0) {
    if (distance !== null) reasons.push(describeDistance(distance));
    reasons.push(describeTimeGap(timeGap(a, b, now)));
  }
  return {
    score,
    decisive: score >= DECISIVE_SCORE,
    reasons,
    distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
  };
}

function distanceBetween(a: PreparedAlert, b: PreparedAlert): number | null {
  return Number.isNaN(a.lat) || Number.isNaN(b.lat) ? null : haversineKm(a.lat, a.lng, b.lat, b.lng);
}

function timeGap(a: PreparedAlert, b: PreparedAlert, now: number | undefined): number {
  const clamp = (t: number) => (now !== undefined && t > now ? now : t);
  return Math.abs(clamp(a.createdAt) - clamp(b.createdAt));
}

/**
 * The score proper, for alerts already known to be matchable; it allocates nothing unless asked for
 * reasons (then pushed onto `reasons`), because ranking runs it for every candidate. A score that
 * clearly cannot reach `floor` may come back as 0.
 */
function evaluate(
  a: PreparedAlert,
  b: PreparedAlert,
  now: number | undefined,
  reasons: string[] | null,
  floor = 0,
): number {
  const family = a.family === 'animal' && b.family === 'animal' ? 'animal' : 'property';
  const shared = sharedIdentifier(a, b);
  const described = family === 'animal' || a.category === 'livestock' || b.category === 'livestock';
  if (shared < 0 && (!a.category || a.category !== b.category)) {
    reasons?.push('different category');
    return 0;
  }

  const halfLife = HALF_LIVES[family];
  // Most candidates lie too far away for a description to reach the floor: skip them before any trigonometry.
  if (shared < 0 && floor > 0 && Math.abs(a.lat - b.lat) * KM_PER_DEGREE > reachableKm(family, floor)) {
    return 0;
  }
  const distance = distanceBetween(a, b);
  const decay =
    (distance === null ? UNKNOWN_DISTANCE_FACTOR : 0.5 ** (distance / halfLife.km)) *
    0.5 ** (timeGap(a, b, now) / halfLife.ms);

  if (shared >= 0) {
    reasons?.push(describeShared(a, b, shared));
    return DECISIVE_SCORE + (1 - DECISIVE_SCORE) * decay;
  }

  const tally: Tally = { sum: 0, factor: 1, agreed: reasons ? [] : null, differed: reasons ? [] : null };
  if (described) {
    for (const f of ANIMAL_FIELDS) weigh(tally, f.field, f.weight, f.differ, compareAnimal(f.field, a, b));
  } else {
    tally.sum += CATEGORY_WEIGHT;
    for (const f of PROPERTY_FIELDS) {
      weigh(tally, f.field, f.weight, f.differ, compareProperty(f.field, a, b));
    }
  }
  for (let i = 0; i < a.identifierFields.length; i++) {
    const field = a.identifierFields[i] as string;
    const j = b.identifierFields.indexOf(field);
    if (j >= 0 && b.identifiers[j] !== a.identifiers[i]) {
      tally.factor *= IDENTIFIER_DIFFER[field] ?? 1;
      tally.differed?.push(FIELD_LABELS[field] ?? field);
    }
  }
  if (reasons && tally.agreed && tally.differed) {
    if (tally.agreed.length > 0) reasons.push(`same ${listWords(tally.agreed)}`);
    else reasons.push('same category');
    if (tally.differed.length > 0) reasons.push(`different ${listWords(tally.differed)}`);
  }
  return Math.min(MAX_DESCRIPTIVE_SCORE, tally.sum * tally.factor * decay);
}

interface Tally {
  sum: number;
  factor: number;
  agreed: string[] | null;
  differed: string[] | null;
}

function weigh(tally: Tally, field: string, weight: number, differ: number, verdict: Verdict): void {
  if (verdict === 'agree') {
    tally.sum += weight;
    tally.agreed?.push(FIELD_LABELS[field] ?? field);
  } else if (verdict === 'unknown') {
    tally.sum += weight / 2;
  } else {
    tally.factor *= differ;
    tally.differed?.push(FIELD_LABELS[field] ?? field);
  }
}

/**
 * Where a's identifier equals one of b's: a's index times 8 plus b's, or -1. Fields may differ (a VIN
 * typed as a marking id still counts). A number rather than a pair, so the hot path allocates nothing.
 */
function sharedIdentifier(a: PreparedAlert, b: PreparedAlert): number {
  if (a.identifiers.length === 0 || b.identifiers.length === 0) return -1;
  for (let i = 0; i < a.identifiers.length; i++) {
    const j = b.identifiers.indexOf(a.identifiers[i] as string);
    if (j >= 0) return i * 8 + j;
  }
  return -1;
}

function describeShared(a: PreparedAlert, b: PreparedAlert, shared: number): string {
  const fieldA = a.identifierFields[Math.floor(shared / 8)] as string;
  const fieldB = b.identifierFields[shared % 8] as string;
  const labelA = FIELD_LABELS[fieldA] ?? fieldA;
  return fieldA === fieldB ? `same ${labelA}` : `${labelA} matches ${FIELD_LABELS[fieldB] ?? fieldB}`;
}
