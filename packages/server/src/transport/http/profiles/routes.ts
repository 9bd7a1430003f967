// HTTP routes. Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { Api } from '../api.js';

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerProfileRoutes(_api: Api): void {}
