// Signing out of this phone, with a check first when messages are still waiting to be sent.
import { useState } from 'react';
import { describeError } from '../../api/errors.js';
import { useOutbox } from '../../app/hooks.js';
import { navigate } from '../../app/router.js';
import { useServices, useSession } from '../../app/session.js';
import { Banner } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { plural } from '../../ui/format.js';
import { turnOffPushBeforeSignOut } from './push.js';

/** The sign-out panel of the account page. */
export function SignOutSection() {
  const session = useSession();
  const { outbox } = useServices();
  const { entries } = useOutbox();
  const [confirmDialog, confirm] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    try {
      // The next person to use this phone must not get the notices meant for this account.
      await turnOffPushBeforeSignOut();
      await session.signOut();
      for (const e of entries) await outbox.discard(e.clientId);
      navigate('/', { replace: true });
    } catch (err) {
      setError(`Could not sign out: ${describeError(err)}`);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sign-out-h" className="panel">
      <h2 id="sign-out-h">Sign out</h2>
      <p>Signing out removes your groups and messages from this phone. Your API tokens keep working.</p>
      {error && <Banner kind="error">{error}</Banner>}
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void signOut()}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {confirmDialog}
    </section>
  );
}
