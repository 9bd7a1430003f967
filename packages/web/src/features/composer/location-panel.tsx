// Choosing a message's location: this phone's position, or a place picked on the map.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { GeoPoint } from '../../api/types.js';
import { Loading } from '../../ui/banner.js';

const MapPicker = lazy(() => import('../../ui/map-picker.js').then((m) => ({ default: m.MapPicker })));

/** Roughly the middle of Great Britain, for a map with nothing better to centre on. */
const GB_CENTRE: GeoPoint = { lat: 54.5, lng: -2.5 };

interface LocationPanelProps {
  centre: GeoPoint | null;
  onChoose: (point: GeoPoint) => void;
  onClose: () => void;
}

/** The two ways to add a location. */
export function LocationPanel({ centre, onChoose, onClose }: LocationPanelProps) {
  const [finding, setFinding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem('This phone cannot share its location. Pick the place on the map instead.');
      return;
    }
    setFinding(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setFinding(false);
        onChoose({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      (err) => {
        setFinding(false);
        setProblem(
          err.code === err.PERMISSION_DENIED
            ? 'Location is turned off for Fellwatch on this phone. You can pick the place on the map instead.'
            : 'Your location could not be found just now. Try again in the open, or pick the place on the map.',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  };

  return (
    <div className="location-panel">
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={finding}>
          {finding ? 'Finding your location…' : 'Use my location'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setMapOpen(true)}>
          Pick on map
        </button>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {finding ? 'Finding your location' : ''}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {mapOpen && (
        <MapDialog
          centre={centre ?? GB_CENTRE}
          zoom={centre ? 12 : 6}
          onChoose={(p) => {
            setMapOpen(false);
            onChoose(p);
          }}
          onClose={() => setMapOpen(false)}
        />
      )}
    </div>
  );
}

/** A modal map to pick one point; also used by the alert form. */
export function MapDialog({
  centre,
  zoom,
  onChoose,
  onClose,
}: {
  centre: GeoPoint;
  zoom: number;
  onChoose: (p: GeoPoint) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [point, setPoint] = useState<GeoPoint | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog dialog-map"
      aria-labelledby="map-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="map-dialog-title">Pick the place</h2>
      <p className="muted small">
        Tap the map to put the pin where it happened. You can drag the pin to adjust it.
      </p>
      <Suspense fallback={<Loading>Loading the map…</Loading>}>
        <MapPicker centre={centre} zoom={zoom} value={point} onChange={setPoint} />
      </Suspense>
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!point}
          onClick={() => point && onChoose(point)}
        >
          Use this place
        </button>
      </div>
    </dialog>
  );
}
