// Sign in with email and password.
import { type FormEvent, useState } from 'react';
import { login } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { safeNext } from '../../app/paths.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { Banner, ErrorBanner } from '../../ui/banner.js';
import { TextField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';

/** The sign-in form; after signing in, goes on to `next` (a path on this site). */
export function SignInPage({ next, notice }: { next?: string | null; notice?: string | null }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await login({ email: email.trim(), password });
      session.signedIn(me);
      navigate(safeNext(next), { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, 'unauthenticated', 'That email and password do not match an account.')
          : err,
      );
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in" className="page-narrow">
      <p className="lead">Sign in to see your watch groups.</p>
      {notice && <Banner kind="info">{notice}</Banner>}
      <ErrorBanner error={error} />
      <form onSubmit={submit} className="form" noValidate={false}>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">
        New to Fellwatch? Ask your group's admin for an invite link. Accounts are made when you join a group.
      </p>
    </Page>
  );
}
