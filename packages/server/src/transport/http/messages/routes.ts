// Message routes (being written).
import type { Api } from '../api.js';

/** Registers the messages endpoints. */
export function registerMessageRoutes(_api: Api): void {}
