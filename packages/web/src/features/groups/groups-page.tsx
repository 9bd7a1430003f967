// My watch groups: unread counts in words, notes for requests still waiting, and groups I only manage.
import type { MyGroup } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { splitGroups } from '../../state/groups.js';
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
      {groups && groups.length > 0 && <GroupLists groups={groups} />}
    </Page>
  );
}

// Groups an admin manages without being in them open their management screen: the conversation is
// for members only. The headings appear only when there are such groups.
function GroupLists({ groups }: { groups: readonly MyGroup[] }) {
  const { mine, managed } = splitGroups(groups);
  if (managed.length === 0) {
    return (
      <ul className="card-list" aria-label="Watch groups">
        {mine.map((g) => (
          <GroupCard key={g.id} group={g} />
        ))}
      </ul>
    );
  }
  return (
    <>
      <section aria-labelledby="groups-in-h">
        <h2 id="groups-in-h">Groups you are in</h2>
        {mine.length === 0 ? (
          <p className="muted">
            You are not a member of any group. Add yourself from a group's Members section.
          </p>
        ) : (
          <ul className="card-list" aria-label="Watch groups">
            {mine.map((g) => (
              <GroupCard key={g.id} group={g} Title="h3" />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="groups-managed-h">
        <h2 id="groups-managed-h">Groups you manage</h2>
        <p className="muted">
          You are not a member of these, so you cannot read them. Open one to manage it.
        </p>
        <ul className="card-list" aria-label="Groups you manage">
          {managed.map((g) => (
            <GroupCard key={g.id} group={g} Title="h3" />
          ))}
        </ul>
      </section>
    </>
  );
}

function GroupCard({ group, Title = 'h2' }: { group: MyGroup; Title?: 'h2' | 'h3' }) {
  if (group.myStatus === 'pending') {
    return (
      <li className="card card-pending">
        <Title className="card-title">{group.name}</Title>
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
        <Title className="card-title">
          <Link to={`/groups/${group.id}/admin`} className="stretched-link">
            {group.name}
          </Link>
        </Title>
        <p className="muted">{group.organisationName}</p>
        <p className="muted small">Members, invite links and settings</p>
      </li>
    );
  }
  if (group.myStatus !== 'active') {
    return (
      <li className="card card-inactive">
        <Title className="card-title">{group.name}</Title>
        <p className="status-tag">{statusText(group.myStatus)}</p>
      </li>
    );
  }
  const manager = group.myRole === 'admin' || group.myRole === 'moderator';
  return (
    <li className="card card-link">
      <Title className="card-title">
        <Link to={`/groups/${group.id}`} className="stretched-link">
          {group.name}
        </Link>
      </Title>
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
