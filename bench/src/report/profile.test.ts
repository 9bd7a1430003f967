// Tests of the CPU-profile summary: self time per function and per area.
import { describe, expect, it } from 'vitest';
import { areaOf, summariseProfile } from './profile.js';

describe('areaOf', () => {
  it('names packages, workspace files and native frames', () => {
    expect(areaOf('file:///repo/node_modules/kysely/dist/esm/index.js', 'f')).toBe('kysely');
    expect(areaOf('file:///repo/node_modules/@fastify/helmet/index.js', 'f')).toBe('@fastify/helmet');
    expect(areaOf('file:///repo/packages/server/dist/transport/ws/hub.js', 'f')).toBe(
      'server/transport/ws/hub.js',
    );
    expect(areaOf('node:net', 'f')).toBe('node:net');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});

describe('summariseProfile', () => {
  it('adds up self time from the samples and ranks it', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 3] },
        { id: 2, callFrame: frame('deliver', 'file:///r/packages/server/dist/transport/ws/hub.js') },
        { id: 3, callFrame: frame('(idle)', '') },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [1000, 1000, 2000, 1000],
    });
    expect(summary.totalMs).toBe(5);
    expect(summary.idleMs).toBe(2);
    expect(summary.byFunction[0]).toEqual({
      name: 'deliver server/transport/ws/hub.js:1',
      ms: 3,
      percent: 60,
    });
    expect(summary.byArea.map((a) => a.name)).toEqual(['server/transport/ws/hub.js', '(idle)']);
  });
});

describe('longest busy stretches', () => {
  it('finds a run of samples with no idle between them, and the app frames on its stacks', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const hub = 'file:///r/packages/server/dist/transport/ws/hub.js';
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
        { id: 2, callFrame: frame('beat', hub), children: [3] },
        { id: 3, callFrame: frame('writeBuffer', '') },
        { id: 4, callFrame: frame('(idle)', '') },
      ],
      samples: [4, 3, 3, 3, 4, 3, 4],
      timeDeltas: [1000, 30_000, 30_000, 30_000, 1000, 10_000, 1000],
    });
    expect(summary.longestBusy).toHaveLength(1);
    expect(summary.longestBusy[0]).toMatchObject({ ms: 90, atMs: 1 });
    expect(summary.longestBusy[0]?.byAppFrame[0]).toMatchObject({
      name: 'beat server/transport/ws/hub.js:1',
      ms: 90,
    });
  });
});
