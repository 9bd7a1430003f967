// A message's history as the versions people read, oldest first: who wrote each text, when, and any deletion.
import type { MessageHistory, MessageView, PublicPerson } from '../../api/types.js';

/** One text the message has had. */
export interface HistoryVersion {
  /** 1 for the text as posted, then one more for each edit. */
  number: number;
  body: string;
  /** The author for the first version; whoever edited for each later one. */
  by: PublicPerson;
  at: number;
  kind: 'posted' | 'edited';
  /** The newest text: what members see now, or what it said when it was deleted. */
  latest: boolean;
}

/** Who deleted the message and when, as far as the server says. */
export interface HistoryDeletion {
  by: PublicPerson | null;
  at: number | null;
}

export interface HistoryView {
  versions: HistoryVersion[];
  deletion: HistoryDeletion | null;
}

/** Fields a server may add to say who deleted a message; shown when present. */
type DeletionFields = Partial<{ deletedBy: PublicPerson | null; deletedAt: number | null }>;

/**
 * Turns the server's answer into versions. Each edit record holds the text it replaced, so version
 * k + 1 is the next record's text (or the stored text for the newest), written by edit k's editor.
 */
export function historyVersions(history: MessageHistory): HistoryView {
  const { message, edits } = history;
  const texts = [...edits.map((e) => e.body), message.originalBody];
  const versions = texts.map((body, i): HistoryVersion => {
    const edit = i === 0 ? null : edits[i - 1];
    return {
      number: i + 1,
      body,
      by: edit ? edit.editedBy : message.author,
      at: edit ? edit.replacedAt : message.createdAt,
      kind: edit ? 'edited' : 'posted',
      latest: i === texts.length - 1,
    };
  });
  const extra = message as DeletionFields;
  const deletion = message.deleted ? { by: extra.deletedBy ?? null, at: extra.deletedAt ?? null } : null;
  return { versions, deletion };
}

/** "Deleted by Ann Hodgson at 14:05", "Deleted at 14:05" or plainly "Deleted". */
export function deletionText(deletion: HistoryDeletion, formatTime: (at: number) => string): string {
  const by = deletion.by ? ` by ${deletion.by.displayName}` : '';
  const at = deletion.at !== null ? ` at ${formatTime(deletion.at)}` : '';
  return `Deleted${by}${at}`;
}

/**
 * Whether to offer "History" on a message: only where the server will answer (my own message, or I
 * moderate or administer the group) and only when there is more to see than the message itself shows.
 */
export function canShowHistory(message: MessageView, mine: boolean, canModerate: boolean): boolean {
  if (!mine && !canModerate) return false;
  return message.deleted || message.editedAt !== null;
}
