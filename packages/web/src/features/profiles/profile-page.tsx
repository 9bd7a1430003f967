// The page at /profiles/:id: the profile as filed, its release reference shown large, and what can be done with it.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors.js';
import {
  deleteProfile,
  getProfile,
  type ProfileView,
  renewReference,
  SEALED_UNREADABLE,
} from '../../api/profiles.js';
import { Link, navigate } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { fullTime, latLngText, shortDate } from '../../ui/format.js';
import { BackIcon, PhoneIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { profileTitle, UNREADABLE_PROFILE, VULNERABILITY_LABEL } from './profile-draft.js';
import './profiles.css';

const back = (
  <Link to="/profiles" className="back-link">
    <BackIcon /> Your profiles
  </Link>
);

/** One of my profiles. */
export function ProfilePage({ profileId }: { profileId: string }) {
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDialog, confirm] = useConfirm();

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
    const unreadable = error instanceof ApiError && error.code === SEALED_UNREADABLE;
    const removeUnreadable = async () => {
      const ok = await confirm({
        title: 'Delete this profile?',
        body: 'It cannot be opened, so it cannot be used. It is deleted for good, with its photos.',
        confirmLabel: 'Delete for good',
        danger: true,
      });
      if (!ok) return;
      try {
        await deleteProfile(profileId);
        navigate('/profiles', { replace: true });
      } catch (err) {
        setError(err);
      }
    };
    return (
      <Page title="Profile" before={back}>
        {unreadable ? (
          <>
            <Banner kind="error">{UNREADABLE_PROFILE.title}</Banner>
            <p>{UNREADABLE_PROFILE.hint}</p>
            <button type="button" className="btn btn-quiet-danger" onClick={() => void removeUnreadable()}>
              Delete the profile
            </button>
          </>
        ) : error ? (
          <ErrorBanner error={error} />
        ) : (
          <Loading>Opening the profile…</Loading>
        )}
        {confirmDialog}
      </Page>
    );
  }
  const called = profile.preferredName ?? profile.name;

  const renew = async () => {
    const ok = await confirm({
      title: 'Get a new reference?',
      body: `The reference ${profile.releaseReference} stops working at once. Do this if it was given to someone who should not have it.`,
      confirmLabel: 'Get a new reference',
    });
    if (!ok) return;
    setError(null);
    try {
      setProfile(await renewReference(profile.id));
      setNotice('A new reference has been made. The old one no longer works.');
    } catch (err) {
      setError(err);
    }
  };

  const remove = async () => {
    const ok = await confirm({
      title: `Delete ${called}’s profile?`,
      body: 'The profile and its photos are deleted for good. This cannot be undone.',
      confirmLabel: 'Delete for good',
      danger: true,
    });
    if (!ok) return;
    try {
      await deleteProfile(profile.id);
      navigate('/profiles', { replace: true });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Page title={profileTitle(profile)} before={back}>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice && (
        <Banner kind="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Banner>
      )}
      <ReferenceBox reference={profile.releaseReference} name={called} />
      <Link to={`/profiles/${profile.id}/release`} className="btn btn-danger btn-block btn-large">
        Release as missing
      </Link>
      <p className="muted small">
        If {called} goes missing: call 999 first, then release this profile so members nearby can look out.
        {profile.releasedAt ? ` Last released ${fullTime(profile.releasedAt)}.` : ''}
      </p>

      {profile.photos.length > 0 && (
        <section aria-labelledby="photos-h" className="panel">
          <h2 id="photos-h">Photos</h2>
          <ul className="profile-photos">
            {profile.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img src={p.thumbUrl} alt={`${called}, ${i + 1} of ${profile.photos.length}`} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="about-h" className="panel">
        <h2 id="about-h">About {called}</h2>
        <dl className="details profile-details">
          <Row label="Name" value={profile.name} />
          <Row label="Likes to be called" value={profile.preferredName} />
          <Row
            label={profile.dateOfBirth ? 'Date of birth' : 'Age'}
            value={
              profile.dateOfBirth
                ? `${shortDate(Date.parse(profile.dateOfBirth))}${profile.ageNow !== null ? ` (aged ${profile.ageNow})` : ''}`
                : profile.age !== null
                  ? String(profile.age)
                  : null
            }
          />
          <Row label="Height" value={profile.description.height} />
          <Row label="Build" value={profile.description.build} />
          <Row label="Hair" value={profile.description.hair} />
          <Row label="What stands out" value={profile.description.features} />
          <Row
            label="Why they are at risk"
            value={profile.vulnerabilities.map((v) => VULNERABILITY_LABEL[v]).join(', ') || null}
          />
          <Row label="Medical needs" value={profile.medicalNeeds} />
          <Row label="Routines" value={profile.routines} />
        </dl>
      </section>

      {profile.places.length > 0 && (
        <section aria-labelledby="places-h" className="panel">
          <h2 id="places-h">Places that matter to them</h2>
          <ul className="plain-list">
            {profile.places.map((p) => (
              <li key={`${p.place}-${p.point?.lat ?? ''}`}>
                {p.place}
                {p.point && <span className="muted small"> · {latLngText(p.point.lat, p.point.lng)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="contacts-h" className="panel">
        <h2 id="contacts-h">Who the police can call</h2>
        <ul className="plain-list">
          {profile.contacts.map((c) => (
            <li key={`${c.name}-${c.phone}`} className="profile-contact">
              <span>
                <strong>{c.name}</strong>
                {c.relationship ? `, ${c.relationship}` : ''}
              </span>
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`} className="btn btn-secondary btn-small">
                <PhoneIcon /> {c.phone}
              </a>
            </li>
          ))}
        </ul>
        <p className="muted small">Contacts and medical needs are never shown on an alert.</p>
      </section>

      <div className="button-row profile-actions">
        <Link to={`/profiles/${profile.id}/edit`} className="btn btn-primary">
          Edit the profile
        </Link>
        <button type="button" className="btn btn-secondary" onClick={() => void renew()}>
          Get a new reference
        </button>
        <button type="button" className="btn btn-quiet-danger" onClick={() => void remove()}>
          Delete the profile
        </button>
      </div>
      <p className="muted small">
        Filed {shortDate(profile.createdAt)} · last changed {shortDate(profile.updatedAt)}
      </p>
      {confirmDialog}
    </Page>
  );
}

/** The release reference, large enough to read out over the phone, with what it is for. */
function ReferenceBox({ reference, name }: { reference: string; name: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reference);
      setCopied('Reference copied.');
    } catch {
      setCopied('Could not copy automatically: write the reference down instead.');
    }
  };
  return (
    <section className="reference-box" aria-labelledby="reference-h">
      <h2 id="reference-h">Release reference</h2>
      <p className="reference-code">{reference}</p>
      <p>
        <strong>Give this reference to the police if {name} goes missing.</strong> With it, an officer can
        raise a missing-person alert from this profile straight away. They still cannot read the profile
        itself.
      </p>
      <p className="small">Keep it with the Herbert Protocol form, or on the fridge.</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()}>
        Copy the reference
      </button>
      {copied && (
        <p role="status" className="small">
          {copied}
        </p>
      )}
    </section>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd className="prewrap">{value}</dd>
    </div>
  );
}
