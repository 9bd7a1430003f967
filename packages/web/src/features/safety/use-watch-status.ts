// A group's header status (guidance, who is watching) kept fresh while the conversation is open.
import { useCallback, useEffect, useState } from 'react';
import { getWatchStatus, type WatchStatus } from '../../api/safety.js';
import { useServices } from '../../app/session.js';
import { readSaved, writeSaved } from '../../state/saved.js';
import { DEFAULT_GUIDANCE, type Guidance } from './guidance.js';

/** Shifts start and end by the clock: the header asks again this often while it is shown. */
const REFRESH_MS = 60_000;

const guidanceKey = (groupId: string) => `fellwatch.guidance.${groupId}`;

/** The guidance last seen for a group on this phone, or the defaults: what to show with no signal. */
export function savedGuidance(groupId: string): Guidance {
  return readSaved<Guidance>(guidanceKey(groupId)) ?? DEFAULT_GUIDANCE;
}

export interface WatchStatusState {
  /** Null until the first answer (and while there is no signal). */
  status: WatchStatus | null;
  /** Always something to show: the server's, the saved copy, or 999 and 101. */
  guidance: Guidance;
  refresh(): void;
}

/**
 * The header status of a group: fetched at once, every minute, when the phone wakes, when someone goes
 * on or off watch for the group (a `watch` notice), and when a "needs attention" notice for the group
 * arrives. The guidance is saved so it shows without signal.
 */
export function useWatchStatus(groupId: string): WatchStatusState {
  const { stream } = useServices();
  const [status, setStatus] = useState<WatchStatus | null>(null);
  const [guidance, setGuidance] = useState<Guidance>(() => savedGuidance(groupId));
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the trigger to ask again.
  useEffect(() => {
    const ctrl = new AbortController();
    getWatchStatus(groupId, ctrl.signal)
      .then((s) => {
        setStatus(s);
        setGuidance(s.guidance);
        writeSaved(guidanceKey(groupId), s.guidance);
      })
      .catch(() => {
        // No signal or no longer a member: the saved guidance stays on screen.
      });
    return () => ctrl.abort();
  }, [groupId, tick]);

  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    const visible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', visible);
    const off = stream.onMessage((m) => {
      if ((m.type === 'attention' || m.type === 'watch') && m.groupId === groupId) refresh();
    });
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', visible);
      off();
    };
  }, [groupId, refresh, stream]);

  return { status, guidance, refresh };
}
