// Unit tests of what the risk check reads of an alert, and what it makes of each kind.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../model/entities.js';
import { alertRiskText, assessAlertRisk, MISSING_PERSON_CUE } from './alert-risk.js';

type Readable = Pick<Alert, 'kind' | 'details' | 'summary'>;

const URGENT = 'They are breaking into the farmhouse right now and have a knife';

describe('alertRiskText', () => {
  it('reads the summary and the free text of the kind, a line each, leaving empty fields out', () => {
    const suspicious: Readable = {
      kind: 'suspicious',
      details: { kind: 'suspicious', activity: 'other', people: 'Two men in balaclavas' },
      summary: 'In the yard at Low Side',
    };
    expect(alertRiskText(suspicious)).toBe('In the yard at Low Side\nTwo men in balaclavas');
    const found: Readable = {
      kind: 'found',
      details: { kind: 'found', category: 'quad', condition: 'Burnt out', marks: '  ', heldBy: 'Us' },
      summary: '',
    };
    expect(alertRiskText(found)).toBe('Burnt out');
  });

  it('reads nothing of a police appeal or a missing person', () => {
    expect(alertRiskText({ kind: 'appeal', details: { kind: 'appeal' }, summary: URGENT })).toBe('');
    expect(
      alertRiskText({ kind: 'missing', details: { kind: 'missing', description: URGENT }, summary: URGENT }),
    ).toBe('');
  });
});

describe('assessAlertRisk', () => {
  it('finds a crime in progress in a suspicious-activity alert, as in a message', () => {
    const result = assessAlertRisk({
      kind: 'suspicious',
      details: { kind: 'suspicious', activity: 'other' },
      summary: URGENT,
    });
    expect(result.atRisk).toBe(true);
    expect(result.categories).toContain('crime_in_progress');
  });

  it('finds nothing in an ordinary theft overnight, or in an appeal', () => {
    const stolen = { kind: 'stolen', details: { kind: 'stolen' }, summary: 'Taken from the yard overnight.' };
    expect(assessAlertRisk(stolen as Readable).atRisk).toBe(false);
    expect(assessAlertRisk({ kind: 'appeal', details: { kind: 'appeal' }, summary: URGENT }).atRisk).toBe(
      false,
    );
  });

  it('reads a description of property with the lexicon only, so where it was dumped is not a risk', () => {
    const found: Readable = {
      kind: 'found',
      details: {
        kind: 'found',
        category: 'quad',
        condition: 'Ignition damaged, front mudguard missing.',
        heldBy: 'Alston police station',
      },
      summary: 'Dumped in the lay-by on the A686 above Leadgate.',
    };
    expect(assessAlertRisk(found)).toMatchObject({ atRisk: false, likelihood: 0, categories: [] });
  });

  it('always finds a missing person, by kind, with nothing personal among the cues', () => {
    const result = assessAlertRisk({
      kind: 'missing',
      details: { kind: 'missing', name: 'Margaret', description: 'Grey hair' },
      summary: '',
    });
    expect(result).toEqual({
      atRisk: true,
      score: 1,
      likelihood: 1,
      categories: ['missing_person'],
      cues: [MISSING_PERSON_CUE],
    });
  });
});
