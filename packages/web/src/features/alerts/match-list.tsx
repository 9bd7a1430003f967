// "Possible match" under an alert: each candidate in a line, why it may match, and one tap to link the two.
import { useState } from 'react';
import { linkAlerts } from '../../api/alerts.js';
import { ApiError, describeError } from '../../api/errors.js';
import type { AlertMatch, AlertView } from '../../api/types.js';
import { useServices, useSession } from '../../app/session.js';
import { latLngText } from '../../ui/format.js';
import { PhotoGrid } from '../conversation/photo-grid.js';
import { detailRows, matchDescription } from './labels.js';
import { forgetMatches } from './matches-store.js';

interface MatchListProps {
  alert: AlertView;
  matches: readonly AlertMatch[];
  /** I may link (the poster, the group's admins and moderators, officers). */
  canLink: boolean;
  onChanged?: (alert: AlertView) => void;
  /** Says what was done; the card announces it (this list disappears once the alert is resolved). */
  onDone: (message: string) => void;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The possible matches of one alert. */
export function MatchList({ alert, matches, canLink, onChanged, onDone }: MatchListProps) {
  const { timelines } = useServices();
  const { state } = useSession();
  const myId = state.status === 'signed_in' ? state.me.id : '';
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const link = async (other: AlertView) => {
    setBusy(other.id);
    setError(null);
    try {
      const updated = await linkAlerts(alert.id, other.id);
      timelines.updateAlert(updated);
      onChanged?.(updated);
      onDone('Linked. Both alerts are marked recovered in every group they were shared with.');
      forgetMatches(myId, alert.id);
      forgetMatches(myId, other.id);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 403
          ? 'Only the people who raised these alerts, their groups’ admins and moderators, and police officers can link them.'
          : describeError(err),
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="alert-matches">
      <h3>{matches.length === 1 ? 'Possible match' : `${matches.length} possible matches`}</h3>
      <ul className="match-list">
        {matches.map((m) => {
          const rows = detailRows(m.alert.details);
          return (
            <li key={m.alert.id} className="match">
              <p className="match-line">{capitalised(matchDescription(m))}</p>
              {m.reasons.length > 0 && <p className="match-reasons">Why: {m.reasons.join('; ')}.</p>}
              {m.alert.photos.length > 0 && (
                <PhotoGrid photos={m.alert.photos} who={m.alert.author.displayName} />
              )}
              {(rows.length > 0 || m.alert.location || m.alert.summary) && (
                <details className="match-more">
                  <summary>More about it</summary>
                  <dl className="alert-fields">
                    {rows.map((r) => (
                      <div key={r.label} className={r.long ? 'alert-field-long' : undefined}>
                        <dt>{r.label}</dt>
                        <dd>{r.value}</dd>
                      </div>
                    ))}
                    {m.alert.location && (
                      <div>
                        <dt>Place</dt>
                        <dd>
                          {m.alert.location.gridRef ?? latLngText(m.alert.location.lat, m.alert.location.lng)}
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>Raised by</dt>
                      <dd>{m.alert.author.displayName}</dd>
                    </div>
                  </dl>
                  {m.alert.summary && <p className="prewrap">{m.alert.summary}</p>}
                </details>
              )}
              {canLink && (
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={busy !== null}
                  onClick={() => void link(m.alert)}
                >
                  {busy === m.alert.id ? 'Linking…' : 'Link and mark both recovered'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
