// The alert form: the kind's fields, place, photos, reach and notes; checks the place, then posts once.
import { assessAlertRisk } from '@fellwatch/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { raiseAlert } from '../../api/alerts.js';
import { makeClientId } from '../../api/client-id.js';
import { describeError } from '../../api/errors.js';
import { MAX_PHOTOS } from '../../api/limits.js';
import type { AlertKind, AlertRaised, MyGroup, Reach } from '../../api/types.js';
import { useSession } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { ErrorSummary, FormProblem, holdEnterInFields } from '../../ui/error-summary.js';
import { TextArea } from '../../ui/fields.js';
import { plural } from '../../ui/format.js';
import { submitFailure } from '../../ui/submit-failure.js';
import { PhotoFieldset } from '../composer/attachments.js';
import { useFormPhotos } from '../composer/form-photos.js';
import { savedGuidance } from '../safety/use-watch-status.js';
import { buildDetails, type DraftErrors, emptyDraft, formFieldOf } from './alert-draft.js';
import { areaCentre, distanceOutsideKm, isFarOutside } from './area.js';
import { KindFields } from './kind-fields.js';
import { rememberMatches } from './matches-store.js';
import { NO_PLACE, PlaceField, type PlaceValue, placeToSend } from './place-field.js';
import { defaultRadiusKm, reachProblem } from './reach.js';
import { ReachField, type ReachValue } from './reach-field.js';

type FormErrors = DraftErrors & { place?: string; reach?: string; photos?: string; summary?: string };

/** Why the server refuses a kind that not everyone may post. */
const FORBIDDEN: Partial<Record<AlertKind, string>> = {
  appeal: 'Only police officers can post appeals.',
  missing: 'Only police officers and the group’s admins and moderators can post a missing person.',
};

interface AlertFormProps {
  kind: AlertKind;
  group: MyGroup;
  onPosted: (raised: AlertRaised) => void;
}

