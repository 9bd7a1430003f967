// Service worker registration and the "new version ready" signal for the update banner.
import { useSyncExternalStore } from 'react';

let needRefresh = false;
let update: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

/** Registers the service worker (production builds only) so the app opens without signal. */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const updateSW = registerSW({
    onNeedRefresh() {
      needRefresh = true;
      for (const l of listeners) l();
    },
  });
  update = () => updateSW(true);
}

/** Whether a newer version is waiting, and a function that switches to it. */
export function useUpdate(): { ready: boolean; apply: () => void } {
  const ready = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => needRefresh,
  );
  return { ready, apply: () => void update?.() };
}
