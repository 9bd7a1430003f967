// Resolving what a person typed for a place (coordinates, grid reference, plus code, what3words, postcode).
import { fail, type GeoPoint, resolvePlace } from '@fellwatch/core';
import { ResolvedPlace, ResolvePlaceQuery } from '@fellwatch/protocol';
import type { z } from 'zod';
import { createGeocoder } from '../../../geocoding/index.js';
import { presentResolvedPlace } from '../../../presenters/place.js';
import type { Api } from '../api.js';

/** The error code of a what3words address that could not be checked: keep it as typed, ask for a pin. */
export const UNCHECKED_WHAT3WORDS = 'unchecked_what3words';

const UNCHECKED_MESSAGE = {
  unconfigured: 'what3words addresses cannot be checked on this server; the address is kept as typed.',
  unresolved:
    'This what3words address could not be checked (the words may be misheard, or what3words did not answer); the address is kept as typed.',
};

/** Registers GET /api/v1/places/resolve. */
export function registerPlaceRoutes(api: Api): void {
  const { ports } = api.ctx;
  // Without a geocoder, what3words addresses stay unchecked and no postcode is known.
  const geocoder = api.ctx.geocoder ?? createGeocoder({});

  api.route({
    method: 'GET',
    url: '/api/v1/places/resolve',
    summary:
      'Resolve a typed place to a point in every format. 422 unchecked_what3words: a what3words address that could not be checked (keep it as typed, marked "not checked")',
    tag: 'places',
    auth: 'required',
    query: ResolvePlaceQuery,
    responses: { 200: ResolvedPlace },
    perMinute: 60,
    handler: async ({ query, reply }) => {
      const near = query.near === undefined ? undefined : parseNear(query.near);
      const resolution = await resolvePlace(ports, geocoder, query.text, near);
      if (!resolution.checked) {
        const message = UNCHECKED_MESSAGE[resolution.reason];
        return reply.status(422).send({ error: { code: UNCHECKED_WHAT3WORDS, message, field: 'text' } });
      }
      return presentResolvedPlace(resolution) satisfies z.infer<typeof ResolvedPlace>;
    },
  });
}

// The query schema has checked the "lat,lng" shape; the core checks the ranges.
function parseNear(near: string): GeoPoint {
  const [lat, lng] = near.split(',').map(Number);
  if (lat === undefined || lng === undefined) throw fail.invalid('near: must be lat,lng', 'near');
  return { lat, lng };
}