/** One alert of one kind, from empty to posted. */
export function AlertForm({ kind, group, onPosted }: AlertFormProps) {
  const { state } = useSession();
  const myId = state.status === 'signed_in' ? state.me.id : '';
  const [draft, setDraft] = useState(() => emptyDraft(kind));
  const [place, setPlace] = useState<PlaceValue>(NO_PLACE);
  const [reach, setReach] = useState<ReachValue>({ mode: 'radius', radiusKm: String(defaultRadiusKm(kind)) });
  const [reachTouched, setReachTouched] = useState(false);
  const [summary, setSummary] = useState('');
  // Made once for this alert: however often "Post alert" is pressed, the server keeps one copy.
  const [clientId] = useState(makeClientId);
  // After the first "Post alert", problems are worked out afresh on every change, so fixed ones go away.
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [photoNotice, setPhotoNotice] = useState<string | null>(null);
  // A retry after a failed post does not upload the photos that reached the server again.
  const photos = useFormPhotos(MAX_PHOTOS, (leftOut) =>
    setPhotoNotice(
      leftOut > 0
        ? `An alert can carry up to ${MAX_PHOTOS} photos, and only photos; ${plural(leftOut, 'file was', 'files were')} left out.`
        : null,
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const summaryBox = useRef<HTMLDivElement>(null);
  const near = areaCentre(group.area);
  const built = buildDetails(draft);
  const errors: FormErrors = {
    ...(attempted && 'errors' in built ? built.errors : {}),
    ...(attempted ? { reach: reachProblem(reach.mode, reach.radiusKm, !!place.location) ?? undefined } : {}),
    ...serverErrors,
  };

  // The default distance follows what was stolen or found, until the poster changes it by hand.
  useEffect(() => {
    if (!reachTouched)
      setReach((r) => ({ ...r, radiusKm: String(defaultRadiusKm(kind, draft.category ?? undefined)) }));
  }, [kind, draft.category, reachTouched]);

  // The summary takes focus so a screen reader hears what to fix; sighted people see it at the top.
  const focusSummary = () => requestAnimationFrame(() => summaryBox.current?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setAttempted(true);
    setServerErrors({});

    let where: PlaceValue;
    try {
      where = await placeToSend(place, { near, setBusy, setPlace });
    } catch (err) {
      setProblem(describeError(err));
      return;
    }

    const reachError = reachProblem(reach.mode, reach.radiusKm, !!where.location);
    if ('errors' in built || reachError) return focusSummary();
    const wire: Reach =
      reach.mode === 'radius' ? { mode: 'radius', radiusKm: Number(reach.radiusKm) } : { mode: reach.mode };

    if (where.location && isFarOutside(where.location, group.area)) {
      const km = group.area ? Math.round(distanceOutsideKm(where.location, group.area)) : 0;
      const ok = await confirm({
        title: 'Is this right?',
        body: (
          <>
            <p>
              This place is about <strong>{km} km outside</strong> {group.name}’s area
              {where.location.gridRef ? ` (${where.location.gridRef})` : ''}.
            </p>
            <p>A misheard three-word address or a slip on the map sends people to the wrong place.</p>
          </>
        ),
        confirmLabel: 'Yes, the place is right',
      });
      if (!ok) return;
    }

    try {
      const photoIds = await photos.send(group.id, setBusy);
      setBusy('Posting the alert…');
      const raised = await raiseAlert(group.id, {
        clientId,
        details: built.details,
        summary: summary.trim(),
        location: where.location ? { lat: where.location.lat, lng: where.location.lng } : undefined,
        placeText: where.typed.trim() || undefined,
        photoIds,
        reach: wire,
      });
      rememberMatches(myId, raised.alert.id, raised.matches);
      onPosted(raised);
    } catch (err) {
      setBusy(null);
      // The same check the server would run: without signal, whom to call matters more than the alert.
      const urgent =
        kind !== 'missing' &&
        assessAlertRisk({ kind, details: built.details, summary: summary.trim() }).atRisk;
      const failure = submitFailure(err, {
        noSignal: `No signal: the alert is not posted yet. Everything is kept here; press “Post alert” again when you have signal.${
          urgent ? ` If anyone is in danger now, call ${savedGuidance(group.id).emergencyNumber}.` : ''
        }`,
        byStatus: { 403: FORBIDDEN[kind] },
        fieldOf: (serverField) => {
          const field = formFieldOf(serverField);
          return field === 'kind' ? null : field;
        },
      });
      if (failure.field) {
        setServerErrors({ [failure.field]: failure.message });
        focusSummary();
      } else setProblem(failure.message);
    }
  };

  const errorList = Object.values(errors).filter((m): m is string => !!m);

  return (
    <form className="form alert-form" onSubmit={submit} noValidate onKeyDown={holdEnterInFields}>
      <ErrorSummary ref={summaryBox} messages={errorList} />
      <KindFields
        draft={draft}
        onChange={(d) => {
          setServerErrors({});
          setDraft(d);
        }}
        errors={errors}
      />
      <PlaceField
        value={place}
        onChange={(p) => {
          setServerErrors({});
          setPlace(p);
        }}
        near={near}
        error={errors.place ?? null}
        {...(kind === 'missing'
          ? {
              legend: 'Where were they last seen?',
              hint: 'The alert reaches groups near this place and shows it on the map.',
            }
          : {})}
      />
      <PhotoFieldset
        hint="Clear photos help people recognise it. Location details are removed from photos."
        photos={photos.photos}
        onAdd={photos.add}
        onRemove={photos.remove}
        max={MAX_PHOTOS}
        addLabels={['Add photos', 'Add more photos']}
        problems={[photoNotice, errors.photos]}
      />
      <TextArea
        label="Anything else"
        hint="Shown on the card under the details."
        rows={3}
        maxLength={2000}
        value={summary}
        error={errors.summary ?? null}
        onChange={(e) => setSummary(e.target.value)}
      />
      <ReachField
        value={reach}
        onChange={(v) => {
          if (v.radiusKm !== reach.radiusKm) setReachTouched(true);
          setReach(v);
        }}
        organisationName={group.organisationName}
        hasPlace={!!place.location}
        error={errors.reach ?? null}
      />
      <FormProblem problem={problem} />
      <p className="visually-hidden" role="status">
        {busy ?? ''}
      </p>
      <button type="submit" className="btn btn-primary btn-block btn-large" disabled={!!busy}>
        {busy ?? 'Post alert'}
      </button>
      {confirmDialog}
    </form>
  );
}
