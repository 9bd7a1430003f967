// The handover pack in words: what a call handler needs, composed as plain text to read out or copy.
// Pure: the action gathers the facts, these functions only put them into words.
import type { GeoPoint } from '../model/entities.js';
import type { EscalationChannel, EscalationOutcome } from '../ports/escalations.js';
import { tidyRegistration } from './escalation-registrations.js';

/** One labelled fact of an alert card ("Registration: AB12 CDE"). */
export interface PackField {
  label: string;
  value: string;
}

/** A message around the escalated one: the one it replied to, or a reply to it. */
export interface PackThreadEntry {
  relation: 'replied_to' | 'reply';
  by: string;
  at: number;
  text: string;
}

/** A point in every format a call handler may ask for, with what3words when it could be looked up. */
export interface PackLocation {
  lat: number;
  lng: number;
  dms: string;
  gridRef: string | null;
  plusCode: string;
  what3words: string | null;
  what3wordsNote: string | null;
}

/** A photo: where its member copy is, and the original's fingerprint as evidence. */
export interface PackPhoto {
  id: string;
  url: string;
  originalUrl: string;
  sha256: string;
  type: string;
  bytes: number;
}

/** Everything in the handover pack except its text. */
export interface HandoverPackFacts {
  escalationId: string;
  channel: EscalationChannel;
  call: { number: string | null; onlineReportUrl: string | null };
  group: { id: string; name: string; organisationName: string };
  subject: { kind: 'message' | 'alert'; title: string };
  said: { text: string; at: number; by: string; edited: boolean; deleted: boolean };
  fields: PackField[];
  thread: PackThreadEntry[];
  reporter: { displayName: string; phone: string | null; email: string | null; contactNote: string };
  location: PackLocation | null;
  placeText: string | null;
  what3wordsInText: string[];
  photos: PackPhoto[];
  registrations: string[];
  escalatedBy: string;
  escalatedAt: number;
  reference: string | null;
}

/** The pack with its plain text. */
export interface HandoverPack extends HandoverPackFacts {
  text: string;
}

/** What each channel is, in the words of the pack's first line. */
export const CHANNEL_LABEL: Record<EscalationChannel, string> = {
  '999': '999 (emergency)',
  '101': '101 (non-emergency)',
  online: 'online report',
};

/** Each outcome code in words, as a sentence for the group. */
export const OUTCOME_SENTENCE: Record<EscalationOutcome, string> = {
  arrest: 'The police made an arrest.',
  recovered: 'The property was recovered.',
  advice_given: 'The police gave advice.',
  no_further_action: 'The police are taking no further action.',
  ongoing: 'The police are still looking into it.',
  other: '',
};

/** Said when the reporter has not agreed to share their contact details. */
export const CONTACT_NOT_SHARED = 'Contact details: not shared — ask the reporter in the group.';
/** Said when no what3words key is configured. */
export const WHAT3WORDS_UNAVAILABLE = 'not available on this server';
/** Said when the what3words service did not answer. */
export const WHAT3WORDS_FAILED = 'could not be looked up just now';

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** A time as a call handler in the UK reads it: "Sun 29 Nov 2026, 21:13 GMT" (BST in summer). */
export function formatPackTime(at: number): string {
  // Built from parts: the punctuation between them differs between ICU versions.
  const part: Record<string, string> = {};
  for (const p of LONDON_TIME.formatToParts(new Date(at))) part[p.type] = p.value;
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute} ${part.timeZoneName}`;
}

/** One coordinate as degrees, minutes and seconds to a tenth: 54°37'30.0"N. */
function dmsPart(value: number, positive: string, negative: string): string {
  const hemisphere = value < 0 ? negative : positive;
  // Work in tenths of a second so rounding carries into minutes and degrees (59.96" is 1'00.0").
  const tenths = Math.round(Math.abs(value) * 36_000);
  const degrees = Math.floor(tenths / 36_000);
  const minutes = Math.floor((tenths % 36_000) / 600);
  const seconds = (tenths % 600) / 10;
  const mm = String(minutes).padStart(2, '0');
  const ss = seconds.toFixed(1).padStart(4, '0');
  return `${degrees}°${mm}'${ss}"${hemisphere}`;
}

