// Store contract, safety. Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { Store } from '@fellwatch/core';

/** Behaviour of the safety repository; `store` returns the store under test. */
export function safetyContract(_store: () => Store): void {}
