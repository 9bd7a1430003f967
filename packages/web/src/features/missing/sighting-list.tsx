// The sightings of a missing person as a timeline, newest first: when, where, who, what they saw, photos.
import type { SightingView } from '../../api/sightings.js';
import { badgeText, fullTime, latLngText } from '../../ui/format.js';
import { PinIcon, ShieldIcon } from '../../ui/icons.js';
import { PhotoGrid } from '../conversation/photo-grid.js';
import { reporterName, seenTime, sightingPlace } from './missing-labels.js';

/** The timeline; every sighting with a point is also a dot on the map above it. */
export function SightingList({ sightings }: { sightings: readonly SightingView[] }) {
  return (
    <ol className="sighting-list">
      {sightings.map((s) => (
        <li key={s.id} className="sighting">
          <p className="sighting-line">
            <PinIcon size={18} />{' '}
            <span>
              Seen{' '}
              <time dateTime={new Date(s.seenAt).toISOString()} title={fullTime(s.seenAt)}>
                <strong>{seenTime(s.seenAt)}</strong>
              </time>{' '}
              at <strong className="break">{sightingPlace(s)}</strong>
              {s.placeUnchecked && <span className="unchecked-tag">Not checked</span>}
            </span>
          </p>
          {s.note && <p className="prewrap sighting-note">{s.note}</p>}
          {s.photos.length > 0 && <PhotoGrid photos={s.photos} who={reporterName(s)} />}
          {s.location && s.placeText && (
            <p className="muted small">{s.location.gridRef ?? latLngText(s.location.lat, s.location.lng)}</p>
          )}
          <p className="muted small">
            Reported by {reporterName(s)}
            {s.reportedBy?.badges.map((b) => (
              <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
                <ShieldIcon size={14} /> {badgeText(b)}
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
