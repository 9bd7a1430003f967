// My group list as pure updates: unread counts follow stream events and reads without refetching.
import type { EventMessage, MyGroup } from '../api/types.js';

/**
 * Counts a new message from someone else as unread. Idempotent: only events past the group's known
 * lastSeq count, so a replay after reconnecting does not count twice.
 */
export function applyEventToGroups(groups: readonly MyGroup[], event: EventMessage, myId: string): MyGroup[] {
  return groups.map((g) => {
    if (g.id !== event.groupId || event.seq <= g.lastSeq) return g;
    const counts =
      event.type === 'message.posted' && event.message.author.id !== myId && event.seq > g.lastReadSeq;
    return { ...g, lastSeq: event.seq, unread: counts ? g.unread + 1 : g.unread };
  });
}

/** Marks a group read up to `seq`. */
export function markGroupRead(groups: readonly MyGroup[], groupId: string, seq: number): MyGroup[] {
  return groups.map((g) =>
    g.id === groupId && seq > g.lastReadSeq
      ? { ...g, lastReadSeq: seq, lastSeq: Math.max(g.lastSeq, seq), unread: 0 }
      : g,
  );
}

/** Groups I can open first (active), then those waiting for approval; each part by name. */
export function sortGroups(groups: readonly MyGroup[]): MyGroup[] {
  const rank = (g: MyGroup) => (g.myStatus === 'active' ? 0 : g.myStatus === 'pending' ? 1 : 2);
  return [...groups].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * Separates the groups I am (or was, or asked to be) in from those I only manage as a platform or
 * organisation admin without being a member (role and status null); each part sorted.
 */
export function splitGroups(groups: readonly MyGroup[]): { mine: MyGroup[]; managed: MyGroup[] } {
  const sorted = sortGroups(groups);
  return {
    mine: sorted.filter((g) => g.myStatus !== null),
    managed: sorted.filter((g) => g.myStatus === null),
  };
}
