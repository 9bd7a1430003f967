// The history of one message in a modal dialog: every text it has had, who wrote it and when, and any deletion.
import { useEffect, useRef, useState } from 'react';
import { getMessageHistory } from '../../api/client.js';
import { ApiError, describeError } from '../../api/errors.js';
import type { MessageView } from '../../api/types.js';
import { useSession } from '../../app/session.js';
import { Banner, Loading } from '../../ui/banner.js';
import { fullTime, messageTime } from '../../ui/format.js';
import { deletionText, type HistoryView, historyVersions } from './history.js';

interface HistoryDialogProps {
  message: MessageView;
  onClose: () => void;
}

/** Opens at once as a modal; loads the history and closes with Escape or the Close button. */
export function HistoryDialog({ message, onClose }: HistoryDialogProps) {
  const { state } = useSession();
  const myId = state.status === 'signed_in' ? state.me.id : '';
  const dialog = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<HistoryView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const titleId = `history-title-${message.id}`;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    getMessageHistory(message.groupId, message.id, ctrl.signal)
      .then((h) => setView(historyVersions(h)))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [message.groupId, message.id]);

  // Close the modal first: while it is open everything behind it is inert and cannot take focus back.
  const close = () => {
    dialog.current?.close();
    onClose();
  };
  const name = (p: { id: string; displayName: string }) => (p.id === myId ? 'you' : p.displayName);

  return (
    <dialog
      ref={dialog}
      className="dialog history-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>Message history</h2>
      {error ? <Banner kind="error">{historyError(error)}</Banner> : null}
      {!view && !error && <Loading>Loading the history…</Loading>}
      {view && (
        <>
          {view.deletion && (
            <p className="history-deleted">
              <strong>{deletionText(view.deletion, fullTime)}.</strong> Members see “Message deleted”; the
              text below is kept for the author, moderators and admins.
            </p>
          )}
          <ol className="history-list">
            {view.versions.map((v) => (
              <li key={v.number} className="history-item">
                <p className="history-meta">
                  {v.kind === 'posted' ? 'Posted' : 'Edited'} by {name(v.by)} ·{' '}
                  <time dateTime={new Date(v.at).toISOString()} title={fullTime(v.at)}>
                    {messageTime(v.at)}
                  </time>
                  {v.latest && (
                    <span className="history-tag">
                      {view.deletion ? 'Text when deleted' : 'Current text'}
                    </span>
                  )}
                </p>
                {v.body ? (
                  <p className="history-body">{v.body}</p>
                ) : (
                  <p className="history-body muted">No text (a photo or a location only).</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function historyError(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) {
    return 'Only the author of a message and the group’s moderators and admins can see its history.';
  }
  if (err instanceof ApiError && err.status === 404) return 'This message could not be found.';
  return `The history could not be loaded. ${describeError(err)}`;
}
