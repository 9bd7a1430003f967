// Who is in a group, as any member sees it: display names, roles and verified badges, nothing private.
import { useEffect, useState } from 'react';
import { listMembers } from '../../api/client.js';
import type { ListedMember } from '../../api/types.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { badgeText, plural } from '../../ui/format.js';
import { BackIcon, ShieldIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';

/** The page at /groups/:id/members. */
export function GroupMembersPage({ groupId }: { groupId: string }) {
  const group = useGroups().groups?.find((g) => g.id === groupId);
  const [members, setMembers] = useState<ListedMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMembers(groupId)
      .then((all) => setMembers(all.filter((m) => m.status === 'active')))
      .catch(setError);
  }, [groupId]);

  const title = group ? `Members of ${group.name}` : 'Members';
  return (
    <Page
      title={title}
      before={
        <Link to={`/groups/${groupId}`} className="back-link">
          <BackIcon /> Back to the conversation
        </Link>
      }
    >
      <ErrorBanner error={error} />
      {!members && !error && <Loading>Loading members…</Loading>}
      {members && (
        <>
          <p className="muted">
            {plural(members.length, 'member', 'members')}. Contact details stay private.
          </p>
          <ul className="card-list" aria-label="Members">
            {members.map((m) => (
              <li key={m.id} className="card">
                <p className="card-title">{m.displayName}</p>
                {m.role !== 'member' && (
                  <p className="role-tag">{m.role === 'admin' ? 'Group admin' : 'Moderator'}</p>
                )}
                {m.badges.length > 0 && (
                  <p className="badge-line">
                    {m.badges.map((b) => (
                      <span key={`${b.organisationId}-${b.affiliation}`} className="verified-badge">
                        <ShieldIcon size={14} /> {badgeText(b)}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
