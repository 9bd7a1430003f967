// The top bar: the Fellwatch name (home), the admin link for those who have one, and my account.
import { Link, useLocation } from './router.js';
import { useSession } from './session.js';

/** The app header. */
export function Header() {
  const { state } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>Fellwatch</span>
      </Link>
      {state.status === 'signed_in' && <SignedInNav />}
    </header>
  );
}

// Signing out lives on the account page: three buttons do not fit beside the name on a 360 px screen.
function SignedInNav() {
  const session = useSession();
  const { path } = useLocation();
  const me = session.state.status === 'signed_in' ? session.state.me : null;
  const isAdmin = !!me && (me.isPlatformAdmin || me.organisations.some((o) => o.isAdmin));

  return (
    <nav aria-label="Main" className="app-nav">
      {isAdmin && (
        <Link
          to="/organisations"
          className="nav-link"
          aria-current={path === '/organisations' ? 'page' : undefined}
        >
          Admin
        </Link>
      )}
      <Link to="/account" className="nav-link" aria-current={path === '/account' ? 'page' : undefined}>
        Account
      </Link>
    </nav>
  );
}
