// HTTP routes. Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { Api } from '../api.js';

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerSightingRoutes(_api: Api): void {}
