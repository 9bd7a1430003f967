// React hooks over the session's external stores.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OutboxSnapshot } from '../api/outbox.js';
import type { StreamStatus } from '../api/stream.js';
import type { GroupsState } from '../state/groups-store.js';
import type { TimelineEntry } from '../state/timeline-store.js';
import { useServices } from './session.js';

/** My groups, live. */
export function useGroups(): GroupsState {
  const { groups } = useServices();
  return useSyncExternalStore(groups.subscribe, groups.getSnapshot);
}

/** One group's conversation, loading it on first use. */
export function useTimeline(groupId: string): TimelineEntry {
  const { timelines } = useServices();
  const all = useSyncExternalStore(timelines.subscribe, timelines.getSnapshot);
  useEffect(() => timelines.ensure(groupId), [timelines, groupId]);
  return all[groupId] ?? timelines.entry(groupId);
}

/** Messages waiting to be sent, and the progress of the one being sent. */
export function useOutbox(): OutboxSnapshot {
  const { outbox } = useServices();
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
}

/** The stream's connection status, as the banner shows it. */
export function useStreamStatus(): StreamStatus {
  const { stream } = useServices();
  const [status, setStatus] = useState(stream.getStatus());
  useEffect(() => {
    setStatus(stream.getStatus());
    return stream.onStatus(setStatus);
  }, [stream]);
  return status;
}

/** The browser's idea of whether there is a network at all. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );
}
