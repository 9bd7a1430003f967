// API tokens for scripts: list with last use, create with a name (the secret shown once), revoke after a check.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { createToken, listTokens, revokeToken } from '../../api/client.js';
import type { ApiTokenView, CreatedToken } from '../../api/types.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { fieldError, TextField } from '../../ui/fields.js';
import { shortDate } from '../../ui/format.js';
import { lastUsedText, MAX_TOKEN_NAME, sortTokens, tokenNameProblem } from './account.js';

/** The API tokens panel of the account page. */
export function TokensSection() {
  const [tokens, setTokens] = useState<ApiTokenView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDialog, confirm] = useConfirm();

  const load = useCallback(() => {
    listTokens()
      .then((all) => setTokens(sortTokens(all)))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const problem = tokenNameProblem(name);
    setNameProblem(problem);
    if (problem) {
      e.currentTarget.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setRevoked(null);
    try {
      const made = await createToken(name.trim());
      setCreated(made);
      setName('');
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiTokenView) => {
    const ok = await confirm({
      title: `Revoke “${token.name}”?`,
      body: 'Scripts using this token stop working at once. This cannot be undone; you can create a new token.',
      confirmLabel: 'Revoke token',
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      await revokeToken(token.id);
      if (created?.apiToken.id === token.id) setCreated(null);
      setRevoked(`“${token.name}” has been revoked.`);
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="tokens-h" className="panel">
      <h2 id="tokens-h">API tokens for scripts</h2>
      <p>
        A script or another program can use Fellwatch as you with a token, sent as{' '}
        <code>Authorization: Bearer …</code>. It can do everything you can, so keep it as safe as a password.
      </p>
      <ErrorBanner error={fieldError(error, 'name') ? null : error} onDismiss={() => setError(null)} />
      {revoked && (
        <Banner kind="success" onDismiss={() => setRevoked(null)}>
          {revoked}
        </Banner>
      )}

      <form className="form" onSubmit={create} noValidate>
        <TextField
          label="Token name"
          hint="Say what it is for, e.g. “nightly backup” or “parish newsletter”."
          value={name}
          maxLength={MAX_TOKEN_NAME}
          autoComplete="off"
          error={nameProblem ?? fieldError(error, 'name')}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {created && <CreatedTokenBanner created={created} onDone={() => setCreated(null)} />}

      <h3 id="token-list-h">Your tokens</h3>
      {!tokens && !error && <Loading>Loading your tokens…</Loading>}
      {tokens && tokens.length === 0 && <p className="muted">You have no API tokens.</p>}
      {tokens && tokens.length > 0 && (
        <ul className="card-list" aria-labelledby="token-list-h">
          {tokens.map((t) => (
            <li key={t.id} className="card token-card">
              <p className="card-title">{t.name}</p>
              <p className="token-dates">
                Created {shortDate(t.createdAt)} · {lastUsedText(t.lastUsedAt)}
              </p>
              <button type="button" className="btn btn-secondary" onClick={() => void revoke(t)}>
                Revoke<span className="visually-hidden"> token “{t.name}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ApiReference />
      {confirmDialog}
    </section>
  );
}

/** A link to the server's readable API reference, for people writing scripts. */
export function ApiReference() {
  return (
    <p className="api-reference">
      Writing a script? See the <a href="/api/v1/docs">API reference</a>.
    </p>
  );
}

/** The new token's secret, shown this once, with a copy button. */
function CreatedTokenBanner({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // The secret is what the person came for: put focus on it (which selects it) so it is read out first.
  useEffect(() => {
    box.current?.querySelector('input')?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('Token copied. Paste it into your script’s settings now.');
    } catch {
      setCopied('Could not copy automatically: select the token above and copy it.');
    }
  };
  return (
    <Banner kind="warning" label={`Token “${created.apiToken.name}” created`}>
      <p>
        <strong>Copy it now: it will not be shown again.</strong> If you lose it, revoke it and create a new
        one.
      </p>
      <div ref={box}>
        <TextField
          label="Your new token"
          readOnly
          className="token-secret"
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          I have copied it
        </button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </Banner>
  );
}
