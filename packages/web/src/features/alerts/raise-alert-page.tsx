// The page at /groups/:id/alerts/new: choose the kind, fill in a short form, check the place, post once.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { AlertKind, AlertRaised, MyGroup } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link, useLocation } from '../../app/router.js';
import { useServices, useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { RiskDialog } from '../safety/risk-dialog.js';
import { AlertCard } from './alert-card.js';
import { AlertForm } from './alert-form.js';
import { KindIcon, MapIcon } from './alert-icons.js';
import { KIND_LABEL, travelText } from './labels.js';
import { canRaiseMissing, isOfficer } from './permissions.js';

const KINDS: { kind: AlertKind; hint: string; officersOnly?: boolean; stewardsOnly?: boolean }[] = [
  { kind: 'stolen', hint: 'Quad, tractor, trailer, tools, livestock, fuel…' },
  { kind: 'found', hint: 'Something found that may have been stolen' },
  { kind: 'animal', hint: 'Stock or a pet loose, on a road, or found' },
  { kind: 'suspicious', hint: 'Hare coursing, lamping, fly-tipping, casing farms' },
  { kind: 'appeal', hint: 'Ask the public for information', officersOnly: true },
  {
    kind: 'missing',
    hint: 'Someone vulnerable who is missing: ask people nearby to look',
    stewardsOnly: true,
  },
];

const isKind = (k: string | null): k is AlertKind => KINDS.some((x) => x.kind === k);

/** Raising an alert in a group. */
export function RaiseAlertPage({ groupId }: { groupId: string }) {
  const services = useServices();
  const { groups, loading } = useGroups();
  const group = groups?.find((g) => g.id === groupId);
  const { query } = useLocation();
  const wanted = query.get('kind');
  const kind = isKind(wanted) ? wanted : null;
  const [groupError, setGroupError] = useState<unknown>(null);
  const [posted, setPosted] = useState<AlertRaised | null>(null);

  useEffect(() => {
    if (!group && !loading) services.groups.refreshGroup(groupId).catch(setGroupError);
  }, [group, loading, groupId, services.groups]);

  const back = (
    <Link to={`/groups/${groupId}`} className="back-link">
      <BackIcon /> Back to the conversation
    </Link>
  );

  if (!group) {
    return (
      <Page title="Raise an alert" before={back}>
        {groupError ? <ErrorBanner error={groupError} /> : <Loading>Loading the group…</Loading>}
      </Page>
    );
  }
  if (group.myStatus !== 'active') {
    return (
      <Page title="Raise an alert" before={back}>
        <Banner kind="info">Only active members of {group.name} can raise alerts in it.</Banner>
      </Page>
    );
  }
  if (posted)
    return <Posted group={group} raised={posted} onChanged={(alert) => setPosted({ ...posted, alert })} />;
  if (!kind) return <KindChooser group={group} back={back} />;
  return (
    <Page
      title={`Raise an alert: ${KIND_LABEL[kind]}`}
      heading={
        <span className={`raise-heading alert-${kind}`}>
          <span className="alert-kind-icon">
            <KindIcon kind={kind} />
          </span>
          {KIND_LABEL[kind]}
        </span>
      }
      before={
        <Link to={`/groups/${groupId}/alerts/new`} className="back-link">
          <BackIcon /> Choose another kind
        </Link>
      }
    >
      <p className="muted">
        In {group.name}. Fields marked (required) must be filled in; the rest help people recognise it.
      </p>
      {kind === 'missing' && <MissingNotice />}
      <AlertForm key={kind} kind={kind} group={group} onPosted={setPosted} />
    </Page>
  );
}

/** What raising a missing-person alert means, said before the form: 999 first, and who confirms it. */
function MissingNotice() {
  const { state } = useSession();
  const officer = state.status === 'signed_in' && isOfficer(state.me);
  return (
    <Banner kind="info" label="First">
      If they are in danger, or you have not told the police yet, call <a href="tel:999">999</a> now.
      {officer
        ? ' As a police officer, your alert shows as confirmed by police.'
        : ' Your alert shows as “Awaiting police confirmation” until an officer confirms it.'}{' '}
      When they are found, mark the alert “Found safe”: their details are then removed everywhere.
    </Banner>
  );
}

function KindChooser({ group, back }: { group: MyGroup; back: ReactNode }) {
  const { state } = useSession();
  const officer = state.status === 'signed_in' && isOfficer(state.me);
  const steward = state.status === 'signed_in' && canRaiseMissing(state.me, group.myRole);
  return (
    <Page title="Raise an alert" before={back}>
      <p className="lead">What is it about?</p>
      <ul className="kind-choices">
        {KINDS.filter((k) => (officer || !k.officersOnly) && (steward || !k.stewardsOnly)).map((k) => (
          <li key={k.kind}>
            <Link
              to={`/groups/${group.id}/alerts/new?kind=${k.kind}`}
              className={`kind-choice alert-${k.kind}`}
            >
              <span className="alert-kind-icon">
                <KindIcon kind={k.kind} size={28} />
              </span>
              <span className="kind-choice-text">
                <strong>{KIND_LABEL[k.kind]}</strong>
                <span>{k.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="muted small">
        For a crime in progress or danger to life, call 999 first. Alerts are seen by members, not by the
        police control room.
      </p>
    </Page>
  );
}

/** After posting: the card as members see it, any possible matches, and the way back. */
function Posted({
  group,
  raised,
  onChanged,
}: {
  group: MyGroup;
  raised: AlertRaised;
  onChanged: (a: AlertRaised['alert']) => void;
}) {
  const heading = useRef<HTMLDivElement>(null);
  const { alert, matches, risk } = raised;
  // The server's risk check found it worrying: whom to call comes first. A missing person's poster was
  // told before the form (call 999 first), so the kind alone does not open it again.
  const [riskShown, setRiskShown] = useState(
    () => !!risk && risk.categories.some((c) => c !== 'missing_person'),
  );
  useEffect(() => {
    if (!riskShown) heading.current?.focus();
  }, [riskShown]);
  return (
    <Page title="Alert posted">
      {riskShown && risk && (
        <RiskDialog
          subject="alert"
          guidance={risk.guidance}
          watchedNow={risk.watchedNow}
          online
          onClose={() => setRiskShown(false)}
        />
      )}
      <div ref={heading} tabIndex={-1}>
        <Banner kind="success" label="Posted">
          Your alert is in {group.name}. {travelText(alert.travel)}.
          {matches.length > 0 ? ' Possible matches are shown on the card.' : ''}
        </Banner>
      </div>
      <AlertCard alert={alert} groupId={group.id} onChanged={onChanged} />
      <div className="button-row">
        <Link to={`/groups/${group.id}`} className="btn btn-primary">
          Back to the conversation
        </Link>
        {alert.location && (
          <Link to={`/groups/${group.id}/map?alert=${alert.id}`} className="btn btn-secondary">
            <MapIcon /> Show on the map
          </Link>
        )}
      </div>
    </Page>
  );
}
