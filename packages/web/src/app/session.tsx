// The session: who is signed in (or not), their services, and the ways to sign in and out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getMe, logout } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { onUnauthenticated } from '../api/http.js';
import type { Me } from '../api/types.js';
import { clearSaved, readSaved, writeSaved } from '../state/saved.js';
import { createServices, type Services } from './services.js';

const ME_KEY = 'fellwatch.me';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out'; reason: string | null }
  /** The server could not be reached and nothing is saved on this phone. */
  | { status: 'unreachable' }
  | { status: 'signed_in'; me: Me; services: Services; savedOnly: boolean };

interface SessionApi {
  state: SessionState;
  /** Starts a session for someone the server just signed in. */
  signedIn(me: Me): void;
  /** Signs out on the server, then forgets everything saved on this phone for them. */
  signOut(): Promise<void>;
  /** Asks the server again who is signed in. */
  recheck(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Provides the session to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<'loading' | 'signed_out' | 'unreachable' | 'signed_in'>('loading');
  const [savedOnly, setSavedOnly] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const endLocally = useCallback((why: string | null) => {
    localStorage.removeItem(ME_KEY);
    setMe(null);
    setReason(why);
    setStatus('signed_out');
  }, []);

  // Ask the server who is signed in; with no signal, fall back to the person saved on this phone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to ask again.
  useEffect(() => {
    const ctrl = new AbortController();
    getMe(ctrl.signal)
      .then((m) => {
        writeSaved(ME_KEY, m);
        setMe((prev) => (prev && JSON.stringify(prev) === JSON.stringify(m) ? prev : m));
        setSavedOnly(false);
        setStatus('signed_in');
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) return endLocally(null);
        const saved = readSaved<Me>(ME_KEY);
        if (saved) {
          setMe(saved);
          setSavedOnly(true);
          setStatus('signed_in');
        } else setStatus('unreachable');
      });
    return () => ctrl.abort();
  }, [attempt, endLocally]);

  // Services live as long as the same person is signed in; an effect (not a memo) so they are always disposed.
  const userId = me?.id ?? null;
  const [services, setServices] = useState<Services | null>(null);
  useEffect(() => {
    if (!userId) {
      setServices(null);
      return;
    }
    const s = createServices(userId, () => endLocally('Your session has ended. Please sign in again.'));
    setServices(s);
    return () => s.dispose();
  }, [userId, endLocally]);

  // When a saved session is in use, confirm it with the server as soon as the signal returns.
  useEffect(() => {
    if (!savedOnly || !services) return;
    return services.stream.onStatus((s) => {
      if (s === 'live') setAttempt((n) => n + 1);
    });
  }, [savedOnly, services]);

  useEffect(
    () => onUnauthenticated(() => endLocally('Your session has ended. Please sign in again.')),
    [endLocally],
  );

  const api = useMemo<SessionApi>(() => {
    let state: SessionState;
    // Between sign-in and the services starting, the loading screen shows rather than a half-built app.
    if (status === 'signed_in' && me && services) state = { status, me, services, savedOnly };
    else if (status === 'signed_out') state = { status, reason };
    else if (status === 'unreachable') state = { status };
    else state = { status: 'loading' };
    return {
      state,
      signedIn(m) {
        writeSaved(ME_KEY, m);
        setMe(m);
        setSavedOnly(false);
        setReason(null);
        setStatus('signed_in');
      },
      async signOut() {
        await logout();
        if (me) clearSaved(`fellwatch.groups.${me.id}`);
        if (me) clearSaved(`fellwatch.timeline.${me.id}`);
        endLocally(null);
      },
      recheck() {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
    };
  }, [status, me, services, savedOnly, reason, endLocally]);

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

/** The session API; only inside SessionProvider. */
export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in person's services; only on screens shown when signed in. */
export function useServices(): Services {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useServices while not signed in');
  return state.services;
}
