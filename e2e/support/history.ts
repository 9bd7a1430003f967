// Reads a group's whole message history through the paged API, oldest first.
import type { MessageView } from '@fellwatch/protocol';
import type { ApiClient } from './http.js';
import { expectStatus } from './http.js';

/** Every message in a group, oldest first, paging back with `before` until `hasMore` is false. */
export async function fetchHistory(
  member: ApiClient,
  groupId: string,
): Promise<{ messages: MessageView[]; lastSeq: number }> {
  const pages: MessageView[][] = [];
  let before: number | undefined;
  let lastSeq: number | undefined;
  for (;;) {
    const path = `/api/v1/groups/${groupId}/messages?limit=200${before !== undefined ? `&before=${before}` : ''}`;
    const page = expectStatus('GET', path, await member.request('GET', path), 200).body as {
      messages: MessageView[];
      lastSeq: number;
      hasMore: boolean;
    };
    lastSeq ??= page.lastSeq;
    pages.unshift(page.messages);
    const first = page.messages[0];
    if (!page.hasMore || !first) break;
    before = first.seq;
  }
  return { messages: pages.flat(), lastSeq: lastSeq ?? 0 };
}
