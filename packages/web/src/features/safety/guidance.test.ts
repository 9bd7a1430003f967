// Tests the emergency guidance's words and links: tap-to-call addresses, the watch line, categories.
import { describe, expect, it } from 'vitest';
import type { Watcher } from '../../api/safety.js';
import {
  categoryText,
  DEFAULT_GUIDANCE,
  distinctCues,
  onlineFormName,
  safeReportUrl,
  telHref,
  watcherNames,
  watchLineText,
} from './guidance.js';

const jane: Watcher = {
  person: {
    id: '01JC2AAAAAAAAAAAAAAAAAAAAA',
    displayName: 'PC Jane Smith',
    badges: [
      {
        organisationId: '01JC2BBBBBBBBBBBBBBBBBBBBB',
        organisationName: 'Durham Constabulary',
        affiliation: 'officer',
      },
    ],
  },
  until: 0,
};
const ann: Watcher = {
  person: { id: '01JC2CCCCCCCCCCCCCCCCCCCCC', displayName: 'Ann Hodgson', badges: [] },
  until: 0,
};
const bob: Watcher = {
  person: { id: '01JC2DDDDDDDDDDDDDDDDDDDDD', displayName: 'Bob Dent', badges: [] },
  until: 0,
};

describe('telHref', () => {
  it('keeps only digits and a leading plus, so phones dial it', () => {
    expect(telHref('999')).toBe('tel:999');
    expect(telHref('0345 60 60 365')).toBe('tel:03456060365');
    expect(telHref('+44 300 123 1212')).toBe('tel:+443001231212');
  });
});

describe('safeReportUrl', () => {
  it('links https addresses only', () => {
    expect(safeReportUrl('https://www.police.uk/')).toBe('https://www.police.uk/');
    expect(safeReportUrl('javascript:alert(1)')).toBeNull();
    expect(safeReportUrl('http://www.police.uk/')).toBeNull();
    expect(safeReportUrl(null)).toBeNull();
  });
});

describe('the watch line', () => {
  it('names the watcher with their force, as members see it in the header', () => {
    expect(watchLineText([jane])).toBe('Watched now by PC Jane Smith (Durham Constabulary)');
  });

  it('joins several names in plain English', () => {
    expect(watcherNames([jane, ann])).toBe('PC Jane Smith (Durham Constabulary) and Ann Hodgson');
    expect(watcherNames([ann, bob, jane])).toBe(
      'Ann Hodgson, Bob Dent and PC Jane Smith (Durham Constabulary)',
    );
  });

  it('says plainly when nobody is watching', () => {
    expect(watchLineText([])).toBe('Nobody is watching this group right now');
  });
});

describe('words for the queue and the form', () => {
  it('names every category plainly', () => {
    expect(categoryText('self_harm')).toBe('Self-harm or suicide');
    expect(categoryText('crime_in_progress')).toBe('Crime happening now');
  });

  it("names the force's online form when the force is known", () => {
    expect(onlineFormName(DEFAULT_GUIDANCE)).toBe("the police's online form");
    expect(onlineFormName({ ...DEFAULT_GUIDANCE, forceName: 'Cumbria Police' })).toBe(
      "Cumbria Police's online form",
    );
  });
});

describe('distinctCues', () => {
  it('shows each word once, leaving out one inside a longer one that also counted', () => {
    expect(distinctCues(['on fire', 'someone trapped', 'someone trapped inside', 'on fire'])).toEqual([
      'on fire',
      'someone trapped inside',
    ]);
    expect(distinctCues(['help', ' ', 'come quick'])).toEqual(['help', 'come quick']);
  });
});
