// Auth routes (being written).
import type { Api } from '../api.js';

/** Registers the auth endpoints. */
export function registerAuthRoutes(_api: Api): void {}
