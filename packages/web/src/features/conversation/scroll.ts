// Where the conversation scrolls: what a reader at the bottom is shown first as messages arrive, and how it
// finds a message it was asked to show.
import type { MessageView } from '../../api/types.js';

/**
 * The alert card that has just arrived at the end of the conversation, or null. A card's top (its kind
 * and status) says what it is about, so a reader at the bottom is shown a tall new card from its top
 * rather than its bottom. Null when the newest message was there before, is deleted or is not an alert.
 */
export function arrivedAlertId(
  messages: readonly MessageView[],
  previousNewestId: string | null,
): string | null {
  const newest = messages[messages.length - 1];
  if (!newest || newest.id === previousNewestId || newest.deleted || !newest.alert) return null;
  return newest.id;
}

/** A message the conversation was asked to show (from the "needs attention" queue), and where it was posted. */
export interface JumpTarget {
  id: string;
  /** Its sequence number, when known: how far back to look for it. */
  seq: number | null;
}

/** The most earlier pages fetched to find a message: a queue item is usually recent. */
export const MAX_JUMP_PAGES = 10;

/** The message named in a conversation's address (`?message=<id>&seq=<n>`), or null. */
export function jumpTargetOf(query: URLSearchParams): JumpTarget | null {
  const id = query.get('message');
  if (!id) return null;
  const seq = Number(query.get('seq'));
  return { id, seq: Number.isInteger(seq) && seq > 0 ? seq : null };
}

/**
 * What to do next to show the target: show it (it is loaded), fetch the page before the oldest shown
 * (it is further back), wait (a page is on its way, or the list is a copy saved on the phone), or
 * give up and say so (no earlier page, it should already be here, or MAX_JUMP_PAGES were fetched).
 */
export function jumpStep(
  conversation: { messages: readonly MessageView[]; hasOlder: boolean },
  target: JumpTarget,
  state: { pagesFetched: number; loadingOlder: boolean; saved: boolean },
): 'show' | 'load-older' | 'wait' | 'not-here' {
  if (conversation.messages.some((m) => m.id === target.id)) return 'show';
  if (state.loadingOlder || state.saved) return 'wait';
  const oldest = conversation.messages[0]?.seq;
  const further = oldest !== undefined && (target.seq === null || target.seq < oldest);
  if (conversation.hasOlder && further && state.pagesFetched < MAX_JUMP_PAGES) return 'load-older';
  return 'not-here';
}
