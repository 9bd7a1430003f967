// PROFILE_KEYS: the keys that seal Herbert Protocol profiles, read from the environment.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseProfileKeys } from './index.js';

const KEY_ONE = 'the-first-profile-key-0001';
const KEY_TWO = 'the-second-profile-key-0002';

describe('PROFILE_KEYS', () => {
  it('is unset by default: profiles are sealed under the server key, version 1', () => {
    expect(loadConfig({}).profileKeys).toBeUndefined();
    expect(loadConfig({ PROFILE_KEYS: ' , ' }).profileKeys).toBeUndefined();
  });

  it('seals with the highest version and keeps the others for opening, in any order', () => {
    expect(loadConfig({ PROFILE_KEYS: `1:${KEY_ONE}, 2:${KEY_TWO}` }).profileKeys).toEqual({
      keyVersion: 2,
      currentKey: KEY_TWO,
      previousKeys: { 1: KEY_ONE },
    });
    expect(parseProfileKeys(`7:${KEY_TWO}`)).toEqual({
      keyVersion: 7,
      currentKey: KEY_TWO,
      previousKeys: {},
    });
  });

  it('refuses entries it cannot use, naming the entry or version and never the key', () => {
    const cases: [string, RegExp][] = [
      [KEY_ONE, /entry 1 must be written version:key/],
      [`1:${KEY_ONE},0:${KEY_TWO}`, /entry 2 must be written version:key, with a version from 1 to 255/],
      [`256:${KEY_ONE}`, /version from 1 to 255/],
      [`v2:${KEY_ONE}`, /entry 1/],
      [`2:${KEY_ONE},2:${KEY_TWO}`, /lists key version 2 twice/],
      ['3:too-short', /the key of version 3 must be at least 16 characters/],
      ['3:', /the key of version 3/],
    ];
    for (const [value, message] of cases) {
      const error = (() => {
        try {
          parseProfileKeys(value);
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error?.message, value).toMatch(message);
      expect(error?.message).not.toContain(KEY_ONE);
      expect(error?.message).not.toContain('too-short');
    }
  });
});
