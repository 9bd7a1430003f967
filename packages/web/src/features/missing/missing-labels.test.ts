// Tests sightings in words, on the map and before sending.
import { describe, expect, it } from 'vitest';
import type { SightingView } from '../../api/sightings.js';
import { trailPath } from '../alerts/trail.js';
import {
  keptUntilText,
  seenTime,
  sightingFieldOf,
  sightingLine,
  sightingPlace,
  sightingProblems,
  trailOf,
} from './missing-labels.js';

const NOW = new Date(2026, 2, 3, 16, 0).getTime();
const at = (h: number, m: number, day = 3) => new Date(2026, 2, day, h, m).getTime();

function sighting(overrides: Partial<SightingView> = {}): SightingView {
  return {
    id: '01HZX00000000000000000SGT1',
    alertId: '01HZX000000000000000A1ERT0',
    groupId: '01HZX0000000000000000GROUP',
    author: { displayName: 'Ann Hodgson' },
    mine: false,
    seenAt: at(14, 20),
    location: { lat: 54.748, lng: -2.006, gridRef: 'NY 99600 39200', plusCode: '9C6WPXX2+55' },
    placeText: 'Stanhope market place',
    placeUnchecked: false,
    note: '',
    photos: [],
    createdAt: at(14, 25),
    ...overrides,
  };
}

describe('sightings in words', () => {
  it('says when, where and who: "Seen 14:20 at Stanhope market place, reported by Ann Hodgson"', () => {
    expect(sightingLine(sighting(), NOW)).toBe(
      'Seen 14:20 at Stanhope market place, reported by Ann Hodgson',
    );
    expect(sightingLine(sighting({ mine: true, seenAt: at(9, 5, 2) }), NOW)).toBe(
      'Seen 09:05 Mon 2 Mar at Stanhope market place, reported by you',
    );
    expect(seenTime(at(23, 59), NOW)).toBe('23:59');
  });

  it('names the place as typed, else by grid reference or coordinates', () => {
    expect(sightingPlace(sighting({ placeText: ' ' }))).toBe('NY 99600 39200');
    const noGrid = { lat: 54.7481, lng: -2.0062, gridRef: null, plusCode: 'x' };
    expect(sightingPlace(sighting({ placeText: null, location: noGrid }))).toBe('54.7481, -2.0062');
    expect(sightingPlace(sighting({ placeText: null, location: null }))).toBe('an unknown place');
  });
});

describe('the trail on the map', () => {
  it('takes sightings with a point, and joins them from the last-seen place in the order they were seen', () => {
    const late = sighting({
      id: 'late',
      seenAt: at(15, 0),
      location: { ...sighting().location!, lat: 54.76 },
    });
    const early = sighting({
      id: 'early',
      seenAt: at(13, 0),
      location: { ...sighting().location!, lat: 54.75 },
    });
    const typedOnly = sighting({ id: 'typed', location: null });
    const trail = trailOf([late, typedOnly, early], NOW);
    expect(trail.map((p) => p.id)).toEqual(['late', 'early']);
    expect(trail[0]?.label).toContain('Seen 15:00');
    expect(trailPath({ lat: 54.74, lng: -2 }, trail).map(([lat]) => lat)).toEqual([54.74, 54.75, 54.76]);
    expect(trailPath(null, trail)).toHaveLength(2);
  });
});

describe('checking a sighting before it is sent', () => {
  it('needs a place and a time not in the future', () => {
    expect(sightingProblems({ hasPoint: false, typed: ' ', seenAt: null, note: '' }, NOW)).toEqual({
      place: 'Say where you saw them: use your location, pick the place on the map or type it.',
      seenAt: 'Say when you saw them.',
    });
    expect(sightingProblems({ hasPoint: false, typed: 'By the church', seenAt: NOW, note: '' }, NOW)).toEqual(
      {},
    );
    expect(sightingProblems({ hasPoint: true, typed: '', seenAt: NOW + 3_600_000, note: '' }, NOW)).toEqual({
      seenAt: 'The time cannot be in the future.',
    });
  });

  it('shows the server’s complaint beside the field it names', () => {
    expect(sightingFieldOf('location')).toBe('place');
    expect(sightingFieldOf('placeText')).toBe('place');
    expect(sightingFieldOf('seenAt')).toBe('seenAt');
    expect(sightingFieldOf('photoIds.1')).toBe('photos');
    expect(sightingFieldOf('clientId')).toBeNull();
  });
});

describe('keptUntilText', () => {
  it('names the day the record is deleted', () => {
    expect(keptUntilText(new Date(2027, 2, 12, 10, 30).getTime())).toBe(
      'Kept until 12 March 2027, then deleted',
    );
  });
});
