// Store contract, sightings. Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { Store } from '@fellwatch/core';

/** Behaviour of the sightings repository; `store` returns the store under test. */
export function sightingsContract(_store: () => Store): void {}
