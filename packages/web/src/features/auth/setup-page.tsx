// First run: create the first platform admin with the one-time setup token.
import { type FormEvent, useEffect, useState } from 'react';
import { getSetupStatus, setup } from '../../api/client.js';
import { Link, navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fieldError } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { AccountFields, type AccountValues, emptyAccount, toNewAccount } from './account-fields.js';

/** The setup page at /setup?token=...: shown once, on a new installation. */
export function SetupPage({ token }: { token: string | null }) {
  const session = useSession();
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [account, setAccount] = useState<AccountValues>(emptyAccount);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    getSetupStatus()
      .then((s) => setNeedsSetup(s.needsSetup))
      .catch(setLoadError);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const me = await setup({ ...toNewAccount(account), token });
      session.signedIn(me);
      navigate('/organisations', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Page title="Set up Fellwatch" className="page-narrow">
      <ErrorBanner error={loadError} />
      {needsSetup === null && !loadError && <Loading>Checking this installation…</Loading>}
      {needsSetup === false && (
        <Banner kind="info" label="Already set up">
          Fellwatch has its first administrator. <Link to="/signin">Sign in</Link> instead.
        </Banner>
      )}
      {needsSetup && !token && (
        <Banner kind="error">
          This page needs the setup link printed by the server when it first started (it ends in ?token=…).
        </Banner>
      )}
      {needsSetup && token && (
        <>
          <p className="lead">
            Create the platform administrator account. This person can create organisations and watch groups.
          </p>
          <ErrorBanner error={error} />
          <form className="form" onSubmit={submit}>
            <AccountFields value={account} onChange={setAccount} error={error} />
            {fieldError(error, 'token') && <Banner kind="error">{fieldError(error, 'token')}</Banner>}
            <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
              {busy ? 'Creating account…' : 'Create administrator account'}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
