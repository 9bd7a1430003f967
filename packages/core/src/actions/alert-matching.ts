// Possible matches for an alert: open stolen alerts for a found one (and the reverse), scored and ranked.
import { alertIdentifiers, boundsAround, type RankedMatch, rankMatches } from '../alerts/index.js';
import type { Alert, AlertKind } from '../model/entities.js';
import type { MatchCandidateFilter, Repositories } from '../ports/index.js';
import { isOpenAlert } from './alert-input.js';

/** The most possible matches shown for one alert. */
export const MAX_ALERT_MATCHES = 5;

/** How many open alerts are scored for one: those sharing an identifier first, then the nearest and newest. */
const MATCH_CANDIDATES = 200;
const DAY_MS = 86_400_000;
/** Beyond these a description alone scores too low to show (see the scoring's half-lives). */
const MATCH_WINDOW = {
  property: { km: 400, days: 90 },
  animal: { km: 80, days: 21 },
};

/** A possible match for an alert, with the score and its reasons in words. */
export interface AlertMatchResult {
  alert: Alert;
  score: number;
  reasons: string[];
  distanceKm: number | null;
}

/** The kinds an alert of this kind may match. */
function matchingKinds(alert: Alert): AlertKind[] {
  if (alert.kind === 'stolen') return ['found', 'animal'];
  if (alert.kind === 'found') return ['stolen'];
  if (alert.kind === 'animal') return ['stolen', 'animal'];
  return [];
}

/** Scores open candidates for an alert and keeps the best few; none for a closed alert or a kind never matched. */
export async function findMatches(
  store: Repositories,
  alert: Alert,
  now: number,
): Promise<AlertMatchResult[]> {
  const kinds = matchingKinds(alert);
  if (kinds.length === 0 || !isOpenAlert(alert)) return [];
  const animal = alert.kind === 'animal' || alert.details.category === 'livestock';
  const window = animal ? MATCH_WINDOW.animal : MATCH_WINDOW.property;
  const category = typeof alert.details.category === 'string' ? alert.details.category : undefined;
  const filter: MatchCandidateFilter = {
    kinds,
    openOnly: true,
    identifiers: alertIdentifiers(alert.details),
    // Livestock is described as property by one side and as an animal by the other: no category filter then.
    ...(category && !animal ? { category } : {}),
    ...(alert.location ? { bbox: boundsAround(alert.location, window.km) } : {}),
    since: Math.min(alert.createdAt, now) - window.days * DAY_MS,
    limit: MATCH_CANDIDATES,
  };
  const candidates = (await store.findMatchCandidates(filter)).filter(
    (c) => c.id !== alert.id && isOpenAlert(c),
  );
  const ranked: RankedMatch<Alert>[] = rankMatches(alert, candidates, { now, limit: MAX_ALERT_MATCHES });
  return ranked.map((m) => ({
    alert: m.candidate,
    score: Math.min(1, Math.max(0, m.score)),
    reasons: m.reasons,
    distanceKm: m.distanceKm,
  }));
}
