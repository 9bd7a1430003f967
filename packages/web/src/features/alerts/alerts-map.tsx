// A Leaflet map of alerts and the group's area; points and outline still show on a plain grid without tiles.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { AlertView, GroupArea } from '../../api/types.js';
import { addTiles } from '../../ui/map-tiles.js';
import { alertHeading, isOpen, statusText } from './labels.js';
import { type TrailPoint, trailPath } from './trail.js';

const KIND_COLOUR: Record<AlertView['details']['kind'], string> = {
  stolen: '#9b2c23',
  found: '#1f5a37',
  animal: '#8a5a00',
  suspicious: '#1d4c7a',
  appeal: '#3b2f7a',
  missing: '#7a1f5c',
};
/** Sightings of a missing person: small dots joined in time order from where they were last seen. */
const TRAIL_COLOUR = '#7a1f5c';
const CLOSED_COLOUR = '#687872';

/** A drawn pin per kind (no image downloads); the chosen one is larger and ringed. */
function pinIcon(alert: AlertView, selected: boolean): L.DivIcon {
  const colour = isOpen(alert) ? KIND_COLOUR[alert.details.kind] : CLOSED_COLOUR;
  const [w, h] = selected ? [40, 55] : [30, 41];
  const ring = selected
    ? '<circle cx="16" cy="16" r="13" fill="none" stroke="#0b57b0" stroke-width="3"/>'
    : '';
  return L.divIcon({
    className: selected ? 'map-pin map-pin-selected' : 'map-pin',
    html: `<svg viewBox="0 0 32 44" width="${w}" height="${h}" aria-hidden="true"><path d="M16 43C16 43 2 26 2 16a14 14 0 0 1 28 0c0 10-14 27-14 27z" fill="${colour}" stroke="#fff" stroke-width="2.5"/>${ring}<circle cx="16" cy="16" r="5" fill="#fff"/></svg>`,
    iconSize: [w, h],
    iconAnchor: [w / 2, h - 1],
  });
}

/** The group's area as a Leaflet layer: a circle or the polygon's outline. */
function areaLayer(area: GroupArea): L.Layer {
  const style = { color: '#264d3b', weight: 2, dashArray: '6 5', fillOpacity: 0.06 };
  if (area.kind === 'circle') {
    return L.circle([area.centre.lat, area.centre.lng], { ...style, radius: area.radiusKm * 1000 });
  }
  return L.polygon(
    area.coordinates.map((ring) => ring.map(([lng, lat]) => [lat, lng] as [number, number])),
    style,
  );
}

interface AlertsMapProps {
  alerts: readonly AlertView[];
  area: GroupArea | null;
  selectedId: string | null;
  onSelect: (alertId: string) => void;
  /** Sightings of the chosen missing person, drawn as small dots joined by a line in time order. */
  trail?: readonly TrailPoint[];
  /** Describes the map to screen readers (the same things must be listed in words nearby). */
  label?: string;
}

/** The map; every pin is also in the list under it, so nothing here is reachable only by pointer. */
export function AlertsMap({ alerts, area, selectedId, onSelect, trail = [], label }: AlertsMapProps) {
  const box = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const pins = useRef<L.LayerGroup | null>(null);
  const trailLayer = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const select = useRef(onSelect);
  select.current = onSelect;
  const framed = useRef(false);
  /** The alert whose pin is drawn as chosen. */
  const drawn = useRef<string | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);

  // The map and the area outline, once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is built once per mount; the area is its frame.
  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { center: [54.5, -2.5], zoom: 6, keyboard: true });
    addTiles(m, setTilesFailed);
    if (area) areaLayer(area).addTo(m);
    trailLayer.current = L.layerGroup().addTo(m);
    pins.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      pins.current = null;
      trailLayer.current = null;
      markers.current.clear();
      framed.current = false;
    };
  }, []);

  // One pin per alert with a place; the first time there is something to show, frame it all.
  useEffect(() => {
    const m = map.current;
    const layer = pins.current;
    if (!m || !layer) return;
    layer.clearLayers();
    markers.current.clear();
    const bounds = L.latLngBounds([]);
    for (const a of alerts) {
      if (!a.location) continue;
      const at = L.latLng(a.location.lat, a.location.lng);
      const marker = L.marker(at, {
        icon: pinIcon(a, false),
        title: `${alertHeading(a.details)} (${statusText(a)})`,
        keyboard: true,
      });
      marker.on('click', () => select.current(a.id));
      // Leaflet makes pins focusable but only opens popups on Enter: choose the alert instead.
      marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
        if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') select.current(a.id);
      });
      marker.addTo(layer);
      markers.current.set(a.id, marker);
      bounds.extend(at);
    }
    drawn.current = null;
    if (framed.current) return;
    if (area?.kind === 'circle')
      bounds.extend(L.latLng(area.centre.lat, area.centre.lng).toBounds(area.radiusKm * 2000));
    if (area?.kind === 'polygon')
      for (const [lng, lat] of area.coordinates[0] ?? []) bounds.extend([lat, lng]);
    if (!bounds.isValid()) return;
    m.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    framed.current = true;
  }, [alerts, area]);

  // The chosen pin is drawn larger and the map centred on it. Its icon element is reused, so a pin chosen
  // from the keyboard keeps the focus.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const previous = drawn.current ? markers.current.get(drawn.current) : undefined;
    const previousAlert = alerts.find((a) => a.id === drawn.current);
    if (previous && previousAlert) previous.setIcon(pinIcon(previousAlert, false)).setZIndexOffset(0);
    const marker = selectedId ? markers.current.get(selectedId) : undefined;
    const chosen = alerts.find((a) => a.id === selectedId);
    drawn.current = marker ? selectedId : null;
    if (!marker || !chosen) return;
    marker.setIcon(pinIcon(chosen, true)).setZIndexOffset(1000);
    m.setView(marker.getLatLng(), Math.max(m.getZoom(), 12));
  }, [selectedId, alerts]);

  // The chosen person's sightings: oldest first from where they were last seen, so the line reads as a route.
  useEffect(() => {
    const m = map.current;
    const layer = trailLayer.current;
    if (!m || !layer) return;
    layer.clearLayers();
    if (trail.length === 0) return;
    const start = alerts.find((a) => a.id === selectedId)?.location;
    const points = trailPath(start ?? null, trail);
    if (points.length > 1) {
      L.polyline(points, { color: TRAIL_COLOUR, weight: 3, dashArray: '2 6', opacity: 0.8 }).addTo(layer);
    }
    for (const p of trail) {
      L.circleMarker([p.lat, p.lng], {
        radius: 7,
        color: '#fff',
        weight: 2,
        fillColor: TRAIL_COLOUR,
        fillOpacity: 1,
      })
        .bindTooltip(p.label)
        .addTo(layer);
    }
    // Without animation: a zoom still animating from choosing the pin would swallow an animated one.
    // More room top left, so the last-seen pin clears the zoom buttons.
    m.fitBounds(L.latLngBounds(points), {
      paddingTopLeft: [56, 64],
      paddingBottomRight: [32, 32],
      maxZoom: 14,
      animate: false,
    });
  }, [trail, alerts, selectedId]);

  return (
    <div className="map-wrap">
      <section
        ref={box}
        className="map-box alerts-map"
        aria-label={
          label ?? "Map of the alerts and the group's area. The same alerts are listed below the map."
        }
      />
      <p className={tilesFailed ? 'map-note' : 'visually-hidden'} role="status">
        {tilesFailed ? 'No map pictures (weak signal?). Pins and the group’s area are still shown.' : ''}
      </p>
    </div>
  );
}
