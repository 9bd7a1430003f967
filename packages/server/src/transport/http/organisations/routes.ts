// Organisation routes (being written).
import type { Api } from '../api.js';

/** Registers the organisations endpoints. */
export function registerOrganisationRoutes(_api: Api): void {}
