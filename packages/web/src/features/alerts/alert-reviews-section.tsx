// Group admins' review list: alerts from other organisations waiting to be shown in this group, or turned away.
import { useCallback, useEffect, useState } from 'react';
import { listAlertReviews, reviewAlert } from '../../api/alerts.js';
import { ApiError } from '../../api/errors.js';
import type { AlertView, MyGroup } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { AlertCard } from './alert-card.js';
import { alertHeading } from './labels.js';

const POLICY_TEXT = {
  always: 'This group shows alerts from other organisations straight away, so none wait here.',
  review: 'Alerts from other organisations wait here until a group admin accepts or declines them.',
  never: 'This group does not take alerts from other organisations.',
} as const;

/** The "Alerts" section of the group admin page. */
export function AlertReviewsSection({ group }: { group: MyGroup }) {
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    listAlertReviews(group.id).then(setAlerts).catch(setError);
  }, [group.id]);
  useEffect(load, [load]);

  const decide = async (alert: AlertView, accept: boolean) => {
    setBusy(alert.id);
    setError(null);
    setDone(null);
    try {
      await reviewAlert(group.id, alert.id, accept);
      setAlerts((list) => list?.filter((a) => a.id !== alert.id) ?? list);
      setDone(
        accept
          ? `“${alertHeading(alert.details)}” is now shown in the conversation.`
          : `“${alertHeading(alert.details)}” was declined; members will not see it.`,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const refused = error instanceof ApiError && error.status === 403;
  return (
    <div className="admin-section">
      <h2>Alerts from other organisations</h2>
      <p className="muted">
        {POLICY_TEXT[group.externalAlerts ?? 'review']}{' '}
        <Link to={`/groups/${group.id}/admin?section=settings`}>Change this in Settings</Link>.
      </p>
      {refused ? (
        <Banner kind="info">Only the group’s admins can review alerts from other organisations.</Banner>
      ) : (
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      )}
      {done && (
        <Banner kind="success" onDismiss={() => setDone(null)}>
          {done}
        </Banner>
      )}
      {!alerts && !error && <Loading>Loading alerts waiting for review…</Loading>}
      {alerts && alerts.length === 0 && <p className="empty">No alerts are waiting for review.</p>}
      {alerts && alerts.length > 0 && (
        <ul className="card-list review-list">
          {alerts.map((a) => (
            <li key={a.id}>
              <AlertCard alert={a} groupId={group.id} withActions={false} withMapLink={false} />
              <div className="button-row review-buttons">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy !== null}
                  onClick={() => void decide(a, true)}
                >
                  {busy === a.id ? 'Saving…' : 'Show in this group'}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={busy !== null}
                  onClick={() => void decide(a, false)}
                >
                  Decline
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
