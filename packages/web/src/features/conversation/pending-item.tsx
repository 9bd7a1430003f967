// A message still on this phone: "Waiting for signal", upload progress, or why the server refused it.
import { useEffect, useMemo } from 'react';
import type { OutboxEntry, SendProgress } from '../../api/outbox.js';
import { useServices } from '../../app/session.js';
import { latLngText } from '../../ui/format.js';
import { ClockIcon } from '../../ui/icons.js';
import { MessageText } from './message-text.js';

/** A queued message, shown after the delivered ones. */
export function PendingItem({
  entry,
  progress,
  online,
}: {
  entry: OutboxEntry;
  progress: SendProgress | null;
  online: boolean;
}) {
  const { outbox } = useServices();
  const previews = useMemo(() => entry.photos.map((p) => URL.createObjectURL(p.blob)), [entry.photos]);
  useEffect(
    () => () => {
      for (const u of previews) URL.revokeObjectURL(u);
    },
    [previews],
  );

  return (
    <li className="msg msg-mine msg-pending">
      <article aria-label="Your message, not sent yet">
        <header className="msg-head">
          <span className="msg-author">You</span>
        </header>
        {entry.body && <MessageText body={entry.body} />}
        {previews.length > 0 && (
          <ul className="photo-grid">
            {previews.map((src, i) => (
              <li key={src}>
                <img
                  className="photo-pending"
                  src={src}
                  alt={`Attachment ${i + 1} of ${previews.length}, not sent yet`}
                />
              </li>
            ))}
          </ul>
        )}
        {entry.location && (
          <p className="msg-location-title">Location: {latLngText(entry.location.lat, entry.location.lng)}</p>
        )}
        <footer className="msg-foot msg-status">
          <Status entry={entry} progress={progress} online={online} />
        </footer>
        {entry.error && (
          <div className="button-row">
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void outbox.retry(entry.clientId)}
            >
              Try again
            </button>
            <button
              type="button"
              className="btn btn-quiet btn-quiet-danger"
              onClick={() => void outbox.discard(entry.clientId)}
            >
              Discard
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

function Status({
  entry,
  progress,
  online,
}: {
  entry: OutboxEntry;
  progress: SendProgress | null;
  online: boolean;
}) {
  if (entry.error) {
    return (
      <span className="status-error" role="alert">
        <strong>Not sent:</strong> {entry.error}
      </span>
    );
  }
  if (progress && progress.photoIndex !== null) {
    const label = `Uploading photo ${progress.photoIndex + 1} of ${entry.photos.length}`;
    return (
      <span className="status-progress">
        <span>{label}…</span>
        <progress max={1} value={progress.fraction} aria-label={label} />
      </span>
    );
  }
  if (progress) return <span>Sending…</span>;
  return (
    <span className="status-waiting">
      <ClockIcon /> {online ? 'Waiting to send' : 'Waiting for signal'}
    </span>
  );
}
