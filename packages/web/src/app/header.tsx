// The top bar: the Fellwatch name (home), "needs attention" for those who see a queue, going on watch
// for those who may, the admin link for those who have one, and my account.
import { useAttention } from '../features/safety/attention-store.js';
import { AlertIcon } from '../features/safety/safety-icons.js';
import { Banner } from '../ui/banner.js';
import { useGroups } from './hooks.js';
import { Link, navigate, useLocation } from './router.js';
import { useSession } from './session.js';
import '../features/safety/safety.css';

/** The app header. */
export function Header() {
  const { state } = useSession();
  if (state.status === 'signed_in') return <SignedInHeader />;
  return (
    <header className="app-header">
      <Brand />
    </header>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand">
      <img src="/favicon.svg" alt="" width="28" height="28" />
      <span>Fellwatch</span>
    </Link>
  );
}

/**
 * Signing out lives on the account page. With four links beside the name (a watcher who is also an
 * admin, with messages needing attention) the header is "crowded": on a narrow phone the logo alone
 * stands for home, so the bar stays one line.
 */
function SignedInHeader() {
  const session = useSession();
  const { path } = useLocation();
  const groups = useGroups().groups ?? [];
  const { state: attention } = useAttention();
  const me = session.state.status === 'signed_in' ? session.state.me : null;
  const open = attention.queues.reduce((sum, q) => sum + q.open, 0);
  const isAdmin = !!me && (me.isPlatformAdmin || me.organisations.some((o) => o.isAdmin));
  const mayWatch =
    !!me &&
    (me.organisations.some((o) => o.affiliation === 'officer') ||
      groups.some((g) => g.myStatus === 'active' && (g.myRole === 'admin' || g.myRole === 'moderator')));
  const links = 1 + (open > 0 ? 1 : 0) + (mayWatch ? 1 : 0) + (isAdmin ? 1 : 0);
  const current = (to: string) => (path === to ? 'page' : undefined);

  return (
    <>
      <header className={links >= 3 ? 'app-header app-header-crowded' : 'app-header'}>
        <Brand />
        <nav aria-label="Main" className="app-nav">
          {open > 0 && (
            <Link to="/attention" className="nav-link nav-attention" aria-current={current('/attention')}>
              <AlertIcon size={18} /> {open}
              <span className="visually-hidden">
                {' '}
                {open === 1 ? 'message needs' : 'messages need'} attention
              </span>
            </Link>
          )}
          {mayWatch && (
            <Link to="/watch" className="nav-link" aria-current={current('/watch')}>
              Watch
            </Link>
          )}
          {isAdmin && (
            <Link to="/organisations" className="nav-link" aria-current={current('/organisations')}>
              Admin
            </Link>
          )}
          <Link to="/account" className="nav-link" aria-current={current('/account')}>
            Account
          </Link>
        </nav>
      </header>
      <AttentionNotice />
    </>
  );
}

/** A priority notice that arrived while the app is open: prominent, with the way to the queue. */
function AttentionNotice() {
  const { state, store } = useAttention();
  const { path } = useLocation();
  const notice = state.latest;
  if (!notice) return null;
  const queuePath = `/groups/${notice.groupId}/attention`;
  // The queue itself, and the group's own header (which shows the count), need no banner.
  if (path === queuePath || path === `/groups/${notice.groupId}`) return null;
  const groupName = state.queues.find((q) => q.groupId === notice.groupId)?.groupName;
  return (
    <div className="attention-banner">
      <Banner
        kind="error"
        label="Needs attention now"
        onDismiss={() => store.dismiss()}
        action={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              store.dismiss();
              navigate(queuePath);
            }}
          >
            Open
          </button>
        }
      >
        A message in {groupName ?? 'one of your groups'} may mean someone is in danger.
      </Banner>
    </div>
  );
}
