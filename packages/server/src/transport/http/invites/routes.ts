// Invite routes (being written).
import type { Api } from '../api.js';

/** Registers the invites endpoints. */
export function registerInviteRoutes(_api: Api): void {}
