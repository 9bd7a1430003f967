// Releasing a profile into a missing-person alert: by the family member (/profiles/:id/release), or by an
// officer with the family's reference (/profiles/release). One step: choose the group, the last-seen place and time.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { makeClientId } from '../../api/client-id.js';
import { describeError } from '../../api/errors.js';
import {
  getProfile,
  type ProfileView,
  type ReleaseProfileByReference,
  releaseByReference,
  releaseProfile,
} from '../../api/profiles.js';
import type { AlertView, MyGroup } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { ErrorSummary, FormProblem, holdEnterInFields } from '../../ui/error-summary.js';
import { SelectField, TextArea, TextField } from '../../ui/fields.js';
import { BackIcon, PhoneIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { submitFailure } from '../../ui/submit-failure.js';
import { areaCentre } from '../alerts/area.js';
import { travelText } from '../alerts/labels.js';
import { isOfficer } from '../alerts/permissions.js';
import { NO_PLACE, PlaceField, type PlaceValue, placeToSend } from '../alerts/place-field.js';
import { buildRelease, type DraftErrors, emptyRelease, type ReleaseDraft } from './profile-draft.js';
import './profiles.css';

/** The family member's release of their own profile. */
export function ReleasePage({ profileId }: { profileId: string }) {
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const back = (
    <Link to={`/profiles/${profileId}`} className="back-link">
      <BackIcon /> Back to the profile
    </Link>
  );
  useEffect(() => {
    const abort = new AbortController();
    getProfile(profileId, abort.signal)
      .then(setProfile)
      .catch((err) => {
        if (!abort.signal.aborted) setError(err);
      });
    return () => abort.abort();
  }, [profileId]);

  if (!profile) {
    return (
      <Page title="Release as missing" before={back}>
        {error ? <ErrorBanner error={error} /> : <Loading>Opening the profile…</Loading>}
      </Page>
    );
  }
  const called = profile.preferredName ?? profile.name;
  return (
    <Page title={`Report ${called} missing`} before={back}>
      <ReleaseForm
        profileId={profile.id}
        intro={
          <>
            <CallFirst />
            <p>
              This raises a missing-person alert from {called}’s profile in the group you choose. It reaches
              every group within 25 km of where they were last seen, with their name, age, description, photos
              and the places they may go. Medical needs and contacts are not shown.
            </p>
          </>
        }
      />
    </Page>
  );
}

/** An officer's release of a profile by the reference the family gave them. */
export function ReleaseByReferencePage() {
  const { state } = useSession();
  const officer = state.status === 'signed_in' && isOfficer(state.me);
  const back = (
    <Link to="/profiles" className="back-link">
      <BackIcon /> Herbert Protocol profiles
    </Link>
  );
  if (!officer) {
    return (
      <Page title="Release a profile by reference" before={back}>
        <Banner kind="info">
          Only police officers release a profile by its reference. If you filed the profile, open it from your
          profiles and choose “Release as missing”.
        </Banner>
      </Page>
    );
  }
  return (
    <Page title="Release a profile by reference" before={back}>
      <ReleaseForm
        profileId={null}
        intro={
          <p>
            The family gives you the reference from their Herbert Protocol profile. Releasing it raises a
            missing-person alert, confirmed by you, in the group you choose and every group within 25 km of
            the last-seen place. You will not see the profile itself.
          </p>
        }
      />
    </Page>
  );
}

function CallFirst() {
  return (
    <Banner kind="warning" label="In danger now">
      If they may be in danger, call <a href="tel:999">999</a> first, then release the profile.
    </Banner>
  );
}

/**
 * The shared form: group, last seen (time and place), clothing, police reference. Without a profile id
 * it is an officer's release, which also asks for the family's reference.
 */
function ReleaseForm({ profileId, intro }: { profileId: string | null; intro: ReactNode }) {
  const withReference = profileId === null;
  const { groups, loading } = useGroups();
  const active = (groups ?? []).filter((g) => g.myStatus === 'active');
  const [draft, setDraft] = useState<ReleaseDraft>(() => emptyRelease(''));
  const [place, setPlace] = useState<PlaceValue>(NO_PLACE);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [raised, setRaised] = useState<{ alert: AlertView; group: MyGroup } | null>(null);
  // Made once: however often "Raise the alert" is pressed, one alert is raised.
  const [clientId] = useState(makeClientId);
  const summaryBox = useRef<HTMLDivElement>(null);
  const groupId = draft.groupId || (active.length === 1 ? (active[0]?.id ?? '') : '');
  const group = active.find((g) => g.id === groupId) ?? null;
  const near = areaCentre(group?.area);
  const check = (where: { location: PlaceValue['location']; typed: string }) =>
    profileId === null
      ? buildRelease({ ...draft, groupId }, where, clientId, Date.now(), true)
      : buildRelease({ ...draft, groupId }, where, clientId, Date.now());
  const checked = check(place);
  const errors: DraftErrors = {
    ...(attempted && 'errors' in checked ? checked.errors : {}),
    ...serverErrors,
  };
  const errorList = Object.values(errors);

  const change = (patch: Partial<ReleaseDraft>) => {
    setServerErrors({});
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAttempted(true);
    setProblem(null);
    setServerErrors({});
    let where: PlaceValue;
    try {
      where = await placeToSend(place, { near, setBusy, setPlace });
    } catch (err) {
      setProblem(describeError(err));
      return;
    }
    const built = check(where);
    if ('errors' in built) {
      requestAnimationFrame(() => summaryBox.current?.focus());
      return;
    }
    setBusy('Raising the alert…');
    try {
      const alert =
        profileId === null
          ? await releaseByReference(built.body as ReleaseProfileByReference)
          : await releaseProfile(profileId, built.body);
      const chosen = active.find((g) => g.id === groupId);
      if (chosen) setRaised({ alert, group: chosen });
    } catch (err) {
      const failure = submitFailure(err, {
        noSignal: 'No signal: the alert is not raised yet. Everything is kept here; press the button again.',
        fieldOf: (field) => (field?.startsWith('location') ? 'location' : (field ?? null)),
      });
      if (failure.field) {
        setServerErrors({ [failure.field]: failure.message });
        requestAnimationFrame(() => summaryBox.current?.focus());
      } else setProblem(failure.message);
    } finally {
      setBusy(null);
    }
  };

  if (raised) return <Raised alert={raised.alert} group={raised.group} byOfficer={withReference} />;
  if (!groups && loading) return <Loading>Loading your groups…</Loading>;
  if (active.length === 0) {
    return (
      <Banner kind="info">
        You need to be an active member of a group to raise an alert in it. Call 999 if they may be in danger.
      </Banner>
    );
  }

  return (
    <>
      {intro}
      <form className="form release-form" onSubmit={submit} noValidate onKeyDown={holdEnterInFields}>
        <ErrorSummary ref={summaryBox} messages={errorList} />
        {withReference && (
          <TextField
            label="Release reference"
            hint="As the family gave it, e.g. HP-7K3Q-92XD."
            className="reference-input"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            value={draft.reference}
            error={errors.reference ?? null}
            onChange={(e) => change({ reference: e.target.value })}
          />
        )}
        <SelectField
          label="Raise it in"
          hint="The alert also reaches every group within 25 km of where they were last seen."
          value={groupId}
          error={errors.groupId ?? null}
          onChange={(e) => change({ groupId: e.target.value })}
        >
          {active.length > 1 && <option value="">Choose a group</option>}
          {active.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="When were they last seen?"
          type="datetime-local"
          value={draft.lastSeen}
          error={errors.lastSeenAt ?? null}
          onChange={(e) => change({ lastSeen: e.target.value })}
        />
        <PlaceField
          value={place}
          onChange={(p) => {
            setServerErrors({});
            setPlace(p);
          }}
          near={near}
          error={errors.location ?? errors.placeText ?? null}
        />
        <TextArea
          label="What were they wearing?"
          optional
          rows={2}
          maxLength={500}
          value={draft.clothing}
          error={errors.clothing ?? null}
          onChange={(e) => change({ clothing: e.target.value })}
        />
        <TextField
          label="Police reference"
          optional
          hint="The incident or log number, if the police have given one."
          maxLength={40}
          autoComplete="off"
          value={draft.policeReference}
          error={errors.policeReference ?? null}
          onChange={(e) => change({ policeReference: e.target.value })}
        />
        <FormProblem problem={problem} />
        <p className="visually-hidden" role="status">
          {busy ?? ''}
        </p>
        <button type="submit" className="btn btn-danger btn-block btn-large" disabled={!!busy}>
          {busy ?? 'Raise the missing-person alert'}
        </button>
      </form>
    </>
  );
}

/** After the release: where the alert went, and the way to it. */
function Raised({ alert, group, byOfficer }: { alert: AlertView; group: MyGroup; byOfficer: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1}>
      <Banner kind="success" label="Alert raised">
        The missing-person alert is in {group.name}. {travelText(alert.travel)}.
        {alert.status === 'unverified'
          ? ' It shows as “not yet confirmed by police” until an officer confirms it.'
          : ''}
      </Banner>
      {!byOfficer && (
        <>
          <p>If you have not called the police yet, call them now and give them the profile’s reference.</p>
          <p>
            <a href="tel:999" className="btn btn-secondary">
              <PhoneIcon /> Call 999
            </a>
          </p>
        </>
      )}
      <div className="button-row">
        <Link to={`/groups/${group.id}`} className="btn btn-primary">
          Go to {group.name}
        </Link>
        <Link to={`/groups/${group.id}/map?alert=${alert.id}`} className="btn btn-secondary">
          Show on the map
        </Link>
      </div>
    </div>
  );
}
