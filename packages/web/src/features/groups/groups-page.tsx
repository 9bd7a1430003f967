// My watch groups: unread counts in words, and plain notes for requests still waiting for approval.
import type { MyGroup } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { sortGroups } from '../../state/groups.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { plural } from '../../ui/format.js';
import { ClockIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';

/** The home screen for a signed-in person. */
export function GroupsPage() {
  const { state } = useSession();
  const { groups, loading, error, saved } = useGroups();
  const me = state.status === 'signed_in' ? state.me : null;
  const isAdmin = !!me && (me.isPlatformAdmin || me.organisations.some((o) => o.isAdmin));

  return (
    <Page title="Your groups">
      {me && <p className="lead">Signed in as {me.displayName}.</p>}
      {error && groups ? (
        <Banner kind="warning">
          Could not refresh your groups{saved ? ': showing the list saved on this phone.' : '.'}
        </Banner>
      ) : (
        <ErrorBanner error={error} />
      )}
      {!groups && loading && <Loading>Loading your groups…</Loading>}
      {groups && groups.length === 0 && (
        <div className="empty">
          <p>You are not in any watch group yet.</p>
          <p className="muted">
            {isAdmin
              ? 'Create a group from the Admin page, or ask for an invite link.'
              : 'Ask your local group admin for an invite link, then open it on this phone.'}
          </p>
        </div>
      )}
      {groups && groups.length > 0 && (
        <ul className="card-list" aria-label="Watch groups">
          {sortGroups(groups).map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function GroupCard({ group }: { group: MyGroup }) {
  if (group.myStatus === 'pending') {
    return (
      <li className="card card-pending">
        <h2 className="card-title">{group.name}</h2>
        <p className="muted">{group.organisationName}</p>
        <p className="status-tag">
          <ClockIcon /> Waiting for an admin's approval
        </p>
        <p className="muted small">
          You can read and post once an admin of this group has approved your request.
        </p>
      </li>
    );
  }
  if (group.myStatus === null) {
    // A platform or organisation admin who manages the group without being in it.
    return (
      <li className="card card-link">
        <h2 className="card-title">
          <Link to={`/groups/${group.id}/admin`} className="stretched-link">
            {group.name}
          </Link>
        </h2>
        <p className="muted">{group.organisationName}</p>
        <p className="muted small">You manage this group but are not a member of it.</p>
      </li>
    );
  }
  if (group.myStatus !== 'active') {
    return (
      <li className="card card-inactive">
        <h2 className="card-title">{group.name}</h2>
        <p className="status-tag">{statusText(group.myStatus)}</p>
      </li>
    );
  }
  const manager = group.myRole === 'admin' || group.myRole === 'moderator';
  return (
    <li className="card card-link">
      <h2 className="card-title">
        <Link to={`/groups/${group.id}`} className="stretched-link">
          {group.name}
        </Link>
      </h2>
      <p className="muted">{group.organisationName}</p>
      <div className="card-meta">
        {group.unread > 0 ? (
          <span className="count-badge">{plural(group.unread, 'new message', 'new messages')}</span>
        ) : (
          <span className="muted small">No new messages</span>
        )}
        {manager && (
          <span className="role-tag">{group.myRole === 'admin' ? 'You are an admin' : 'Moderator'}</span>
        )}
      </div>
    </li>
  );
}

function statusText(status: MyGroup['myStatus']): string {
  if (status === 'declined') return 'Your request to join was declined';
  if (status === 'banned') return 'You have been banned from this group';
  return 'You are no longer a member';
}
