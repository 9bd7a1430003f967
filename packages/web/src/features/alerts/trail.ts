// A missing person's sightings on a map, as data: each point, and the line joining them in time order.

/** One sighting on the map: where and when, and a few words for its tooltip. */
export interface TrailPoint {
  id: string;
  lat: number;
  lng: number;
  seenAt: number;
  label: string;
}

/** The line through a missing person's sightings: from the last-seen point, then by the time each was seen. */
export function trailPath(
  start: { lat: number; lng: number } | null,
  trail: readonly TrailPoint[],
): [number, number][] {
  const inOrder = [...trail].sort((a, b) => a.seenAt - b.seenAt);
  const points: [number, number][] = inOrder.map((p) => [p.lat, p.lng]);
  return start ? [[start.lat, start.lng], ...points] : points;
}
