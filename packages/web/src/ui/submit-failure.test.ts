// Tests how a failed send is shown: no signal, an expected status, a named field, or the plain message.
import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/errors.js';
import { type FailureWords, submitFailure } from './submit-failure.js';

const words: FailureWords<'place' | 'note'> = {
  noSignal: 'No signal: the sighting is not sent yet.',
  byStatus: { 409: 'This alert is closed now.' },
  fieldOf: (f) => (f === 'location' ? 'place' : f === 'note' ? 'note' : null),
};

describe('submitFailure', () => {
  it('says no signal when the request never reached the server, whatever else it carries', () => {
    expect(submitFailure(networkError(), words)).toEqual({ field: null, message: words.noSignal });
    expect(submitFailure(new ApiError(0, 'network', 'offline', 'note'), words)).toEqual({
      field: null,
      message: words.noSignal,
    });
  });

  it("uses the form's own words for a status it expects, before any field", () => {
    expect(submitFailure(new ApiError(409, 'conflict', 'Alert is closed', 'note'), words)).toEqual({
      field: null,
      message: 'This alert is closed now.',
    });
  });

  it("puts the server's message beside the field it names", () => {
    expect(submitFailure(new ApiError(400, 'invalid', 'Too far away', 'location'), words)).toEqual({
      field: 'place',
      message: 'Too far away',
    });
  });

  it("shows the server's message for the form when no field of the form is named", () => {
    expect(submitFailure(new ApiError(400, 'invalid', 'Bad group', 'groupId'), words)).toEqual({
      field: null,
      message: 'Bad group',
    });
    expect(submitFailure(new ApiError(403, 'forbidden', 'Not allowed'), words)).toEqual({
      field: null,
      message: 'Not allowed',
    });
  });

  it('falls back to the message of any other error', () => {
    expect(submitFailure(new Error('Disk full'), words)).toEqual({ field: null, message: 'Disk full' });
    expect(submitFailure('odd', words)).toEqual({
      field: null,
      message: 'Something went wrong. Please try again.',
    });
  });
});
