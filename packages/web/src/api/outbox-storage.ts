// The outbox's IndexedDB storage, so queued messages and their photos survive closing the app.
import { idbAll, idbDelete, idbPut, OUTBOX_STORE } from './idb.js';
import type { OutboxEntry, OutboxStorage } from './outbox.js';

/** Outbox entries in the browser's IndexedDB. */
export const indexedDbOutboxStorage: OutboxStorage = {
  all: () => idbAll<OutboxEntry>(OUTBOX_STORE),
  put: (entry) => idbPut(OUTBOX_STORE, entry),
  delete: (clientId) => idbDelete(OUTBOX_STORE, clientId),
};
