// The actor: who is asking, as established by the transport from a session or API token.
import type { OrganisationMember, User } from './entities.js';
import type { SessionId } from './ids.js';

/** The signed-in person performing an action, with their organisation affiliations. */
export interface Actor {
  user: User;
  affiliations: OrganisationMember[];
  sessionId: SessionId;
}
