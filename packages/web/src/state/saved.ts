// Small per-user saves in localStorage, so the app opens with something useful when there is no signal.

/** Reads a saved value, or null when missing, unreadable or storage is blocked. */
export function readSaved<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Saves a value; a full or blocked storage only costs the offline copy. */
export function writeSaved(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the saved copy is a convenience.
  }
}

/** Removes every saved value whose key starts with the prefix (on sign-out). */
export function clearSaved(prefix: string): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing was saved either.
  }
}