/** A point in degrees, minutes and seconds, latitude first: 54°37'30.0"N 2°04'51.6"W. */
export function formatDms(point: GeoPoint): string {
  return `${dmsPart(point.lat, 'N', 'S')} ${dmsPart(point.lng, 'E', 'W')}`;
}

const FIELD_LABEL: Record<string, string> = {
  category: 'Category',
  make: 'Make',
  model: 'Model',
  colour: 'Colour',
  registration: 'Registration',
  serial: 'Serial, VIN or PIN',
  markingId: 'Marking id',
  marks: 'Marks',
  when: 'When',
  crimeReference: 'Crime reference',
  condition: 'Condition',
  heldBy: 'Held by',
  situation: 'Situation',
  species: 'Species',
  count: 'How many',
  earTag: 'Ear tag',
  flockMark: 'Flock or herd mark',
  breed: 'Breed',
  onRoad: 'On the road',
  activity: 'Activity',
  vehicle: 'Vehicle',
  occupants: 'Occupants',
  direction: 'Direction',
  people: 'People',
  request: 'Police request',
  policeReference: 'Police reference',
  howToRespond: 'How to respond',
  name: 'Name',
  age: 'Age',
  description: 'Description',
  clothing: 'Clothing',
  lastSeenAt: 'Last seen',
  lastSeenPlace: 'Last seen at',
  vulnerabilities: 'Vulnerable',
  mayGoTo: 'May go to',
};
/** Fields that are ours, not the card's: never read out. */
const SKIPPED_FIELDS = new Set(['kind', 'profileId']);
/** Fields holding a time in epoch milliseconds. */
const TIME_FIELDS = new Set(['lastSeenAt']);

/** "hare_coursing" -> "hare coursing"; "markingId" -> "marking id". */
function words(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function labelOf(key: string): string {
  const label = FIELD_LABEL[key] ?? words(key);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return TIME_FIELDS.has(key) ? formatPackTime(value) : String(value);
  if (typeof value === 'string')
    return key === 'registration' ? tidyRegistration(value) : words(value.trim());
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join(', ');
  return '';
}

function isWindow(value: unknown): value is { from: number; to: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { from?: unknown }).from === 'number' &&
    typeof (value as { to?: unknown }).to === 'number'
  );
}

/** Free-text fields are kept as typed; codes ("hare_coursing") are put into words. */
const FREE_TEXT = new Set([
  'make',
  'model',
  'colour',
  'serial',
  'markingId',
  'marks',
  'crimeReference',
  'condition',
  'heldBy',
  'species',
  'earTag',
  'flockMark',
  'breed',
  'direction',
  'people',
  'request',
  'policeReference',
  'howToRespond',
  'name',
  'description',
  'clothing',
  'lastSeenPlace',
  'mayGoTo',
]);

/**
 * An alert card's fields as labelled lines, in the card's own order, empty ones left out. Nested
 * fields (a suspicious vehicle) are named with their parent ("Vehicle registration"); a time window
 * reads "from ... to ...". Unknown fields still appear, named from their keys, so nothing is lost.
 */
export function alertFieldRows(details: Record<string, unknown>, prefix = ''): PackField[] {
  const rows: PackField[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (SKIPPED_FIELDS.has(key)) continue;
    const label = prefix ? `${prefix} ${labelOf(key).toLowerCase()}` : labelOf(key);
    if (isWindow(value)) {
      rows.push({ label, value: `from ${formatPackTime(value.from)} to ${formatPackTime(value.to)}` });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      rows.push(...alertFieldRows(value as Record<string, unknown>, label));
    } else {
      const text =
        typeof value === 'string' && FREE_TEXT.has(key) ? value.trim() : valueText(key, value).trim();
      if (text) rows.push({ label, value: text });
    }
  }
  return rows;
}

/**
 * An alert's title for the pack: "Stolen quad", "Suspicious activity: hare coursing", "Missing person".
 * Works from the fields alone so a kind added later still gets a sensible title.
 */
