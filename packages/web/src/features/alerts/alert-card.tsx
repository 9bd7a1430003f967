// An alert as a card: kind and status in words, its fields, place, photos, outcome, reach, matches, actions.
import { type ReactNode, useState } from 'react';
import type { AlertView } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { badgeText, fullTime, latLngText, messageTime } from '../../ui/format.js';
import { CheckIcon, ClockIcon, PinIcon, ShieldIcon } from '../../ui/icons.js';
import { mapLink } from '../conversation/location-view.js';
import { MessageText } from '../conversation/message-text.js';
import { PhotoGrid } from '../conversation/photo-grid.js';
import { MissingCardPart } from '../missing/missing-card.js';
import { AlertActionBar } from './alert-actions.js';
import { HazardIcon, KindIcon, MapIcon } from './alert-icons.js';
import {
  alertHeading,
  detailRows,
  isOpen,
  isRoadHazard,
  isWithdrawn,
  linkedText,
  OUTCOME_LABEL,
  originText,
  statusText,
  travelText,
} from './labels.js';
import { MatchList } from './match-list.js';
import { useKnownMatches } from './matches-store.js';
import { alertActions } from './permissions.js';

interface AlertCardProps {
  alert: AlertView;
  /** The group the card is shown in: my role there decides the actions; "Show on map" opens its map. */
  groupId: string;
  /** Offer Confirm, Resolve, Retract and matches (off for a card shown inside a match). */
  withActions?: boolean;
  /** Replaces the "Show on map" link, e.g. on the map page itself. */
  onShowOnMap?: () => void;
  /** Offer "Show on map" at all (not for an alert the group does not show yet). */
  withMapLink?: boolean;
  /** Told about a changed alert (the conversation learns of it from the timeline store as well). */
  onChanged?: (alert: AlertView) => void;
  /** Extra content at the end of the card (the conversation adds its Reply button there). */
  footer?: ReactNode;
}

