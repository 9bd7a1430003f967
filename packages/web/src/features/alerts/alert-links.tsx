// The ways from a conversation to its alerts, just above the composer: raise one, or see them on the map.
// They sit here rather than in the header, where a third button would squeeze the group's name on a phone.
import { Link } from '../../app/router.js';
import { AlertIcon, MapIcon } from './alert-icons.js';

/** "Raise an alert" and "Map" for a group. */
export function AlertLinks({ groupId }: { groupId: string }) {
  return (
    <nav className="alert-links" aria-label="Alerts">
      <Link to={`/groups/${groupId}/alerts/new`} className="btn btn-secondary btn-small alert-links-raise">
        <AlertIcon /> Raise an alert
      </Link>
      <Link to={`/groups/${groupId}/map`} className="btn btn-secondary btn-small">
        <MapIcon /> Map<span className="visually-hidden"> of alerts</span>
      </Link>
    </nav>
  );
}
