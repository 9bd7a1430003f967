// Presents sequenced group events as stream messages, and serialises server frames.
import type { GroupEventRecord, GroupEventWithMessage } from '@fellwatch/core';
import type { EventMessage, MessageView, ServerMessage } from '@fellwatch/protocol';
import { loadMessageViews, type PresentingStore } from './message.js';

/** One group event as the stream carries it. */
export function presentEvent(event: GroupEventRecord, message: MessageView): EventMessage {
  return { type: event.type, groupId: event.groupId, seq: event.seq, message };
}

/** Presents stored events (each with its message's current state), in the order given. */
export async function loadEventMessages(
  store: PresentingStore,
  events: readonly GroupEventWithMessage[],
): Promise<EventMessage[]> {
  const views = await loadMessageViews(
    store,
    events.map((e) => e.message),
  );
  return events.map((e, i) => presentEvent(e.event, views[i] as MessageView));
}

/** The text of one server frame: a JSON array of one or more server messages. */
export function serialiseFrame(messages: readonly ServerMessage[]): string {
  return JSON.stringify(messages);
}
