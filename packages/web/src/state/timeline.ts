// The message list of one group as a pure reducer: built from pages, advanced by stream events.
import type { AlertView, EventMessage, MessagePage, MessageView } from '../api/types.js';

/** Messages of one group in sequence order, and how far through the group's event stream they reflect. */
export interface Timeline {
  readonly groupId: string;
  /** Ascending by message seq; one entry per message id. */
  readonly messages: readonly MessageView[];
  /** The newest event sequence already reflected; events at or below it are ignored. */
  readonly cursor: number;
  /** Older messages exist on the server that are not loaded. */
  readonly hasOlder: boolean;
}

/** A timeline from the newest page of a group's messages. */
export function timelineFromPage(groupId: string, page: MessagePage): Timeline {
  const messages = sortUnique(page.messages.filter((m) => m.groupId === groupId));
  return { groupId, messages, cursor: page.lastSeq, hasOlder: page.hasMore };
}

/**
 * Applies one stream event. Idempotent: an event at or below the cursor changes nothing, so replays
 * and duplicates are harmless. Posts insert in seq order; edits, deletes and alert updates (the alert an
 * alert's placement message shows changed) replace by id.
 */
export function applyEvent(timeline: Timeline, event: EventMessage): Timeline {
  if (event.groupId !== timeline.groupId || event.seq <= timeline.cursor) return timeline;
  const messages = withinWindow(timeline, event.message)
    ? placeMessage(timeline.messages, event.message)
    : timeline.messages;
  return { ...timeline, messages, cursor: event.seq };
}

/** Applies events in the order given; each is still checked against the cursor. */
export function applyEvents(timeline: Timeline, events: readonly EventMessage[]): Timeline {
  return events.reduce(applyEvent, timeline);
}

/**
 * Merges a message from an HTTP answer (post, edit, delete), which carries no event sequence: it
 * replaces the stored copy only when it is at least as new, so a late answer cannot undo a later event.
 */
export function upsertMessage(timeline: Timeline, message: MessageView): Timeline {
  if (message.groupId !== timeline.groupId || !withinWindow(timeline, message)) return timeline;
  const existing = timeline.messages.find((m) => m.id === message.id);
  if (existing && !isAtLeastAsNew(message, existing)) return timeline;
  return { ...timeline, messages: placeMessage(timeline.messages, message) };
}

/**
 * Shows a changed alert (the answer to confirming, resolving, retracting or linking, which carries the
 * alert rather than its message) on every loaded message that shows it. An older copy than the one shown
 * changes nothing, so a late answer cannot undo a later `alert.updated` event.
 */
export function updateAlert(timeline: Timeline, alert: AlertView): Timeline {
  let changed = false;
  const messages = timeline.messages.map((m) => {
    if (!m.alert || m.alert.id !== alert.id || m.alert.updatedAt > alert.updatedAt) return m;
    changed = true;
    return { ...m, alert };
  });
  return changed ? { ...timeline, messages } : timeline;
}

/** Adds an older page in front of the loaded messages (the "load earlier messages" button). */
export function prependOlder(timeline: Timeline, page: MessagePage): Timeline {
  const oldest = timeline.messages[0]?.seq ?? Number.POSITIVE_INFINITY;
  const older = page.messages.filter((m) => m.groupId === timeline.groupId && m.seq < oldest);
  return { ...timeline, messages: sortUnique([...older, ...timeline.messages]), hasOlder: page.hasMore };
}

/** The seq to ask for the next older page with (`before`), or undefined when nothing is loaded. */
export function oldestSeq(timeline: Timeline): number | undefined {
  return timeline.messages[0]?.seq;
}

/**
 * Where the "new messages" marker goes: the first message after my last-read sequence written by
 * someone else; -1 when there is none.
 */
export function firstUnreadIndex(
  messages: readonly MessageView[],
  lastReadSeq: number,
  myId: string,
): number {
  return messages.findIndex((m) => m.seq > lastReadSeq && m.author.id !== myId);
}

/** A deleted copy always wins; otherwise the later edit does, and for an alert's placement the later alert. */
function isAtLeastAsNew(incoming: MessageView, existing: MessageView): boolean {
  if (existing.deleted && !incoming.deleted) return false;
  if (incoming.deleted && !existing.deleted) return true;
  if (existing.alert && incoming.alert && incoming.alert.updatedAt < existing.alert.updatedAt) return false;
  return (incoming.editedAt ?? 0) >= (existing.editedAt ?? 0);
}

/** Only messages adjacent to what is loaded are kept, so the list never has holes. */
function withinWindow(timeline: Timeline, message: MessageView): boolean {
  const oldest = timeline.messages[0];
  if (!oldest || !timeline.hasOlder) return true;
  return message.seq >= oldest.seq;
}

function placeMessage(messages: readonly MessageView[], message: MessageView): MessageView[] {
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) {
    const next = messages.slice();
    next[at] = message;
    return next;
  }
  // New messages nearly always belong at the end: search from there.
  let i = messages.length;
  while (i > 0 && (messages[i - 1]?.seq ?? 0) > message.seq) i--;
  return [...messages.slice(0, i), message, ...messages.slice(i)];
}

function sortUnique(messages: readonly MessageView[]): MessageView[] {
  const byId = new Map<string, MessageView>();
  for (const m of messages) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
