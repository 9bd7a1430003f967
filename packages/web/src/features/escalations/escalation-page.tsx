// One escalation: the handover to read out or copy, then the reference, status, outcome, what the group
// is told, and the escalation's own history.
import { useEffect, useState } from 'react';
import {
  type EscalationWithHistory,
  getEscalation,
  getHandoverPack,
  type HandoverPack,
} from '../../api/escalations.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { fullTime } from '../../ui/format.js';
import { BackIcon, CheckIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { HandoverActions, HandoverView } from './handover-view.js';
import { CHANNEL_LABEL, historyText, OUTCOME_LABEL, STATUS_LABEL } from './labels.js';
import { OutcomeForm, PostBackStep, ReferenceForm, StatusControl } from './progress-forms.js';
import './escalations.css';

/** The page at /escalations/:id. */
export function EscalationPage({ escalationId }: { escalationId: string }) {
  const { state } = useSession();
  const me = state.status === 'signed_in' ? state.me : null;
  const [data, setData] = useState<EscalationWithHistory | null>(null);
  const [pack, setPack] = useState<HandoverPack | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    Promise.all([getEscalation(escalationId, ctrl.signal), getHandoverPack(escalationId, ctrl.signal)])
      .then(([found, handover]) => {
        setData(found);
        setPack(handover);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [escalationId]);

  const saved = (next: EscalationWithHistory, message: string) => {
    setData(next);
    setNotice(message);
    // The pack's text names the reference: read it again so a copy made now carries it.
    if (next.escalation.reference !== pack?.reference) {
      getHandoverPack(escalationId).then(setPack, () => undefined);
    }
  };

  if (!data || !pack) {
    return (
      <Page title="Handover" before={<BackToGroups />}>
        {error ? <ErrorBanner error={error} /> : <Loading>Putting the handover together…</Loading>}
      </Page>
    );
  }
  const { escalation, history } = data;
  const orgLink =
    me?.isPlatformAdmin ||
    me?.organisations.some(
      (o) => o.organisationId === escalation.organisationId && (o.isAdmin || o.affiliation === 'officer'),
    );

  return (
    <Page
      title={`Handover: ${CHANNEL_LABEL[escalation.channel]}`}
      heading={
        <>
          Handover <span className="escalation-channel">{CHANNEL_LABEL[escalation.channel]}</span>
        </>
      }
      className="page-escalation"
      before={
        <Link to={`/groups/${escalation.groupId}`} className="back-link">
          <BackIcon /> Back to {escalation.groupName}
        </Link>
      }
    >
      <p className="escalation-summary">
        <span className={`status-pill status-pill-${escalation.status}`}>
          {STATUS_LABEL[escalation.status]}
        </span>{' '}
        {escalation.reference ? (
          <>
            Reference <strong className="escalation-reference">{escalation.reference}</strong>
          </>
        ) : (
          'No police reference yet'
        )}
        {escalation.outcome && <> · {OUTCOME_LABEL[escalation.outcome]}</>}
      </p>
      <HandoverActions pack={pack} />
      <HandoverView pack={pack} reporterLink={`${window.location.origin}/escalations/mine`} />

      <section className="escalation-progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading">What the police said</h2>
        <div role="status">
          {notice && (
            <p className="escalation-done">
              <CheckIcon size={18} /> {notice}
            </p>
          )}
        </div>
        <ReferenceForm key={`ref-${escalation.reference}`} escalation={escalation} onSaved={saved} />
        <StatusControl escalation={escalation} onSaved={saved} />
        <OutcomeForm
          key={`out-${escalation.outcome}-${escalation.outcomeNote}`}
          escalation={escalation}
          onSaved={saved}
        />
      </section>

      <section className="escalation-progress" aria-labelledby="postback-heading">
        <h2 id="postback-heading">Tell the group what happened next</h2>
        <PostBackStep
          key={escalation.whatHappenedNextDraft ?? 'none'}
          escalation={escalation}
          onSaved={saved}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="escalation-history">
          {history.map((h) => (
            <li key={`${h.at}-${h.action}-${h.by.id}`} className="history-entry">
              <time dateTime={new Date(h.at).toISOString()}>{fullTime(h.at)}</time>
              <span>{historyText(h)}</span>
            </li>
          ))}
        </ol>
      </section>

      <p className="escalation-links">
        <Link to={`/groups/${escalation.groupId}/escalations`}>
          Everything passed to the police from {escalation.groupName}
        </Link>
        {orgLink && (
          <>
            <br />
            <Link to={`/organisations/${escalation.organisationId}/escalations`}>
              Everything in the organisation
            </Link>
          </>
        )}
      </p>
    </Page>
  );
}

function BackToGroups() {
  return (
    <Link to="/" className="back-link">
      <BackIcon /> All groups
    </Link>
  );
}
