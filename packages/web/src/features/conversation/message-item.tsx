// One message: author and badges, reply quote, text, photos, location, and its actions (edit, delete, history,
// and "Escalate" to the police for the group's admins, moderators and officers).
import { type FormEvent, memo, useRef, useState } from 'react';
import { deleteMessage, editMessage } from '../../api/client.js';
import { describeError } from '../../api/errors.js';
import { MAX_BODY } from '../../api/limits.js';
import type { MessageView } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { badgeText, fullTime, messageTime } from '../../ui/format.js';
import { MoreIcon, ShieldIcon } from '../../ui/icons.js';
import { alertHeading } from '../alerts/labels.js';
import { escalateHref, useCanEscalate } from '../escalations/use-can-escalate.js';
import { canShowHistory } from './history.js';
import { HistoryDialog } from './history-dialog.js';
import { LocationView } from './location-view.js';
import { MessageText } from './message-text.js';
import { PhotoGrid } from './photo-grid.js';

interface MessageItemProps {
  message: MessageView;
  mine: boolean;
  /** Moderators and admins may delete anyone's message. */
  canModerate: boolean;
  repliedTo: MessageView | null | undefined;
  onReply: (m: MessageView) => void;
  onShowMessage: (id: string) => void;
  /** Outlined as the message opened from the "needs attention" queue. */
  outlined?: boolean;
  confirm: (r: { title: string; body?: string; confirmLabel: string; danger?: boolean }) => Promise<boolean>;
}

/** A message in the conversation list. */
export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  const { message: m, mine, canModerate, repliedTo, onReply, onShowMessage, outlined, confirm } = props;
  const { timelines } = useServices();
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const optionsButton = useRef<HTMLButtonElement>(null);
  const withHistory = canShowHistory(m, mine, canModerate);
  const canEscalate = useCanEscalate(m.groupId);
  const who = mine ? 'You' : m.author.displayName;
  const optionsId = `options-${m.id}`;

  const remove = async () => {
    setOptionsOpen(false);
    const ok = await confirm({
      title: 'Delete this message?',
      body: 'Members will see "Message deleted" in its place.',
      confirmLabel: 'Delete message',
      danger: true,
    });
    if (!ok) return;
    try {
      timelines.upsert(await deleteMessage(m.groupId, m.id));
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <li
      id={`m-${m.id}`}
      className={`${mine ? 'msg msg-mine' : 'msg'}${outlined ? ' msg-outlined' : ''}`}
      tabIndex={-1}
    >
      <article aria-label={`Message from ${who}, ${fullTime(m.createdAt)}`}>
        <header className="msg-head">
          <span className="msg-author">{who}</span>
          {m.author.badges.map((b) => (
            <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
              <ShieldIcon size={14} /> {badgeText(b)}
            </span>
          ))}
        </header>

        {m.deleted ? (
          <p className="msg-deleted">Message deleted</p>
        ) : (
          <>
            {m.replyToId && (
              <ReplyQuote repliedTo={repliedTo} onShow={() => m.replyToId && onShowMessage(m.replyToId)} />
            )}
            {editing ? (
              <EditForm
                message={m}
                onDone={(updated) => {
                  if (updated) timelines.upsert(updated);
                  setEditing(false);
                }}
              />
            ) : (
              m.body && <MessageText body={m.body} />
            )}
            {m.photos.length > 0 && <PhotoGrid photos={m.photos} who={who} />}
            {m.location && <LocationView location={m.location} />}
          </>
        )}

        <footer className="msg-foot">
          <span className="msg-when">
            <time dateTime={new Date(m.createdAt).toISOString()} title={fullTime(m.createdAt)}>
              {messageTime(m.createdAt)}
            </time>
            {m.editedAt && !m.deleted && <span className="msg-edited"> · edited</span>}
          </span>
          {(!m.deleted || withHistory) && (
            <button
              ref={optionsButton}
              type="button"
              className="btn-icon btn-options"
              aria-expanded={optionsOpen}
              aria-controls={optionsId}
              aria-label={`Options for message from ${who}`}
              onClick={() => setOptionsOpen((o) => !o)}
            >
              <MoreIcon />
            </button>
          )}
        </footer>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {optionsOpen && (
          <div className="msg-options" id={optionsId}>
            {!m.deleted && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  setOptionsOpen(false);
                  onReply(m);
                }}
              >
                Reply
              </button>
            )}
            {mine && !m.deleted && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  setOptionsOpen(false);
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
            {withHistory && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  setOptionsOpen(false);
                  setHistoryOpen(true);
                }}
              >
                History
              </button>
            )}
            {canEscalate && !m.deleted && (
              <Link to={escalateHref(m.groupId, { messageId: m.id })} className="btn btn-quiet">
                Escalate<span className="visually-hidden"> to the police</span>
              </Link>
            )}
            {(mine || canModerate) && !m.deleted && (
              <button type="button" className="btn btn-quiet btn-quiet-danger" onClick={remove}>
                Delete
              </button>
            )}
          </div>
        )}
        {historyOpen && (
          <HistoryDialog
            message={m}
            onClose={() => {
              setHistoryOpen(false);
              optionsButton.current?.focus();
            }}
          />
        )}
      </article>
    </li>
  );
});

function ReplyQuote({
  repliedTo,
  onShow,
}: {
  repliedTo: MessageView | null | undefined;
  onShow: () => void;
}) {
  if (!repliedTo) return <p className="msg-quote msg-quote-missing">Reply to an earlier message</p>;
  const text = repliedTo.deleted
    ? 'Message deleted'
    : repliedTo.alert
      ? `Alert: ${alertHeading(repliedTo.alert.details)}`
      : repliedTo.body || (repliedTo.photos.length ? 'Photo' : repliedTo.location ? 'Location' : '');
  return (
    <button type="button" className="msg-quote" onClick={onShow}>
      <span className="visually-hidden">Quoted message from </span>
      <span className="msg-quote-author">{repliedTo.author.displayName}</span>
      <span className="msg-quote-text">{text.length > 140 ? `${text.slice(0, 140)}…` : text}</span>
    </button>
  );
}

function EditForm({ message, onDone }: { message: MessageView; onDone: (m: MessageView | null) => void }) {
  const [body, setBody] = useState(message.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError('A message cannot be empty. Delete it instead.');
      return;
    }
    setBusy(true);
    try {
      onDone(await editMessage(message.groupId, message.id, body));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  const id = `edit-${message.id}`;
  return (
    <form className="msg-edit" onSubmit={submit}>
      <label htmlFor={id}>Edit message</label>
      <textarea
        id={id}
        value={body}
        maxLength={MAX_BODY}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the author just chose Edit; the text is what they want next.
        autoFocus
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
