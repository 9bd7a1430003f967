// The message composer: text with a counter near the limit, photos, a location, replies; queued when offline.
// Every message is read by the same risk check the server runs: a worrying one shows the emergency
// guidance at once, on this phone, even without signal.
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { BODY_WARNING_AT, MAX_BODY, MAX_PHOTOS } from '../../api/limits.js';
import type { GeoPoint, MessageView } from '../../api/types.js';
import { useServices } from '../../app/session.js';
import { plural } from '../../ui/format.js';
import { CameraIcon, PinIcon, SendIcon } from '../../ui/icons.js';
import { type Guidance, telHref } from '../safety/guidance.js';
import { loadRiskCheck, readsAsRisk } from '../safety/risk-check.js';
import { RiskDialog } from '../safety/risk-dialog.js';
import { type AttachedPhoto, LocationChip, PhotoTray } from './attachments.js';
import { attachPhotos, takeImages } from './form-photos.js';
import { LocationPanel } from './location-panel.js';

interface ComposerProps {
  groupId: string;
  replyTo: MessageView | null;
  onCancelReply: () => void;
  onSent: () => void;
  /** Where the map opens when picking a place: the group's area, if it has one. */
  centre: GeoPoint | null;
  /** The numbers to call, as the group's organisation set them (999 and 101 until known). */
  guidance: Guidance;
  /** Whether anyone is watching the group now (false when not known). */
  watchedNow: boolean;
  /** Whether the phone has signal: a message without it waits in the outbox. */
  online: boolean;
}

/** Phones type newlines with Enter; a keyboard and mouse sends with it (Shift+Enter for a new line). */
function enterSends(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: hover) and (pointer: fine)').matches;
}

/** Writes and sends a message; every message goes through the outbox, so no signal only means a wait. */
export function Composer({
  groupId,
  replyTo,
  onCancelReply,
  onSent,
  centre,
  guidance,
  watchedNow,
  online,
}: ComposerProps) {
  const { outbox } = useServices();
  const [riskShown, setRiskShown] = useState(false);
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  const [location, setLocation] = useState<GeoPoint | null>(null);
  const [locationOpen, setLocationOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const textId = useId();
  const counterId = useId();

  // Object URLs for previews are freed when photos are removed or sent.
  const photosRef = useRef(photos);
  photosRef.current = photos;
  useEffect(
    () => () => {
      for (const p of photosRef.current) URL.revokeObjectURL(p.preview);
    },
    [],
  );

  useEffect(() => {
    if (replyTo) text.current?.focus();
  }, [replyTo]);

  // The full risk check loads while the member reads, so it is there when they send.
  useEffect(() => {
    void loadRiskCheck();
  }, []);

  const left = MAX_BODY - body.length;
  const canSend = !busy && (body.trim().length > 0 || photos.length > 0 || location !== null) && left >= 0;

  const addFiles = (files: FileList | null) => {
    if (!files) return;
    const picked = [...files];
    const { taken, leftOut: skipped } = takeImages(picked, MAX_PHOTOS - photos.length);
    setPhotos((p) => [...p, ...attachPhotos(taken)]);
    setNotice(
      skipped > 0
        ? picked.some((f) => !f.type.startsWith('image/'))
          ? 'Only photos can be attached; other files were left out.'
          : `A message can carry up to ${MAX_PHOTOS} photos; ${plural(skipped, 'photo was', 'photos were')} left out.`
        : null,
    );
    if (fileInput.current) fileInput.current.value = '';
  };

  const removePhoto = (key: string) => {
    setPhotos((p) => {
      const gone = p.find((x) => x.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return p.filter((x) => x.key !== key);
    });
  };

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    // Before anything else: the guidance opens in the same moment the message is sent.
    if (readsAsRisk(body)) setRiskShown(true);
    setBusy(true);
    try {
      await outbox.add({
        groupId,
        body,
        replyToId: replyTo?.id ?? null,
        location,
        photos: photos.map((p) => ({ name: p.file.name || 'photo.jpg', blob: p.file })),
      });
      for (const p of photos) URL.revokeObjectURL(p.preview);
      setBody('');
      setPhotos([]);
      setLocation(null);
      setLocationOpen(false);
      setNotice(null);
      onSent();
    } catch {
      setNotice('This phone could not store the message. Check that storage is not full, then try again.');
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && enterSends()) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <form className="composer" onSubmit={send} aria-label="Write a message">
      {riskShown && (
        <RiskDialog
          guidance={guidance}
          watchedNow={watchedNow}
          online={online}
          onClose={() => {
            setRiskShown(false);
            text.current?.focus();
          }}
        />
      )}
      {replyTo && (
        <div className="composer-reply">
          <p>
            <span className="muted">Replying to </span>
            <strong>{replyTo.author.displayName}</strong>
            <span className="composer-reply-text">
              {replyTo.body ? `: ${replyTo.body.slice(0, 80)}${replyTo.body.length > 80 ? '…' : ''}` : ''}
            </span>
          </p>
          <button type="button" className="btn btn-quiet" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      )}
      {photos.length > 0 && <PhotoTray photos={photos} onRemove={removePhoto} />}
      {location && <LocationChip location={location} onRemove={() => setLocation(null)} />}
      {locationOpen && (
        <LocationPanel
          centre={centre}
          onChoose={(p) => {
            setLocation(p);
            setLocationOpen(false);
          }}
          onClose={() => setLocationOpen(false)}
        />
      )}
      {notice && (
        <p className="composer-notice" role="status">
          {notice}
        </p>
      )}
      <p className="composer-guidance">
        Not for emergencies. In danger now? Call{' '}
        <a href={telHref(guidance.emergencyNumber)} className="tel-link">
          {guidance.emergencyNumber}
        </a>
      </p>
      <div className="composer-row">
        <button
          type="button"
          className="btn-icon btn-attach"
          aria-label={`Add photos (${photos.length} of ${MAX_PHOTOS} attached)`}
          onClick={() => fileInput.current?.click()}
          disabled={photos.length >= MAX_PHOTOS}
        >
          <CameraIcon />
        </button>
        <button
          type="button"
          className="btn-icon btn-attach"
          aria-label={location ? 'Change location' : 'Add location'}
          aria-expanded={locationOpen}
          onClick={() => setLocationOpen((o) => !o)}
        >
          <PinIcon />
        </button>
        <label htmlFor={textId} className="visually-hidden">
          Message
        </label>
        <textarea
          id={textId}
          ref={text}
          className="composer-text"
          placeholder="Write a message…"
          rows={1}
          value={body}
          maxLength={MAX_BODY}
          aria-describedby={body.length >= BODY_WARNING_AT ? counterId : undefined}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="btn btn-primary btn-send" disabled={!canSend}>
          <SendIcon />
          <span>Send</span>
        </button>
      </div>
      {body.length >= BODY_WARNING_AT && (
        <p
          id={counterId}
          className={left < 100 ? 'composer-counter composer-counter-low' : 'composer-counter'}
          aria-live="polite"
        >
          {plural(left, 'character', 'characters')} left
        </p>
      )}
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => addFiles(e.target.files)}
      />
    </form>
  );
}
