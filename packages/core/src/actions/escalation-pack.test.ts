// Unit tests of the handover pack's words: degrees-minutes-seconds, alert fields, times, the draft and the text.
import { describe, expect, it } from 'vitest';
import {
  alertFieldRows,
  alertTitle,
  CONTACT_NOT_SHARED,
  composePackText,
  formatDms,
  formatPackTime,
  type HandoverPackFacts,
  whatHappenedNextDraft,
} from './escalation-pack.js';

const WINTER = Date.UTC(2026, 10, 29, 21, 13); // 29 Nov 2026, 21:13 GMT
const SUMMER = Date.UTC(2026, 6, 4, 5, 30); // 4 Jul 2026, 06:30 BST

describe('formatDms', () => {
  it('writes latitude then longitude with hemispheres, to a tenth of a second', () => {
    expect(formatDms({ lat: 54.625, lng: -2.081 })).toBe(`54°37'30.0"N 2°04'51.6"W`);
    expect(formatDms({ lat: -33.8568, lng: 151.2153 })).toBe(`33°51'24.5"S 151°12'55.1"E`);
  });

  it('carries a rounded 60 seconds into the minutes and degrees', () => {
    expect(formatDms({ lat: 54.99999999, lng: 0.0166666 })).toBe(`55°00'00.0"N 0°01'00.0"E`);
  });
});

describe('formatPackTime', () => {
  it('says UK time with GMT or BST, as a call handler reads it', () => {
    expect(formatPackTime(WINTER)).toBe('Sun 29 Nov 2026, 21:13 GMT');
    expect(formatPackTime(SUMMER)).toBe('Sat 4 Jul 2026, 06:30 BST');
  });
});

describe('alertFieldRows', () => {
  it('labels a stolen alert’s fields in the card’s order, leaving out kind and empty ones', () => {
    const rows = alertFieldRows({
      kind: 'stolen',
      category: 'quad',
      make: 'Honda',
      colour: '',
      registration: 'AB12 CDE',
      when: { from: WINTER - 3_600_000, to: WINTER },
      crimeReference: 'DUR/123/26',
    });
    expect(rows).toEqual([
      { label: 'Category', value: 'quad' },
      { label: 'Make', value: 'Honda' },
      { label: 'Registration', value: 'AB12 CDE' },
      { label: 'When', value: 'from Sun 29 Nov 2026, 20:13 GMT to Sun 29 Nov 2026, 21:13 GMT' },
      { label: 'Crime reference', value: 'DUR/123/26' },
    ]);
  });

  it('names nested vehicle fields after their parent and puts codes into words', () => {
    const rows = alertFieldRows({
      kind: 'suspicious',
      activity: 'hare_coursing',
      vehicle: { registration: 'YK70 XYZ', colour: 'silver', occupants: 3 },
    });
    expect(rows).toEqual([
      { label: 'Activity', value: 'hare coursing' },
      { label: 'Vehicle registration', value: 'YK70 XYZ' },
      { label: 'Vehicle colour', value: 'silver' },
      { label: 'Vehicle occupants', value: '3' },
    ]);
  });

  it('reads a missing-person alert: last seen as a time, vulnerabilities in words, no profile id', () => {
    const rows = alertFieldRows({
      kind: 'missing',
      name: 'J. M.',
      age: 81,
      vulnerabilities: ['dementia', 'self_harm'],
      lastSeenAt: SUMMER,
      profileId: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
      onFoot: true,
    });
    expect(rows).toEqual([
      { label: 'Name', value: 'J. M.' },
      { label: 'Age', value: '81' },
      { label: 'Vulnerable', value: 'dementia, self harm' },
      { label: 'Last seen', value: 'Sat 4 Jul 2026, 06:30 BST' },
      { label: 'On foot', value: 'yes' },
    ]);
  });
});

describe('alertTitle', () => {
  it('names each kind of alert', () => {
    expect(alertTitle({ kind: 'stolen', category: 'quad' })).toBe('Stolen quad');
    expect(alertTitle({ kind: 'found', category: 'other' })).toBe('Found other');
    expect(alertTitle({ kind: 'animal', situation: 'loose' })).toBe('Animal loose');
    expect(alertTitle({ kind: 'suspicious', activity: 'fly_tipping' })).toBe(
      'Suspicious activity: fly tipping',
    );
    expect(alertTitle({ kind: 'appeal' })).toBe('Police appeal');
    expect(alertTitle({ kind: 'missing' })).toBe('Missing person');
    expect(alertTitle({ kind: 'road_closed' })).toBe('Road closed alert');
  });
});

describe('whatHappenedNextDraft', () => {
  it('says the outcome in a sentence, adds the note, and thanks the group', () => {
    expect(whatHappenedNextDraft('recovered', 'Found in a barn near Stanhope.')).toBe(
      'What happened next: The property was recovered. Found in a barn near Stanhope.\nThank you for reporting it. It helps.',
    );
  });

  it('uses the note alone for "other", and a plain line when there is nothing to say', () => {
    expect(whatHappenedNextDraft('other', 'The owner collected the sheep.')).toBe(
      'What happened next: The owner collected the sheep.\nThank you for reporting it. It helps.',
    );
    expect(whatHappenedNextDraft('other', null)).toBe(
      'What happened next: The police have dealt with it.\nThank you for reporting it. It helps.',
    );
  });
});

