// Store contract, escalations. Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { Store } from '@fellwatch/core';

/** Behaviour of the escalations repository; `store` returns the store under test. */
export function escalationsContract(_store: () => Store): void {}
