// A small promise wrapper over IndexedDB for the outbox (blobs included) and saved conversations.

const DB_NAME = 'fellwatch';
const DB_VERSION = 1;
/** Object stores: queued messages, keyed by clientId. */
export const OUTBOX_STORE = 'outbox';

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(OUTBOX_STORE))
          db.createObjectStore(OUTBOX_STORE, { keyPath: 'clientId' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        dbPromise = null;
        reject(req.error ?? new Error('IndexedDB is not available'));
      };
    });
  }
  return dbPromise;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every record in a store. */
export async function idbAll<T>(store: string): Promise<T[]> {
  const db = await open();
  return done(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}

/** Writes one record (keyed by the store's key path). */
export async function idbPut<T>(store: string, value: T): Promise<void> {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Deletes one record by key. */
export async function idbDelete(store: string, key: string): Promise<void> {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
