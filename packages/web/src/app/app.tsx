// The app shell: header, connection and update banners, and the screen for the current address.
import { lazy, type ReactNode, Suspense } from 'react';
import { SetupPage } from '../features/auth/setup-page.js';
import { SignInPage } from '../features/auth/sign-in-page.js';
import { ConversationPage } from '../features/conversation/conversation-page.js';
import { escalationsRoute } from '../features/escalations/routes.js';
import { GroupMembersPage } from '../features/groups/group-members-page.js';
import { GroupsPage } from '../features/groups/groups-page.js';
import { JoinPage } from '../features/join/join-page.js';
import { missingRoute } from '../features/missing/routes.js';
import { profilesRoute } from '../features/profiles/routes.js';
import { safetyRoute } from '../features/safety/routes.js';
import { Banner, Loading } from '../ui/banner.js';
import { Page } from '../ui/page.js';
import { ConnectionBanner } from './connection-banner.js';
import { Header } from './header.js';
import { matchPath, safeNext } from './paths.js';
import { Link, Redirect, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';
import { useUpdate } from './update.js';

// Admin and account screens are visited rarely: they load on demand to keep the first download small.
const AccountPage = lazy(() =>
  import('../features/account/account-page.js').then((m) => ({ default: m.AccountPage })),
);
const GroupAdminPage = lazy(() =>
  import('../features/admin/group-admin-page.js').then((m) => ({ default: m.GroupAdminPage })),
);
// Alert screens carry the form and the map: loaded when first opened.
const RaiseAlertPage = lazy(() =>
  import('../features/alerts/raise-alert-page.js').then((m) => ({ default: m.RaiseAlertPage })),
);
const GroupMapPage = lazy(() =>
  import('../features/alerts/group-map-page.js').then((m) => ({ default: m.GroupMapPage })),
);
const OrganisationsPage = lazy(() =>
  import('../features/organisation/organisations-page.js').then((m) => ({ default: m.OrganisationsPage })),
);

/** The whole web client. */
export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { path, query } = useLocation();
  const session = useSession();
  const conversation = matchPath('/groups/:id', path);
  return (
    <div className={conversation ? 'app app-fill' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <UpdateBanner />
      {session.state.status === 'signed_in' && <ConnectionBanner savedOnly={session.state.savedOnly} />}
      <main id="main" tabIndex={-1} className={conversation ? 'main main-fill' : 'main'}>
        <Suspense fallback={<Loading>Loading…</Loading>}>{route(path, query, session.state.status)}</Suspense>
      </main>
    </div>
  );
}

function route(
  path: string,
  query: URLSearchParams,
  status: ReturnType<typeof useSession>['state']['status'],
): ReactNode {
  if (path === '/setup') return <SetupPage token={query.get('token')} />;
  // The join page stays mounted while a new account's session starts, so its answer is not lost.
  const join = matchPath('/join/:token', path);
  if (join) return <JoinPage key={join.token} token={join.token ?? ''} />;
  if (status === 'loading') return <Loading>Loading Fellwatch…</Loading>;
  if (status === 'unreachable') return <Unreachable />;
  if (path === '/signin') {
    if (status === 'signed_in') return <Redirect to={safeNext(query.get('next'))} />;
    return <SignInPage next={query.get('next')} />;
  }
  if (status !== 'signed_in') return <SignedOut next={path + (query.toString() ? `?${query}` : '')} />;

  if (path === '/') return <GroupsPage />;
  const group = matchPath('/groups/:id', path);
  if (group?.id) return <ConversationPage key={group.id} groupId={group.id} />;
  const members = matchPath('/groups/:id/members', path);
  if (members?.id) return <GroupMembersPage key={members.id} groupId={members.id} />;
  const newAlert = matchPath('/groups/:id/alerts/new', path);
  if (newAlert?.id) return <RaiseAlertPage key={newAlert.id} groupId={newAlert.id} />;
  const map = matchPath('/groups/:id/map', path);
  if (map?.id) return <GroupMapPage key={map.id} groupId={map.id} />;
  const admin = matchPath('/groups/:id/admin', path);
  if (admin?.id) return <GroupAdminPage key={admin.id} groupId={admin.id} />;
  if (path === '/organisations') return <OrganisationsPage />;
  if (path === '/account') return <AccountPage />;
  for (const featureRoute of [safetyRoute, escalationsRoute, missingRoute, profilesRoute]) {
    const screen = featureRoute(path, query);
    if (screen) return screen;
  }
  return <NotFound />;
}

function SignedOut({ next }: { next: string }) {
  const { state } = useSession();
  const reason = state.status === 'signed_out' ? state.reason : null;
  return <SignInPage next={next === '/' ? null : next} notice={reason} />;
}

function Unreachable() {
  const session = useSession();
  return (
    <Page title="No signal">
      <Banner kind="warning" label="No signal">
        Fellwatch cannot reach the server, and nothing is saved on this phone yet.
      </Banner>
      <p>Check that mobile data or Wi-Fi is on, then try again.</p>
      <button type="button" className="btn btn-primary" onClick={session.recheck}>
        Try again
      </button>
    </Page>
  );
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address.</p>
      <Link to="/" className="btn btn-primary">
        Go to your groups
      </Link>
    </Page>
  );
}

function UpdateBanner() {
  const { ready, apply } = useUpdate();
  if (!ready) return null;
  return (
    <div className="top-banner">
      <Banner
        kind="info"
        label="Update"
        action={
          <button type="button" className="btn btn-secondary" onClick={apply}>
            Reload now
          </button>
        }
      >
        A new version of Fellwatch is ready.
      </Banner>
    </div>
  );
}
