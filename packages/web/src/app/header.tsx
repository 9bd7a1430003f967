// The top bar: the Fellwatch name (home), the admin link for those who have one, and signing out.
import { useState } from 'react';
import { describeError } from '../api/errors.js';
import { useConfirm } from '../ui/confirm.js';
import { plural } from '../ui/format.js';
import { useOutbox } from './hooks.js';
import { Link, navigate } from './router.js';
import { useServices, useSession } from './session.js';

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

function SignedInNav() {
  const session = useSession();
  const { outbox } = useServices();
  const { entries } = useOutbox();
  const [confirmDialog, confirm] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const me = session.state.status === 'signed_in' ? session.state.me : null;
  const isAdmin = !!me && (me.isPlatformAdmin || me.organisations.some((o) => o.isAdmin));

  const signOut = async () => {
    setError(null);
    if (entries.length > 0) {
      const ok = await confirm({
        title: 'Sign out with unsent messages?',
        body: `${plural(entries.length, 'message has', 'messages have')} not been sent yet. Signing out removes ${entries.length === 1 ? 'it' : 'them'} from this phone.`,
        confirmLabel: 'Sign out anyway',
        danger: true,
      });
      if (!ok) return;
    }
    try {
      await session.signOut();
      for (const e of entries) await outbox.discard(e.clientId);
      navigate('/', { replace: true });
    } catch (err) {
      setError(`Could not sign out: ${describeError(err)}`);
    }
  };

  return (
    <nav aria-label="Main" className="app-nav">
      {isAdmin && (
        <Link to="/organisations" className="nav-link">
          Admin
        </Link>
      )}
      <button type="button" className="nav-link nav-button" onClick={() => void signOut()}>
        Sign out
      </button>
      {error && (
        <p className="header-error" role="alert">
          {error}
        </p>
      )}
      {confirmDialog}
    </nav>
  );
}
