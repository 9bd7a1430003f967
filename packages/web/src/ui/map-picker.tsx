// A Leaflet map to pick a point by tapping; still usable when tiles fail (grid background) and by keyboard.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import type { GeoPoint } from '../api/types.js';
import { addTiles } from './map-tiles.js';

// A drawn pin: Leaflet's default marker images do not survive bundling, and this one needs no download.
const PIN = L.divIcon({
  className: 'map-pin',
  html: '<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true"><path d="M16 43C16 43 2 26 2 16a14 14 0 0 1 28 0c0 10-14 27-14 27z" fill="#9b2c23" stroke="#fff" stroke-width="2.5"/><circle cx="16" cy="16" r="5" fill="#fff"/></svg>',
  iconSize: [32, 44],
  iconAnchor: [16, 43],
});

interface MapPickerProps {
  centre: GeoPoint;
  zoom: number;
  value: GeoPoint | null;
  onChange: (p: GeoPoint) => void;
  /** Draws a circle of this radius around the pin (a group's area). */
  radiusKm?: number | null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The map, plus latitude/longitude fields that move the pin for anyone not using touch or a mouse. */
export function MapPicker({ centre, zoom, value, onChange, radiusKm }: MapPickerProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const circle = useRef<L.Circle | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const [tilesFailed, setTilesFailed] = useState(false);
  const [lat, setLat] = useState(value ? String(value.lat) : '');
  const [lng, setLng] = useState(value ? String(value.lng) : '');
  const id = useId();

  // Create the map once; centre and zoom are only the starting view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is built once per mount.
  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, {
      center: [centre.lat, centre.lng],
      zoom,
      zoomControl: true,
      keyboard: true,
    });
    addTiles(m, setTilesFailed);
    m.on('click', (e: L.LeafletMouseEvent) =>
      change.current({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }),
    );
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
      circle.current = null;
    };
  }, []);

  // Keep the pin, the circle and the number fields in step with the chosen point.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      circle.current?.remove();
      circle.current = null;
      return;
    }
    const at = L.latLng(value.lat, value.lng);
    if (!marker.current) {
      marker.current = L.marker(at, { icon: PIN, draggable: true, keyboard: false }).addTo(m);
      marker.current.on('dragend', () => {
        const p = marker.current?.getLatLng();
        if (p) change.current({ lat: round(p.lat), lng: round(p.lng) });
      });
    } else marker.current.setLatLng(at);
    if (radiusKm && radiusKm > 0) {
      if (!circle.current) {
        circle.current = L.circle(at, {
          radius: radiusKm * 1000,
          color: '#264d3b',
          weight: 2,
          fillOpacity: 0.08,
        }).addTo(m);
      } else circle.current.setLatLng(at).setRadius(radiusKm * 1000);
    } else {
      circle.current?.remove();
      circle.current = null;
    }
    setLat(String(value.lat));
    setLng(String(value.lng));
  }, [value, radiusKm]);

  const applyTyped = (nextLat: string, nextLng: string) => {
    const a = Number(nextLat);
    const b = Number(nextLng);
    if (
      nextLat.trim() &&
      nextLng.trim() &&
      Number.isFinite(a) &&
      Number.isFinite(b) &&
      Math.abs(a) <= 90 &&
      Math.abs(b) <= 180
    ) {
      onChange({ lat: round(a), lng: round(b) });
      map.current?.panTo([a, b]);
    }
  };

  const pinAtCentre = () => {
    const c = map.current?.getCenter();
    if (c) onChange({ lat: round(c.lat), lng: round(c.lng) });
  };

  return (
    <div className="map-picker">
      <div className="map-wrap">
        <div
          ref={box}
          className="map-box"
          role="application"
          aria-label="Map. Tap to place the pin; use the arrow keys to move the map and the button below to drop the pin in the middle."
        />
        <p className={tilesFailed ? 'map-note' : 'visually-hidden'} role="status">
          {tilesFailed
            ? 'No map pictures (weak signal?). Tap the grid to place the pin, or type the position.'
            : ''}
        </p>
      </div>
      <div className="map-fields">
        <button type="button" className="btn btn-secondary" onClick={pinAtCentre}>
          Pin the middle of the map
        </button>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${id}-lat`}>Latitude</label>
            <input
              id={`${id}-lat`}
              inputMode="decimal"
              value={lat}
              onChange={(e) => {
                setLat(e.target.value);
                applyTyped(e.target.value, lng);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lng`}>Longitude</label>
            <input
              id={`${id}-lng`}
              inputMode="decimal"
              value={lng}
              onChange={(e) => {
                setLng(e.target.value);
                applyTyped(lat, e.target.value);
              }}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
