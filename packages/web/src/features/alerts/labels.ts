// Alerts in words: headings per kind, field rows, status and outcome, where it travelled, possible matches, sightings.
import type {
  AlertDetails,
  AlertKind,
  AlertMatch,
  AlertOutcome,
  AlertView,
  PropertyCategory,
} from '../../api/types.js';
import { plural } from '../../ui/format.js';

type SuspiciousActivity = Extract<AlertDetails, { kind: 'suspicious' }>['activity'];
/** A card's fields as shown: as raised, except a missing person's once withdrawn. */
export type ShownDetails = AlertView['details'];
/** What makes a missing person especially at risk. */
export type Vulnerability = NonNullable<
  Extract<AlertDetails, { kind: 'missing' }>['vulnerabilities']
>[number];

/** A missing person's vulnerabilities, as the card says them. */
export const VULNERABILITY_LABEL: Record<Vulnerability, string> = {
  dementia: 'dementia or memory loss',
  medical: 'needs medication or care',
  self_harm: 'at risk of harming themselves',
  other: 'otherwise vulnerable',
};

/** What a piece of property is, as people say it. */
export const CATEGORY_LABEL: Record<PropertyCategory, string> = {
  quad: 'quad bike',
  tractor: 'tractor',
  trailer: 'trailer',
  plant: 'plant machinery',
  vehicle: 'vehicle',
  tools: 'tools',
  livestock: 'livestock',
  fuel: 'fuel',
  other: 'other property',
};

/** Suspicious activities, as people say them. */
export const ACTIVITY_LABEL: Record<SuspiciousActivity, string> = {
  hare_coursing: 'hare coursing',
  lamping: 'lamping',
  fly_tipping: 'fly-tipping',
  casing_farms: 'casing farms',
  other: 'other',
};

/** The kinds as the big buttons of the alert composer name them. */
export const KIND_LABEL: Record<AlertKind, string> = {
  stolen: 'Stolen',
  found: 'Found property',
  animal: 'Animal loose or found',
  suspicious: 'Suspicious activity',
  appeal: 'Police appeal',
  missing: 'Missing person',
};

/** What each outcome means, in words. */
export const OUTCOME_LABEL: Record<AlertOutcome, string> = {
  recovered: 'recovered',
  owner_found: 'owner found',
  returned: 'returned to owner',
  no_further_action: 'no further action',
  found: 'found safe',
};

/** Whether a missing person's details were withdrawn from the card (found, or the alert closed). */
export function isWithdrawn(details: ShownDetails): boolean {
  return details.kind === 'missing' && details.withdrawn === true;
}

/**
 * The card's heading: "Stolen: quad bike", "Animal loose on the road: 12 sheep", "Police appeal",
 * "Missing: Margaret Dowson, 81"; "Missing person" alone once their details are withdrawn.
 */
export function alertHeading(details: ShownDetails): string {
  switch (details.kind) {
    case 'stolen':
      return `Stolen: ${CATEGORY_LABEL[details.category]}`;
    case 'found':
      return details.category === 'other'
        ? 'Found property'
        : `Found property: ${CATEGORY_LABEL[details.category]}`;
    case 'animal': {
      const what = animalCount(details.species, details.count);
      if (details.situation === 'found') return `Animal found: ${what}`;
      return details.onRoad ? `Animal loose on the road: ${what}` : `Animal loose: ${what}`;
    }
    case 'suspicious':
      return details.activity === 'other'
        ? 'Suspicious activity'
        : `Suspicious activity: ${ACTIVITY_LABEL[details.activity]}`;
    case 'appeal':
      return 'Police appeal';
    case 'missing':
      if (details.withdrawn || !details.name) return 'Missing person';
      return details.age !== undefined
        ? `Missing: ${details.name}, ${details.age}`
        : `Missing: ${details.name}`;
  }
}

/** "12 sheep", "1 cow": the species as typed, with the count in front when there is more than one. */
function animalCount(species: string, count: number | undefined): string {
  const n = count ?? 1;
  return n > 1 ? `${n} ${species}` : species;
}

/** Whether the card must warn road users: an animal loose on a road. */
export function isRoadHazard(details: ShownDetails): boolean {
  return details.kind === 'animal' && details.situation === 'loose' && details.onRoad === true;
}

/**
 * The status badge in words: never only a colour. A missing person raised by a group admin is
 * "Awaiting police confirmation" until an officer confirms it.
 */
