// The alert form as data: its fields per kind, and a draft turned into the protocol's details, or errors in words.
import type { AlertDetails, AlertKind, PropertyCategory } from '../../api/types.js';

/** Every text field the form can show; the names are the protocol's, `vehicle*` flattened. */
export type DraftField =
  | 'make'
  | 'model'
  | 'colour'
  | 'registration'
  | 'serial'
  | 'markingId'
  | 'marks'
  | 'crimeReference'
  | 'condition'
  | 'heldBy'
  | 'species'
  | 'count'
  | 'earTag'
  | 'flockMark'
  | 'breed'
  | 'vehicleRegistration'
  | 'vehicleMake'
  | 'vehicleModel'
  | 'vehicleColour'
  | 'vehicleOccupants'
  | 'vehicleDirection'
  | 'people'
  | 'request'
  | 'policeReference'
  | 'howToRespond'
  | 'whenFrom'
  | 'whenTo'
  | 'name'
  | 'age'
  | 'description'
  | 'clothing'
  | 'lastSeenAt'
  | 'lastSeenPlace'
  | 'mayGoTo';

type MissingDetails = Extract<AlertDetails, { kind: 'missing' }>;
/** What makes a missing person especially at risk. */
export type Vulnerability = MissingDetails['vulnerabilities'][number];

/** What has been typed and chosen so far. Times are `datetime-local` values in the phone's time zone. */
export interface AlertDraft {
  kind: AlertKind;
  category: PropertyCategory | null;
  situation: 'loose' | 'found' | null;
  activity: Extract<AlertDetails, { kind: 'suspicious' }>['activity'] | null;
  onRoad: boolean;
  /** A missing person's vulnerabilities, ticked. */
  vulnerabilities: Vulnerability[];
  text: Partial<Record<DraftField, string>>;
}

/** How a text field is shown: its label, whether it is required, its limit and an optional hint. */
export interface FieldSpec {
  name: DraftField;
  label: string;
  max: number;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  /** Registrations and references are typed in capitals and never auto-corrected. */
  code?: boolean;
  numeric?: boolean;
}

/** What identifies property, shared by stolen and found alerts. */
export const PROPERTY_FIELDS: readonly FieldSpec[] = [
  { name: 'make', label: 'Make', max: 60, hint: 'e.g. Honda, John Deere, Ifor Williams' },
  { name: 'model', label: 'Model', max: 60 },
  { name: 'colour', label: 'Colour', max: 40 },
  { name: 'registration', label: 'Registration', max: 20, code: true },
  { name: 'serial', label: 'Serial, VIN or PIN', max: 40, code: true },
  { name: 'markingId', label: 'CESAR or other marking number', max: 40, code: true },
  {
    name: 'marks',
    label: 'Distinguishing marks',
    max: 500,
    multiline: true,
    hint: 'Dents, stickers, welding, a missing mudguard…',
  },
];

