// The actions under an alert card: confirm, resolve with an outcome, retract, see possible matches, and
// escalate to the police (the group's admins, moderators and officers).
import { type FormEvent, useId, useState } from 'react';
import { changeAlertStatus, getAlertMatches } from '../../api/alerts.js';
import { ApiError, describeError } from '../../api/errors.js';
import type { AlertOutcome, AlertView, ChangeAlertStatus } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { useServices, useSession } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { TextArea } from '../../ui/fields.js';
import { escalateHref, useCanEscalate } from '../escalations/use-can-escalate.js';
import { alertHeading, OUTCOME_LABEL } from './labels.js';
import { rememberMatches } from './matches-store.js';
import type { AlertActions } from './permissions.js';

const OUTCOMES: AlertOutcome[] = ['recovered', 'owner_found', 'returned', 'no_further_action'];

/** What a refusal means for each action, in words: the server decides, the phone only guessed. */
const REFUSED: Record<'confirm' | 'change' | 'matches', string> = {
  confirm: 'Only a police officer can confirm an alert.',
  change:
    'Only the person who raised this alert, the group’s admins and moderators, and police officers can change it.',
  matches:
    'Only the person who raised this alert, the group’s admins and moderators, and police officers can see its matches.',
};

function politely(err: unknown, action: keyof typeof REFUSED): string {
  return err instanceof ApiError && err.status === 403 ? REFUSED[action] : describeError(err);
}

interface AlertActionBarProps {
  alert: AlertView;
  /** The group the card is shown in: Escalate passes the alert to the police from this group. */
  groupId: string;
  actions: AlertActions;
  /** Matches were asked for already (they show above); an empty answer says so here. */
  matchesAsked: boolean;
  noMatches: boolean;
  onChanged?: (alert: AlertView) => void;
  /** Says what was done; the card announces it (these buttons go once the alert is closed). */
  onDone: (message: string) => void;
}

/** Buttons for what I may do with the alert, and the resolve form when chosen. */
export function AlertActionBar(props: AlertActionBarProps) {
  const { alert, groupId, actions, matchesAsked, noMatches, onChanged, onDone } = props;
  const { timelines } = useServices();
  const { state } = useSession();
  const myId = state.status === 'signed_in' ? state.me.id : '';
  const [resolving, setResolving] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const canEscalate = useCanEscalate(groupId);

  if (!actions.confirm && !actions.resolve && !actions.retract && !actions.matches && !canEscalate) {
    return null;
  }

  const change = async (body: ChangeAlertStatus, success: string, refusal: keyof typeof REFUSED) => {
    setBusy(body.status);
    setError(null);
    try {
      const updated = await changeAlertStatus(alert.id, body);
      timelines.updateAlert(updated);
      onChanged?.(updated);
      setResolving(false);
      onDone(success);
    } catch (err) {
      setError(politely(err, refusal));
    } finally {
      setBusy(null);
    }
  };

  const retract = async () => {
    const ok = await confirm({
      title: 'Retract this alert?',
      body: `“${alertHeading(alert.details)}” will show as retracted in every group it was shared with.`,
      confirmLabel: 'Retract alert',
      danger: true,
    });
    if (ok)
      await change({ status: 'retracted' }, 'The alert is retracted everywhere it was shared.', 'change');
  };

  const seeMatches = async () => {
    setBusy('matches');
    setError(null);
    try {
      rememberMatches(myId, alert.id, await getAlertMatches(alert.id));
    } catch (err) {
      setError(politely(err, 'matches'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="alert-actions">
      {!resolving && (
        <div className="button-row">
          {actions.confirm && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy !== null}
              onClick={() =>
                void change(
                  { status: 'confirmed' },
                  'Confirmed. Every group it was shared with sees this.',
                  'confirm',
                )
              }
            >
              {busy === 'confirmed' ? 'Confirming…' : 'Confirm'}
            </button>
          )}
          {actions.resolve && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy !== null}
              onClick={() => setResolving(true)}
            >
              Resolve…
            </button>
          )}
          {actions.matches && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy !== null}
              onClick={() => void seeMatches()}
            >
              {busy === 'matches'
                ? 'Looking for matches…'
                : matchesAsked
                  ? 'Look again for matches'
                  : 'See matches'}
            </button>
          )}
          {canEscalate && (
            <Link to={escalateHref(groupId, { alertId: alert.id })} className="btn btn-secondary btn-small">
              Escalate<span className="visually-hidden"> to the police</span>
            </Link>
          )}
          {actions.retract && (
            <button
              type="button"
              className="btn btn-quiet btn-quiet-danger btn-small"
              disabled={busy !== null}
              onClick={() => void retract()}
            >
              {busy === 'retracted' ? 'Retracting…' : 'Retract'}
            </button>
          )}
        </div>
      )}
      {resolving && (
        <ResolveForm
          busy={busy === 'resolved'}
          onCancel={() => setResolving(false)}
          onResolve={(outcome, note) =>
            void change(
              { status: 'resolved', outcome, ...(note ? { note } : {}) },
              'Resolved. Every group it was shared with sees what happened next.',
              'change',
            )
          }
        />
      )}
      <div role="status">
        {matchesAsked && noMatches && busy !== 'matches' && (
          <p className="muted">No possible matches found yet.</p>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirmDialog}
    </div>
  );
}

/** Choose the outcome (required) and say what happened next (optional). */
function ResolveForm({
  busy,
  onCancel,
  onResolve,
}: {
  busy: boolean;
  onCancel: () => void;
  onResolve: (outcome: AlertOutcome, note: string) => void;
}) {
  const [outcome, setOutcome] = useState<AlertOutcome | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) {
      setMissing(true);
      return;
    }
    onResolve(outcome, note.trim());
  };
  return (
    <form className="alert-resolve" onSubmit={submit}>
      <fieldset className="choice-list" aria-describedby={missing ? `${id}-missing` : undefined}>
        <legend>How did it end? (required)</legend>
        {missing && (
          <p className="field-error" id={`${id}-missing`}>
            Choose how it ended.
          </p>
        )}
        {OUTCOMES.map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => {
                setOutcome(o);
                setMissing(false);
              }}
            />
            {OUTCOME_LABEL[o].charAt(0).toUpperCase() + OUTCOME_LABEL[o].slice(1)}
          </label>
        ))}
      </fieldset>
      <TextArea
        label="What happened next"
        optional
        hint="Shown on the alert in every group, e.g. “Found in a barn near Stanhope, owner has it back.”"
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Mark resolved'}
        </button>
      </div>
    </form>
  );
}
