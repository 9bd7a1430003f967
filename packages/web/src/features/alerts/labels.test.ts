// Tests the words on alert cards: headings per kind, status, travel, field rows and the possible-match line.
import { describe, expect, it } from 'vitest';
import type { AlertDetails } from '../../api/types.js';
import { alertView } from '../../state/test-fixtures.js';
import {
  agoText,
  alertHeading,
  detailRows,
  isRoadHazard,
  isWithdrawn,
  lastSeenText,
  linkedText,
  matchLine,
  originText,
  shortDescription,
  sightingsText,
  statusText,
  travelText,
} from './labels.js';

const DAY = 86_400_000;

describe('alertHeading', () => {
  it('names each kind in plain words', () => {
    const cases: [AlertDetails, string][] = [
      [{ kind: 'stolen', category: 'quad' }, 'Stolen: quad bike'],
      [{ kind: 'stolen', category: 'plant' }, 'Stolen: plant machinery'],
      [{ kind: 'found', category: 'other' }, 'Found property'],
      [{ kind: 'found', category: 'trailer' }, 'Found property: trailer'],
      [
        { kind: 'animal', situation: 'loose', species: 'sheep', count: 12, onRoad: true },
        'Animal loose on the road: 12 sheep',
      ],
      [{ kind: 'animal', situation: 'loose', species: 'cow', count: 1, onRoad: false }, 'Animal loose: cow'],
      [{ kind: 'animal', situation: 'found', species: 'dog', count: 1, onRoad: false }, 'Animal found: dog'],
      [{ kind: 'suspicious', activity: 'hare_coursing' }, 'Suspicious activity: hare coursing'],
      [{ kind: 'suspicious', activity: 'other' }, 'Suspicious activity'],
      [
        { kind: 'appeal', request: 'Dashcam footage', policeReference: 'DHM-1', howToRespond: 'Call 101' },
        'Police appeal',
      ],
    ];
    for (const [details, heading] of cases) expect(alertHeading(details)).toBe(heading);
  });

  it('flags only a loose animal on a road as a hazard', () => {
    expect(isRoadHazard({ kind: 'animal', situation: 'loose', species: 'cow', count: 2, onRoad: true })).toBe(
      true,
    );
    expect(isRoadHazard({ kind: 'animal', situation: 'found', species: 'cow', count: 2, onRoad: true })).toBe(
      false,
    );
    expect(
      isRoadHazard({ kind: 'animal', situation: 'loose', species: 'cow', count: 2, onRoad: false }),
    ).toBe(false);
  });
});

describe('statusText', () => {
  it('says the status in words, with the outcome once resolved', () => {
    expect(statusText({ status: 'unverified', outcome: null })).toBe('Unverified');
    expect(statusText({ status: 'confirmed', outcome: null })).toBe('Confirmed by police');
    expect(statusText({ status: 'resolved', outcome: 'recovered' })).toBe('Resolved: recovered');
    expect(statusText({ status: 'resolved', outcome: 'no_further_action' })).toBe(
      'Resolved: no further action',
    );
    expect(statusText({ status: 'retracted', outcome: null })).toBe('Retracted');
  });
});

describe('linkedText', () => {
  it('says how a linked alert ended, for the bottom of its card', () => {
    const linked = { linkedAlertId: 'other-alert' };
    expect(linkedText({ ...linked, status: 'resolved', outcome: 'recovered' })).toBe(
      'Recovered: linked with a matching report.',
    );
    expect(linkedText({ ...linked, status: 'confirmed', outcome: null })).toBe(
      'Linked with a matching report.',
    );
    expect(linkedText({ linkedAlertId: null, status: 'resolved', outcome: 'recovered' })).toBeNull();
  });
});

describe('originText', () => {
  it('names the group the alert was raised in and its organisation', () => {
    expect(
      originText({ originGroupName: 'Teesdale Farm Watch', originOrganisationName: 'Durham Rural Watch' }),
    ).toBe('From Teesdale Farm Watch, Durham Rural Watch');
    expect(
      originText({ originGroupName: 'Durham Rural Watch', originOrganisationName: 'Durham Rural Watch' }),
    ).toBe('From Durham Rural Watch');
  });

  it('says nothing for a card saved before the server named its origin', () => {
    expect(originText({})).toBeNull();
    expect(originText({ originGroupName: '', originOrganisationName: '' })).toBeNull();
  });
});

describe('travelText', () => {
  it('counts groups and organisations', () => {
    expect(travelText({ groups: 6, organisations: 2 })).toBe('Shared with 6 groups in 2 organisations');
    expect(travelText({ groups: 3, organisations: 1 })).toBe('Shared with 3 groups in 1 organisation');
    expect(travelText({ groups: 1, organisations: 1 })).toBe('Shown in this group only');
  });

  it('counts the groups of other organisations still reviewing it', () => {
    expect(travelText({ groups: 1, organisations: 1, reviewing: { groups: 2, organisations: 1 } })).toBe(
      'Shown in this group only; waiting for review in 2 groups of another organisation',
    );
    expect(travelText({ groups: 1, organisations: 1, reviewing: { groups: 1, organisations: 1 } })).toBe(
      'Shown in this group only; waiting for review in 1 group of another organisation',
    );
    expect(travelText({ groups: 1, organisations: 1, reviewing: { groups: 3, organisations: 2 } })).toBe(
      'Shown in this group only; waiting for review in 3 groups of 2 other organisations',
    );
    expect(travelText({ groups: 3, organisations: 2, reviewing: { groups: 1, organisations: 1 } })).toBe(
      'Shared with 3 groups in 2 organisations; waiting for review in 1 more group',
    );
    expect(travelText({ groups: 3, organisations: 2, reviewing: { groups: 2, organisations: 2 } })).toBe(
      'Shared with 3 groups in 2 organisations; waiting for review in 2 more groups',
    );
    expect(travelText({ groups: 3, organisations: 2, reviewing: { groups: 0, organisations: 0 } })).toBe(
      'Shared with 3 groups in 2 organisations',
    );
  });
});

