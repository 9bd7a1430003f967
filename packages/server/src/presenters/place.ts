// Presents a resolved place: the point in every format a rescuer might read, and how it was written.
import { describeLocation, type GeoPoint, type PlaceFormat } from '@fellwatch/core';
import type { ResolvedPlace } from '@fellwatch/protocol';
import type { z } from 'zod';

/** A checked place as the person who typed it sees it. */
export function presentResolvedPlace(place: {
  point: GeoPoint;
  format: PlaceFormat;
}): z.infer<typeof ResolvedPlace> {
  return { location: describeLocation(place.point), format: place.format, checked: true };
}
