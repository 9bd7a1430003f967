// Which alert actions to offer, judged from the session: the server decides, this only hides what would fail.
import type { AlertView, GroupRole, Me } from '../../api/types.js';
import { isOpen } from './labels.js';

/** The actions a card offers to the person looking at it. */
export interface AlertActions {
  confirm: boolean;
  resolve: boolean;
  retract: boolean;
  /** See possible matches and link one (stolen against found or animal, and the reverse). */
  matches: boolean;
}

/** Whether I carry a police officer's badge in any organisation. */
export function isOfficer(me: Pick<Me, 'organisations'>): boolean {
  return me.organisations.some((o) => o.affiliation === 'officer');
}

const MATCHABLE = new Set(['stolen', 'found', 'animal']);

/**
 * Officers confirm; the poster, admins and moderators of the group it is shown in, and officers resolve,
 * retract and see matches. Nothing is offered on a resolved or retracted alert. A missing person is not
 * resolved here but marked found (see canMarkFound), which also withdraws their details.
 */
export function alertActions(
  alert: Pick<AlertView, 'status' | 'author' | 'details'>,
  me: Pick<Me, 'id' | 'organisations'>,
  myRole: GroupRole | null | undefined,
): AlertActions {
  if (!isOpen(alert)) return { confirm: false, resolve: false, retract: false, matches: false };
  const officer = isOfficer(me);
  const steward = officer || alert.author.id === me.id || myRole === 'admin' || myRole === 'moderator';
  return {
    confirm: officer && alert.status === 'unverified',
    resolve: steward && alert.details.kind !== 'missing',
    retract: steward,
    matches: steward && MATCHABLE.has(alert.details.kind),
  };
}

/** Whether to offer "Found safe" on a missing person's card: to those who may resolve it, while open. */
export function canMarkFound(
  alert: Pick<AlertView, 'status' | 'author' | 'details'>,
  me: Pick<Me, 'id' | 'organisations'>,
  myRole: GroupRole | null | undefined,
): boolean {
  if (alert.details.kind !== 'missing' || !isOpen(alert)) return false;
  return isOfficer(me) || alert.author.id === me.id || myRole === 'admin' || myRole === 'moderator';
}

/** Whether I may raise a missing-person alert in a group: officers, and its admins and moderators. */
export function canRaiseMissing(
  me: Pick<Me, 'organisations'>,
  myRole: GroupRole | null | undefined,
): boolean {
  return isOfficer(me) || myRole === 'admin' || myRole === 'moderator';
}
