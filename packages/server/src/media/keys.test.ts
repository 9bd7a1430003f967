// Tests of the media key scheme.
import { DomainError } from '@fellwatch/core';
import { describe, expect, it } from 'vitest';
import { isValidMediaKey, mediaKeys } from './keys.js';

describe('media keys', () => {
  it('names originals by hash and copies by photo id', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(mediaKeys.original(sha)).toBe(`originals/${sha}`);
    expect(mediaKeys.display('01HX5Z8Q7K3M2N4P6R8T0V2W4Y')).toBe('display/01HX5Z8Q7K3M2N4P6R8T0V2W4Y.jpg');
    expect(mediaKeys.thumb('01HX5Z8Q7K3M2N4P6R8T0V2W4Y')).toBe('thumb/01HX5Z8Q7K3M2N4P6R8T0V2W4Y.jpg');
  });

  it('refuses ids that would make an unsafe key, as a DomainError', () => {
    for (const id of ['../x', 'a/../../b', '', 'a b', '..']) {
      expect(() => mediaKeys.display(id)).toThrow(DomainError);
    }
    expect(() => mediaKeys.original('../../etc/passwd')).toThrow(DomainError);
  });

  it('accepts plain relative paths and nothing that could leave the root', () => {
    expect(isValidMediaKey('thumb/01HX.jpg')).toBe(true);
    expect(isValidMediaKey('a/b/c-d_e.f')).toBe(true);
    for (const key of ['/abs', 'a/../b', 'a/..b', '..', 'a//b', 'a/', '.a', 'a\\b', 'a:b', 'a\nb']) {
      expect(isValidMediaKey(key)).toBe(false);
    }
  });
});
