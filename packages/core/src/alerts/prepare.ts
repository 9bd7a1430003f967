// An alert's comparable features, normalised once: identifiers, category, description words, place and time.
import type { AlertKind } from '../model/entities.js';
import { normaliseIdentifier } from './identifiers.js';

/** What matching needs of an alert; `details` has the protocol's AlertDetails shape. */
export interface MatchableAlert {
  id: string;
  kind: AlertKind;
  details: Record<string, unknown>;
  location: { lat: number; lng: number } | null;
  createdAt: number;
}

/** An alert with its features normalised for scoring. */
export interface PreparedAlert<T extends MatchableAlert = MatchableAlert> {
  readonly alert: T;
  /** 'property' for stolen/found, 'animal' for animal alerts, null for kinds that never match. */
  readonly family: 'property' | 'animal' | null;
  /** Lowercase category; 'livestock' for animal alerts; '' when not given. */
  readonly category: string;
  /** 'loose' or 'found' for animal alerts, '' otherwise. */
  readonly situation: string;
  /** Normalised identifiers that decide a match, each with the field it came from. */
  readonly identifierFields: readonly string[];
  readonly identifiers: readonly string[];
  readonly make: string;
  readonly model: string;
  readonly colours: readonly string[];
  /** Canonical species ("sheep", "cattle"), or '' when not known. */
  readonly species: string;
  /** Lowercase words describing breed (or, for stolen livestock, the whole description). */
  readonly breedWords: readonly string[];
  /** Normalised flock or herd mark ('' when none). */
  readonly flockMark: string;
  /** NaN when the alert has no location. */
  readonly lat: number;
  readonly lng: number;
  readonly createdAt: number;
}

/** Fields whose equal normalised value makes a match decisive. */
const IDENTIFIER_FIELDS = ['registration', 'serial', 'markingId', 'earTag'] as const;
/** Identifiers shorter than this ("1", "A2") are too common to decide anything. */
const MIN_IDENTIFIER_LENGTH = 3;

/** Words for each species as people write them, by the one name species are compared under. */
const SPECIES_WORDS: Record<string, string> = {
  cattle: 'cattle cow cows bull bulls bullock bullocks heifer heifers steer steers calf calves stirk stirks',
  sheep:
    'sheep ewe ewes lamb lambs ram rams tup tups hogg hoggs hogget hoggets wether wethers shearling shearlings',
  horse: 'horse horses pony ponies mare mares foal foals gelding geldings stallion stallions cob cobs',
  pig: 'pig pigs sow sows boar boars piglet piglets gilt gilts',
  goat: 'goat goats nanny billy kid kids',
  dog: 'dog dogs bitch puppy puppies collie collies sheepdog sheepdogs',
  camelid: 'alpaca alpacas llama llamas',
  deer: 'deer stag stags hind hinds',
  poultry: 'hen hens chicken chickens poultry duck ducks goose geese turkey turkeys',
};
const SPECIES = new Map<string, string>();
for (const [canonical, words] of Object.entries(SPECIES_WORDS)) {
  for (const word of words.split(' ')) SPECIES.set(word, canonical);
}

/** Words that say nothing about which colour: "dark red" and "red" agree. */
const COLOUR_NOISE = new Set('and with dark light pale bright metallic matt mostly'.split(' '));
const COLOUR_SPELLINGS = new Map([
  ['gray', 'grey'],
  ['colour', ''],
  ['color', ''],
]);

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function words(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Shared by every alert lacking a list, so preparing many candidates allocates less. */
const NONE: readonly string[] = Object.freeze([]);

function colourWords(value: string): readonly string[] {
  if (value === '') return NONE;
  const out: string[] = [];
  for (const word of words(value)) {
    const spelt = COLOUR_SPELLINGS.get(word) ?? word;
    if (spelt && !COLOUR_NOISE.has(spelt)) out.push(spelt);
  }
  return out;
}

function speciesOf(value: string): string {
  for (const word of words(value)) {
    const canonical = SPECIES.get(word);
    if (canonical) return canonical;
  }
  return '';
}

/**
 * The normalised identifiers (registration, serial, marking id, ear tag) that make a match decisive,
 * without repeats: what a store keeps to find candidates sharing one.
 */
export function alertIdentifiers(details: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of IDENTIFIER_FIELDS) {
    const value = normaliseIdentifier(text(details[field]));
    if (value.length >= MIN_IDENTIFIER_LENGTH && !out.includes(value)) out.push(value);
  }
  return out;
}

/** Normalises one alert's comparable features. */
export function prepareAlert<T extends MatchableAlert>(alert: T): PreparedAlert<T> {
  const d = alert.details;
  const family =
    alert.kind === 'stolen' || alert.kind === 'found'
      ? 'property'
      : alert.kind === 'animal'
        ? 'animal'
        : null;
  let identifierFields = NONE as string[];
  let identifiers = NONE as string[];
  for (const field of IDENTIFIER_FIELDS) {
    const value = normaliseIdentifier(text(d[field]));
    if (value.length >= MIN_IDENTIFIER_LENGTH) {
      if (identifiers === NONE) {
        identifierFields = [];
        identifiers = [];
      }
      identifierFields.push(field);
      identifiers.push(value);
    }
  }
  const category = family === 'animal' ? 'livestock' : text(d.category).trim().toLowerCase();
  let species = '';
  let breedWords: readonly string[] = NONE;
  let flockMark = '';
  if (family === 'animal') {
    const speciesText = text(d.species);
    species = speciesOf(speciesText) || words(speciesText).join(' ');
    breedWords = words(text(d.breed)).filter((w) => w.length >= 3);
    flockMark = normaliseIdentifier(text(d.flockMark));
  } else if (category === 'livestock') {
    // Stolen or found livestock is described in the property fields: "Swaledale ewes", "red and white".
    const description = [d.make, d.model, d.colour, d.marks].map(text).join(' ');
    species = speciesOf(description);
    breedWords = words(description).filter((w) => w.length >= 3 && !SPECIES.has(w));
  }
  return {
    alert,
    family,
    category,
    situation: family === 'animal' ? text(d.situation) : '',
    identifierFields,
    identifiers,
    make: normaliseIdentifier(text(d.make)),
    model: normaliseIdentifier(text(d.model)),
    colours: colourWords(text(d.colour)),
    species,
    breedWords,
    flockMark,
    lat: alert.location ? alert.location.lat : Number.NaN,
    lng: alert.location ? alert.location.lng : Number.NaN,
    createdAt: alert.createdAt,
  };
}
