// The outbox: messages written without signal wait on the device and are sent, once, when it returns.
import { backoffDelay } from './backoff.js';
import { makeClientId } from './client-id.js';
import { ApiError, describeError } from './errors.js';
import type { GeoPoint, MessageView, PostMessage } from './types.js';

/** A photo waiting to go with a queued message; `uploadedId` is kept so a retry does not upload it again. */
export interface OutboxPhoto {
  name: string;
  blob: Blob;
  uploadedId: string | null;
}

/** A message the server has not yet confirmed. Its clientId is chosen once, when it is written. */
export interface OutboxEntry {
  clientId: string;
  userId: string;
  groupId: string;
  body: string;
  replyToId: string | null;
  location: GeoPoint | null;
  photos: OutboxPhoto[];
  createdAt: number;
  /** Set when the server refused the message for a reason a retry will not fix. */
  error: string | null;
}

/** What the author wrote; the outbox adds the ids and bookkeeping. */
export interface OutboxDraft {
  groupId: string;
  body: string;
  replyToId?: string | null;
  location?: GeoPoint | null;
  photos?: { name: string; blob: Blob }[];
}

/** Where entries are kept between visits: IndexedDB in the browser, memory in tests. */
export interface OutboxStorage {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/** How entries reach the server. */
export interface OutboxTransport {
  uploadPhoto(
    groupId: string,
    blob: Blob,
    name: string,
    onProgress: (fraction: number) => void,
  ): Promise<string>;
  postMessage(groupId: string, body: PostMessage): Promise<MessageView>;
}

/** Progress of the entry being sent now. */
export interface SendProgress {
  clientId: string;
  /** 0-based index of the photo being uploaded, or null while posting the message itself. */
  photoIndex: number | null;
  fraction: number;
}

export interface OutboxSnapshot {
  entries: readonly OutboxEntry[];
  sending: SendProgress | null;
}

export interface OutboxOptions {
  userId: string;
  storage: OutboxStorage;
  transport: OutboxTransport;
  isOnline?: () => boolean;
  /** Called with the server's copy once a message is stored, so the conversation can show it at once. */
  onSent?: (message: MessageView) => void;
  /** Timer used for retries after a transient failure; injectable for tests. */
  schedule?: (run: () => void, ms: number) => () => void;
}

/** Queues messages per user and sends them in order when there is signal. */
export class Outbox {
  private snapshot: OutboxSnapshot = { entries: [], sending: null };
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private loaded: Promise<void>;

  constructor(private readonly options: OutboxOptions) {
    this.loaded = options.storage
      .all()
      .then((all) => this.set({ entries: sortEntries(all.filter((e) => e.userId === options.userId)) }))
      .catch(() => undefined);
  }

  /** The current entries and progress, as a stable object for useSyncExternalStore. */
  getSnapshot = (): OutboxSnapshot => this.snapshot;

  /** Notifies on every change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stores a new message with a fresh clientId, then tries to send it. */
  async add(draft: OutboxDraft): Promise<OutboxEntry> {
    await this.loaded;
    const entry: OutboxEntry = {
      clientId: makeClientId(),
      userId: this.options.userId,
      groupId: draft.groupId,
      body: draft.body,
      replyToId: draft.replyToId ?? null,
      location: draft.location ?? null,
      photos: (draft.photos ?? []).map((p) => ({ name: p.name, blob: p.blob, uploadedId: null })),
      createdAt: Date.now(),
      error: null,
    };
    await this.options.storage.put(entry);
    this.set({ entries: sortEntries([...this.snapshot.entries, entry]) });
    void this.flush();
    return entry;
  }

  /** Sends every waiting entry in order; stops at the first failure that signal might fix. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      await this.loaded;
      do {
        this.flushAgain = false;
        await this.sendWaiting();
      } while (this.flushAgain);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Puts a refused entry back in the queue (after the author has read why it was refused). */
  async retry(clientId: string): Promise<void> {
    const entry = this.snapshot.entries.find((e) => e.clientId === clientId);
    if (!entry) return;
    await this.replace({ ...entry, error: null });
    await this.flush();
  }