/** The fields after the shared ones, per kind. */
export const KIND_FIELDS: Record<AlertKind, readonly FieldSpec[]> = {
  stolen: [{ name: 'crimeReference', label: 'Crime reference', max: 40, code: true }],
  found: [
    {
      name: 'condition',
      label: 'Condition',
      max: 300,
      multiline: true,
      hint: 'e.g. burnt out, ignition damaged',
    },
    { name: 'heldBy', label: 'Who has it now', max: 200, hint: 'e.g. at Middleton police station' },
  ],
  animal: [
    { name: 'species', label: 'Species', max: 40, required: true, hint: 'e.g. sheep, cattle, horse, dog' },
    { name: 'count', label: 'How many', max: 5, numeric: true, hint: 'Leave empty for one.' },
    { name: 'earTag', label: 'Ear tag', max: 40, code: true },
    { name: 'flockMark', label: 'Flock or herd mark', max: 40 },
    { name: 'breed', label: 'Breed or colour', max: 80 },
  ],
  suspicious: [
    { name: 'vehicleRegistration', label: 'Registration', max: 20, code: true },
    { name: 'vehicleMake', label: 'Make', max: 60 },
    { name: 'vehicleModel', label: 'Model', max: 60 },
    { name: 'vehicleColour', label: 'Colour', max: 40 },
    { name: 'vehicleOccupants', label: 'How many people in it', max: 2, numeric: true },
    {
      name: 'vehicleDirection',
      label: 'Direction of travel',
      max: 80,
      hint: 'e.g. towards Stanhope on the A689',
    },
    {
      name: 'people',
      label: 'People',
      max: 500,
      multiline: true,
      hint: 'How many, what they wore, dogs with them',
    },
  ],
  appeal: [
    { name: 'request', label: 'What the police ask for', max: 2000, required: true, multiline: true },
    { name: 'policeReference', label: 'Police reference', max: 40, required: true, code: true },
    {
      name: 'howToRespond',
      label: 'How to respond',
      max: 500,
      required: true,
      multiline: true,
      hint: 'e.g. call 101 quoting the reference',
    },
  ],
  missing: [
    { name: 'name', label: 'Name or initials', max: 80, required: true },
    { name: 'age', label: 'Age', max: 3, numeric: true },
    {
      name: 'description',
      label: 'Description',
      max: 1000,
      required: true,
      multiline: true,
      hint: 'Height, build, hair, glasses, how they walk',
    },
    { name: 'clothing', label: 'Wearing', max: 500, multiline: true, hint: 'Coat, hat, shoes, a bag' },
    {
      name: 'lastSeenPlace',
      label: 'Last seen where, in words',
      max: 200,
      hint: 'e.g. Stanhope market place. Add the point under Where.',
    },
    {
      name: 'mayGoTo',
      label: 'Places they may go',
      max: 1000,
      multiline: true,
      hint: 'An old home, a favourite walk, a friend’s farm',
    },
    { name: 'policeReference', label: 'Police reference', max: 40, code: true },
  ],
};

/** Registrations, serials, tags and references: sent in capitals, as they are printed. */
const CODE_FIELDS: ReadonlySet<DraftField> = new Set(
  [...PROPERTY_FIELDS, ...Object.values(KIND_FIELDS).flat()].filter((f) => f.code).map((f) => f.name),
);

/** Kinds whose form asks when it happened. */
export const HAS_WHEN: ReadonlySet<AlertKind> = new Set(['stolen', 'suspicious']);

/** A fresh draft of a kind. */
export function emptyDraft(kind: AlertKind): AlertDraft {
  return {
    kind,
    category: null,
    situation: null,
    activity: null,
    onRoad: false,
    vulnerabilities: [],
    text: {},
  };
}

/** Problems with a draft, by field (`category`, `situation`, `activity` or a text field), in words. */
export type DraftErrors = Partial<Record<DraftField | 'category' | 'situation' | 'activity', string>>;

/** A time as a `datetime-local` value in the phone's time zone, to the minute. */
export function localInputValue(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A `datetime-local` value as epoch milliseconds in the phone's time zone, or null. */
export function localTime(value: string | undefined): number | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : null;
}

