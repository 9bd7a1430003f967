// The screens of this feature by address; null when the address is not one of them.
import { lazy, type ReactNode } from 'react';
import { matchPath } from '../../app/paths.js';

// Visited by officers and admins only: loaded on demand.
const WatchPage = lazy(() => import('./watch-page.js').then((m) => ({ default: m.WatchPage })));
const AttentionQueuesPage = lazy(() =>
  import('./attention-page.js').then((m) => ({ default: m.AttentionQueuesPage })),
);
const GroupAttentionPage = lazy(() =>
  import('./attention-page.js').then((m) => ({ default: m.GroupAttentionPage })),
);

/** The screen for `path`, or null. Screens load on demand (React.lazy) to keep the first download small. */
export function safetyRoute(path: string, _query: URLSearchParams): ReactNode | null {
  if (path === '/watch') return <WatchPage />;
  if (path === '/attention') return <AttentionQueuesPage />;
  const queue = matchPath('/groups/:id/attention', path);
  if (queue?.id) return <GroupAttentionPage key={queue.id} groupId={queue.id} />;
  return null;
}
