// The screens of this feature by address; null when the address is not one of them.
import { lazy, type ReactNode } from 'react';
import { matchPath } from '../../app/paths.js';

// Escalation screens are opened rarely, by admins and officers: they load on demand.
const EscalatePage = lazy(() => import('./escalate-page.js').then((m) => ({ default: m.EscalatePage })));
const EscalationPage = lazy(() =>
  import('./escalation-page.js').then((m) => ({ default: m.EscalationPage })),
);
const EscalationListPage = lazy(() =>
  import('./escalation-list-page.js').then((m) => ({ default: m.EscalationListPage })),
);
const MyReportsPage = lazy(() => import('./my-reports-page.js').then((m) => ({ default: m.MyReportsPage })));

/** The screen for `path`, or null. Screens load on demand (React.lazy) to keep the first download small. */
export function escalationsRoute(path: string, query: URLSearchParams): ReactNode | null {
  if (path === '/escalate') {
    return (
      <EscalatePage
        groupId={query.get('group')}
        messageId={query.get('message')}
        alertId={query.get('alert')}
      />
    );
  }
  if (path === '/escalations/mine') return <MyReportsPage />;
  const one = matchPath('/escalations/:id', path);
  if (one?.id) return <EscalationPage key={one.id} escalationId={one.id} />;
  const group = matchPath('/groups/:id/escalations', path);
  if (group?.id) {
    return (
      <EscalationListPage
        key={group.id}
        scope={{ kind: 'group', id: group.id }}
        status={query.get('status')}
      />
    );
  }
  const organisation = matchPath('/organisations/:id/escalations', path);
  if (organisation?.id) {
    return (
      <EscalationListPage
        key={organisation.id}
        scope={{ kind: 'organisation', id: organisation.id }}
        status={query.get('status')}
      />
    );
  }
  return null;
}
