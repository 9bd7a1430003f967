// Shared building blocks of the wire format: ids, times, errors, locations, people.
import { z } from 'zod';

/** A ULID as text. */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id');
/** Milliseconds since the Unix epoch. */
export const Epoch = z.number().int().nonnegative();

/** Every error response has this shape and a 4xx status. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** A point shown in every format a rescuer might use. */
export const LocationView = GeoPoint.extend({
  gridRef: z.string().nullable(),
  plusCode: z.string(),
});
export type LocationView = z.infer<typeof LocationView>;

export const Affiliation = z.enum(['officer', 'staff', 'partner']);
export const Badge = z.object({
  organisationId: Id,
  organisationName: z.string(),
  affiliation: Affiliation,
});
export type Badge = z.infer<typeof Badge>;

/** How one member sees another: a display name and badges. Never an email or phone number. */
export const PublicPerson = z.object({
  id: Id,
  displayName: z.string(),
  badges: z.array(Badge),
});
export type PublicPerson = z.infer<typeof PublicPerson>;

export const Email = z.string().trim().toLowerCase().email().max(254);
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);
export const DisplayName = z.string().trim().min(1).max(60);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number');
