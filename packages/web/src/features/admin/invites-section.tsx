// Invite links: create with an expiry and a use limit, copy the new link, see uses, withdraw.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { createInvite, listInvites, revokeInvite } from '../../api/client.js';
import type { CreatedInvite, InviteView } from '../../api/types.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { shortDate, untilText } from '../../ui/format.js';

const DURATIONS = [
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '1 week' },
  { hours: 24 * 30, label: '30 days' },
  { hours: 24 * 90, label: '90 days' },
];

/** The invites section of the group admin page. */
export function InvitesSection({ groupId }: { groupId: string }) {
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [hours, setHours] = useState(24 * 7);
  const [maxUses, setMaxUses] = useState('50');
  const [busy, setBusy] = useState(false);
  const [confirmDialog, confirm] = useConfirm();

  const load = useCallback(() => {
    listInvites(groupId).then(setInvites).catch(setError);
  }, [groupId]);
  useEffect(load, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const c = await createInvite(groupId, { expiresInHours: hours, maxUses: Number(maxUses) });
      setCreated(c);
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (invite: InviteView) => {
    const ok = await confirm({
      title: 'Withdraw this invite link?',
      body: 'Nobody will be able to use it any more. People who already joined stay in the group.',
      confirmLabel: 'Withdraw link',
      danger: true,
    });
    if (!ok) return;
    try {
      await revokeInvite(groupId, invite.id);
      if (created?.invite.id === invite.id) setCreated(null);
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="admin-section">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <section aria-labelledby="new-invite-h">
        <h2 id="new-invite-h">New invite link</h2>
        <p className="muted">
          Anyone with the link can ask to join. You approve each request before they see any messages.
        </p>
        <form className="form" onSubmit={create}>
          <SelectField
            label="The link works for"
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
          >
            {DURATIONS.map((d) => (
              <option key={d.hours} value={d.hours}>
                {d.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="How many people can use it"
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            required
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create invite link'}
          </button>
        </form>
        {created && <CreatedLink created={created} />}
      </section>

      <section aria-labelledby="invites-h">
        <h2 id="invites-h">Invite links</h2>
        {!invites && !error && <Loading>Loading invite links…</Loading>}
        {invites && invites.length === 0 && <p className="muted">No invite links yet.</p>}
        {invites && invites.length > 0 && (
          <ul className="card-list">
            {invites.map((inv) => {
              const state = inviteState(inv);
              return (
                <li key={inv.id} className="card">
                  <p className="card-title">Created {shortDate(inv.createdAt)}</p>
                  <p className="status-tag">{state}</p>
                  <p>
                    Used {inv.uses} of {inv.maxUses} times
                    {state === 'Active' && <> · expires {untilText(inv.expiresAt)}</>}
                  </p>
                  {state === 'Active' && (
                    <button type="button" className="btn btn-secondary" onClick={() => void revoke(inv)}>
                      Withdraw
                      <span className="visually-hidden"> link created {shortDate(inv.createdAt)}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {confirmDialog}
    </div>
  );
}

function inviteState(inv: InviteView): 'Active' | 'Withdrawn' | 'Expired' | 'Used up' {
  if (inv.revokedAt) return 'Withdrawn';
  if (inv.expiresAt <= Date.now()) return 'Expired';
  if (inv.uses >= inv.maxUses) return 'Used up';
  return 'Active';
}

function CreatedLink({ created }: { created: CreatedInvite }) {
  const [copied, setCopied] = useState<string | null>(null);
  const url = new URL(created.url, window.location.origin).toString();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied. Paste it into a message to the person you are inviting.');
    } catch {
      setCopied('Could not copy automatically: press and hold the link above to copy it.');
    }
  };
  return (
    <Banner kind="success" label="Link ready">
      <p>This link is shown only now. Copy it and send it to the people you want to invite.</p>
      <TextField
        label="Invite link"
        readOnly
        className="invite-url"
        value={url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          Copy link
        </button>
        {typeof navigator.share === 'function' && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() =>
              void navigator.share({ title: 'Join our watch group on Fellwatch', url }).catch(() => undefined)
            }
          >
            Share…
          </button>
        )}
      </div>
      {copied && <p role="status">{copied}</p>}
    </Banner>
  );
}
