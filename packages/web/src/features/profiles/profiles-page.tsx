// The page at /profiles: the Herbert Protocol profiles I filed, what they are for, and how to file one.
import { useEffect, useState } from 'react';
import {
  deleteProfile,
  listProfiles,
  type ProfileListing,
  type UnreadableProfileSummary,
} from '../../api/profiles.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { shortDate } from '../../ui/format.js';
import { BackIcon, ShieldIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { isOfficer } from '../alerts/permissions.js';
import { profileTitle, UNREADABLE_PROFILE } from './profile-draft.js';
import './profiles.css';

/** My profiles, newest filed last, each opening its page. */
export function ProfilesPage() {
  const { state } = useSession();
  const officer = state.status === 'signed_in' && isOfficer(state.me);
  const [listing, setListing] = useState<ProfileListing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmDialog, confirm] = useConfirm();
  const profiles = listing?.profiles ?? null;
  const unreadable = listing?.unreadable ?? [];

  useEffect(() => {
    const abort = new AbortController();
    listProfiles(abort.signal)
      .then(setListing)
      .catch((err) => {
        if (!abort.signal.aborted) setError(err);
      });
    return () => abort.abort();
  }, []);

  const remove = async (profile: UnreadableProfileSummary) => {
    const ok = await confirm({
      title: 'Delete this profile?',
      body: 'It cannot be opened, so it cannot be used. It is deleted for good, with its photos.',
      confirmLabel: 'Delete for good',
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      await deleteProfile(profile.id);
      setListing((l) => l && { ...l, unreadable: l.unreadable.filter((p) => p.id !== profile.id) });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Page
      title="Herbert Protocol profiles"
      before={
        <Link to="/account" className="back-link">
          <BackIcon /> Your account
        </Link>
      }
    >
      <p className="lead">
        If someone you look after has dementia, you can write down now what would help the police find them
        quickly if they ever go missing.
      </p>
      <p className="muted small profile-privacy">
        <ShieldIcon size={14} /> Only you can see your profiles. They are stored encrypted, and every time one
        is opened it is recorded. Nothing is shared until you, or a police officer you give the reference to,
        raise a missing-person alert.
      </p>
      <Link to="/profiles/new" className="btn btn-primary btn-block">
        File a new profile
      </Link>
      {officer && (
        <Link to="/profiles/release" className="btn btn-secondary btn-block profile-officer-link">
          Officers: release a profile by reference
        </Link>
      )}

      <h2 id="my-profiles-h">Your profiles</h2>
      <ErrorBanner error={error} />
      {!profiles && !error && <Loading>Loading your profiles…</Loading>}
      {profiles && profiles.length === 0 && unreadable.length === 0 && (
        <p className="muted">You have not filed any profiles.</p>
      )}
      {profiles && profiles.length > 0 && (
        <ul className="card-list" aria-labelledby="my-profiles-h">
          {profiles.map((p) => (
            <li key={p.id} className="card profile-card">
              {p.photo ? (
                <img className="profile-thumb" src={p.photo.thumbUrl} alt="" width={64} height={64} />
              ) : (
                <span className="profile-thumb profile-thumb-empty" aria-hidden="true" />
              )}
              <div>
                <p className="card-title">
                  <Link to={`/profiles/${p.id}`} className="stretched-link">
                    {profileTitle(p)}
                  </Link>
                </p>
                <p className="card-meta">
                  {p.ageNow !== null ? `Aged ${p.ageNow} · ` : ''}Reference{' '}
                  <span className="reference-inline">{p.releaseReference}</span>
                </p>
                <p className="card-meta">
                  {p.releasedAt ? (
                    <span className="status-tag profile-released-tag">
                      Released {shortDate(p.releasedAt)}
                    </span>
                  ) : (
                    `Last changed ${shortDate(p.updatedAt)}`
                  )}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {unreadable.length > 0 && (
        <ul className="card-list" aria-label="Profiles that cannot be opened">
          {unreadable.map((p) => (
            <li key={p.id} className="card profile-card profile-unreadable">
              <span className="profile-thumb profile-thumb-empty" aria-hidden="true" />
              <div>
                <p className="card-title">{UNREADABLE_PROFILE.title}</p>
                <p className="card-meta">{UNREADABLE_PROFILE.hint}</p>
                <p className="card-meta">Filed {shortDate(p.createdAt)}</p>
                <button
                  type="button"
                  className="btn btn-quiet-danger btn-small"
                  onClick={() => void remove(p)}
                >
                  Delete<span className="visually-hidden"> the profile filed {shortDate(p.createdAt)}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirmDialog}
    </Page>
  );
}
