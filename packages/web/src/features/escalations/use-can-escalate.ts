// Whether to offer "Escalate" in a group, as a hook that re-renders only when the answer changes.
import { useCallback, useSyncExternalStore } from 'react';
import { useServices, useSession } from '../../app/session.js';
import { canOfferEscalation } from './labels.js';

/**
 * True when I may escalate in this group (its admins and moderators, officers who are members). Every
 * message in a conversation asks, so it reads the groups store through a boolean snapshot: a new unread
 * count does not re-render the whole list.
 */
export function useCanEscalate(groupId: string | null | undefined): boolean {
  const { groups } = useServices();
  const { state } = useSession();
  const me = state.status === 'signed_in' ? state.me : null;
  const snapshot = useCallback(
    () => (groupId ? canOfferEscalation(me, groups.find(groupId)?.myRole) : false),
    [groups, groupId, me],
  );
  return useSyncExternalStore(groups.subscribe, snapshot);
}

/** The address of the "pass this to the police" screen for a message or an alert in a group. */
export function escalateHref(groupId: string, subject: { messageId: string } | { alertId: string }): string {
  const query = new URLSearchParams({ group: groupId });
  if ('messageId' in subject) query.set('message', subject.messageId);
  else query.set('alert', subject.alertId);
  return `/escalate?${query}`;
}
