// Group routes (being written).
import type { Api } from '../api.js';

/** Registers the groups endpoints. */
export function registerGroupRoutes(_api: Api): void {}
