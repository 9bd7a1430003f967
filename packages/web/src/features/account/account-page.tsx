// My account: my details (seen only by me), notifications on this phone, organisations and badges, my
// reports to the police, Herbert Protocol profiles, API tokens, the API reference, signing out.
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { badgeText } from '../../ui/format.js';
import { ShieldIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { myBadges, myOrganisations } from './account.js';
import { ProfilesSection } from './profiles-section.js';
import { PushSection } from './push-section.js';
import { SignOutSection } from './sign-out-section.js';
import { ApiReference, TokensSection } from './tokens-section.js';

/** The page at /account. */
export function AccountPage() {
  const { state } = useSession();
  if (state.status !== 'signed_in') return null;
  const { me, savedOnly } = state;
  const organisations = myOrganisations(me);
  const badges = myBadges(me);

  return (
    <Page title="Your account">
      <section aria-labelledby="details-h" className="panel">
        <h2 id="details-h">Your details</h2>
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{me.displayName}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd className="break">{me.email}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{me.phone ?? <span className="muted">Not given</span>}</dd>
          </div>
        </dl>
        <p className="muted small">
          Only you see your email and phone number. Other members see your name and verified badges.
        </p>
      </section>

      <PushSection />

      <section aria-labelledby="organisations-h" className="panel">
        <h2 id="organisations-h">Organisations and badges</h2>
        {me.isPlatformAdmin && (
          <p>
            <span className="role-tag">Platform admin</span> You can create organisations and manage every
            group.
          </p>
        )}
        {organisations.length === 0 && (
          <p className="muted">You are not part of any organisation, so you have no verified badges.</p>
        )}
        {organisations.length > 0 && badges.length === 0 && (
          <p className="muted">You have no verified badges.</p>
        )}
        {badges.length > 0 && (
          <>
            <p>Members see these badges beside your name:</p>
            <p className="badge-line">
              {badges.map((b) => (
                <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
                  <ShieldIcon size={14} /> {badgeText(b)}
                </span>
              ))}
            </p>
          </>
        )}
        {organisations.length > 0 && (
          <ul className="plain-list" aria-label="Your organisations">
            {organisations.map((o) => (
              <li key={o.id}>
                <strong>{o.name}</strong>
                {o.roles.map((r) => (
                  <span key={r} className="role-tag">
                    {r}
                  </span>
                ))}
                {o.seesEscalations && (
                  <Link to={`/organisations/${o.id}/escalations`}>
                    Passed to the police<span className="visually-hidden"> from {o.name}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="reports-h" className="panel">
        <h2 id="reports-h">Reports to the police</h2>
        <p>
          When a group’s admins or an officer pass something you posted to the police, you can see what
          happened and choose whether to share your phone number or email for it.
        </p>
        <p>
          <Link to="/escalations/mine">My reports to the police</Link>
        </p>
      </section>

      <ProfilesSection me={me} />

      {savedOnly ? (
        <section aria-labelledby="tokens-h" className="panel">
          <h2 id="tokens-h">API tokens for scripts</h2>
          <p className="muted">Your API tokens can be managed when the signal returns.</p>
          <ApiReference />
        </section>
      ) : (
        <TokensSection />
      )}

      <SignOutSection />
    </Page>
  );
}
