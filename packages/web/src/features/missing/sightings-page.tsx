// The page at /groups/:id/alerts/:alertId for a missing person: the card, a map of sightings, the timeline, and
// "Report a sighting".
import { useEffect, useMemo, useRef, useState } from 'react';
import { getAlert } from '../../api/alerts.js';
import { listSightings, type SightingList as Sightings } from '../../api/sightings.js';
import type { AlertView } from '../../api/types.js';
import { useGroups, useTimeline } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { AlertCard } from '../alerts/alert-card.js';
import { AlertsMap } from '../alerts/alerts-map.js';
import { areaCentre } from '../alerts/area.js';
import { alertHeading, isOpen, isWithdrawn, sightingsText } from '../alerts/labels.js';
import { trailOf } from './missing-labels.js';
import { SightingForm } from './sighting-form.js';
import { SightingList } from './sighting-list.js';

/** A missing person's sightings, as seen from one of my groups that shows the alert. */
export function SightingsPage({ groupId, alertId }: { groupId: string; alertId: string }) {
  const { groups } = useGroups();
  const group = groups?.find((g) => g.id === groupId);
  const alert = useLiveAlert(groupId, alertId);
  const [sightings, setSightings] = useState<Sightings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reporting, setReporting] = useState(false);
  const [thanks, setThanks] = useState(false);
  const thanksBox = useRef<HTMLDivElement>(null);

  // Fetched again whenever the card changes: a new sighting from any group bumps it.
  const version = alert.value ? `${alert.value.id}:${alert.value.updatedAt}` : null;
  useEffect(() => {
    if (!version) return;
    const ctrl = new AbortController();
    listSightings(alertId, ctrl.signal)
      .then(setSightings)
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [alertId, version]);

  const trail = useMemo(() => trailOf(sightings?.sightings ?? []), [sightings]);
  const back = (
    <Link to={`/groups/${groupId}`} className="back-link">
      <BackIcon /> Back to the conversation
    </Link>
  );

  if (!alert.value) {
    return (
      <Page title="Missing person" before={back}>
        {alert.error ? <ErrorBanner error={alert.error} /> : <Loading>Loading the alert…</Loading>}
      </Page>
    );
  }
  const a = alert.value;
  if (a.details.kind !== 'missing') {
    return (
      <Page title={alertHeading(a.details)} before={back}>
        <Banner kind="info">Sightings are reported on missing-person alerts only.</Banner>
      </Page>
    );
  }
  const withdrawn = isWithdrawn(a.details);
  const open = isOpen(a) && !withdrawn;

  return (
    <Page title={alertHeading(a.details)} before={back}>
      <AlertCard alert={a} groupId={groupId} withMapLink={false} onChanged={alert.set} />
      <div ref={thanksBox} tabIndex={-1}>
        {/* Once the alert closes the sighting is withdrawn too: no thanks saying it is still shared. */}
        {thanks && open && (
          <Banner kind="success" label="Thank you" onDismiss={() => setThanks(false)}>
            Your sighting is shared with every group looking, and with the police.
          </Banner>
        )}
      </div>
      {open && !reporting && (
        <button
          type="button"
          className="btn btn-primary btn-block btn-large missing-report-button"
          onClick={() => {
            setReporting(true);
            // The form opens under a tall card: bring its heading up and say where the reader is.
            requestAnimationFrame(() => {
              const heading = document.getElementById('report-heading');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus({ preventScroll: true });
            });
          }}
        >
          I have seen them: report a sighting
        </button>
      )}
      {open && reporting && (
        <section aria-labelledby="report-heading" className="sighting-report">
          <h2 id="report-heading" tabIndex={-1}>
            Report a sighting
          </h2>
          <p className="muted">
            If they are in danger now, call <a href="tel:999">999</a> first.
          </p>
          <SightingForm
            alertId={a.id}
            groupId={groupId}
            near={a.location ?? areaCentre(group?.area ?? null)}
            onAdded={(added) => {
              alert.set(added.alert);
              setReporting(false);
              setThanks(true);
              requestAnimationFrame(() => thanksBox.current?.focus());
            }}
            onCancel={() => setReporting(false)}
          />
        </section>
      )}
      {!withdrawn && (
        <section aria-labelledby="sightings-heading">
          <h2 id="sightings-heading">{sightingsText(a.sightings ?? sightings?.sightings.length ?? 0)}</h2>
          <ErrorBanner error={error} />
          {a.location || trail.length > 0 ? (
            <AlertsMap
              alerts={[a]}
              area={null}
              selectedId={a.id}
              onSelect={() => undefined}
              trail={trail}
              label="Map of where they were last seen (the large pin) and the sightings (small dots, joined in the order seen). The sightings are listed below."
            />
          ) : null}
          {!sightings && !error && <Loading>Loading sightings…</Loading>}
          {sightings && sightings.sightings.length === 0 && (
            <p className="empty">No sightings yet. When someone reports one, it shows here, newest first.</p>
          )}
          {sightings && sightings.sightings.length > 0 && <SightingList sightings={sightings.sightings} />}
        </section>
      )}
    </Page>
  );
}

/**
 * The alert as fetched, kept up to date from the group's conversation: an `alert.updated` (a sighting from
 * another group, a confirmation, "found") reaches the card there first. The newer copy wins.
 */
function useLiveAlert(groupId: string, alertId: string) {
  const [fetched, setFetched] = useState<AlertView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timeline = useTimeline(groupId).timeline;
  useEffect(() => {
    const ctrl = new AbortController();
    getAlert(alertId, ctrl.signal)
      .then(setFetched)
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [alertId]);
  const live = timeline?.messages.find((m) => m.alert?.id === alertId)?.alert ?? null;
  const value = !fetched ? live : live && live.updatedAt > fetched.updatedAt ? live : fetched;
  const set = (next: AlertView) => setFetched((f) => (f && f.updatedAt > next.updatedAt ? f : next));
  return { value, error: value ? null : error, set };
}
