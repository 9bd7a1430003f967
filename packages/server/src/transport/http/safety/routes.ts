// HTTP routes. Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { Api } from '../api.js';

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerSafetyRoutes(_api: Api): void {}
