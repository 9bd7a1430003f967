// Loaded conversations as an external store: pages from the API, events from the stream, saved copies offline.
import { listMessages } from '../api/client.js';
import type { AlertView, EventMessage, MessageView } from '../api/types.js';
import { readSaved, writeSaved } from './saved.js';
import {
  applyEvent,
  applyEvents,
  oldestSeq,
  prependOlder,
  type Timeline,
  timelineFromPage,
  updateAlert,
  upsertMessage,
} from './timeline.js';

/** How many recent messages of a group are saved on the phone for opening without signal. */
const SAVED_MESSAGES = 40;

export interface TimelineEntry {
  timeline: Timeline | null;
  loading: boolean;
  loadingOlder: boolean;
  error: unknown;
  /** Showing the phone's saved copy: it may be behind, and is reloaded when the signal returns. */
  saved: boolean;
}

const EMPTY: TimelineEntry = {
  timeline: null,
  loading: false,
  loadingOlder: false,
  error: null,
  saved: false,
};

/** Holds every conversation opened this visit and applies stream events to them. */
export class TimelineStore {
  private entries: Readonly<Record<string, TimelineEntry>> = {};
  private readonly listeners = new Set<() => void>();
  /** Events that arrive while a group's first page is loading; applied once it lands. */
  private readonly buffers = new Map<string, EventMessage[]>();
  private readonly saveTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly userId: string,
    /** Told the page's lastSeq, so the stream resumes from what the conversation shows. */
    private readonly onLoaded: (groupId: string, lastSeq: number) => void,
  ) {}

  getSnapshot = (): Readonly<Record<string, TimelineEntry>> => this.entries;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The entry for a group, or an empty one. */
  entry(groupId: string): TimelineEntry {
    return this.entries[groupId] ?? EMPTY;
  }

  /** Loads a group's conversation unless it is loaded or loading already. */
  ensure(groupId: string): void {
    const e = this.entry(groupId);
    if ((e.timeline && !e.saved) || e.loading) return;
    void this.load(groupId);
  }

  /** Fetches the newest page and replaces what is shown (first open, resync, after being offline). */
  async load(groupId: string): Promise<void> {
    if (this.entry(groupId).loading) return;
    this.buffers.set(groupId, []);
    const saved = this.entry(groupId).timeline ? null : this.readSaved(groupId);
    this.patch(groupId, {
      loading: true,
      error: null,
      ...(saved ? { timeline: saved, saved: true } : {}),
    });
    try {
      const page = await listMessages(groupId);
      const timeline = applyEvents(timelineFromPage(groupId, page), this.buffers.get(groupId) ?? []);
      this.buffers.delete(groupId);
      this.patch(groupId, { timeline, loading: false, saved: false });
      this.onLoaded(groupId, timeline.cursor);
    } catch (error) {
      this.buffers.delete(groupId);
      this.patch(groupId, { loading: false, error });
    }
  }

  /** Loads the page before the oldest message shown. */
  async loadOlder(groupId: string): Promise<void> {
    const e = this.entry(groupId);
    const before = e.timeline ? oldestSeq(e.timeline) : undefined;
    if (!e.timeline || before === undefined || e.loadingOlder || !e.timeline.hasOlder) return;
    this.patch(groupId, { loadingOlder: true, error: null });
    try {
      const page = await listMessages(groupId, before);
      const current = this.entry(groupId).timeline;
      if (current) this.patch(groupId, { timeline: prependOlder(current, page), loadingOlder: false });
    } catch (error) {
      this.patch(groupId, { loadingOlder: false, error });
    }
  }

  /** Reloads every conversation showing a saved copy (the signal is back). */
  reloadSaved(): void {
    for (const [groupId, e] of Object.entries(this.entries)) {
      if (e.saved || (e.error && !e.timeline)) void this.load(groupId);
    }
  }

  /**
   * Applies a stream event to the conversation it belongs to, if that conversation is open. A changed
   * alert also replaces its card in a copy saved on the phone: a missing person's details, withdrawn
   * once they are found, must not live on there.
   */
  applyEvent(event: EventMessage): void {
    const buffer = this.buffers.get(event.groupId);
    if (buffer) buffer.push(event);
    const e = this.entries[event.groupId];
    if (!e?.timeline || e.saved) {
      if (event.type === 'alert.updated') this.replaceSavedCard(event.message);
      return;
    }
    const timeline = applyEvent(e.timeline, event);
    if (timeline !== e.timeline) this.patch(event.groupId, { timeline });
  }

  /** Shows a message the API just returned (my post, edit or delete) before its event arrives. */
  upsert(message: MessageView): void {
    const e = this.entries[message.groupId];
    if (!e?.timeline) return;
    const timeline = upsertMessage(e.timeline, message);
    if (timeline !== e.timeline) this.patch(message.groupId, { timeline });
  }

  /** Shows a changed alert in every open conversation where it is shown (an alert travels to many groups). */
  updateAlert(alert: AlertView): void {
    for (const [groupId, e] of Object.entries(this.entries)) {
      if (!e.timeline) continue;
      const timeline = updateAlert(e.timeline, alert);
      if (timeline !== e.timeline) this.patch(groupId, { timeline });
    }
  }

  /** Drops a conversation (removed from the group). */
  forget(groupId: string): void {
    const { [groupId]: _gone, ...rest } = this.entries;
    this.entries = rest;
    this.emit();
  }

  private patch(groupId: string, patch: Partial<TimelineEntry>): void {
    this.entries = { ...this.entries, [groupId]: { ...this.entry(groupId), ...patch } };
    if (patch.timeline && !patch.saved && !this.entries[groupId]?.saved) this.scheduleSave(groupId);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private savedKey(groupId: string): string {
    return `fellwatch.timeline.${this.userId}.${groupId}`;
  }

  private readSaved(groupId: string): Timeline | null {
    const t = readSaved<Timeline>(this.savedKey(groupId));
    return t && t.groupId === groupId && Array.isArray(t.messages) ? t : null;
  }

  /** Replaces an alert's card in the saved copy (shown or only stored), leaving its cursor alone. */
  private replaceSavedCard(message: MessageView): void {
    const e = this.entries[message.groupId];
    const saved = e?.timeline ?? this.readSaved(message.groupId);
    // Only a card the copy holds is replaced: adding one would leave a gap before it.
    if (!saved?.messages.some((m) => m.id === message.id)) return;
    const timeline = upsertMessage(saved, message);
    if (timeline === saved) return;
    writeSaved(this.savedKey(message.groupId), timeline);
    if (e?.timeline) {
      this.entries = { ...this.entries, [message.groupId]: { ...e, timeline } };
      this.emit();
    }
  }

  private scheduleSave(groupId: string): void {
    clearTimeout(this.saveTimers.get(groupId));
    this.saveTimers.set(
      groupId,
      setTimeout(() => {
        const t = this.entries[groupId]?.timeline;
        if (!t) return;
        const messages = t.messages.slice(-SAVED_MESSAGES);
        writeSaved(this.savedKey(groupId), {
          ...t,
          messages,
          hasOlder: t.hasOlder || messages.length < t.messages.length,
        });
      }, 1000),
    );
  }
}
