// My groups as an external store: fetched, saved for offline starts, kept current by stream events.
import { getGroup, listGroups } from '../api/client.js';
import type { EventMessage, MyGroup } from '../api/types.js';
import { applyEventToGroups, markGroupRead } from './groups.js';
import { readSaved, writeSaved } from './saved.js';

export interface GroupsState {
  groups: readonly MyGroup[] | null;
  loading: boolean;
  error: unknown;
  /** The list came from this phone's saved copy, not the server. */
  saved: boolean;
}

/** Holds the signed-in person's group list for every screen that needs it. */
export class GroupsStore {
  private state: GroupsState;
  private readonly listeners = new Set<() => void>();
  private readonly key: string;

  constructor(private readonly userId: string) {
    this.key = `fellwatch.groups.${userId}`;
    const saved = readSaved<MyGroup[]>(this.key);
    this.state = { groups: saved, loading: false, error: null, saved: saved !== null };
  }

  getSnapshot = (): GroupsState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** One group from the list, if loaded. */
  find(groupId: string): MyGroup | undefined {
    return this.state.groups?.find((g) => g.id === groupId);
  }

  /** Fetches the list afresh; on failure the previous (or saved) list stays, with the error. */
  async refresh(): Promise<void> {
    this.set({ loading: true, error: null });
    try {
      const groups = await listGroups();
      this.set({ groups, loading: false, saved: false });
    } catch (error) {
      this.set({ loading: false, error });
    }
  }

  /** Fetches one group (e.g. after approval) and puts it in the list. */
  async refreshGroup(groupId: string): Promise<MyGroup> {
    const group = await getGroup(groupId);
    this.upsert(group);
    return group;
  }

  /** Replaces or adds one group. */
  upsert(group: MyGroup): void {
    const groups = this.state.groups ?? [];
    const exists = groups.some((g) => g.id === group.id);
    this.set({ groups: exists ? groups.map((g) => (g.id === group.id ? group : g)) : [...groups, group] });
  }

  /** Counts a stream event towards unread. */
  applyEvent(event: EventMessage): void {
    if (!this.state.groups) return;
    const groups = applyEventToGroups(this.state.groups, event, this.userId);
    if (groups.some((g, i) => g !== this.state.groups?.[i])) this.set({ groups });
  }

  /** Records locally that the group has been read up to `seq`. */
  markRead(groupId: string, seq: number): void {
    if (!this.state.groups) return;
    this.set({ groups: markGroupRead(this.state.groups, groupId, seq) });
  }

  private set(patch: Partial<GroupsState>): void {
    this.state = { ...this.state, ...patch };
    if (patch.groups) writeSaved(this.key, patch.groups);
    for (const listener of this.listeners) listener();
  }
}
