// Everything passed to the police from one group, or from every group of an organisation, newest first.
import { useEffect, useState } from 'react';
import {
  type EscalationFilter,
  type EscalationView,
  listGroupEscalations,
  listOrganisationEscalations,
} from '../../api/escalations.js';
import { useGroups } from '../../app/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { shortDate } from '../../ui/format.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { CHANNEL_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels.js';
import './escalations.css';

/** Whose escalations a list shows. */
export type ListScope = { kind: 'group'; id: string } | { kind: 'organisation'; id: string };

const FILTERS: { value: EscalationFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'referred', label: 'With the police' },
  { value: 'closed', label: 'Closed' },
];

function isFilter(value: string | null): value is EscalationFilter {
  return FILTERS.some((f) => f.value === value);
}

/** The pages at /groups/:id/escalations and /organisations/:id/escalations (?status=…). */
export function EscalationListPage({ scope, status }: { scope: ListScope; status: string | null }) {
  const filter: EscalationFilter = isFilter(status) ? status : 'all';
  const [list, setList] = useState<EscalationView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const name = useScopeName(scope);
  const base = `/${scope.kind === 'group' ? 'groups' : 'organisations'}/${scope.id}/escalations`;

  useEffect(() => {
    const ctrl = new AbortController();
    setList(null);
    setError(null);
    const load =
      scope.kind === 'group'
        ? listGroupEscalations(scope.id, filter, ctrl.signal)
        : listOrganisationEscalations(scope.id, filter, ctrl.signal);
    load.then(setList, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(err);
    });
    return () => ctrl.abort();
  }, [scope.kind, scope.id, filter]);

  return (
    <Page
      title={`Passed to the police${name ? ` · ${name}` : ''}`}
      heading={
        <>
          Passed to the police
          {name && <span className="escalation-scope">{name}</span>}
        </>
      }
      before={
        <Link to={scope.kind === 'group' ? `/groups/${scope.id}` : '/organisations'} className="back-link">
          <BackIcon /> {scope.kind === 'group' ? 'Back to the conversation' : 'Organisations'}
        </Link>
      }
    >
      <nav aria-label="Show" className="section-nav escalation-filter">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className="section-nav-item"
            aria-pressed={filter === f.value}
            onClick={() =>
              navigate(f.value === 'all' ? base : `${base}?status=${f.value}`, { replace: true })
            }
          >
            {f.label}
          </button>
        ))}
      </nav>
      {error ? (
        <ErrorBanner error={error} />
      ) : list === null ? (
        <Loading>Loading…</Loading>
      ) : list.length === 0 ? (
        <p className="empty">
          {filter === 'all' ? 'Nothing has been passed to the police yet.' : 'None at the moment.'}
        </p>
      ) : (
        <ul className="card-list">
          {list.map((e) => (
            <EscalationCard key={e.id} escalation={e} showGroup={scope.kind === 'organisation'} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function EscalationCard({ escalation: e, showGroup }: { escalation: EscalationView; showGroup: boolean }) {
  return (
    <li className="card card-link escalation-card">
      <p className="card-title">
        <Link to={`/escalations/${e.id}`} className="stretched-link">
          {e.subject.excerpt || (e.subject.kind === 'alert' ? 'An alert' : 'A message')}
        </Link>
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
      {e.outcome && <p className="escalation-card-line">Outcome: {OUTCOME_LABEL[e.outcome]}</p>}
      <p className="card-meta">
        {showGroup && `${e.groupName} · `}
        Posted by {e.reporter.displayName} · passed on by {e.escalatedBy.displayName},{' '}
        {shortDate(e.createdAt)}
      </p>
    </li>
  );
}

/** The group's or organisation's name, from what the phone already knows. */
function useScopeName(scope: ListScope): string | null {
  const { groups } = useGroups();
  const { state } = useSession();
  if (scope.kind === 'group') return groups?.find((g) => g.id === scope.id)?.name ?? null;
  if (state.status !== 'signed_in') return null;
  return (
    state.me.organisations.find((o) => o.organisationId === scope.id)?.organisationName ??
    groups?.find((g) => g.organisationId === scope.id)?.organisationName ??
    null
  );
}
