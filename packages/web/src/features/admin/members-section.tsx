// Members of a group for its managers: approve or decline requests, change roles, remove or ban, add by email.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { addMember, decideMember, listMembers, setRole } from '../../api/client.js';
import {
  type GroupRole,
  isMemberForAdmin,
  type ListedMember,
  type MemberDecision,
  type MyGroup,
} from '../../api/types.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { badgeText, plural, shortDate } from '../../ui/format.js';

const ROLE_LABEL: Record<GroupRole, string> = { member: 'Member', moderator: 'Moderator', admin: 'Admin' };

/** The members section of the group admin page. */
export function MembersSection({ group }: { group: MyGroup }) {
  const [members, setMembers] = useState<ListedMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmDialog, confirm] = useConfirm();

  const load = useCallback(() => {
    listMembers(group.id).then(setMembers).catch(setError);
  }, [group.id]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<ListedMember[]>, success: string) => {
    setError(null);
    setDone(null);
    try {
      setMembers(await action());
      setDone(success);
    } catch (err) {
      setError(err);
    }
  };

  const decide = async (m: ListedMember, decision: MemberDecision) => {
    if (decision !== 'approve') {
      const words = {
        decline: ['Decline this request?', `${m.displayName} will not join the group.`, 'Decline'],
        remove: [
          `Remove ${m.displayName}?`,
          'They will stop seeing the group at once. They could ask to join again with a new invite.',
          'Remove from group',
        ],
        ban: [
          `Ban ${m.displayName}?`,
          'They will stop seeing the group at once and cannot join it again.',
          'Ban from group',
        ],
      }[decision];
      const ok = await confirm({
        title: words[0] as string,
        body: words[1],
        confirmLabel: words[2] as string,
        danger: true,
      });
      if (!ok) return;
    }
    const past = { approve: 'approved', decline: 'declined', remove: 'removed', ban: 'banned' }[decision];
    await run(() => decideMember(group.id, m.id, decision), `${m.displayName} has been ${past}.`);
  };

  if (!members) {
    return error ? <ErrorBanner error={error} /> : <Loading>Loading members…</Loading>;
  }
  const pending = members.filter((m) => m.status === 'pending');
  const active = members.filter((m) => m.status === 'active');

  return (
    <div className="admin-section">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {done && (
        <Banner kind="success" onDismiss={() => setDone(null)}>
          {done}
        </Banner>
      )}

      <section aria-labelledby="pending-h">
        <h2 id="pending-h">Waiting for approval ({pending.length})</h2>
        {pending.length === 0 && <p className="muted">No one is waiting.</p>}
        <ul className="card-list">
          {pending.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card-title">{m.displayName}</h3>
              <Badges member={m} />
              {isMemberForAdmin(m) && (
                <>
                  <p className="muted small">Asked on {shortDate(m.joinedAt)}</p>
                  {group.vettingQuestions.length > 0 && (
                    <dl className="answers">
                      {group.vettingQuestions.map((q, i) => (
                        <div key={q}>
                          <dt>{q}</dt>
                          <dd>{m.answers[i]?.trim() || <em>No answer</em>}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </>
              )}
              <div className="button-row">
                <button type="button" className="btn btn-primary" onClick={() => void decide(m, 'approve')}>
                  Approve<span className="visually-hidden"> {m.displayName}</span>
                </button>
                <button type="button" className="btn btn-secondary" onClick={() => void decide(m, 'decline')}>
                  Decline<span className="visually-hidden"> {m.displayName}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="members-h">
        <h2 id="members-h">Members ({active.length})</h2>
        <ul className="card-list">
          {active.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card-title">{m.displayName}</h3>
              <Badges member={m} />
              {isMemberForAdmin(m) && m.decidedBy && m.decidedAt && (
                <p className="muted small">
                  Approved by {m.decidedBy.displayName} on {shortDate(m.decidedAt)}
                </p>
              )}
              <SelectField
                label={`Role of ${m.displayName}`}
                value={m.role}
                onChange={(e) =>
                  void run(
                    () => setRole(group.id, m.id, e.target.value as GroupRole),
                    `${m.displayName} is now ${ROLE_LABEL[e.target.value as GroupRole].toLowerCase()}.`,
                  )
                }
              >
                {(Object.keys(ROLE_LABEL) as GroupRole[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </SelectField>
              <div className="button-row">
                <button type="button" className="btn btn-secondary" onClick={() => void decide(m, 'remove')}>
                  Remove<span className="visually-hidden"> {m.displayName}</span>
                </button>
                <button type="button" className="btn btn-danger" onClick={() => void decide(m, 'ban')}>
                  Ban<span className="visually-hidden"> {m.displayName}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <AddMemberForm
        onAdd={(email, role) => run(() => addMember(group.id, { email, role }), `${email} has been added.`)}
      />
      <p className="muted small">
        {plural(members.length, 'person', 'people')} listed, including past requests.
      </p>
      {confirmDialog}
    </div>
  );
}

function Badges({ member }: { member: ListedMember }) {
  if (member.badges.length === 0) return null;
  return (
    <p className="badge-line">
      {member.badges.map((b) => (
        <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
          {badgeText(b)}
        </span>
      ))}
    </p>
  );
}

function AddMemberForm({ onAdd }: { onAdd: (email: string, role: GroupRole) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRoleValue] = useState<GroupRole>('member');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await onAdd(email.trim(), role);
    setBusy(false);
    setEmail('');
  };
  return (
    <section aria-labelledby="add-h">
      <h2 id="add-h">Add someone who already has an account</h2>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Their email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SelectField label="Role" value={role} onChange={(e) => setRoleValue(e.target.value as GroupRole)}>
          {(Object.keys(ROLE_LABEL) as GroupRole[]).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-secondary" disabled={busy}>
          {busy ? 'Adding…' : 'Add to group'}
        </button>
      </form>
    </section>
  );
}
