// Reporting a sighting: when (now, unless changed), where (a point or a place in any format), a note and photos.
import { type FormEvent, useRef, useState } from 'react';
import { makeClientId } from '../../api/client-id.js';
import { addSighting, type SightingAdded } from '../../api/sightings.js';
import type { GeoPoint } from '../../api/types.js';
import { ErrorSummary, FormProblem, holdEnterInFields } from '../../ui/error-summary.js';
import { TextArea, TextField } from '../../ui/fields.js';
import { plural } from '../../ui/format.js';
import { submitFailure } from '../../ui/submit-failure.js';
import { localInputValue, localTime } from '../alerts/alert-draft.js';
import { NO_PLACE, PlaceField, type PlaceValue, placeToSend } from '../alerts/place-field.js';
import { PhotoFieldset } from '../composer/attachments.js';
import { useFormPhotos } from '../composer/form-photos.js';
import { type SightingProblems, sightingFieldOf, sightingProblems } from './missing-labels.js';

/** The most photos one sighting carries (the server's limit). */
const MAX_SIGHTING_PHOTOS = 4;

type FormErrors = SightingProblems & { photos?: string };

interface SightingFormProps {
  alertId: string;
  /** The group I report from: photos are uploaded to it. */
  groupId: string;
  /** Where short plus codes are taken to be near, and where the map opens. */
  near: GeoPoint | null;
  onAdded: (added: SightingAdded) => void;
  onCancel: () => void;
}

/** One sighting, from empty to sent; sent once however often the button is pressed. */
export function SightingForm({ alertId, groupId, near, onAdded, onCancel }: SightingFormProps) {
  const [seenAt, setSeenAt] = useState(() => localInputValue(Date.now()));
  const [place, setPlace] = useState<PlaceValue>(NO_PLACE);
  const [note, setNote] = useState('');
  const [clientId] = useState(makeClientId);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const photos = useFormPhotos(MAX_SIGHTING_PHOTOS, (leftOut) =>
    setServerErrors((e) => ({
      ...e,
      photos:
        leftOut > 0
          ? `A sighting can carry up to ${MAX_SIGHTING_PHOTOS} photos; ${plural(leftOut, 'file was', 'files were')} left out.`
          : undefined,
    })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const summaryBox = useRef<HTMLDivElement>(null);

  const draft = { hasPoint: !!place.location, typed: place.typed, seenAt: localTime(seenAt), note };
  const errors: FormErrors = { ...(attempted ? sightingProblems(draft) : {}), ...serverErrors };
  const errorList = Object.values(errors).filter((m): m is string => !!m);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setAttempted(true);
    setServerErrors({});
    // With no signal to check it, the words are sent as typed, which is still a place.
    const where = await placeToSend(place, { near, setBusy, setPlace }).catch(() => place);
    const at = localTime(seenAt);
    const problems = sightingProblems({ hasPoint: !!where.location, typed: where.typed, seenAt: at, note });
    if (Object.keys(problems).length > 0 || at === null) {
      requestAnimationFrame(() => summaryBox.current?.focus());
      return;
    }
    try {
      const photoIds = await photos.send(groupId, setBusy);
      setBusy('Sending the sighting…');
      const added = await addSighting(alertId, {
        clientId,
        groupId,
        seenAt: at,
        location: where.location ? { lat: where.location.lat, lng: where.location.lng } : undefined,
        placeText: where.typed.trim() || undefined,
        note: note.trim(),
        photoIds,
      });
      onAdded(added);
    } catch (err) {
      setBusy(null);
      const failure = submitFailure(err, {
        noSignal:
          'No signal: the sighting is not sent yet. It is kept here; press “Send sighting” again when you have signal.',
        byStatus: {
          409: 'This alert is closed now, so sightings are no longer taken. Thank you for looking.',
        },
        fieldOf: sightingFieldOf,
      });
      if (failure.field) {
        setServerErrors({ [failure.field]: failure.message });
        requestAnimationFrame(() => summaryBox.current?.focus());
      } else setProblem(failure.message);
    }
  };

  return (
    <form className="form sighting-form" onSubmit={submit} noValidate onKeyDown={holdEnterInFields}>
      <ErrorSummary ref={summaryBox} messages={errorList} />
      <TextField
        label="When did you see them? (required)"
        type="datetime-local"
        value={seenAt}
        aria-required
        error={errors.seenAt ?? null}
        onChange={(e) => setSeenAt(e.target.value)}
      />
      <PlaceField
        value={place}
        onChange={(p) => {
          setServerErrors({});
          setPlace(p);
        }}
        near={near}
        error={errors.place ?? null}
        legend="Where did you see them? (required)"
        hint="Your location, a pin on the map, or the place typed in words or any grid format."
      />
      <TextArea
        label="What did you see?"
        optional
        hint="Which way they were going, what they wore, who they were with."
        rows={3}
        maxLength={1000}
        value={note}
        error={errors.note ?? null}
        onChange={(e) => setNote(e.target.value)}
      />
      <PhotoFieldset
        hint="Only if it is safe and kind to take one. Location details are removed from photos."
        photos={photos.photos}
        onAdd={photos.add}
        onRemove={photos.remove}
        max={MAX_SIGHTING_PHOTOS}
        addLabels={['Add a photo', 'Add another photo']}
        problems={[errors.photos]}
      />
      <FormProblem problem={problem} />
      <p className="visually-hidden" role="status">
        {busy ?? ''}
      </p>
      <div className="button-row">
        <button type="submit" className="btn btn-primary btn-large" disabled={!!busy}>
          {busy ?? 'Send sighting'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={!!busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
