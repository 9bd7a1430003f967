// My reports to the police: what the group's admins did with my messages and alerts, how they ended, and
// whether I agree to the police having my phone number or email for each one.
import { type FormEvent, useEffect, useState } from 'react';
import { describeError } from '../../api/errors.js';
import {
  listMyReportedEscalations,
  type ReportedEscalation,
  setContactConsent,
} from '../../api/escalations.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { fullTime } from '../../ui/format.js';
import { BackIcon, CheckIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { CHANNEL_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels.js';
import './escalations.css';

/** The page at /escalations/mine. */
export function MyReportsPage() {
  const [list, setList] = useState<ReportedEscalation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    listMyReportedEscalations(ctrl.signal).then(setList, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(err);
    });
    return () => ctrl.abort();
  }, []);
  const replace = (next: ReportedEscalation) =>
    setList((l) => l?.map((e) => (e.id === next.id ? next : e)) ?? l);

  return (
    <Page
      title="My reports to the police"
      before={
        <Link to="/" className="back-link">
          <BackIcon /> All groups
        </Link>
      }
    >
      <p className="lead">
        When a group’s admins or an officer pass something you posted to the police, it shows here with what
        happened. The police see your name only, unless you agree below to share your phone number or email
        for that report.
      </p>
      {error ? (
        <ErrorBanner error={error} />
      ) : list === null ? (
        <Loading>Loading…</Loading>
      ) : list.length === 0 ? (
        <p className="empty">Nothing you posted has been passed to the police.</p>
      ) : (
        <ul className="card-list">
          {list.map((e) => (
            <ReportCard key={e.id} report={e} onChanged={replace} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function ReportCard({
  report: e,
  onChanged,
}: {
  report: ReportedEscalation;
  onChanged: (r: ReportedEscalation) => void;
}) {
  return (
    <li className="card report-card">
      <p className="card-title">{e.excerpt || 'Your post'}</p>
      <p className="card-meta">
        In {e.groupName}, passed on {fullTime(e.createdAt)}
      </p>
      <p className="escalation-card-line">
        <span className={`status-pill status-pill-${e.status}`}>{STATUS_LABEL[e.status]}</span>{' '}
        {CHANNEL_LABEL[e.channel]}
      </p>
      {e.reference && (
        <p className="escalation-card-line">
          Police reference <strong className="escalation-reference">{e.reference}</strong>
        </p>
      )}
      {e.outcome && (
        <p>
          <strong>What happened:</strong> {OUTCOME_LABEL[e.outcome]}.
        </p>
      )}
      <ConsentForm report={e} onChanged={onChanged} />
    </li>
  );
}

/** Two ticks, for this report only; saved when the person says so. */
function ConsentForm({
  report,
  onChanged,
}: {
  report: ReportedEscalation;
  onChanged: (r: ReportedEscalation) => void;
}) {
  const { state } = useSession();
  const me = state.status === 'signed_in' ? state.me : null;
  const [phone, setPhone] = useState(report.consent.phone);
  const [mail, setMail] = useState(report.consent.email);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const changed = phone !== report.consent.phone || mail !== report.consent.email;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await setContactConsent(report.id, { phone, email: mail }));
      setMessage({
        ok: true,
        text:
          phone || mail
            ? 'Saved. The police will be given the details you ticked, for this report only.'
            : 'Saved. Your contact details are not shared.',
      });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="consent-form" onSubmit={submit}>
      <fieldset>
        <legend>Contact details I agree to share with the police for this report</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={phone}
            disabled={!report.hasPhone}
            onChange={(ev) => setPhone(ev.target.checked)}
          />
          <span className="break">My phone number{me?.phone ? ` (${me.phone})` : ''}</span>
        </label>
        {!report.hasPhone && <p className="hint">Your account has no phone number.</p>}
        <label className="choice">
          <input type="checkbox" checked={mail} onChange={(ev) => setMail(ev.target.checked)} />
          <span className="break">My email{me ? ` (${me.email})` : ''}</span>
        </label>
      </fieldset>
      <button type="submit" className="btn btn-secondary" disabled={busy || !changed}>
        {busy ? 'Saving…' : 'Save my choice'}
      </button>
      <div role="status">
        {message &&
          (message.ok ? (
            <p className="escalation-done">
              <CheckIcon size={18} /> {message.text}
            </p>
          ) : (
            <p className="field-error">{message.text}</p>
          ))}
      </div>
    </form>
  );
}
