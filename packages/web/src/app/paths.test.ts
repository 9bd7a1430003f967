// Tests route matching and the sign-in return address.
import { describe, expect, it } from 'vitest';
import { matchPath, safeNext } from './paths.js';

describe('matchPath', () => {
  it('matches static and parameter segments', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/groups/:id', '/groups/01ABC')).toEqual({ id: '01ABC' });
    expect(matchPath('/groups/:id/admin', '/groups/01ABC/admin/')).toEqual({ id: '01ABC' });
    expect(matchPath('/join/:token', '/join/a%2Fb')).toEqual({ token: 'a/b' });
  });

  it('refuses different shapes and bad escapes', () => {
    expect(matchPath('/groups/:id', '/groups')).toBeNull();
    expect(matchPath('/groups/:id', '/groups/1/admin')).toBeNull();
    expect(matchPath('/join/:token', '/join/%E0%A4%A')).toBeNull();
  });
});

describe('safeNext', () => {
  it('only returns to paths on this site', () => {
    expect(safeNext('/groups/1')).toBe('/groups/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
