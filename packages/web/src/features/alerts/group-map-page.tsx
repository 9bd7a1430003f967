// The page at /groups/:id/map: the group's alerts on a map with its area, a filter, the chosen card, and a list.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { getAlert, listGroupAlerts } from '../../api/alerts.js';
import { listSightings } from '../../api/sightings.js';
import type { AlertKind, AlertView } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { plural } from '../../ui/format.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { trailOf } from '../missing/missing-labels.js';
import { AlertCard } from './alert-card.js';
import { KindIcon } from './alert-icons.js';
import { AlertsMap } from './alerts-map.js';
import { alertHeading, isOpen, isWithdrawn, placeShort, statusText } from './labels.js';
import type { TrailPoint } from './trail.js';

const KIND_FILTER: { value: AlertKind | ''; label: string }[] = [
  { value: '', label: 'All kinds' },
  { value: 'stolen', label: 'Stolen' },
  { value: 'found', label: 'Found property' },
  { value: 'animal', label: 'Animals' },
  { value: 'suspicious', label: 'Suspicious activity' },
  { value: 'appeal', label: 'Police appeals' },
  { value: 'missing', label: 'Missing people' },
];

/** The group map. */
export function GroupMapPage({ groupId }: { groupId: string }) {
  const services = useServices();
  const { groups, loading } = useGroups();
  const group = groups?.find((g) => g.id === groupId);
  const { query } = useLocation();
  const selectedId = query.get('alert');
  const [kind, setKind] = useState<AlertKind | ''>('');
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [extra, setExtra] = useState<AlertView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mapTop = useRef<HTMLDivElement>(null);
  const cardBox = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!group && !loading) services.groups.refreshGroup(groupId).catch(setError);
  }, [group, loading, groupId, services.groups]);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    listGroupAlerts(groupId, { status, kind: kind || undefined }, ctrl.signal)
      .then(setAlerts)
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [groupId, status, kind]);

  // An alert linked to from a card may be resolved or filtered out: fetch it so it can still be shown.
  useEffect(() => {
    if (!selectedId || !alerts || alerts.some((a) => a.id === selectedId) || extra?.id === selectedId) return;
    const ctrl = new AbortController();
    getAlert(selectedId, ctrl.signal)
      .then(setExtra)
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [selectedId, alerts, extra]);

  const shown = useMemo(() => {
    if (!alerts) return [];
    return extra && extra.id === selectedId && !alerts.some((a) => a.id === extra.id)
      ? [extra, ...alerts]
      : alerts;
  }, [alerts, extra, selectedId]);
  const selected = shown.find((a) => a.id === selectedId) ?? null;
  const trail = useSightingTrail(selected);

  const choose = useCallback(
    (alertId: string, scrollTo: 'map' | 'card') => {
      navigate(`/groups/${groupId}/map?alert=${encodeURIComponent(alertId)}`, { replace: true });
      requestAnimationFrame(() => {
        if (scrollTo === 'map') return mapTop.current?.scrollIntoView({ block: 'start' });
        // Bring the card's heading up into the lower part of the screen, keeping most of the map in view.
        const card = cardBox.current;
        if (!card) return;
        const top = card.getBoundingClientRect().top;
        if (top > window.innerHeight * 0.6) window.scrollBy({ top: top - window.innerHeight * 0.55 });
      });
    },
    [groupId],
  );

  const changed = (updated: AlertView) => {
    setAlerts((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? list);
    if (extra?.id === updated.id) setExtra(updated);
  };

  const title = group ? `Map of alerts in ${group.name}` : 'Map of alerts';
  const withPlace = shown.filter((a) => a.location).length;

  return (
    <Page
      title={title}
      heading={
        <>
          Alerts map<span className="page-subtitle">{group?.name}</span>
        </>
      }
      before={
        <Link to={`/groups/${groupId}`} className="back-link">
          <BackIcon /> Back to the conversation
        </Link>
      }
    >
      <div className="map-filters">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AlertKind | '')}>
            {KIND_FILTER.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="map-status-filter">
          <legend>Status</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-status`}
              checked={status === 'open'}
              onChange={() => setStatus('open')}
            />
            Open
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-status`}
              checked={status === 'all'}
              onChange={() => setStatus('all')}
            />
            All
          </label>
        </fieldset>
      </div>
      <ErrorBanner error={error} />
      <div ref={mapTop} className="map-anchor">
        {group && (
          <AlertsMap
            alerts={shown}
            area={group.area}
            selectedId={selectedId}
            onSelect={(alertId) => choose(alertId, 'card')}
            trail={trail}
          />
        )}
      </div>
      <p className="muted small map-legend">
        {group?.area ? 'The dashed line is the group’s area. ' : 'This group has no area set. '}
        Grey pins are resolved or retracted.
        {trail.length > 0 ? ' Small dots are sightings of the missing person, joined in the order seen.' : ''}
      </p>
      <div ref={cardBox} className="map-anchor">
        {selected && (
          <AlertCard
            alert={selected}
            groupId={groupId}
            onShowOnMap={() => choose(selected.id, 'map')}
            onChanged={changed}
          />
        )}
      </div>
      {!alerts && !error && <Loading>Loading alerts…</Loading>}
      {alerts && (
        <section aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>
            {plural(
              shown.length,
              status === 'open' ? 'open alert' : 'alert',
              status === 'open' ? 'open alerts' : 'alerts',
            )}
          </h2>
          {shown.length > withPlace && (
            <p className="muted small">
              {plural(shown.length - withPlace, 'alert has', 'alerts have')} no place, so no pin.
            </p>
          )}
          {shown.length === 0 ? (
            <p className="empty">
              {status === 'open' ? 'No open alerts here. ' : 'No alerts here yet. '}
              <Link to={`/groups/${groupId}/alerts/new`}>Raise an alert</Link>
            </p>
          ) : (
            <ul className="map-list">
              {shown.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={`map-list-item alert-${a.details.kind}${isOpen(a) ? '' : ' alert-closed'}`}
                    aria-current={a.id === selectedId ? 'true' : undefined}
                    onClick={() => choose(a.id, a.location ? 'map' : 'card')}
                  >
                    <span className="alert-kind-icon">
                      <KindIcon kind={a.details.kind} size={20} />
                    </span>
                    <span className="map-list-text">
                      <strong>{alertHeading(a.details)}</strong>
                      <span>
                        {statusText(a)} · {placeShort(a) ?? 'No place given'}
                      </span>
                      <span className="map-list-action">{a.location ? 'Show on map' : 'Show the card'}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}

const NO_TRAIL: TrailPoint[] = [];

/** The chosen missing person's sightings as a trail, fetched again whenever their card changes. */
function useSightingTrail(alert: AlertView | null): TrailPoint[] {
  const [trail, setTrail] = useState<{ key: string; points: TrailPoint[] } | null>(null);
  const wanted =
    alert && alert.details.kind === 'missing' && !isWithdrawn(alert.details) && (alert.sightings ?? 0) > 0;
  const key = wanted ? `${alert.id}:${alert.updatedAt}` : null;
  useEffect(() => {
    if (!key || !alert) return;
    const ctrl = new AbortController();
    listSightings(alert.id, ctrl.signal)
      .then((list) => setTrail({ key, points: trailOf(list.sightings) }))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [key, alert]);
  return key && trail?.key === key ? trail.points : NO_TRAIL;
}
