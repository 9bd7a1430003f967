// Managing a watch group: approvals, members, invite links and settings, one section at a time.
import { useEffect, useState } from 'react';
import { useGroups } from '../../app/hooks.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { ErrorBanner, Loading } from '../../ui/banner.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { AlertReviewsSection } from '../alerts/alert-reviews-section.js';
import { InvitesSection } from './invites-section.js';
import { MembersSection } from './members-section.js';
import { SettingsSection } from './settings-section.js';

const SECTIONS = [
  { id: 'members', label: 'Members' },
  { id: 'invites', label: 'Invite links' },
  { id: 'settings', label: 'Settings' },
  { id: 'alerts', label: 'Alerts' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** The page at /groups/:id/admin. */
export function GroupAdminPage({ groupId }: { groupId: string }) {
  const services = useServices();
  const { groups, loading } = useGroups();
  const { query } = useLocation();
  const group = groups?.find((g) => g.id === groupId);
  const [error, setError] = useState<unknown>(null);
  const wanted = query.get('section');
  const section: SectionId = SECTIONS.some((s) => s.id === wanted) ? (wanted as SectionId) : 'members';

  useEffect(() => {
    if (!group && !loading) services.groups.refreshGroup(groupId).catch(setError);
  }, [group, loading, groupId, services.groups]);

  // An admin who manages the group without being in it has no conversation to go back to.
  const back =
    group && group.myStatus !== 'active' ? (
      <Link to="/" className="back-link">
        <BackIcon /> All groups
      </Link>
    ) : (
      <Link to={`/groups/${groupId}`} className="back-link">
        <BackIcon /> Back to the conversation
      </Link>
    );

  if (!group) {
    return (
      <Page title="Manage group" before={back}>
        {error ? <ErrorBanner error={error} /> : <Loading>Loading the group…</Loading>}
      </Page>
    );
  }

  return (
    <Page title={`Manage ${group.name}`} heading={`Manage ${group.name}`} before={back}>
      <nav aria-label="Group management sections" className="section-nav">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="section-nav-item"
            aria-pressed={section === s.id}
            onClick={() => navigate(`/groups/${groupId}/admin?section=${s.id}`, { replace: true })}
          >
            {s.label}
          </button>
        ))}
      </nav>
      {section === 'members' && <MembersSection group={group} />}
      {section === 'invites' && <InvitesSection groupId={groupId} />}
      {section === 'settings' && <SettingsSection group={group} />}
      {section === 'alerts' && <AlertReviewsSection group={group} />}
      <p>
        <Link to={`/groups/${groupId}/escalations`}>Passed to the police: references and outcomes</Link>
      </p>
    </Page>
  );
}
