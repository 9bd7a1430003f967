// Tests the default reach per kind and the radius check on the alert form.
import { describe, expect, it } from 'vitest';
import { checkRadius, defaultRadiusKm, reachProblem } from './reach.js';

describe('defaultRadiusKm', () => {
  it('sends far-travelling property furthest and loose animals least far', () => {
    for (const c of ['quad', 'tractor', 'trailer', 'plant', 'vehicle'] as const) {
      expect(defaultRadiusKm('stolen', c)).toBe(80);
      expect(defaultRadiusKm('found', c)).toBe(80);
    }
    for (const c of ['livestock', 'tools', 'fuel', 'other'] as const) {
      expect(defaultRadiusKm('stolen', c)).toBe(50);
      expect(defaultRadiusKm('found', c)).toBe(50);
    }
    expect(defaultRadiusKm('stolen')).toBe(50);
    expect(defaultRadiusKm('animal')).toBe(10);
    expect(defaultRadiusKm('suspicious')).toBe(30);
    expect(defaultRadiusKm('appeal')).toBe(50);
  });
});

describe('checkRadius', () => {
  it('accepts a distance up to 200 km and says what is wrong otherwise', () => {
    expect(checkRadius('80')).toEqual({ km: 80 });
    expect(checkRadius(' 12.5 ')).toEqual({ km: 12.5 });
    expect(checkRadius('200')).toEqual({ km: 200 });
    expect(checkRadius('201')).toEqual({ error: 'Alerts reach at most 200 km.' });
    expect(checkRadius('10000')).toHaveProperty('error');
    expect(checkRadius('0')).toHaveProperty('error');
    expect(checkRadius('')).toHaveProperty('error');
    expect(checkRadius('far')).toHaveProperty('error');
  });
});

describe('reachProblem', () => {
  it('needs a place for a radius, and nothing for the other reaches', () => {
    expect(reachProblem('radius', '80', true)).toBeNull();
    expect(reachProblem('radius', '80', false)).toBe(
      '“Groups within 80 km” needs the place. Add it under Where, or choose another reach.',
    );
    expect(reachProblem('radius', '10000', true)).toBe('Alerts reach at most 200 km.');
    expect(reachProblem('group', '', false)).toBeNull();
    expect(reachProblem('organisation', 'x', false)).toBeNull();
  });
});
