// Store contract, profiles. Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { Store } from '@fellwatch/core';

/** Behaviour of the profiles repository; `store` returns the store under test. */
export function profilesContract(_store: () => Store): void {}
