// Presents a message's history for its author, moderators and admins: the stored text and earlier versions.
import type { MessageHistoryResult, UserId } from '@fellwatch/core';
import type { MessageHistory } from '@fellwatch/protocol';
import type { z } from 'zod';
import { loadMessageViews, type PresentingStore } from './message.js';
import { presentFormerMember, presentPerson } from './person.js';

/**
 * The message as members see it plus `originalBody`, its stored text (kept even when deleted), and
 * each earlier version with who replaced it and when, oldest first.
 */
export async function presentMessageHistory(
  store: PresentingStore,
  history: MessageHistoryResult,
): Promise<z.infer<typeof MessageHistory>> {
  const editorIds = [...new Set<UserId>(history.edits.map((e) => e.editedBy))];
  const [[view], editors] = await Promise.all([
    loadMessageViews(store, [history.message]),
    store.getPublicProfiles(editorIds),
  ]);
  if (!view) throw new Error('presenting one message gave none');
  return {
    message: { ...view, originalBody: history.message.body },
    edits: history.edits.map((edit) => {
      const editor = editors.get(edit.editedBy);
      return {
        body: edit.body,
        editedBy: editor ? presentPerson(editor) : presentFormerMember(edit.editedBy),
        replacedAt: edit.replacedAt,
      };
    }),
  };
}
