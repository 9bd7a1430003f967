// Media routes (being written).
import type { Api } from '../api.js';

/** Registers the media endpoints. */
export function registerMediaRoutes(_api: Api): void {}