export function statusText(
  alert: Pick<AlertView, 'status' | 'outcome'> & { details?: ShownDetails },
): string {
  switch (alert.status) {
    case 'unverified':
      return alert.details?.kind === 'missing' ? 'Awaiting police confirmation' : 'Unverified';
    case 'confirmed':
      return 'Confirmed by police';
    case 'resolved':
      return alert.outcome ? `Resolved: ${OUTCOME_LABEL[alert.outcome]}` : 'Resolved';
    case 'retracted':
      return 'Retracted';
  }
}

/** Unverified and confirmed alerts are still open: people should keep an eye out. */
export function isOpen(alert: Pick<AlertView, 'status'>): boolean {
  return alert.status === 'unverified' || alert.status === 'confirmed';
}

/**
 * The line under a linked alert. A conversation shows the bottom of a tall card first, so this line
 * repeats how it ended ("Recovered: linked with a matching report.") rather than leaving it to the top.
 */
export function linkedText(alert: Pick<AlertView, 'status' | 'outcome' | 'linkedAlertId'>): string | null {
  if (!alert.linkedAlertId) return null;
  if (alert.status !== 'resolved' || !alert.outcome) return 'Linked with a matching report.';
  const outcome = OUTCOME_LABEL[alert.outcome];
  return `${outcome.charAt(0).toUpperCase()}${outcome.slice(1)}: linked with a matching report.`;
}

/**
 * Where the alert was raised: "From Teesdale Farm Watch, Durham Rural Watch"; the organisation once
 * when the group has its name. Null for a card saved before the server named its origin.
 */
export function originText(
  alert: Partial<Pick<AlertView, 'originGroupName' | 'originOrganisationName'>>,
): string | null {
  const group = alert.originGroupName?.trim();
  const organisation = alert.originOrganisationName?.trim();
  if (!group) return null;
  return organisation && organisation !== group ? `From ${group}, ${organisation}` : `From ${group}`;
}

/**
 * "Shared with 6 groups in 2 organisations"; "Shown in this group only" when it did not travel. Groups
 * of other organisations still deciding whether to show it are counted after a semicolon: "Shown in
 * this group only; waiting for review in 2 groups of another organisation", "…; waiting for review
 * in 1 more group".
 */
export function travelText(travel: AlertView['travel']): string {
  const shown =
    travel.groups <= 1
      ? 'Shown in this group only'
      : `Shared with ${plural(travel.groups, 'group', 'groups')} in ${plural(
          Math.max(1, travel.organisations),
          'organisation',
          'organisations',
        )}`;
  const reviewing = travel.reviewing;
  if (!reviewing || reviewing.groups <= 0) return shown;
  if (travel.groups > 1) {
    return `${shown}; waiting for review in ${plural(reviewing.groups, 'more group', 'more groups')}`;
  }
  const organisations =
    reviewing.organisations > 1 ? `${reviewing.organisations} other organisations` : 'another organisation';
  return `${shown}; waiting for review in ${plural(reviewing.groups, 'group', 'groups')} of ${organisations}`;
}

/** One labelled fact on a card; a long one (a sentence rather than a word) gets the card's full width. */
export interface DetailRow {
  label: string;
  value: string;
  long: boolean;
}

/** Beyond this many characters a value reads better under its label than beside it. */
const LONG_VALUE = 28;

/** The key fields of an alert, in the order a reader needs them; empty fields are left out. */
export function detailRows(details: ShownDetails): DetailRow[] {
  const rows: DetailRow[] = [];
  const add = (label: string, value: string | number | undefined | null) => {
    const text = value === undefined || value === null ? '' : String(value).trim();
    if (text) rows.push({ label, value: text, long: text.length > LONG_VALUE });
  };
  switch (details.kind) {
    case 'stolen':
    case 'found':
      add('Make', details.make);
      add('Model', details.model);
      add('Colour', details.colour);
      add('Registration', details.registration);
      add('Serial, VIN or PIN', details.serial);
      add('Marking (CESAR)', details.markingId);
      add('Distinguishing marks', details.marks);
      if (details.kind === 'stolen') {
        if (details.when) add('When', timeWindowText(details.when));
        add('Crime reference', details.crimeReference);
      } else {
        add('Condition', details.condition);
        add('Held by', details.heldBy);
      }
      break;
    case 'animal':
      add('Species', details.species);
      add('How many', details.count ?? 1);
      add('Ear tag', details.earTag);
      add('Flock or herd mark', details.flockMark);
      add('Breed or colour', details.breed);
      break;
    case 'suspicious': {
      const v = details.vehicle;
      if (v) {
        add('Vehicle', [v.colour, v.make, v.model].filter(Boolean).join(' '));
        add('Registration', v.registration);
        add('People in it', v.occupants);
        add('Direction of travel', v.direction);
      }
      add('People', details.people);
      if (details.when) add('When', timeWindowText(details.when));
      break;
    }
    case 'appeal':
      add('The police ask', details.request);
      add('Police reference', details.policeReference);
      add('How to respond', details.howToRespond);
      break;
    case 'missing':
      if (details.withdrawn) break;
      add('Age', details.age);
      add('Description', details.description);
      add('Wearing', details.clothing);
      if (details.lastSeenAt !== undefined) add('Last seen', lastSeenText(details));
      if (details.vulnerabilities?.length) {
        add('At more risk', details.vulnerabilities.map((v) => VULNERABILITY_LABEL[v]).join('; '));
      }
      add('May go to', details.mayGoTo);
      add('Police reference', details.policeReference);
      break;
  }
  return rows;
}

