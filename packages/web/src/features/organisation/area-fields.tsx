// A group's area as a circle: centre from a map tap (or typed), radius in kilometres.
import { lazy, Suspense } from 'react';
import type { GeoPoint, GroupArea } from '../../api/types.js';
import { Loading } from '../../ui/banner.js';
import { TextField } from '../../ui/fields.js';
import { latLngText } from '../../ui/format.js';

const MapPicker = lazy(() => import('../../ui/map-picker.js').then((m) => ({ default: m.MapPicker })));

export interface AreaValue {
  centre: GeoPoint | null;
  radiusKm: string;
}

/** The form value for a stored area (only circles are edited here; a polygon is kept as it is). */
export function areaValue(area: GroupArea | null): AreaValue {
  return area?.kind === 'circle'
    ? { centre: area.centre, radiusKm: String(area.radiusKm) }
    : { centre: null, radiusKm: '10' };
}

/** The area to send, or null when no centre is set; undefined when the radius is not a usable number. */
export function toArea(v: AreaValue): GroupArea | null | undefined {
  if (!v.centre) return null;
  const r = Number(v.radiusKm);
  if (!Number.isFinite(r) || r <= 0 || r > 500) return undefined;
  return { kind: 'circle', centre: v.centre, radiusKm: r };
}

/** The map and radius field. */
export function AreaFields({ value, onChange }: { value: AreaValue; onChange: (v: AreaValue) => void }) {
  const radius = Number(value.radiusKm);
  return (
    <fieldset className="fieldset">
      <legend>Area the group covers</legend>
      <p className="hint">
        Tap the map to set the middle of the area. Alerts and nearby groups use it. You can leave it empty.
      </p>
      <Suspense fallback={<Loading>Loading the map…</Loading>}>
        <MapPicker
          centre={value.centre ?? { lat: 54.5, lng: -2.5 }}
          zoom={value.centre ? 10 : 6}
          value={value.centre}
          radiusKm={Number.isFinite(radius) ? radius : null}
          onChange={(centre) => onChange({ ...value, centre })}
        />
      </Suspense>
      <p>{value.centre ? `Centre: ${latLngText(value.centre.lat, value.centre.lng)}` : 'No area set.'}</p>
      <TextField
        label="Radius in kilometres"
        type="number"
        inputMode="decimal"
        min={0.1}
        max={500}
        step="any"
        value={value.radiusKm}
        onChange={(e) => onChange({ ...value, radiusKm: e.target.value })}
        error={toArea(value) === undefined ? 'Enter a radius between 0.1 and 500 km.' : null}
      />
      {value.centre && (
        <button type="button" className="btn btn-quiet" onClick={() => onChange({ ...value, centre: null })}>
          Clear the area
        </button>
      )}
    </fieldset>
  );
}
