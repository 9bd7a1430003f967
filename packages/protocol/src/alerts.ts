// Alerts: structured cards (stolen, found, animal, suspicious, appeal, missing person) that travel to every group within reach.
import { z } from 'zod';
import { Epoch, GeoPoint, Id, LocationView, PublicPerson } from './common.js';

const Text = (max: number) => z.string().trim().max(max);
const Optional = (max: number) => Text(max).optional();

/** A time window, e.g. "between 22:00 and 06:00 last night". */
export const TimeWindow = z
  .object({ from: Epoch, to: Epoch })
  .refine((w) => w.to >= w.from, { message: 'must end after it starts', path: ['to'] });

export const PropertyCategory = z.enum([
  'quad',
  'tractor',
  'trailer',
  'plant',
  'vehicle',
  'tools',
  'livestock',
  'fuel',
  'other',
]);
export type PropertyCategory = z.infer<typeof PropertyCategory>;

/** What identifies a piece of property: shared by stolen and found alerts. */
const PropertyFields = {
  category: PropertyCategory,
  make: Optional(60),
  model: Optional(60),
  colour: Optional(40),
  registration: Optional(20),
  /** Serial, VIN or PIN. */
  serial: Optional(40),
  /** CESAR or another marking scheme's id. */
  markingId: Optional(40),
  marks: Optional(500),
};

export const StolenDetails = z.object({
  kind: z.literal('stolen'),
  ...PropertyFields,
  when: TimeWindow.optional(),
  crimeReference: Optional(40),
});
export const FoundDetails = z.object({
  kind: z.literal('found'),
  ...PropertyFields,
  condition: Optional(300),
  /** Who holds it now, in words ("at Middleton police station"). */
  heldBy: Optional(200),
});
export const AnimalDetails = z.object({
  kind: z.literal('animal'),
  /** Loose on the land or on a road, or found and held. */
  situation: z.enum(['loose', 'found']),
  species: Text(40).min(1),
  count: z.number().int().min(1).max(10_000).default(1),
  earTag: Optional(40),
  /** Flock or herd mark. */
  flockMark: Optional(40),
  breed: Optional(80),
  onRoad: z.boolean().default(false),
});
export const SuspiciousDetails = z.object({
  kind: z.literal('suspicious'),
  activity: z.enum(['hare_coursing', 'lamping', 'fly_tipping', 'casing_farms', 'other']),
  vehicle: z
    .object({
      registration: Optional(20),
      make: Optional(60),
      model: Optional(60),
      colour: Optional(40),
      occupants: z.number().int().min(0).max(50).optional(),
      direction: Optional(80),
    })
    .optional(),
  people: Optional(500),
  when: TimeWindow.optional(),
});
export const AppealDetails = z.object({
  kind: z.literal('appeal'),
  /** What the police ask for. */
  request: Text(2000).min(1),
  policeReference: Text(40).min(1),
  howToRespond: Text(500).min(1),
});

/** What makes a missing person especially at risk. */
export const MissingVulnerability = z.enum(['dementia', 'medical', 'self_harm', 'other']);
export type MissingVulnerability = z.infer<typeof MissingVulnerability>;

/**
 * A missing person. Raised by officers, or by a group's admins and moderators pending police
 * confirmation; the alert's location is where they were last seen. Withdrawn when they are found.
 */
export const MissingDetails = z.object({
  kind: z.literal('missing'),
  /** Their name, or initials. */
  name: Text(80).min(1),
  age: z.number().int().min(0).max(120).optional(),
  description: Text(1000).min(1),
  clothing: Optional(500),
  lastSeenAt: Epoch,
  /** The last-seen place in words ("the market place in Stanhope"). */
  lastSeenPlace: Optional(200),
  vulnerabilities: z.array(MissingVulnerability).max(4).default([]),
  /** Places they may go: an old home, a favourite walk. */
  mayGoTo: Optional(1000),
  policeReference: Optional(40),
  /** Set when released from a Herbert Protocol profile. */
  profileId: Id.optional(),
});
export type MissingDetails = z.infer<typeof MissingDetails>;

/** The card's own fields; `kind` says which. */
export const AlertDetails = z.discriminatedUnion('kind', [
  StolenDetails,
  FoundDetails,
  AnimalDetails,
  SuspiciousDetails,
  AppealDetails,
  MissingDetails,
]);
export type AlertDetails = z.infer<typeof AlertDetails>;
export type AlertKind = AlertDetails['kind'];
export const AlertKinds = z.enum(['stolen', 'found', 'animal', 'suspicious', 'appeal', 'missing']);

/**
 * A missing-person card as members see it. Once the person is found (or the alert is closed) their
 * name and personal details are withdrawn everywhere: only `kind` and `withdrawn: true` remain.
 */
export const MissingDetailsView = MissingDetails.partial().extend({
  kind: z.literal('missing'),
  vulnerabilities: z.array(MissingVulnerability).optional(),
  withdrawn: z.literal(true).optional(),
});

