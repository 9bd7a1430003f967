// Deterministic generated watch groups and alerts across Great Britain, for benchmarks and speed checks.
import type { ExternalAlertPolicy, GroupArea } from '../model/entities.js';
import type { GroupId, OrganisationId } from '../model/ids.js';
import type { ReachGroup } from '../ports/store.js';
import { seededRandom } from '../seeded-random.js';
import type { MatchableAlert } from './prepare.js';

/** The fixed "now" generated alerts are dated against (2026-01-01T00:00:00Z). */
export const BENCH_NOW = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A point on the British mainland's bounding box (some fall in the sea, which does not matter here). */
function britishPoint(random: () => number): { lat: number; lng: number } {
  return { lat: 50.0 + random() * 8.5, lng: -5.5 + random() * 7.2 };
}

const POLICY: readonly ExternalAlertPolicy[] = ['always', 'never', 'review'];

/** n watch groups in 45 organisations: circles and hexagons 2-15 km across, one in twenty without an area. */
export function generateBenchGroups(n: number, seed: number): ReachGroup[] {
  const random = seededRandom(seed);
  const groups: ReachGroup[] = [];
  for (let i = 0; i < n; i++) {
    const centre = britishPoint(random);
    const radiusKm = 2 + random() * 13;
    const shape = random();
    let area: GroupArea | null;
    if (shape < 0.05) area = null;
    else if (shape < 0.55) area = { kind: 'circle', centre, radiusKm };
    else area = { kind: 'polygon', coordinates: [hexagon(centre, radiusKm)] };
    groups.push({
      id: `G${String(i).padStart(7, '0')}` as GroupId,
      organisationId: `O${String(Math.floor(random() * 45)).padStart(3, '0')}` as OrganisationId,
      area,
      externalAlerts: pick(random, POLICY),
    });
  }
  return groups;
}

function hexagon(centre: { lat: number; lng: number }, radiusKm: number): [number, number][] {
  const dLat = radiusKm / 111.2;
  const dLng = dLat / Math.cos((centre.lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 6; k++) {
    const angle = ((k % 6) * Math.PI) / 3;
    ring.push([centre.lng + dLng * Math.cos(angle), centre.lat + dLat * Math.sin(angle)]);
  }
  return ring;
}

const CATEGORIES = ['quad', 'tractor', 'trailer', 'plant', 'vehicle', 'tools', 'livestock', 'fuel', 'other'];
const MAKES = [
  'Honda',
  'Yamaha',
  'Polaris',
  'Can-Am',
  'Suzuki',
  'Kawasaki',
  'John Deere',
  'Massey Ferguson',
  'New Holland',
  'Ifor Williams',
  'JCB',
  'Kubota',
  'Stihl',
  'Land Rover',
  'Toyota',
];
const COLOURS = ['red', 'green', 'blue', 'yellow', 'black', 'white', 'silver', 'grey', 'orange', 'camo'];
const SPECIES = ['sheep', 'cattle', 'horse', 'pig', 'goat', 'dog'];
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function registration(random: () => number): string {
  const letter = () => pick(random, [...LETTERS]);
  const digits = String(10 + Math.floor(random() * 90));
  return `${letter()}${letter()}${digits} ${letter()}${letter()}${letter()}`;
}

/**
 * n alerts in the last 90 days before BENCH_NOW: about 60% stolen, 25% found, 15% animals; most
 * carry a location, make and colour, some a registration or serial.
 */
export function generateBenchAlerts(n: number, seed: number): MatchableAlert[] {
  const random = seededRandom(seed);
  const alerts: MatchableAlert[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    const createdAt = BENCH_NOW - Math.floor(random() * 90 * DAY_MS);
    const location = random() < 0.9 ? britishPoint(random) : null;
    const id = `A${String(i).padStart(8, '0')}`;
    if (roll < 0.85) {
      const details: Record<string, unknown> = {
        kind: roll < 0.6 ? 'stolen' : 'found',
        category: pick(random, CATEGORIES),
        make: pick(random, MAKES),
        colour: pick(random, COLOURS),
      };
      if (random() < 0.5) details.model = `M${Math.floor(random() * 900) + 100}`;
      if (random() < 0.4) details.registration = registration(random);
      if (random() < 0.3) details.serial = `SN${Math.floor(random() * 1e9)}`;
      alerts.push({ id, kind: details.kind as 'stolen' | 'found', details, location, createdAt });
    } else {
      const details: Record<string, unknown> = {
        kind: 'animal',
        situation: random() < 0.5 ? 'loose' : 'found',
        species: pick(random, SPECIES),
        count: 1 + Math.floor(random() * 20),
      };
      if (random() < 0.4) details.earTag = `UK${Math.floor(random() * 1e6)}${Math.floor(random() * 1e5)}`;
      alerts.push({ id, kind: 'animal', details, location, createdAt });
    }
  }
  return alerts;
}
