// Alerts: reach across groups and organisations, identifier normalisation, and stolen-to-found matching.

export { seededRandom } from '../seeded-random.js';
export { BENCH_NOW, generateBenchAlerts, generateBenchGroups } from './bench-data.js';
export {
  type CandidateBucket,
  type PreparedCandidates,
  prepareCandidates,
} from './candidates.js';
export {
  areaBounds,
  type Bounds,
  boundsAround,
  distanceKm,
  distanceToAreaKm,
  haversineKm,
  type LatLng,
} from './geometry.js';
export { normaliseIdentifier } from './identifiers.js';
export {
  canBeMatched,
  descriptiveMatchWindow,
  type MatchOptions,
  type MatchScore,
  matchingKinds,
  type RankedMatch,
  type RankOptions,
  rankMatches,
  scoreMatch,
} from './matching.js';
export {
  alertIdentifiers,
  type MatchableAlert,
  type PreparedAlert,
  prepareAlert,
} from './prepare.js';
export {
  buildReachIndex,
  computeReach,
  defaultReachKm,
  MAX_REACH_KM,
  type ReachIndex,
  type ReachMode,
  type ReachResult,
} from './reach.js';
