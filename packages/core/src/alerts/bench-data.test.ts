// Unit tests of the generated benchmark data: deterministic per seed, and shaped like real groups and alerts.
import { describe, expect, it } from 'vitest';
import { isValidPoint } from '../location/point.js';
import { BENCH_NOW, generateBenchAlerts, generateBenchGroups } from './bench-data.js';

describe('generated benchmark data', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateBenchGroups(50, 1)).toEqual(generateBenchGroups(50, 1));
    expect(generateBenchAlerts(50, 1)).toEqual(generateBenchAlerts(50, 1));
    expect(generateBenchGroups(50, 2)).not.toEqual(generateBenchGroups(50, 1));
    expect(generateBenchAlerts(50, 2)).not.toEqual(generateBenchAlerts(50, 1));
  });

  it('gives groups with unique ids, valid areas and every consent setting', () => {
    const groups = generateBenchGroups(2_000, 3);
    expect(new Set(groups.map((g) => g.id)).size).toBe(2_000);
    expect(new Set(groups.map((g) => g.externalAlerts))).toEqual(new Set(['always', 'never', 'review']));
    expect(new Set(groups.map((g) => g.area?.kind ?? null))).toEqual(new Set(['circle', 'polygon', null]));
    expect(new Set(groups.map((g) => g.organisationId)).size).toBeGreaterThan(10);
    for (const group of groups) {
      if (group.area?.kind === 'circle') expect(isValidPoint(group.area.centre)).toBe(true);
      if (group.area?.kind === 'polygon') {
        const ring = group.area.coordinates[0] ?? [];
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
  });

  it('gives alerts of the matchable kinds, dated in the 90 days before BENCH_NOW', () => {
    const alerts = generateBenchAlerts(2_000, 4);
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(['stolen', 'found', 'animal']));
    for (const alert of alerts) {
      expect(alert.createdAt).toBeLessThanOrEqual(BENCH_NOW);
      expect(alert.createdAt).toBeGreaterThan(BENCH_NOW - 90 * 86_400_000);
      if (alert.location) expect(isValidPoint(alert.location)).toBe(true);
      expect(alert.details.kind).toBe(alert.kind);
    }
  });
});
