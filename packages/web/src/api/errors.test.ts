// Tests how failed responses become ApiErrors the screens can show.
import { describe, expect, it } from 'vitest';
import { ApiError, describeError, errorFromBody, networkError } from './errors.js';

describe('errorFromBody', () => {
  it('keeps the server code, message and field', () => {
    const e = errorFromBody(422, { error: { code: 'invalid', message: 'Email is taken.', field: 'email' } });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.field]).toEqual([422, 'invalid', 'Email is taken.', 'email']);
    expect(e.isTransient).toBe(false);
  });

  it('falls back to a plain message when the body is not an error body', () => {
    const e = errorFromBody(502, '<html>Bad gateway</html>');
    expect(e.code).toBe('server');
    expect(e.message).toMatch(/502/);
    expect(e.isTransient).toBe(true);
    expect(errorFromBody(404, { error: { code: 'x' } }).message).toBe('That could not be found.');
  });

  it('marks network failures and rate limits as worth retrying', () => {
    expect(networkError().isNetwork).toBe(true);
    expect(networkError().isTransient).toBe(true);
    expect(errorFromBody(429, null).isTransient).toBe(true);
    expect(errorFromBody(403, null).isTransient).toBe(false);
  });

  it('describes any thrown value', () => {
    expect(describeError(new ApiError(400, 'invalid', 'Too long.'))).toBe('Too long.');
    expect(describeError('weird')).toMatch(/went wrong/);
  });
});
