// The part of an alert card only a missing person has: sightings and "Found safe" while open; a thank-you once found.
import { useState } from 'react';
import { changeAlertStatus } from '../../api/alerts.js';
import { ApiError, describeError } from '../../api/errors.js';
import type { AlertView, GroupRole, Me } from '../../api/types.js';
import { Link, useLocation } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { CheckIcon, PinIcon } from '../../ui/icons.js';
import { isWithdrawn, sightingsText } from '../alerts/labels.js';
import { canMarkFound, isOfficer } from '../alerts/permissions.js';
import './missing.css';

interface MissingCardPartProps {
  alert: AlertView;
  /** The group the card is shown in: its sightings page is reached from there. */
  groupId: string;
  me: Pick<Me, 'id' | 'organisations'> | null;
  myRole: GroupRole | null | undefined;
  /** Offer "Found safe" and the way to the sightings (off on the officers' record, which lists them). */
  withActions: boolean;
  onChanged?: (alert: AlertView) => void;
  onDone: (message: string) => void;
}

/** Sightings and "Found safe" for an open alert; the thank-you, and the officers' record, once withdrawn. */
export function MissingCardPart(props: MissingCardPartProps) {
  const { alert, groupId, me } = props;
  const { path } = useLocation();
  if (isWithdrawn(alert.details)) {
    return (
      <div className="alert-outcome missing-withdrawn">
        <p>
          <CheckIcon size={18} /> <strong>{alert.summary || 'Found safe, thank you'}</strong>
        </p>
        <p className="muted small">
          Their name, photos and details have been removed from Fellwatch. Thank you to everyone who looked.
        </p>
        {me && isOfficer(me) && (
          <Link to={`/groups/${groupId}/alerts/${alert.id}/record`} className="map-link">
            The record kept for officers
          </Link>
        )}
      </div>
    );
  }
  const sightingsPath = `/groups/${groupId}/alerts/${alert.id}`;
  return (
    <div className="missing-part">
      {props.withActions && path !== sightingsPath && (
        <Link
          to={`/groups/${groupId}/alerts/${alert.id}`}
          className="btn btn-secondary btn-block missing-sightings-link"
        >
          <PinIcon size={18} /> {sightingsText(alert.sightings ?? 0)}
          <span className="missing-sightings-action">
            {alert.status === 'unverified' || alert.status === 'confirmed'
              ? 'See them, or report one'
              : 'See them'}
          </span>
        </Link>
      )}
      {props.withActions && me && canMarkFound(alert, me, props.myRole) && <FoundButton {...props} />}
    </div>
  );
}

/** Marks the person found safe, after saying plainly what that does everywhere the alert went. */
function FoundButton({ alert, onChanged, onDone }: MissingCardPartProps) {
  const { timelines } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, confirm] = useConfirm();

  const markFound = async () => {
    const ok = await confirm({
      title: 'Mark as found safe?',
      body: (
        <>
          <p>Every group it was shared with will see “Found safe, thank you”.</p>
          <p>
            Their name, photos, description and the sightings will be removed from Fellwatch at once. Officers
            keep the record.
          </p>
        </>
      ),
      confirmLabel: 'Yes, found safe',
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await changeAlertStatus(alert.id, { status: 'resolved', outcome: 'found' });
      timelines.updateAlert(updated);
      onChanged?.(updated);
      onDone('Marked found safe. Their details are removed everywhere the alert went.');
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 403
          ? 'Only the person who raised this alert, the group’s admins and moderators, and police officers can mark it found.'
          : describeError(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="alert-actions">
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy}
        onClick={() => void markFound()}
      >
        {busy ? 'Saving…' : 'Found safe'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </div>
  );
}
