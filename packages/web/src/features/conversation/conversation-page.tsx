// A watch group's conversation: header with the emergency notice and who is watching, live message list, composer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pendingForGroup } from '../../api/outbox.js';
import type { MessageView } from '../../api/types.js';
import { useGroups, useOnline, useOutbox, useTimeline } from '../../app/hooks.js';
import { Link, useLocation } from '../../app/router.js';
import { useServices, useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { BackIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { AlertLinks } from '../alerts/alert-links.js';
import { Composer } from '../composer/composer.js';
import { useWatchStatus } from '../safety/use-watch-status.js';
import { WatchLine } from '../safety/watch-line.js';
import { EmergencyNotice } from './emergency-notice.js';
import { MessageList } from './message-list.js';
import { jumpStep, jumpTargetOf } from './scroll.js';
import { useMarkRead } from './use-mark-read.js';

/** The conversation screen at /groups/:id. */
export function ConversationPage({ groupId }: { groupId: string }) {
  const { state } = useSession();
  const services = useServices();
  const myId = state.status === 'signed_in' ? state.me.id : '';
  const groupsState = useGroups();
  const group = groupsState.groups?.find((g) => g.id === groupId);
  const [groupError, setGroupError] = useState<unknown>(null);

  // The list may not hold this group yet (a link opened directly, or just approved): ask for it alone.
  useEffect(() => {
    if (group || groupsState.loading) return;
    services.groups.refreshGroup(groupId).catch(setGroupError);
  }, [group, groupsState.loading, groupId, services.groups]);

  const back = (
    <Link to="/" className="back-link">
      <BackIcon /> All groups
    </Link>
  );

  if (!group) {
    return (
      <Page title="Group" before={back}>
        {groupError ? <ErrorBanner error={groupError} /> : <Loading>Loading the group…</Loading>}
      </Page>
    );
  }
  if (group.myStatus === 'pending') {
    return (
      <Page title={group.name} before={back}>
        <Banner kind="info" label="Waiting for approval">
          Your request to join is waiting for an admin's approval. You can read and post once it is approved.
        </Banner>
      </Page>
    );
  }
  if (group.myStatus === null) {
    return (
      <Page title={group.name} before={back}>
        <Banner kind="info" label="Not a member">
          You manage this group but are not in it, so you cannot read or post here.{' '}
          <Link to={`/groups/${groupId}/admin`}>Manage the group</Link> to add yourself.
        </Banner>
      </Page>
    );
  }
  if (group.myStatus !== 'active') {
    return (
      <Page title={group.name} before={back}>
        <Banner kind="warning">You are no longer a member of this group.</Banner>
      </Page>
    );
  }
  return <ActiveConversation groupId={groupId} myId={myId} />;
}

function ActiveConversation({ groupId, myId }: { groupId: string; myId: string }) {
  const { state } = useSession();
  const services = useServices();
  const group = useGroups().groups?.find((g) => g.id === groupId);
  const entry = useTimeline(groupId);
  const outbox = useOutbox();
  const online = useOnline();
  const [replyTo, setReplyTo] = useState<MessageView | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [sentCount, setSentCount] = useState(0);
  const lastReadAtOpen = useRef(group?.lastReadSeq ?? 0);
  const { timeline } = entry;
  const watch = useWatchStatus(groupId);
  const watchedNow = (watch.status?.watchers.length ?? 0) > 0;
  const jump = useJump(groupId, entry);

  const pending = useMemo(
    () => (timeline ? pendingForGroup(outbox.entries, groupId, timeline.messages, myId) : []),
    [outbox.entries, groupId, timeline, myId],
  );
  useMarkRead(
    groupId,
    timeline?.cursor ?? 0,
    group?.lastReadSeq ?? 0,
    atBottom && !!timeline && !entry.saved,
  );

  const onLoadOlder = useCallback(
    () => void services.timelines.loadOlder(groupId),
    [services.timelines, groupId],
  );
  // Platform and organisation admins manage the group even when they are also plain members of it.
  const me = state.status === 'signed_in' ? state.me : undefined;
  const manager =
    group?.myRole === 'admin' ||
    group?.myRole === 'moderator' ||
    me?.isPlatformAdmin === true ||
    (me?.organisations.some((o) => o.isAdmin && o.organisationId === group?.organisationId) ?? false);

  return (
    <Page
      title={group?.name ?? 'Group'}
      className="page-conversation"
      row
      before={
        <Link to="/" className="btn-icon back-icon">
          <BackIcon />
          <span className="visually-hidden">All groups</span>
        </Link>
      }
      heading={
        <>
          {group?.name}
          <span className="conversation-org">{group?.organisationName}</span>
        </>
      }
      aside={
        manager ? (
          <Link to={`/groups/${groupId}/admin`} className="btn btn-secondary btn-small">
            Manage
            <span className="visually-hidden"> group</span>
          </Link>
        ) : (
          <Link to={`/groups/${groupId}/members`} className="btn btn-secondary btn-small">
            Members
          </Link>
        )
      }
    >
      <EmergencyNotice key={groupId} groupId={groupId} guidance={watch.guidance} />
      <WatchLine groupId={groupId} myId={myId} status={watch.status} />
      {jump.notHere && (
        <p className="saved-note" role="status">
          The message you opened is further back than this conversation shows. Use “Show earlier messages” to
          look for it.
        </p>
      )}
      {entry.saved && (
        <p className="saved-note" role="status">
          Showing the messages saved on this phone; newer ones appear when the signal returns.
        </p>
      )}
      {entry.error && !entry.saved ? (
        entry.timeline ? (
          <ErrorBanner error={entry.error} />
        ) : (
          <Banner
            kind="error"
            action={
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void services.timelines.load(groupId)}
              >
                Try again
              </button>
            }
          >
            Messages could not be loaded. {online ? '' : 'There is no signal at the moment.'}
          </Banner>
        )
      ) : null}
      {timeline ? (
        <MessageList
          timeline={timeline}
          pending={pending}
          progress={outbox.sending}
          online={online}
          myId={myId}
          canModerate={manager}
          lastReadAtOpen={lastReadAtOpen.current}
          loadingOlder={entry.loadingOlder}
          onLoadOlder={onLoadOlder}
          onReply={setReplyTo}
          onAtBottomChange={setAtBottom}
          sentCount={sentCount}
          jumpTo={jump.show}
        />
      ) : (
        entry.loading && <Loading>Loading messages…</Loading>
      )}
      <AlertLinks groupId={groupId} />
      <Composer
        groupId={groupId}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSent={() => {
          setReplyTo(null);
          setSentCount((n) => n + 1);
        }}
        centre={group?.area?.kind === 'circle' ? group.area.centre : null}
        guidance={watch.guidance}
        watchedNow={watchedNow}
        online={online}
      />
    </Page>
  );
}

/**
 * The message named in the address (`?message=<id>&seq=<n>`, from the "needs attention" queue): earlier
 * pages are fetched until it is loaded, then the list shows it; `notHere` when it cannot be found.
 */
function useJump(groupId: string, entry: ReturnType<typeof useTimeline>) {
  const services = useServices();
  const { query } = useLocation();
  const target = jumpTargetOf(query);
  const pagesFetched = useRef(0);
  const { timeline } = entry;
  const step =
    target && timeline
      ? jumpStep(timeline, target, {
          pagesFetched: pagesFetched.current,
          loadingOlder: entry.loadingOlder,
          saved: entry.saved,
        })
      : null;
  useEffect(() => {
    if (step !== 'load-older') return;
    pagesFetched.current += 1;
    void services.timelines.loadOlder(groupId);
  }, [step, services.timelines, groupId]);
  return { show: step === 'show' ? (target?.id ?? null) : null, notHere: step === 'not-here' };
}
