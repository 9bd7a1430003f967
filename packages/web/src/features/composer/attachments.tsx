// What is attached to a message being written: photo thumbnails and the chosen location, each removable.
import type { GeoPoint } from '../../api/types.js';
import { latLngText } from '../../ui/format.js';
import { PinIcon } from '../../ui/icons.js';

/** A photo picked on this phone, not yet sent. */
export interface AttachedPhoto {
  key: string;
  file: File;
  preview: string;
}

/** The picked photos with a remove button on each. */
export function PhotoTray({
  photos,
  onRemove,
}: {
  photos: readonly AttachedPhoto[];
  onRemove: (key: string) => void;
}) {
  return (
    <ul className="photo-tray" aria-label="Photos to send">
      {photos.map((p, i) => (
        <li key={p.key}>
          <img src={p.preview} alt={`Attachment ${i + 1} of ${photos.length}`} />
          <button type="button" className="photo-remove" onClick={() => onRemove(p.key)}>
            Remove<span className="visually-hidden"> photo {i + 1}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The chosen location with a remove button. */
export function LocationChip({ location, onRemove }: { location: GeoPoint; onRemove: () => void }) {
  return (
    <div className="location-chip">
      <PinIcon size={18} />
      <span>
        Location: <strong>{latLngText(location.lat, location.lng)}</strong>
      </span>
      <button type="button" className="btn btn-quiet" onClick={onRemove}>
        Remove<span className="visually-hidden"> location</span>
      </button>
    </div>
  );
}