  /** Drops an entry without sending it. */
  async discard(clientId: string): Promise<void> {
    await this.options.storage.delete(clientId);
    this.set({ entries: this.snapshot.entries.filter((e) => e.clientId !== clientId) });
  }

  /** Stops retry timers (on sign-out). */
  dispose(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.listeners.clear();
  }

  private async sendWaiting(): Promise<void> {
    for (const entry of this.snapshot.entries) {
      if (entry.error) continue;
      if (this.options.isOnline && !this.options.isOnline()) return;
      const outcome = await this.sendOne(entry);
      if (outcome === 'transient') {
        this.scheduleRetry();
        return;
      }
    }
    this.failures = 0;
  }

  private async sendOne(original: OutboxEntry): Promise<'sent' | 'refused' | 'transient'> {
    let entry = original;
    try {
      for (const [index, photo] of entry.photos.entries()) {
        if (photo.uploadedId) continue;
        this.progress({ clientId: entry.clientId, photoIndex: index, fraction: 0 });
        const id = await this.options.transport.uploadPhoto(
          entry.groupId,
          photo.blob,
          photo.name,
          (fraction) => this.progress({ clientId: entry.clientId, photoIndex: index, fraction }),
        );
        const photos = entry.photos.map((p, i) => (i === index ? { ...p, uploadedId: id } : p));
        entry = { ...entry, photos };
        await this.replace(entry);
      }
      this.progress({ clientId: entry.clientId, photoIndex: null, fraction: 0 });
      const message = await this.options.transport.postMessage(entry.groupId, toPostBody(entry));
      await this.options.storage.delete(entry.clientId);
      this.set({
        entries: this.snapshot.entries.filter((e) => e.clientId !== entry.clientId),
        sending: null,
      });
      this.failures = 0;
      this.options.onSent?.(message);
      return 'sent';
    } catch (err) {
      this.progress(null);
      if (err instanceof ApiError && !err.isTransient) {
        await this.replace({ ...entry, error: describeError(err) });
        return 'refused';
      }
      return 'transient';
    }
  }

  private scheduleRetry(): void {
    this.cancelRetry?.();
    const delay = backoffDelay(this.failures++, { baseMs: 2000, maxMs: 120_000 });
    const schedule =
      this.options.schedule ??
      ((run, ms) => {
        const t = setTimeout(run, ms);
        return () => clearTimeout(t);
      });
    this.cancelRetry = schedule(() => {
      this.cancelRetry = null;
      void this.flush();
    }, delay);
  }

  private async replace(entry: OutboxEntry): Promise<void> {
    await this.options.storage.put(entry);
    this.set({ entries: this.snapshot.entries.map((e) => (e.clientId === entry.clientId ? entry : e)) });
  }

  private progress(sending: SendProgress | null): void {
    this.set({ sending });
  }

  private set(patch: Partial<OutboxSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The POST body for an entry: the same clientId on every attempt. */
export function toPostBody(entry: OutboxEntry): PostMessage {
  const body: PostMessage = {
    clientId: entry.clientId,
    body: entry.body,
    photoIds: entry.photos.map((p) => p.uploadedId).filter((id): id is string => id !== null),
  };
  if (entry.replyToId) body.replyToId = entry.replyToId;
  if (entry.location) body.location = entry.location;
  return body;
}

/**
 * Entries still to show in a conversation: an entry disappears as soon as the server's copy (same
 * author, same clientId) is in the message list, even if the POST's answer was lost on the way back.
 */
export function pendingForGroup(
  entries: readonly OutboxEntry[],
  groupId: string,
  messages: readonly MessageView[],
  myId: string,
): OutboxEntry[] {
  const delivered = new Set(messages.filter((m) => m.author.id === myId).map((m) => m.clientId));
  return entries.filter((e) => e.groupId === groupId && !delivered.has(e.clientId));
}

function sortEntries(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => a.createdAt - b.createdAt);
}
