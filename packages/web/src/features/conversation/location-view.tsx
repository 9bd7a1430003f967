// A message's location in every format a rescuer might use, with a link to a map.
import type { LocationView as Location } from '../../api/types.js';
import { latLngText } from '../../ui/format.js';
import { PinIcon } from '../../ui/icons.js';

/** A link to the point on OpenStreetMap (no third-party tracking, works without an app). */
export function mapLink(lat: number, lng: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lng.toFixed(6)}#map=16/${lat.toFixed(5)}/${lng.toFixed(5)}`;
}

/** The location block of a message. */
export function LocationView({ location }: { location: Location }) {
  return (
    <div className="msg-location">
      <p className="msg-location-title">
        <PinIcon size={18} /> Location
      </p>
      <dl className="location-list">
        <div>
          <dt>Lat, long</dt>
          <dd>{latLngText(location.lat, location.lng)}</dd>
        </div>
        {location.gridRef && (
          <div>
            <dt>OS grid ref</dt>
            <dd>{location.gridRef}</dd>
          </div>
        )}
        <div>
          <dt>Plus code</dt>
          <dd>{location.plusCode}</dd>
        </div>
      </dl>
      <a
        className="map-link"
        href={mapLink(location.lat, location.lng)}
        target="_blank"
        rel="noopener noreferrer"
      >
        Open on a map<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </div>
  );
}
