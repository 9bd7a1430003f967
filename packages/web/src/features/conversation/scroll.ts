// Where the conversation scrolls as messages arrive: what a reader at the bottom should be shown first.
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