function aPack(overrides: Partial<HandoverPackFacts> = {}): HandoverPackFacts {
  return {
    escalationId: '01JESCALATION0000000000000',
    channel: '101',
    call: { number: '101', onlineReportUrl: null },
    group: {
      id: '01JGROUP000000000000000000',
      name: 'Upper Teesdale',
      organisationName: 'Durham Dales Watch',
    },
    subject: { kind: 'message', title: 'Message' },
    said: {
      text: 'Two men lamping in the top field,\nwhite pickup AB12 CDE.',
      at: WINTER - 600_000,
      by: 'Tom Hird',
      edited: true,
      deleted: false,
    },
    fields: [],
    thread: [{ relation: 'reply', by: 'Ann Lowes', at: WINTER - 300_000, text: 'Same truck at Low Force.' }],
    reporter: { displayName: 'Tom Hird', phone: null, email: null, contactNote: CONTACT_NOT_SHARED },
    location: {
      lat: 54.625,
      lng: -2.081,
      dms: `54°37'30.0"N 2°04'51.6"W`,
      gridRef: 'NY 94 25',
      plusCode: '9C6VJWG9+2J',
      what3words: null,
      what3wordsNote: 'not available on this server',
    },
    placeText: null,
    what3wordsInText: [],
    photos: [
      {
        id: '01JPHOTO000000000000000000',
        url: 'https://fellwatch.example/api/v1/media/01JPHOTO000000000000000000/display',
        originalUrl: 'https://fellwatch.example/api/v1/media/01JPHOTO000000000000000000/original',
        sha256: 'ab'.repeat(32),
        type: 'image/jpeg',
        bytes: 123456,
      },
    ],
    registrations: ['AB12 CDE'],
    escalatedBy: 'Jane Admin',
    escalatedAt: WINTER,
    reference: null,
    ...overrides,
  };
}

describe('composePackText', () => {
  it('puts what, when, who, where, photos and registrations in the order a call handler asks', () => {
    expect(composePackText(aPack())).toBe(
      [
        'FELLWATCH HANDOVER — 101 (non-emergency)',
        'Group: Upper Teesdale (Durham Dales Watch)',
        'Passed on by Jane Admin, Sun 29 Nov 2026, 21:13 GMT',
        'Police reference: not yet given',
        '',
        'WHAT WAS SAID',
        'Message, posted by Tom Hird, Sun 29 Nov 2026, 21:03 GMT (edited)',
        '  Two men lamping in the top field,',
        '  white pickup AB12 CDE.',
        '',
        'AROUND IT',
        'Reply from Ann Lowes, Sun 29 Nov 2026, 21:08 GMT:',
        '  Same truck at Low Force.',
        '',
        'WHO SAID IT',
        'Tom Hird',
        'Contact details: not shared — ask the reporter in the group.',
        '',
        'WHERE',
        'Latitude, longitude: 54.625000, -2.081000',
        `Degrees, minutes, seconds: 54°37'30.0"N 2°04'51.6"W`,
        'OS grid reference: NY 94 25',
        'Plus code: 9C6VJWG9+2J',
        'what3words: not available on this server',
        '',
        'PHOTOS',
        '1. https://fellwatch.example/api/v1/media/01JPHOTO000000000000000000/display',
        '   Original (image/jpeg, 123456 bytes): https://fellwatch.example/api/v1/media/01JPHOTO000000000000000000/original',
        `   Original SHA-256: ${'ab'.repeat(32)}`,
        '',
        'REGISTRATIONS MENTIONED',
        'AB12 CDE',
      ].join('\n'),
    );
  });

  it('gives shared contact details, the reference, alert fields and what3words when they exist', () => {
    const text = composePackText(
      aPack({
        channel: '999',
        reference: 'DUR-20261129-0042',
        subject: { kind: 'alert', title: 'Stolen quad' },
        said: { text: '', at: WINTER, by: 'Tom Hird', edited: false, deleted: true },
        fields: [{ label: 'Registration', value: 'AB12 CDE' }],
        thread: [],
        reporter: {
          displayName: 'Tom Hird',
          phone: '+44 7700 900123',
          email: null,
          contactNote: 'The reporter agreed to share these contact details with the police for this report.',
        },
        location: {
          ...(aPack().location as NonNullable<HandoverPackFacts['location']>),
          what3words: '///filled.count.soap',
        },
        placeText: 'top field by the lime kiln',
        what3wordsInText: ['///index.home.raft'],
        photos: [],
        registrations: [],
      }),
    );
    expect(text).toContain('FELLWATCH HANDOVER — 999 (emergency)');
    expect(text).toContain('Police reference: DUR-20261129-0042');
    expect(text).toContain(
      'Stolen quad, posted by Tom Hird, Sun 29 Nov 2026, 21:13 GMT (since deleted)\nRegistration: AB12 CDE',
    );
    expect(text).toContain('WHO SAID IT\nTom Hird\nPhone: +44 7700 900123\nThe reporter agreed');
    expect(text).toContain('Place as typed: top field by the lime kiln');
    expect(text).toContain('what3words: ///filled.count.soap');
    expect(text).toContain('what3words written in the message (not checked): ///index.home.raft');
    expect(text).not.toContain('AROUND IT');
    expect(text).not.toContain('PHOTOS');
    expect(text).not.toContain('REGISTRATIONS MENTIONED');
  });

  it('says so when no location was given', () => {
    expect(composePackText(aPack({ location: null }))).toContain('WHERE\nNo location was given.');
  });
});
