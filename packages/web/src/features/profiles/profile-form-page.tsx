// The pages at /profiles/new and /profiles/:id/edit: a long form in short sections, photos sending as they are added.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { makeClientId } from '../../api/client-id.js';
import { describeError } from '../../api/errors.js';
import {
  fileProfile,
  getProfile,
  type ProfilePhotoView,
  type ProfileVulnerability,
  saveProfile,
  uploadProfilePhoto,
} from '../../api/profiles.js';
import { Link, navigate } from '../../app/router.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { ErrorSummary, FormProblem, holdEnterInFields } from '../../ui/error-summary.js';
import { CheckboxField, TextArea, TextField } from '../../ui/fields.js';
import { latLngText } from '../../ui/format.js';
import { BackIcon, CameraIcon, PinIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { submitFailure } from '../../ui/submit-failure.js';
import { MapDialog } from '../composer/location-panel.js';
import {
  buildProfileFields,
  type ContactDraft,
  type DraftErrors,
  draftFromProfile,
  emptyContact,
  emptyDraft,
  emptyPlace,
  type PlaceDraft,
  PROFILE_LIMITS,
  type ProfileDraft,
  rowKey,
  VULNERABILITY_LABEL,
} from './profile-draft.js';
import './profiles.css';

/** A photo on the form: already saved, sending, sent, or failed to send. */
interface FormPhoto {
  key: string;
  /** The server's id once sent. */
  id: string | null;
  preview: string;
  /** Set for photos picked on this phone (their preview is an object URL to release). */
  file: File | null;
  /** 0 to 1 while sending. */
  progress: number;
  failed: string | null;
}

const fromSaved = (p: ProfilePhotoView): FormPhoto => ({
  key: rowKey(),
  id: p.id,
  preview: p.thumbUrl,
  file: null,
  progress: 1,
  failed: null,
});

/** Filing a new profile (`profileId` null) or changing one. */
export function ProfileFormPage({ profileId }: { profileId: string | null }) {
  const [loaded, setLoaded] = useState<{ draft: ProfileDraft; photos: FormPhoto[] } | null>(
    profileId ? null : { draft: emptyDraft(), photos: [] },
  );
  const [error, setError] = useState<unknown>(null);
  const title = profileId ? 'Edit the profile' : 'File a new profile';
  const back = (
    <Link to={profileId ? `/profiles/${profileId}` : '/profiles'} className="back-link">
      <BackIcon /> {profileId ? 'Back to the profile' : 'Your profiles'}
    </Link>
  );

  useEffect(() => {
    if (!profileId) return;
    const abort = new AbortController();
    getProfile(profileId, abort.signal)
      .then((p) => setLoaded({ draft: draftFromProfile(p), photos: p.photos.map(fromSaved) }))
      .catch((err) => {
        if (!abort.signal.aborted) setError(err);
      });
    return () => abort.abort();
  }, [profileId]);

  return (
    <Page title={title} before={back}>
      {!loaded ? (
        error ? (
          <ErrorBanner error={error} />
        ) : (
          <Loading>Opening the profile…</Loading>
        )
      ) : (
        <>
          <p className="muted">
            Only you will see this. Fill in what you can now and add the rest later; the fields marked
            (required) are needed to save it.
          </p>
          <ProfileForm profileId={profileId} initial={loaded.draft} initialPhotos={loaded.photos} />
        </>
      )}
    </Page>
  );
}

function ProfileForm({
  profileId,
  initial,
  initialPhotos,
}: {
  profileId: string | null;
  initial: ProfileDraft;
  initialPhotos: FormPhoto[];
}) {
  const [draft, setDraft] = useState(initial);
  const [photos, setPhotos] = useState(initialPhotos);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [mapFor, setMapFor] = useState<string | null>(null);
  // One per filling-in of the form: a Save retried after a lost answer cannot file a second copy.
  const [clientId] = useState(makeClientId);
  const summaryBox = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const photosRef = useRef(photos);
  photosRef.current = photos;

  const built = buildProfileFields(
    draft,
    photos.flatMap((p) => (p.id ? [p.id] : [])),
  );
  const errors: DraftErrors = { ...(attempted && 'errors' in built ? built.errors : {}), ...serverErrors };
  const sending = photos.filter((p) => !p.id && !p.failed);
  const errorList = Object.values(errors);

  // Nothing typed here is kept on the phone: closing the page with changes unsaved asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(
    () => () => {
      for (const p of photosRef.current) if (p.file) URL.revokeObjectURL(p.preview);
    },
    [],
  );

  const change = (patch: Partial<ProfileDraft>) => {
    setDirty(true);
    setServerErrors({});
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setPhoto = (key: string, patch: Partial<FormPhoto>) =>
    setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  /** Sends one photo, showing its progress; a failure leaves it on the form with "Try again". */
  const send = async (photo: FormPhoto) => {
    if (!photo.file) return;
    setPhoto(photo.key, { progress: 0, failed: null });
    try {
      const sent = await uploadProfilePhoto(photo.file, photo.file.name || 'photo.jpg', (fraction) =>
        setPhoto(photo.key, { progress: fraction }),
      );
      setPhoto(photo.key, { id: sent.id, progress: 1 });
    } catch (err) {
      setPhoto(photo.key, { failed: describeError(err) });
    }
  };

  const addFiles = (files: FileList | null) => {
    if (!files) return;
    const room = PROFILE_LIMITS.photos - photos.length;
    const picked = [...files].filter((f) => f.type.startsWith('image/')).slice(0, Math.max(0, room));
    const added = picked.map((file) => ({
      key: rowKey(),
      id: null,
      preview: URL.createObjectURL(file),
      file,
      progress: 0,
      failed: null,
    }));
    setDirty(true);
    setPhotos((all) => [...all, ...added]);
    for (const photo of added) void send(photo);
    if (fileInput.current) fileInput.current.value = '';
  };

  const removePhoto = (key: string) => {
    setDirty(true);
    setPhotos((all) => {
      const gone = all.find((p) => p.key === key);
      if (gone?.file) URL.revokeObjectURL(gone.preview);
      return all.filter((p) => p.key !== key);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setAttempted(true);
    setProblem(null);
    setServerErrors({});
    if ('errors' in built) {
      requestAnimationFrame(() => summaryBox.current?.focus());
      return;
    }
    if (sending.length > 0) {
      setProblem('Wait until the photos have finished sending, then save.');
      return;
    }
    if (photos.some((p) => p.failed)) {
      setProblem('A photo did not send. Try it again or remove it, then save.');
      return;
    }
    setSaving(true);
    try {
      const saved = profileId
        ? await saveProfile(profileId, built.fields)
        : await fileProfile(built.fields, clientId);
      setDirty(false);
      navigate(`/profiles/${saved.id}`, { replace: !profileId });
    } catch (err) {
      setSaving(false);
      const failure = submitFailure(err, {
        noSignal:
          'No signal: the profile is not saved yet. Everything is kept here; press Save again when you have signal.',
        fieldOf: (field) => field || null,
      });
      if (failure.field) {
        setServerErrors({ [failure.field]: failure.message });
        requestAnimationFrame(() => summaryBox.current?.focus());
      } else setProblem(failure.message);
    }
  };

  const error = (field: string) => errors[field] ?? null;

  return (
    <form className="form profile-form" onSubmit={submit} noValidate onKeyDown={holdEnterInFields}>
      <ErrorSummary ref={summaryBox} messages={errorList} />

      <fieldset className="fieldset">
        <legend>About them</legend>
        <TextField
          label="Full name (required)"
          autoComplete="off"
          maxLength={PROFILE_LIMITS.name}
          value={draft.name}
          error={error('name')}
          onChange={(e) => change({ name: e.target.value })}
        />
        <TextField
          label="The name they like to be called"
          optional
          autoComplete="off"
          maxLength={PROFILE_LIMITS.preferredName}
          value={draft.preferredName}
          error={error('preferredName')}
          onChange={(e) => change({ preferredName: e.target.value })}
        />
        <TextField
          label="Date of birth"
          type="date"
          min="1900-01-01"
          value={draft.dateOfBirth}
          error={error('dateOfBirth')}
          onChange={(e) => change({ dateOfBirth: e.target.value })}
        />
        {!draft.dateOfBirth && (
          <TextField
            label="Or their age, if you do not know the date"
            inputMode="numeric"
            className="input-short"
            maxLength={3}
            value={draft.age}
            error={error('age')}
            onChange={(e) => change({ age: e.target.value.replace(/\D/g, '') })}
          />
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>How they look</legend>
        <p className="hint">Fill in at least one. Shown on the alert if they go missing.</p>
        {error('description') && <p className="field-error">{error('description')}</p>}
        <TextField
          label="Height"
          optional
          hint="For example “5 ft 2” or “about 1.6 m”."
          maxLength={PROFILE_LIMITS.height}
          value={draft.height}
          error={error('description.height')}
          onChange={(e) => change({ height: e.target.value })}
        />
        <TextField
          label="Build"
          optional
          maxLength={PROFILE_LIMITS.build}
          value={draft.build}
          error={error('description.build')}
          onChange={(e) => change({ build: e.target.value })}
        />
        <TextField
          label="Hair"
          optional
          maxLength={PROFILE_LIMITS.hair}
          value={draft.hair}
          error={error('description.hair')}
          onChange={(e) => change({ hair: e.target.value })}
        />
        <TextArea
          label="What stands out"
          optional
          hint="Glasses, a walking stick, a scar, the coat they always wear."
          rows={3}
          maxLength={PROFILE_LIMITS.features}
          value={draft.features}
          error={error('description.features')}
          onChange={(e) => change({ features: e.target.value })}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Photos</legend>
        <p className="hint">
          Recent, clear photos of their face help most. Location details are removed. Only you see them until
          the profile is released.
        </p>
        {photos.length > 0 && (
          <ul className="profile-form-photos" aria-label="Photos">
            {photos.map((p, i) => (
              <li key={p.key}>
                <img src={p.preview} alt={`${i + 1} of ${photos.length}`} />
                {!p.id && !p.failed && (
                  <label className="photo-progress">
                    <span className="visually-hidden">Sending photo {i + 1}</span>
                    <progress max={1} value={p.progress} />
                    <span aria-hidden="true">{Math.round(p.progress * 100)}%</span>
                  </label>
                )}
                {p.failed && (
                  <p className="field-error small">
                    Not sent: {p.failed}{' '}
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => void send(p)}>
                      Try again
                    </button>
                  </p>
                )}
                <button type="button" className="btn btn-quiet btn-small" onClick={() => removePhoto(p.key)}>
                  Remove<span className="visually-hidden"> photo {i + 1}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error('photoIds') && <p className="field-error">{error('photoIds')}</p>}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => fileInput.current?.click()}
          disabled={photos.length >= PROFILE_LIMITS.photos}
        >
          <CameraIcon /> {photos.length ? 'Add another photo' : 'Add photos'}
        </button>
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
        <p className="visually-hidden" role="status">
          {sending.length > 0 ? `Sending ${sending.length} photo${sending.length > 1 ? 's' : ''}` : ''}
        </p>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Health</legend>
        <p className="hint">Why they are at risk if they go missing:</p>
        {(Object.keys(VULNERABILITY_LABEL) as ProfileVulnerability[]).map((v) => (
          <CheckboxField
            key={v}
            label={VULNERABILITY_LABEL[v]}
            checked={draft.vulnerabilities.includes(v)}
            onChange={(e) =>
              change({
                vulnerabilities: e.target.checked
                  ? [...draft.vulnerabilities, v]
                  : draft.vulnerabilities.filter((x) => x !== v),
              })
            }
          />
        ))}
        <TextArea
          label="Medical needs"
          optional
          hint="Medication, conditions, hearing or sight. Kept for the police: never shown on an alert."
          rows={3}
          maxLength={PROFILE_LIMITS.medicalNeeds}
          value={draft.medicalNeeds}
          error={error('medicalNeeds')}
          onChange={(e) => change({ medicalNeeds: e.target.value })}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Routines and places</legend>
        <TextArea
          label="Routines"
          optional
          hint="Walks they take, the bus they catch, what they do each day."
          rows={3}
          maxLength={PROFILE_LIMITS.routines}
          value={draft.routines}
          error={error('routines')}
          onChange={(e) => change({ routines: e.target.value })}
        />
        <p className="hint">Places that matter to them: an old home, a chapel, where they used to work.</p>
        {draft.places.map((place, i) => (
          <PlaceRow
            key={place.key}
            place={place}
            index={i}
            error={error(`places.${i}.place`)}
            onChange={(p) => change({ places: draft.places.map((x) => (x.key === p.key ? p : x)) })}
            onRemove={() => change({ places: draft.places.filter((x) => x.key !== place.key) })}
            onPin={() => setMapFor(place.key)}
          />
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          disabled={draft.places.length >= PROFILE_LIMITS.places}
          onClick={() => change({ places: [...draft.places, emptyPlace()] })}
        >
          Add a place
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Who the police can call</legend>
        <p className="hint">At least one. Never shown on an alert.</p>
        {error('contacts') && <p className="field-error">{error('contacts')}</p>}
        {draft.contacts.map((contact, i) => (
          <ContactRow
            key={contact.key}
            contact={contact}
            index={i}
            errors={errors}
            canRemove={draft.contacts.length > 1}
            onChange={(c) => change({ contacts: draft.contacts.map((x) => (x.key === c.key ? c : x)) })}
            onRemove={() => change({ contacts: draft.contacts.filter((x) => x.key !== contact.key) })}
          />
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          disabled={draft.contacts.length >= PROFILE_LIMITS.contacts}
          onClick={() => change({ contacts: [...draft.contacts, emptyContact()] })}
        >
          Add another contact
        </button>
      </fieldset>

      <FormProblem problem={problem} />
      <button type="submit" className="btn btn-primary btn-block btn-large" disabled={saving}>
        {saving ? 'Saving…' : sending.length > 0 ? 'Sending photos…' : 'Save the profile'}
      </button>
      {mapFor && (
        <MapDialog
          centre={draft.places.find((p) => p.key === mapFor)?.point ?? { lat: 54.5, lng: -2.5 }}
          zoom={draft.places.find((p) => p.key === mapFor)?.point ? 14 : 6}
          onChoose={(point) => {
            change({ places: draft.places.map((p) => (p.key === mapFor ? { ...p, point } : p)) });
            setMapFor(null);
          }}
          onClose={() => setMapFor(null)}
        />
      )}
    </form>
  );
}

function PlaceRow({
  place,
  index,
  error,
  onChange,
  onRemove,
  onPin,
}: {
  place: PlaceDraft;
  index: number;
  error: string | null;
  onChange: (p: PlaceDraft) => void;
  onRemove: () => void;
  onPin: () => void;
}) {
  return (
    <div className="profile-row">
      <TextField
        label={`Place ${index + 1}`}
        maxLength={PROFILE_LIMITS.place}
        value={place.place}
        error={error}
        onChange={(e) => onChange({ ...place, place: e.target.value })}
      />
      {place.point && (
        <p className="small">
          <PinIcon size={14} /> Pinned at {latLngText(place.point.lat, place.point.lng)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-quiet btn-small" onClick={onPin}>
          {place.point ? 'Move the pin' : 'Pin it on the map'}
        </button>
        {place.point && (
          <button
            type="button"
            className="btn btn-quiet btn-small"
            onClick={() => onChange({ ...place, point: null })}
          >
            Remove the pin
          </button>
        )}
        <button type="button" className="btn btn-quiet-danger btn-small" onClick={onRemove}>
          Remove<span className="visually-hidden"> place {index + 1}</span>
        </button>
      </div>
    </div>
  );
}

function ContactRow({
  contact,
  index,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  contact: ContactDraft;
  index: number;
  errors: DraftErrors;
  canRemove: boolean;
  onChange: (c: ContactDraft) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <div className="profile-row">
      <TextField
        label={`Contact ${n}: name`}
        autoComplete="off"
        maxLength={PROFILE_LIMITS.contactName}
        value={contact.name}
        error={errors[`contacts.${index}.name`] ?? null}
        onChange={(e) => onChange({ ...contact, name: e.target.value })}
      />
      <TextField
        label="Relationship"
        optional
        hint="Daughter, neighbour, carer…"
        maxLength={PROFILE_LIMITS.relationship}
        value={contact.relationship}
        error={errors[`contacts.${index}.relationship`] ?? null}
        onChange={(e) => onChange({ ...contact, relationship: e.target.value })}
      />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        maxLength={20}
        value={contact.phone}
        error={errors[`contacts.${index}.phone`] ?? null}
        onChange={(e) => onChange({ ...contact, phone: e.target.value })}
      />
      {canRemove && (
        <button type="button" className="btn btn-quiet-danger btn-small" onClick={onRemove}>
          Remove contact {n}
        </button>
      )}
    </div>
  );
}