/** The draft as the protocol's details, or the errors that stop it being sent. */
export function buildDetails(draft: AlertDraft): { details: AlertDetails } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const t = (name: DraftField) => {
    const value = draft.text[name]?.trim();
    if (!value) return undefined;
    return CODE_FIELDS.has(name) ? value.toUpperCase() : value;
  };
  for (const spec of [...PROPERTY_FIELDS, ...KIND_FIELDS[draft.kind]]) {
    if (spec.required && !t(spec.name)) errors[spec.name] = `${spec.label} is required.`;
  }
  const whole = (name: DraftField, min: number, max: number, label: string): number | undefined => {
    const raw = t(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors[name] = `${label} must be a whole number from ${min} to ${max.toLocaleString('en-GB')}.`;
    }
    return n;
  };
  const when = () => {
    const from = localTime(draft.text.whenFrom);
    const to = localTime(draft.text.whenTo);
    if (from === null && to === null) return undefined;
    if (from !== null && to !== null && to < from) errors.whenTo = 'The end must be after the start.';
    return { from: from ?? (to as number), to: to ?? (from as number) };
  };
  const property = () => ({
    category: draft.category as PropertyCategory,
    make: t('make'),
    model: t('model'),
    colour: t('colour'),
    registration: t('registration'),
    serial: t('serial'),
    markingId: t('markingId'),
    marks: t('marks'),
  });

  let details: AlertDetails;
  switch (draft.kind) {
    case 'stolen':
      if (!draft.category) errors.category = 'Choose what was stolen.';
      details = { kind: 'stolen', ...property(), when: when(), crimeReference: t('crimeReference') };
      break;
    case 'found':
      if (!draft.category) errors.category = 'Choose what was found.';
      details = { kind: 'found', ...property(), condition: t('condition'), heldBy: t('heldBy') };
      break;
    case 'animal':
      if (!draft.situation) errors.situation = 'Choose whether the animal is loose or found.';
      details = {
        kind: 'animal',
        situation: draft.situation ?? 'loose',
        species: t('species') ?? '',
        count: whole('count', 1, 10_000, 'How many') ?? 1,
        earTag: t('earTag'),
        flockMark: t('flockMark'),
        breed: t('breed'),
        onRoad: draft.situation === 'loose' && draft.onRoad,
      };
      break;
    case 'suspicious': {
      if (!draft.activity) errors.activity = 'Choose what was seen.';
      const vehicle = {
        registration: t('vehicleRegistration'),
        make: t('vehicleMake'),
        model: t('vehicleModel'),
        colour: t('vehicleColour'),
        occupants: whole('vehicleOccupants', 0, 50, 'How many people'),
        direction: t('vehicleDirection'),
      };
      const anyVehicle = Object.values(vehicle).some((v) => v !== undefined);
      details = {
        kind: 'suspicious',
        activity: draft.activity ?? 'other',
        vehicle: anyVehicle ? vehicle : undefined,
        people: t('people'),
        when: when(),
      };
      break;
    }
    case 'appeal':
      details = {
        kind: 'appeal',
        request: t('request') ?? '',
        policeReference: t('policeReference') ?? '',
        howToRespond: t('howToRespond') ?? '',
      };
      break;
    case 'missing': {
      const lastSeenAt = localTime(draft.text.lastSeenAt);
      if (lastSeenAt === null) errors.lastSeenAt = 'Say when they were last seen.';
      else if (lastSeenAt > Date.now() + 5 * 60_000) errors.lastSeenAt = 'Last seen cannot be in the future.';
      details = {
        kind: 'missing',
        name: t('name') ?? '',
        age: whole('age', 0, 120, 'Age'),
        description: t('description') ?? '',
        clothing: t('clothing'),
        lastSeenAt: lastSeenAt ?? 0,
        lastSeenPlace: t('lastSeenPlace'),
        vulnerabilities: [...draft.vulnerabilities],
        mayGoTo: t('mayGoTo'),
        policeReference: t('policeReference'),
      };
      break;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { details: dropEmpty(details) };
}

/** Leaves out fields that were not filled in, so the body carries only what was typed. */
function dropEmpty<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? dropEmpty(v) : v;
  }
  return out as T;
}

/**
 * Which form field a server error names ("details.species", "details.vehicle.registration", "reach.radiusKm",
 * "location"), so it can be shown beside that field.
 */
export function formFieldOf(serverField: string | undefined): string | null {
  if (!serverField) return null;
  const path = serverField.split('.');
  if (path[0] === 'details') {
    if (path[1] === 'vehicle' && path[2])
      return `vehicle${path[2].charAt(0).toUpperCase()}${path[2].slice(1)}`;
    if (path[1] === 'when') return path[2] === 'to' ? 'whenTo' : 'whenFrom';
    return path[1] ?? null;
  }
  if (path[0] === 'reach') return 'reach';
  if (path[0] === 'location' || path[0] === 'placeText') return 'place';
  if (path[0] === 'photoIds') return 'photos';
  return path[0] ?? null;
}