/** The card's fields as shown: as raised, except a missing person's once withdrawn. */
export const AlertDetailsView = z.discriminatedUnion('kind', [
  StolenDetails,
  FoundDetails,
  AnimalDetails,
  SuspiciousDetails,
  AppealDetails,
  MissingDetailsView,
]);
export type AlertDetailsView = z.infer<typeof AlertDetailsView>;

/** How far an alert travels. Radius defaults per kind (stolen vehicles and plant 80 km, animals 10 km, missing people 25 km). */
export const Reach = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('group') }),
  z.object({ mode: z.literal('radius'), radiusKm: z.number().positive().max(200).optional() }),
  z.object({ mode: z.literal('organisation') }),
]);
export type Reach = z.infer<typeof Reach>;

export const RaiseAlert = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _'),
  details: AlertDetails,
  /** Free text shown on the card under the fields. */
  summary: Text(2000).default(''),
  location: GeoPoint.optional(),
  /** What the poster typed for the place, e.g. "///filled.count.soap" or "NY 835 213", kept as written. */
  placeText: Optional(120),
  photoIds: z.array(Id).max(10).default([]),
  reach: Reach,
});
export type RaiseAlert = z.infer<typeof RaiseAlert>;

export const AlertStatus = z.enum(['unverified', 'confirmed', 'resolved', 'retracted']);
/** How an alert ended; 'found' (found safe) is for missing people only. */
export const AlertOutcome = z.enum(['recovered', 'owner_found', 'returned', 'no_further_action', 'found']);
export const ChangeAlertStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed') }),
  z.object({ status: z.literal('resolved'), outcome: AlertOutcome, note: Optional(1000) }),
  z.object({ status: z.literal('retracted'), note: Optional(1000) }),
]);

/** Whether a group takes alerts raised in another organisation's groups. */
export const ExternalAlertPolicy = z.enum(['always', 'never', 'review']);

export const AlertView = z.object({
  id: Id,
  details: AlertDetailsView,
  summary: z.string(),
  author: PublicPerson,
  originGroupId: Id,
  /** Where it was raised, by name, so a card shown far away says whose it is: "Teesdale Farm Watch". */
  originGroupName: z.string(),
  /** The organisation of the group it was raised in: "Durham Rural Watch". */
  originOrganisationName: z.string(),
  location: LocationView.nullable(),
  placeText: z.string().nullable(),
  /** A what3words address in placeText that no geocoder has checked. */
  placeUnchecked: z.boolean(),
  photos: z.array(
    z.object({ id: Id, width: z.number(), height: z.number(), url: z.string(), thumbUrl: z.string() }),
  ),
  status: AlertStatus,
  outcome: AlertOutcome.nullable(),
  /** "What happened next", posted back with the outcome. */
  outcomeNote: z.string().nullable(),
  linkedAlertId: Id.nullable(),
  /**
   * Where it travelled: "shared with 6 groups in 2 forces". `reviewing` counts the groups of other
   * organisations whose admins have not yet decided whether to show it; absent when none, or once closed.
   */
  travel: z.object({
    groups: z.number().int(),
    organisations: z.number().int(),
    reviewing: z.object({ groups: z.number().int(), organisations: z.number().int() }).optional(),
  }),
  /** Sightings reported so far: missing-person alerts only, and none once their details are withdrawn. */
  sightings: z.number().int().min(0).optional(),
  createdAt: Epoch,
  updatedAt: Epoch,
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertMatch = z.object({
  alert: AlertView,
  score: z.number().min(0).max(1),
  /** In words: "same registration", "same make and colour", "112 km apart, 3 days". */
  reasons: z.array(z.string()),
  distanceKm: z.number().nullable(),
});
export const AlertMatches = z.object({ matches: z.array(AlertMatch) });
export const LinkAlerts = z.object({ otherAlertId: Id });

export const AlertResponse = z.object({ alert: AlertView });
export const AlertList = z.object({ alerts: z.array(AlertView) });
export const AlertRaised = z.object({ alert: AlertView, matches: z.array(AlertMatch) });
export const ReviewAlert = z.object({ accept: z.boolean() });
export const AlertListQuery = z.object({
  status: z.enum(['open', 'all']).default('open'),
  kind: AlertKinds.optional(),
});

/** A place typed by a person, resolved: every format, and whether a geocoder checked it. */
export const ResolvedPlace = z.object({
  location: LocationView,
  format: z.enum(['decimal', 'dms', 'osgrid', 'plus-code', 'what3words', 'postcode']),
  /** False for a what3words address when no geocoder key is configured: shown as "not checked". */
  checked: z.boolean(),
});
export const ResolvePlaceQuery = z.object({
  text: z.string().trim().min(1).max(120),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be lat,lng')
    .optional(),
});
