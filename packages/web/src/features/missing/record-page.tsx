// The page at /groups/:id/alerts/:alertId/record: what officers keep once a missing person is found.
import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../../api/errors.js';
import { deleteMissingRecord, getMissingRecord, type MissingRecord } from '../../api/sightings.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { useConfirm } from '../../ui/confirm.js';
import { fullTime, plural } from '../../ui/format.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { AlertCard } from '../alerts/alert-card.js';
import { sightingsText } from '../alerts/labels.js';
import { keptUntilText } from './missing-labels.js';
import { SightingList } from './sighting-list.js';

/** The record: the alert and its sightings as they were, for officers of the organisation (each opening is recorded). */
export function RecordPage({ groupId, alertId }: { groupId: string; alertId: string }) {
  const [record, setRecord] = useState<MissingRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState(false);
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
  if (deleted) {
    return (
      <Page title="Record for officers" before={back}>
        <Banner kind="success">
          The record and its photos have been deleted for good. The groups still see “Found safe, thank you”.
        </Banner>
      </Page>
    );
  }
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
      <p>
        <strong>{keptUntilText(record.keptUntil)}</strong>, with its photos, as the organisation’s rule says.
      </p>
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
      <DeleteRecord
        alertId={alertId}
        sightings={record.sightings.length}
        onDeleted={() => setDeleted(true)}
      />
    </Page>
  );
}

/** "Delete this record now": before the rule would, after saying plainly what goes. */
function DeleteRecord({
  alertId,
  sightings,
  onDeleted,
}: {
  alertId: string;
  sightings: number;
  onDeleted: () => void;
}) {
  const [dialog, confirm] = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    const ok = await confirm({
      title: 'Delete this record now?',
      body: (
        <>
          <p>
            {sightings === 0
              ? 'The alert as it was and every photo'
              : `The alert as it was, its ${plural(sightings, 'sighting', 'sightings')} and every photo`}{' '}
            will be deleted for good, for everyone. This cannot be undone.
          </p>
          <p>The groups still see “Found safe, thank you”. The deletion is recorded with your name.</p>
        </>
      ),
      confirmLabel: 'Delete the record',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await deleteMissingRecord(alertId);
      onDeleted();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="record-delete-heading">
      <h2 id="record-delete-heading">Delete it sooner</h2>
      <p>When the record is no longer needed, delete it now rather than wait.</p>
      <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
        {busy ? 'Deleting…' : 'Delete this record now'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </section>
  );
}