describe('detailRows', () => {
  it('lists the filled-in fields of stolen property, in reading order', () => {
    const rows = detailRows({
      kind: 'stolen',
      category: 'quad',
      make: 'Honda',
      model: ' ',
      colour: 'red',
      registration: 'YX12 ABC',
      crimeReference: 'DHM-2211',
    });
    expect(rows.map(({ label, value }) => ({ label, value }))).toEqual([
      { label: 'Make', value: 'Honda' },
      { label: 'Colour', value: 'red' },
      { label: 'Registration', value: 'YX12 ABC' },
      { label: 'Crime reference', value: 'DHM-2211' },
    ]);
    expect(rows.some((r) => r.long)).toBe(false);
  });

  it('describes a suspicious vehicle and an appeal', () => {
    expect(
      detailRows({
        kind: 'suspicious',
        activity: 'lamping',
        vehicle: { colour: 'silver', make: 'Subaru', occupants: 3, direction: 'towards Stanhope' },
      }),
    ).toEqual([
      { label: 'Vehicle', value: 'silver Subaru', long: false },
      { label: 'People in it', value: '3', long: false },
      { label: 'Direction of travel', value: 'towards Stanhope', long: false },
    ]);
    const marks = detailRows({
      kind: 'found',
      category: 'quad',
      marks: 'Dented front rack, blue tow rope tied on',
    });
    expect(marks).toEqual([
      { label: 'Distinguishing marks', value: 'Dented front rack, blue tow rope tied on', long: true },
    ]);
    expect(
      detailRows({
        kind: 'appeal',
        request: 'Sightings',
        policeReference: 'DHM-9',
        howToRespond: 'Call 101',
      }).map((r) => r.label),
    ).toEqual(['The police ask', 'Police reference', 'How to respond']);
  });
});

describe('matchLine', () => {
  it('reads like a neighbour would say it', () => {
    const now = 1_700_000_000_000 + 3 * DAY;
    const alert = alertView({
      placeText: 'Weardale',
      details: { kind: 'stolen', category: 'quad', make: 'Honda', colour: 'Red' },
    });
    expect(matchLine({ alert, score: 0.9, reasons: [], distanceKm: 111.6 }, now)).toBe(
      'Possible match: stolen red Honda quad bike, Weardale, 3 days ago, 112 km',
    );
    const noPlace = alertView({
      placeText: null,
      location: null,
      details: { kind: 'found', category: 'tools' },
    });
    expect(matchLine({ alert: noPlace, score: 0.5, reasons: [], distanceKm: null }, now)).toBe(
      'Possible match: found tools, 3 days ago',
    );
  });

  it('says how long ago in rounded words', () => {
    const now = 10 * DAY;
    expect(agoText(now - 20_000, now)).toBe('just now');
    expect(agoText(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(agoText(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(agoText(now - DAY, now)).toBe('yesterday');
    expect(agoText(now - 15 * DAY, now)).toBe('2 weeks ago');
  });
});

describe('missing people in words', () => {
  const margaret = {
    kind: 'missing' as const,
    name: 'Margaret Dowson',
    age: 81,
    description: 'Small, white hair, walks with a stick',
    lastSeenAt: new Date(2026, 2, 3, 14, 20).getTime(),
    lastSeenPlace: 'Stanhope market place',
    vulnerabilities: ['dementia' as const, 'medical' as const],
  };

  it('heads the card with the name and age, and only "Missing person" once withdrawn', () => {
    expect(alertHeading(margaret)).toBe('Missing: Margaret Dowson, 81');
    expect(alertHeading({ ...margaret, age: undefined })).toBe('Missing: Margaret Dowson');
    expect(alertHeading({ kind: 'missing', withdrawn: true })).toBe('Missing person');
    expect(shortDescription({ kind: 'missing', withdrawn: true })).toBe('missing person');
  });

  it('says an admin’s alert awaits police confirmation, and a found person was found safe', () => {
    expect(statusText({ status: 'unverified', outcome: null, details: margaret })).toBe(
      'Awaiting police confirmation',
    );
    expect(statusText({ status: 'unverified', outcome: null })).toBe('Unverified');
    expect(statusText({ status: 'resolved', outcome: 'found', details: margaret })).toBe(
      'Resolved: found safe',
    );
  });

  it('lists what helps people recognise them, and nothing once withdrawn', () => {
    expect(detailRows(margaret).map((r) => [r.label, r.value])).toEqual([
      ['Age', '81'],
      ['Description', 'Small, white hair, walks with a stick'],
      ['Last seen', `${lastSeenText(margaret)}`],
      ['At more risk', 'dementia or memory loss; needs medication or care'],
    ]);
    expect(lastSeenText(margaret)).toMatch(/^14:20 Tue 3 Mar, Stanhope market place$/);
    expect(detailRows({ kind: 'missing', withdrawn: true })).toEqual([]);
    expect(isWithdrawn({ kind: 'missing', withdrawn: true })).toBe(true);
    expect(isWithdrawn(margaret)).toBe(false);
  });

  it('counts sightings in words', () => {
    expect(sightingsText(0)).toBe('No sightings yet');
    expect(sightingsText(1)).toBe('1 sighting');
    expect(sightingsText(3)).toBe('3 sightings');
  });
});
