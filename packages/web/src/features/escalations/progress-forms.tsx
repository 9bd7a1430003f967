// What the police said and did: the reference, the status, the outcome, and "what happened next" for the group.
import { type FormEvent, useId, useRef, useState } from 'react';
import { makeClientId } from '../../api/client-id.js';
import { describeError } from '../../api/errors.js';
import {
  changeEscalationStatus,
  type EscalationOutcome,
  type EscalationStatus,
  type EscalationView,
  type EscalationWithHistory,
  getEscalation,
  postEscalationBack,
  recordEscalationOutcome,
  setEscalationReference,
} from '../../api/escalations.js';
import { Link } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { TextArea, TextField } from '../../ui/fields.js';
import { CheckIcon } from '../../ui/icons.js';
import { nextStatuses, OUTCOME_LABEL, OUTCOMES, referenceProblem, STATUS_LABEL } from './labels.js';

interface FormProps {
  escalation: EscalationView;
  onSaved: (next: EscalationWithHistory, notice: string) => void;
}

/** The police's incident or log number, checked for shape before it is sent. */
export function ReferenceForm({ escalation, onSaved }: FormProps) {
  const [reference, setReference] = useState(escalation.reference ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = referenceProblem(reference);
    if (local) return setProblem(local);
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await setEscalationReference(escalation.id, reference.trim()), 'Reference saved.');
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="escalation-form" onSubmit={submit} noValidate>
      <TextField
        label="Police reference"
        hint="The incident or log number, e.g. DUR-20261129-0042 or Log 123 of 29/11."
        value={reference}
        maxLength={40}
        autoComplete="off"
        autoCapitalize="characters"
        error={problem}
        onChange={(e) => {
          setReference(e.target.value);
          if (problem) setProblem(null);
        }}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : escalation.reference ? 'Change the reference' : 'Save the reference'}
      </button>
    </form>
  );
}

const MOVE_LABEL: Record<EscalationStatus, string> = {
  open: 'Reopen',
  referred: 'The police have it',
  closed: 'Close it',
};

/** Where it stands, in words, and buttons to move it on (never back). */
export function StatusControl({ escalation, onSaved }: FormProps) {
  const [busy, setBusy] = useState<EscalationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const move = async (status: EscalationStatus) => {
    setBusy(status);
    setError(null);
    try {
      onSaved(
        await changeEscalationStatus(escalation.id, status),
        `Marked: ${STATUS_LABEL[status].toLowerCase()}.`,
      );
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  };
  const next = nextStatuses(escalation.status);
  return (
    <div className="escalation-form">
      <p className="escalation-status-line">
        Status:{' '}
        <span className={`status-pill status-pill-${escalation.status}`}>
          {STATUS_LABEL[escalation.status]}
        </span>
      </p>
      {next.length > 0 && (
        <div className="button-row">
          {next.map((s) => (
            <button
              key={s}
              type="button"
              className="btn btn-secondary"
              disabled={busy !== null}
              onClick={() => void move(s)}
            >
              {busy === s ? 'Saving…' : MOVE_LABEL[s]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** How it ended: one fixed outcome (required) and a note. */
export function OutcomeForm({ escalation, onSaved }: FormProps) {
  const [outcome, setOutcome] = useState<EscalationOutcome | null>(escalation.outcome);
  const [note, setNote] = useState(escalation.outcomeNote ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return setProblem('Choose what happened.');
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await recordEscalationOutcome(escalation.id, outcome, note.trim()), 'Outcome saved.');
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="escalation-form" onSubmit={submit} noValidate>
      <fieldset className="choice-list" aria-describedby={problem ? `${id}-problem` : undefined}>
        <legend>What happened?</legend>
        {problem && (
          <p className="field-error" id={`${id}-problem`} role="alert">
            {problem}
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
                setProblem(null);
              }}
            />
            {OUTCOME_LABEL[o]}
          </label>
        ))}
      </fieldset>
      <TextArea
        label="What the police said or did"
        optional
        hint="Seen only by the group's admins, moderators and officers. You choose below what the group is told."
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : escalation.outcome ? 'Update the outcome' : 'Save the outcome'}
      </button>
    </form>
  );
}

/**
 * "What happened next" for the group: the text drafted from the outcome, edited here, posted as a reply
 * to the message that was passed on. People keep reporting when they hear back.
 */
export function PostBackStep({ escalation, onSaved }: FormProps) {
  const { timelines } = useServices();
  const [body, setBody] = useState(escalation.whatHappenedNextDraft ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One client id per text: resending the same words after a lost answer posts nothing twice.
  const clientId = useRef({ body: '', id: makeClientId() });
  if (!escalation.whatHappenedNextDraft) {
    return <p className="muted">Record what happened first; then you can tell the group.</p>;
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!text) return setProblem('Write what the group should be told.');
    if (clientId.current.body !== text) clientId.current = { body: text, id: makeClientId() };
    setBusy(true);
    setProblem(null);
    try {
      const posted = await postEscalationBack(escalation.id, clientId.current.id, text);
      timelines.upsert(posted.message);
      // The answer carries the escalation; its history is read again so the new entry shows.
      onSaved(await getEscalation(posted.escalation.id), 'Posted in the group.');
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="escalation-form" onSubmit={submit} noValidate>
      {escalation.postedBackMessageId && (
        <p className="escalation-done">
          <CheckIcon size={18} /> Posted in the group.{' '}
          <Link to={`/groups/${escalation.groupId}`}>See it in the conversation</Link>
        </p>
      )}
      <TextArea
        label="What happened next (for the group)"
        hint="Posted in the group as a reply to the message that was passed on. Change it as you like; leave out anything private."
        rows={5}
        maxLength={4000}
        value={body}
        error={problem}
        onChange={(e) => {
          setBody(e.target.value);
          if (problem) setProblem(null);
        }}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy
          ? 'Posting…'
          : escalation.postedBackMessageId
            ? 'Post an update to the group'
            : 'Post to the group'}
      </button>
    </form>
  );
}
