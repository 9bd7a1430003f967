// Joining a group from an invite link: what the group is, its rules and questions, then a request to join.
import { type FormEvent, useEffect, useState } from 'react';
import { acceptInvite, getMe, previewInvite } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { AcceptedInvite, InvitePreview } from '../../api/types.js';
import { Link, navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fieldError, TextArea } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { AccountFields, type AccountValues, emptyAccount, toNewAccount } from '../auth/account-fields.js';

/** The page at /join/:token. */
export function JoinPage({ token }: { token: string }) {
  const session = useSession();
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [account, setAccount] = useState<AccountValues>(emptyAccount);
  const [answers, setAnswers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AcceptedInvite | null>(null);

  useEffect(() => {
    previewInvite(token)
      .then((p) => {
        setPreview(p);
        setAnswers(p.group.vettingQuestions.map(() => ''));
      })
      .catch(setLoadError);
  }, [token]);

  const signedIn = session.state.status === 'signed_in' ? session.state.me : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const accepted = await acceptInvite(token, {
        answers: answers.map((a) => a.trim()),
        ...(signedIn ? {} : { account: toNewAccount(account) }),
      });
      setResult(accepted);
      if (!signedIn) {
        // A new account came with a session cookie: start the session so the groups list shows the request.
        const me = await getMe().catch(() => null);
        if (me) session.signedIn(me);
      }
      if (accepted.status === 'active') navigate(`/groups/${accepted.groupId}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) {
    const gone = loadError instanceof ApiError && (loadError.status === 410 || loadError.status === 404);
    return (
      <Page title="Invite link">
        {gone ? (
          <Banner kind="error" label="This link does not work">
            The invite link has expired, been used up or been withdrawn. Ask the group's admin for a new one.
          </Banner>
        ) : (
          <ErrorBanner error={loadError} />
        )}
      </Page>
    );
  }
  if (!preview || (session.state.status === 'loading' && !result)) {
    return (
      <Page title="Invite link">
        <Loading>Opening the invite…</Loading>
      </Page>
    );
  }

  const g = preview.group;
  if (result && result.status !== 'active') {
    return (
      <Page title={`Join ${g.name}`} heading="Request sent">
        <Banner kind="success" label="Thank you">
          Your request is waiting for an admin's approval.
        </Banner>
        <p>
          An admin of <strong>{g.name}</strong> will check your answers. Once approved, the group appears in
          your list and you can read and post messages.
        </p>
        <Link to="/" className="btn btn-primary">
          Go to your groups
        </Link>
      </Page>
    );
  }

  return (
    <Page title={`Join ${g.name}`} heading={`Join ${g.name}`} className="page-narrow">
      <p className="lead">Run by {g.organisationName}</p>
      {g.description && (
        <section aria-labelledby="about-h">
          <h2 id="about-h">About this group</h2>
          <p className="prewrap">{g.description}</p>
        </section>
      )}
      {g.rules && (
        <section aria-labelledby="rules-h" className="rules">
          <h2 id="rules-h">Group rules</h2>
          <p className="prewrap">{g.rules}</p>
        </section>
      )}
      <Banner kind="info" label="Not for emergencies">
        Call <a href="tel:999">999</a> if someone is in danger; <a href="tel:101">101</a> for non-emergencies.
      </Banner>
      <ErrorBanner error={error} />
      <form className="form" onSubmit={submit}>
        {signedIn ? (
          <p className="signed-in-as">
            Signed in as <strong>{signedIn.displayName}</strong> ({signedIn.email}).
          </p>
        ) : (
          <>
            <h2>Your account</h2>
            <p className="muted">
              Already have an account?{' '}
              <Link to={`/signin?next=${encodeURIComponent(`/join/${token}`)}`}>Sign in first</Link>.
            </p>
            <AccountFields value={account} onChange={setAccount} error={error} />
          </>
        )}
        {g.vettingQuestions.length > 0 && (
          <fieldset className="fieldset">
            <legend>Questions from the admins</legend>
            <p className="hint">Your answers help the admins check who you are. Only they can see them.</p>
            {g.vettingQuestions.map((q, i) => (
              <TextArea
                key={q}
                label={q}
                rows={2}
                maxLength={1000}
                required
                value={answers[i] ?? ''}
                error={fieldError(error, `answers.${i}`)}
                onChange={(e) => setAnswers((a) => a.map((x, j) => (j === i ? e.target.value : x)))}
              />
            ))}
          </fieldset>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Sending request…' : signedIn ? `Ask to join ${g.name}` : 'Create account and ask to join'}
        </button>
      </form>
    </Page>
  );
}