/** The card; it says everything in words, so nothing depends on its colours. */
export function AlertCard({
  alert,
  groupId,
  withActions = true,
  onShowOnMap,
  withMapLink = true,
  onChanged,
  footer,
}: AlertCardProps) {
  const { state } = useSession();
  const me = state.status === 'signed_in' ? state.me : null;
  const group = useGroups().groups?.find((g) => g.id === groupId);
  const known = useKnownMatches(me?.id ?? '', alert.id);
  const actions = me && withActions ? alertActions(alert, me, group?.myRole) : null;
  const rows = detailRows(alert.details);
  const headingId = `alert-${alert.id}-${groupId}-title`;
  const closed = !isOpen(alert);
  const missing = alert.details.kind === 'missing';
  // A found person's card keeps only a thank-you: no outcome line, no fields, no summary repeated.
  const withdrawn = isWithdrawn(alert.details);
  const [notice, setNotice] = useState<string | null>(null);
  const origin = originText(alert);

  return (
    <section
      className={`alert-card alert-${alert.details.kind}${closed ? ' alert-closed' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="alert-head">
        <span className="alert-kind-icon">
          <KindIcon kind={alert.details.kind} />
        </span>
        <h2 className="alert-title" id={headingId}>
          {alertHeading(alert.details)}
        </h2>
      </header>
      <StatusBadge alert={alert} />
      {isRoadHazard(alert.details) && (
        <p className="alert-hazard">
          <HazardIcon /> <strong>Hazard: on the road.</strong> Drive slowly in the area.
        </p>
      )}
      {alert.status === 'resolved' && !withdrawn && <Outcome alert={alert} />}
      {alert.status === 'retracted' && !withdrawn && (
        <p className="alert-outcome">
          <strong>Retracted:</strong> this alert was withdrawn.
          {alert.outcomeNote ? ` ${alert.outcomeNote}` : ''}
        </p>
      )}
      {rows.length > 0 && (
        <dl className="alert-fields">
          {rows.map((r) => (
            <div key={r.label} className={r.long ? 'alert-field-long' : undefined}>
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {alert.summary && !withdrawn && <MessageText body={alert.summary} />}
      {alert.photos.length > 0 && <PhotoGrid photos={alert.photos} who={alert.author.displayName} />}
      <AlertPlace alert={alert} groupId={groupId} onShowOnMap={onShowOnMap} withMapLink={withMapLink} />
      {missing && (
        <MissingCardPart
          alert={alert}
          groupId={groupId}
          me={me}
          myRole={group?.myRole}
          withActions={withActions}
          onChanged={onChanged}
          onDone={setNotice}
        />
      )}
      <p className="alert-meta">
        Raised{' '}
        <time dateTime={new Date(alert.createdAt).toISOString()} title={fullTime(alert.createdAt)}>
          {messageTime(alert.createdAt)}
        </time>{' '}
        by <strong>{alert.author.displayName}</strong>
        {alert.author.badges.map((b) => (
          <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
            <ShieldIcon size={14} /> {badgeText(b)}
          </span>
        ))}
      </p>
      {origin && <p className="alert-meta">{origin}</p>}
      <p className="alert-meta">{travelText(alert.travel)}</p>
      {alert.linkedAlertId && <p className="alert-meta">{linkedText(alert)}</p>}
      {known && known.length > 0 && !closed && (
        <MatchList
          alert={alert}
          matches={known}
          canLink={!!actions?.matches}
          onChanged={onChanged}
          onDone={setNotice}
        />
      )}
      {actions && (
        <AlertActionBar
          alert={alert}
          groupId={groupId}
          actions={actions}
          matchesAsked={actions.matches && known !== undefined}
          noMatches={actions.matches && known?.length === 0}
          onChanged={onChanged}
          onDone={setNotice}
        />
      )}
      <div role="status">
        {notice && (
          <p className="alert-done">
            <CheckIcon size={18} /> {notice}
          </p>
        )}
      </div>
      {footer}
    </section>
  );
}

/** The status in words with an icon; the colour only repeats what the words say. */
function StatusBadge({ alert }: { alert: AlertView }) {
  const icon =
    alert.status === 'confirmed' ? (
      <ShieldIcon size={16} />
    ) : alert.status === 'resolved' ? (
      <CheckIcon size={16} />
    ) : alert.status === 'unverified' ? (
      <ClockIcon size={16} />
    ) : null;
  return (
    <p className={`alert-status alert-status-${alert.status}`}>
      <span className="visually-hidden">Status: </span>
      {icon}
      {statusText(alert)}
    </p>
  );
}

function Outcome({ alert }: { alert: AlertView }) {
  return (
    <div className="alert-outcome">
      <p>
        <strong>What happened next:</strong>{' '}
        {alert.outcome ? capitalised(OUTCOME_LABEL[alert.outcome]) : 'Resolved'}.
      </p>
      {alert.outcomeNote && <p className="prewrap">{alert.outcomeNote}</p>}
    </div>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The place as typed (marked when a three-word address is unchecked) and in every format a rescuer uses. */
function AlertPlace({
  alert,
  groupId,
  onShowOnMap,
  withMapLink,
}: {
  alert: AlertView;
  groupId: string;
  onShowOnMap?: () => void;
  withMapLink: boolean;
}) {
  const { location, placeText, placeUnchecked } = alert;
  if (!location && !placeText) return null;
  return (
    <div className="msg-location alert-place">
      <p className="msg-location-title">
        <PinIcon size={18} /> {alert.details.kind === 'missing' ? 'Last seen here' : 'Place'}
      </p>
      {placeText && (
        <p className="alert-place-text">
          <span className="break">{placeText}</span>
          {placeUnchecked && (
            <span className="unchecked-tag">
              Not checked
              <span className="visually-hidden">: this three-word address has not been checked</span>
            </span>
          )}
        </p>
      )}
      {placeUnchecked && (
        <p className="hint">
          {location
            ? 'The three-word address was not checked. The pin below was placed by hand.'
            : 'The three-word address was not checked, and no pin was dropped. Treat the place with care.'}
        </p>
      )}
      {location && (
        <>
          <dl className="location-list">
            {location.gridRef && (
              <div>
                <dt>OS grid ref</dt>
                <dd>{location.gridRef}</dd>
              </div>
            )}
            <div>
              <dt>Lat, long</dt>
              <dd>{latLngText(location.lat, location.lng)}</dd>
            </div>
            <div>
              <dt>Plus code</dt>
              <dd>{location.plusCode}</dd>
            </div>
          </dl>
          <div className="alert-place-links">
            {withMapLink &&
              (onShowOnMap ? (
                <button type="button" className="btn btn-quiet btn-small" onClick={onShowOnMap}>
                  <MapIcon size={18} /> Show on map
                </button>
              ) : (
                <Link to={`/groups/${groupId}/map?alert=${alert.id}`} className="map-link">
                  <MapIcon size={18} /> Show on map
                </Link>
              ))}
            <a
              className="map-link"
              href={mapLink(location.lat, location.lng)}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open in OpenStreetMap<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </div>
        </>
      )}
    </div>
  );
}
