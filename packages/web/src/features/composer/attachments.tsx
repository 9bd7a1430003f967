// What is attached to a message being written: photo thumbnails and the chosen location, each removable.
import { useRef } from 'react';
import type { GeoPoint } from '../../api/types.js';
import { latLngText } from '../../ui/format.js';
import { CameraIcon, PinIcon } from '../../ui/icons.js';

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

interface PhotoFieldsetProps {
  /** Why photos help here, and that their location details are removed. */
  hint: string;
  photos: readonly AttachedPhoto[];
  onAdd: (files: FileList | null) => void;
  onRemove: (key: string) => void;
  /** No more can be added at this many. */
  max: number;
  /** The button's words before the first photo, and after. */
  addLabels: readonly [string, string];
  /** Problems to show above the button (files left out, the server's answer). */
  problems: readonly (string | null | undefined)[];
}

/** A form's "Photos" section: the picked photos, their problems, and a button that opens the picker. */
export function PhotoFieldset({
  hint,
  photos,
  onAdd,
  onRemove,
  max,
  addLabels,
  problems,
}: PhotoFieldsetProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <fieldset className="fieldset">
      <legend>Photos</legend>
      <p className="hint">{hint}</p>
      {photos.length > 0 && <PhotoTray photos={photos} onRemove={onRemove} />}
      {problems.map((problem) =>
        problem ? (
          <p key={problem} className="field-error">
            {problem}
          </p>
        ) : null,
      )}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => fileInput.current?.click()}
        disabled={photos.length >= max}
      >
        <CameraIcon /> {photos.length ? addLabels[1] : addLabels[0]}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          onAdd(e.target.files);
          // The same photo may be picked again after it was removed.
          e.target.value = '';
        }}
      />
    </fieldset>
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