export function alertTitle(details: Record<string, unknown>): string {
  const kind = typeof details.kind === 'string' ? details.kind : 'alert';
  const category = typeof details.category === 'string' ? words(details.category) : '';
  switch (kind) {
    case 'stolen':
      return category ? `Stolen ${category}` : 'Stolen property';
    case 'found':
      return category ? `Found ${category}` : 'Found property';
    case 'animal':
      return details.situation === 'found' ? 'Animal found' : 'Animal loose';
    case 'suspicious':
      return typeof details.activity === 'string' && details.activity !== 'other'
        ? `Suspicious activity: ${words(details.activity)}`
        : 'Suspicious activity';
    case 'appeal':
      return 'Police appeal';
    case 'missing':
      return 'Missing person';
    default:
      return `${words(kind).charAt(0).toUpperCase()}${words(kind).slice(1)} alert`;
  }
}

/**
 * Suggested text for "what happened next" in the group, from the outcome and its note. The escalator
 * edits it before posting; the police reference is left out, since the group does not need it.
 */
export function whatHappenedNextDraft(outcome: EscalationOutcome, note: string | null): string {
  const parts = [OUTCOME_SENTENCE[outcome], note?.trim() ?? ''].filter((p) => p.length > 0);
  const body = parts.length > 0 ? parts.join(' ') : 'The police have dealt with it.';
  return `What happened next: ${body}\nThank you for reporting it. It helps.`;
}

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines];
}

/**
 * The whole pack as plain text, in the order a call handler asks: what, when, who, where, photos,
 * registrations. Headings in capitals so it reads well when pasted into an online form or an email.
 */
export function composePackText(pack: HandoverPackFacts): string {
  const head = [
    `FELLWATCH HANDOVER — ${CHANNEL_LABEL[pack.channel]}`,
    `Group: ${pack.group.name} (${pack.group.organisationName})`,
    `Passed on by ${pack.escalatedBy}, ${formatPackTime(pack.escalatedAt)}`,
    `Police reference: ${pack.reference ?? 'not yet given'}`,
  ];

  const marks = [pack.said.edited ? 'edited' : '', pack.said.deleted ? 'since deleted' : '']
    .filter(Boolean)
    .join(', ');
  const said = [
    `${pack.subject.title}, posted by ${pack.said.by}, ${formatPackTime(pack.said.at)}${
      marks ? ` (${marks})` : ''
    }`,
    ...(pack.said.text ? [quoted(pack.said.text)] : []),
    ...pack.fields.map((f) => `${f.label}: ${f.value}`),
  ];

  const thread = pack.thread.map(
    (t) =>
      `${t.relation === 'replied_to' ? 'In reply to' : 'Reply from'} ${t.by}, ${formatPackTime(t.at)}:\n${quoted(
        t.text,
      )}`,
  );

  const contact =
    pack.reporter.phone || pack.reporter.email
      ? [
          ...(pack.reporter.phone ? [`Phone: ${pack.reporter.phone}`] : []),
          ...(pack.reporter.email ? [`Email: ${pack.reporter.email}`] : []),
          pack.reporter.contactNote,
        ]
      : [pack.reporter.contactNote];
  const reporter = [pack.reporter.displayName, ...contact];

  const where: string[] = [];
  if (pack.placeText) where.push(`Place as typed: ${pack.placeText}`);
  if (pack.location) {
    const l = pack.location;
    where.push(`Latitude, longitude: ${l.lat.toFixed(6)}, ${l.lng.toFixed(6)}`);
    where.push(`Degrees, minutes, seconds: ${l.dms}`);
    where.push(`OS grid reference: ${l.gridRef ?? 'outside the British grid'}`);
    where.push(`Plus code: ${l.plusCode}`);
    where.push(`what3words: ${l.what3words ?? l.what3wordsNote ?? WHAT3WORDS_UNAVAILABLE}`);
  }
  for (const address of pack.what3wordsInText) {
    where.push(`what3words written in the message (not checked): ${address}`);
  }
  if (where.length === 0) where.push('No location was given.');

  const photos = pack.photos.flatMap((p, i) => [
    `${i + 1}. ${p.url}`,
    `   Original (${p.type}, ${p.bytes} bytes): ${p.originalUrl}`,
    `   Original SHA-256: ${p.sha256}`,
  ]);

  return [
    ...head,
    ...section('WHAT WAS SAID', said),
    ...section('AROUND IT', thread),
    ...section('WHO SAID IT', reporter),
    ...section('WHERE', where),
    ...section('PHOTOS', photos),
    ...section('REGISTRATIONS MENTIONED', pack.registrations),
  ].join('\n');
}