/** "14:20 Tue 3 Mar, Stanhope market place": when and where a missing person was last seen. */
export function lastSeenText(details: { lastSeenAt?: number; lastSeenPlace?: string }): string {
  const parts = [];
  if (details.lastSeenAt !== undefined)
    parts.push(`${timeOf(details.lastSeenAt)} ${dayOf(details.lastSeenAt)}`);
  if (details.lastSeenPlace?.trim()) parts.push(details.lastSeenPlace.trim());
  return parts.join(', ');
}

/** "No sightings yet", "1 sighting", "3 sightings". */
export function sightingsText(count: number): string {
  return count === 0 ? 'No sightings yet' : plural(count, 'sighting', 'sightings');
}

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayOf = (at: number) =>
  new Date(at).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** "Between 22:00 Mon 3 Mar and 06:00 Tue 4 Mar"; one day is written once; an instant is "At …". */
export function timeWindowText(window: { from: number; to: number }): string {
  const { from, to } = window;
  if (from === to) return `At ${timeOf(from)} ${dayOf(from)}`;
  if (dayOf(from) === dayOf(to)) return `Between ${timeOf(from)} and ${timeOf(to)} ${dayOf(to)}`;
  return `Between ${timeOf(from)} ${dayOf(from)} and ${timeOf(to)} ${dayOf(to)}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", "2 weeks ago". */
export function agoText(at: number, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour', 'hours')} ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.round(days / 7)} weeks ago`;
}

/** A short description of what the alert is about: "red Honda quad bike", "12 sheep", "hare coursing". */
export function shortDescription(details: ShownDetails): string {
  switch (details.kind) {
    case 'stolen':
    case 'found': {
      // Colours are typed with a capital as often as not; mid-sentence they read better without.
      const words = [
        details.colour?.toLowerCase(),
        details.make,
        details.model,
        CATEGORY_LABEL[details.category],
      ];
      return words
        .map((w) => w?.trim())
        .filter(Boolean)
        .join(' ');
    }
    case 'animal':
      return animalCount(details.species, details.count);
    case 'suspicious':
      return ACTIVITY_LABEL[details.activity];
    case 'appeal':
      return 'police appeal';
    case 'missing':
      return details.withdrawn || !details.name ? 'missing person' : `missing: ${details.name}`;
  }
}

/** Where an alert is, in a few words: the place as typed, else its grid reference or coordinates. */
export function placeShort(alert: Pick<AlertView, 'placeText' | 'location'>): string | null {
  const typed = alert.placeText?.trim();
  if (typed) return typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
  if (alert.location?.gridRef) return alert.location.gridRef;
  if (alert.location) return `${alert.location.lat.toFixed(3)}, ${alert.location.lng.toFixed(3)}`;
  return null;
}

/** A possible match in a few words: "stolen red Honda quad bike, Weardale, 3 days ago, 112 km". */
export function matchDescription(match: AlertMatch, now: number = Date.now()): string {
  const a = match.alert;
  const kind = a.details.kind === 'stolen' ? 'stolen ' : a.details.kind === 'found' ? 'found ' : '';
  const parts = [`${kind}${shortDescription(a.details)}`];
  const place = placeShort(a);
  if (place) parts.push(place);
  parts.push(agoText(a.createdAt, now));
  if (match.distanceKm !== null) parts.push(`${Math.round(match.distanceKm)} km`);
  return parts.join(', ');
}

/** "Possible match: stolen red Honda quad bike, Weardale, 3 days ago, 112 km". */
export function matchLine(match: AlertMatch, now: number = Date.now()): string {
  return `Possible match: ${matchDescription(match, now)}`;
}
