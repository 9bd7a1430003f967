// Tests the alert form's draft: required fields per kind, numbers, time windows, and server field names.
import { describe, expect, it } from 'vitest';
import { type AlertDraft, buildDetails, emptyDraft, formFieldOf, localInputValue } from './alert-draft.js';

const draft = (kind: AlertDraft['kind'], patch: Partial<AlertDraft> = {}): AlertDraft => ({
  ...emptyDraft(kind),
  ...patch,
});

describe('buildDetails', () => {
  it('builds a stolen quad with only the fields typed, trimmed, registrations in capitals', () => {
    const result = buildDetails(
      draft('stolen', {
        category: 'quad',
        text: {
          make: ' Honda ',
          colour: 'red',
          registration: 'yx12 abc',
          serial: '',
          whenFrom: '2026-03-02T22:00',
          whenTo: '2026-03-03T06:00',
        },
      }),
    );
    expect(result).toEqual({
      details: {
        kind: 'stolen',
        category: 'quad',
        make: 'Honda',
        colour: 'red',
        registration: 'YX12 ABC',
        when: { from: new Date('2026-03-02T22:00').getTime(), to: new Date('2026-03-03T06:00').getTime() },
      },
    });
  });

  it('names what is missing for each kind', () => {
    expect(buildDetails(draft('stolen'))).toEqual({ errors: { category: 'Choose what was stolen.' } });
    expect(buildDetails(draft('found'))).toEqual({ errors: { category: 'Choose what was found.' } });
    expect(buildDetails(draft('animal'))).toEqual({
      errors: { species: 'Species is required.', situation: 'Choose whether the animal is loose or found.' },
    });
    expect(buildDetails(draft('suspicious'))).toEqual({ errors: { activity: 'Choose what was seen.' } });
    expect(buildDetails(draft('appeal', { text: { request: 'Dashcam footage' } }))).toEqual({
      errors: {
        policeReference: 'Police reference is required.',
        howToRespond: 'How to respond is required.',
      },
    });
  });

  it('keeps "on the road" only for a loose animal, and checks the count', () => {
    const loose = buildDetails(
      draft('animal', { situation: 'loose', onRoad: true, text: { species: 'sheep', count: '12' } }),
    );
    expect(loose).toEqual({
      details: { kind: 'animal', situation: 'loose', species: 'sheep', count: 12, onRoad: true },
    });
    const found = buildDetails(
      draft('animal', { situation: 'found', onRoad: true, text: { species: 'dog' } }),
    );
    expect(found).toMatchObject({ details: { onRoad: false, count: 1 } });
    const bad = buildDetails(
      draft('animal', { situation: 'loose', text: { species: 'sheep', count: '2.5' } }),
    );
    expect(bad).toEqual({ errors: { count: 'How many must be a whole number from 1 to 10,000.' } });
  });

  it('sends a suspicious vehicle only when something about it was typed', () => {
    const none = buildDetails(
      draft('suspicious', { activity: 'hare_coursing', text: { people: 'Three men, lurchers' } }),
    );
    expect(none).toEqual({
      details: { kind: 'suspicious', activity: 'hare_coursing', people: 'Three men, lurchers' },
    });
    const car = buildDetails(
      draft('suspicious', { activity: 'lamping', text: { vehicleColour: 'silver', vehicleOccupants: '0' } }),
    );
    expect(car).toEqual({
      details: { kind: 'suspicious', activity: 'lamping', vehicle: { colour: 'silver', occupants: 0 } },
    });
  });

  it('refuses a time window that ends before it starts, and takes one end as an instant', () => {
    expect(
      buildDetails(
        draft('stolen', {
          category: 'tools',
          text: { whenFrom: '2026-03-03T06:00', whenTo: '2026-03-02T22:00' },
        }),
      ),
    ).toEqual({ errors: { whenTo: 'The end must be after the start.' } });
    const at = new Date('2026-03-03T06:00').getTime();
    expect(
      buildDetails(draft('stolen', { category: 'tools', text: { whenTo: '2026-03-03T06:00' } })),
    ).toMatchObject({
      details: { when: { from: at, to: at } },
    });
  });
});

describe('formFieldOf', () => {
  it('maps the server’s field names onto the form', () => {
    expect(formFieldOf('details.species')).toBe('species');
    expect(formFieldOf('details.vehicle.registration')).toBe('vehicleRegistration');
    expect(formFieldOf('details.when.to')).toBe('whenTo');
    expect(formFieldOf('details.kind')).toBe('kind');
    expect(formFieldOf('reach.radiusKm')).toBe('reach');
    expect(formFieldOf('location.lat')).toBe('place');
    expect(formFieldOf('placeText')).toBe('place');
    expect(formFieldOf(undefined)).toBeNull();
  });
});

describe('a missing person on the form', () => {
  it('needs a name, a description and when they were last seen, and takes an age from 0 to 120', () => {
    expect(buildDetails(draft('missing'))).toEqual({
      errors: {
        name: 'Name or initials is required.',
        description: 'Description is required.',
        lastSeenAt: 'Say when they were last seen.',
      },
    });
    const old = buildDetails(
      draft('missing', {
        text: { name: 'MD', description: 'White hair', lastSeenAt: '2026-03-03T14:20', age: '130' },
      }),
    );
    expect(old).toEqual({ errors: { age: 'Age must be a whole number from 0 to 120.' } });
  });

  it('sends what was filled in, with the ticked vulnerabilities and the time in the phone’s zone', () => {
    const built = buildDetails(
      draft('missing', {
        vulnerabilities: ['dementia'],
        text: {
          name: ' Margaret Dowson ',
          age: '81',
          description: 'White hair, walks with a stick',
          lastSeenAt: '2026-03-03T14:20',
          policeReference: 'dur-0412',
        },
      }),
    );
    expect(built).toEqual({
      details: {
        kind: 'missing',
        name: 'Margaret Dowson',
        age: 81,
        description: 'White hair, walks with a stick',
        lastSeenAt: new Date(2026, 2, 3, 14, 20).getTime(),
        vulnerabilities: ['dementia'],
        policeReference: 'DUR-0412',
      },
    });
    expect(localInputValue(new Date(2026, 2, 3, 9, 5).getTime())).toBe('2026-03-03T09:05');
    expect(formFieldOf('details.vulnerabilities.0')).toBe('vulnerabilities');
  });
});
