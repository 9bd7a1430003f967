// The page at /groups/:id/alerts/:alertId/record: what officers keep once a missing person is found.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors.js';
import { getMissingRecord, type MissingRecord } from '../../api/sightings.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fullTime } from '../../ui/format.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { AlertCard } from '../alerts/alert-card.js';
import { sightingsText } from '../alerts/labels.js';
import { SightingList } from './sighting-list.js';

/** The record: the alert and its sightings as they were, for officers of the organisation (each opening is recorded). */
export function RecordPage({ groupId, alertId }: { groupId: string; alertId: string }) {
  const [record, setRecord] = useState<MissingRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    getMissingRecord(alertId, ctrl.signal)
      .then(setRecord)
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [alertId]);

  const back = (
    <Link to={`/groups/${groupId}`} className="back-link">
      <BackIcon /> Back to the conversation
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title="Record for officers" before={back}>
        <Banner kind="info">
          There is no record here for you. Records of missing people are kept for the police officers of the
          organisation that raised the alert.
        </Banner>
      </Page>
    );
  }
  if (!record) {
    return (
      <Page title="Record for officers" before={back}>
        {error ? <ErrorBanner error={error} /> : <Loading>Loading the record…</Loading>}
      </Page>
    );
  }
  return (
    <Page title="Record for officers" before={back}>
      <Banner kind="warning" label="Officers only">
        Kept after the details were withdrawn on {fullTime(record.withdrawnAt)} by{' '}
        {record.withdrawnBy.displayName}. Members no longer see any of this. Opening it is recorded.
      </Banner>
      <AlertCard alert={record.alert} groupId={groupId} withActions={false} withMapLink={false} />
      {record.outcomeNote && (
        <section aria-labelledby="note-heading">
          <h2 id="note-heading">Note when it was closed</h2>
          <p className="prewrap">{record.outcomeNote}</p>
        </section>
      )}
      <section aria-labelledby="record-sightings">
        <h2 id="record-sightings">{sightingsText(record.sightings.length)}</h2>
        {record.sightings.length > 0 && <SightingList sightings={record.sightings} />}
      </section>
    </Page>
  );
}
