// HTTP routes. Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { Api } from '../api.js';

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerEscalationRoutes(_api: Api): void {}
