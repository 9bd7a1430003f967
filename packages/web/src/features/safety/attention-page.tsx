// The "needs attention" queues: every queue I see at /attention, and one group's flagged messages at
// /groups/:id/attention with "Mark handled" and a link to each message in the conversation. Flags are
// shown only here, never in the conversation.
import { useCallback, useEffect, useState } from 'react';
import { type AttentionItem, listAttention, markHandled } from '../../api/safety.js';
import { useGroups } from '../../app/hooks.js';
import { Link } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { messageTime, plural } from '../../ui/format.js';
import { BackIcon, PhoneIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { alertHeading } from '../alerts/labels.js';
import { useAttention } from './attention-store.js';
import { categoryText, distinctCues, telHref } from './guidance.js';
import { savedGuidance } from './use-watch-status.js';
import './safety.css';

/** The page at /attention: the queues I see, those with open flags first. */
export function AttentionQueuesPage() {
  const { state, store } = useAttention();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void store.refresh().finally(() => setLoaded(true));
  }, [store]);
  const queues = [...state.queues].sort((a, b) => b.open - a.open || a.groupName.localeCompare(b.groupName));
  return (
    <Page title="Needs attention">
      <p className="lead">Messages the risk check thinks may mean someone is in danger, by group.</p>
      {!loaded && queues.length === 0 && <Loading>Loading…</Loading>}
      {loaded && queues.length === 0 && (
        <Banner kind="info">
          These lists are for group admins and moderators, and for police officers in their groups.
        </Banner>
      )}
      {queues.length > 0 && (
        <ul className="card-list">
          {queues.map((q) => (
            <li key={q.groupId} className="card">
              <p className="card-title">
                <Link to={`/groups/${q.groupId}/attention`}>{q.groupName}</Link>
              </p>
              <p className={q.open > 0 ? 'field-error' : 'muted'}>
                {q.open > 0
                  ? `${plural(q.open, 'message needs', 'messages need')} attention`
                  : 'Nothing open'}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/watch">Go on watch</Link> so members can see someone is there.
      </p>
    </Page>
  );
}

type Shown = 'open' | 'handled';

/** The page at /groups/:id/attention. */
export function GroupAttentionPage({ groupId }: { groupId: string }) {
  const { stream } = useServices();
  const { store } = useAttention();
  const group = useGroups().groups?.find((g) => g.id === groupId);
  const [shown, setShown] = useState<Shown>('open');
  const [items, setItems] = useState<AttentionItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const guidance = savedGuidance(groupId);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the trigger to ask again.
  useEffect(() => {
    const ctrl = new AbortController();
    listAttention(groupId, shown, ctrl.signal)
      .then((list) => {
        setItems(list);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [groupId, shown, tick]);

  useEffect(() => {
    store.dismiss();
    return stream.onMessage((m) => {
      if (m.type === 'attention' && m.groupId === groupId) setTick((t) => t + 1);
    });
  }, [groupId, store, stream]);

  const handle = useCallback(
    async (item: AttentionItem) => {
      setError(null);
      try {
        await markHandled(groupId, item.id);
        setTick((t) => t + 1);
        void store.refresh();
      } catch (err) {
        setError(err);
      }
    },
    [groupId, store],
  );

  return (
    <Page
      title="Needs attention"
      before={
        <Link to={`/groups/${groupId}`} className="back-link">
          <BackIcon /> {group?.name ?? 'The group'}
        </Link>
      }
    >
      <p className="queue-call">
        If anyone is in danger now:{' '}
        <a href={telHref(guidance.emergencyNumber)} className="btn btn-danger btn-small">
          <PhoneIcon /> Call {guidance.emergencyNumber}
        </a>
      </p>
      <fieldset className="queue-tabs">
        <legend className="visually-hidden">Which messages</legend>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          aria-pressed={shown === 'open'}
          onClick={() => setShown('open')}
        >
          Open
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          aria-pressed={shown === 'handled'}
          onClick={() => setShown('handled')}
        >
          Handled
        </button>
      </fieldset>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {!items && !error && <Loading>Loading…</Loading>}
      {items && items.length === 0 && (
        <p className="empty">
          {shown === 'open' ? 'Nothing needs attention here now.' : 'Nothing handled yet.'}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="attention-list" aria-label={shown === 'open' ? 'Open' : 'Handled'}>
          {items.map((item) => (
            <AttentionCard key={item.id} item={item} onHandle={handle} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function AttentionCard({ item, onHandle }: { item: AttentionItem; onHandle: (item: AttentionItem) => void }) {
  const [busy, setBusy] = useState(false);
  const author = item.message?.author.displayName ?? 'A member';
  const handled = item.state === 'handled';
  const alert = item.message?.alert;
  return (
    <li className={handled ? 'card attention-item attention-item-handled' : 'card attention-item'}>
      <ul className="attention-categories" aria-label="What the check found">
        {item.categories.map((c) => (
          <li key={c}>{categoryText(c)}</li>
        ))}
      </ul>
      <p className="attention-meta">
        {author} · {messageTime(item.createdAt)}
        {item.message?.deleted ? ' · since deleted by its author' : ''}
      </p>
      {alert && <p className="attention-alert">Alert: {alertHeading(alert.details)}</p>}
      <blockquote className="attention-text">{item.text || '(no text)'}</blockquote>
      {item.message && (
        <p>
          <Link to={`/groups/${item.groupId}?message=${item.message.id}&seq=${item.message.seq}`}>
            See it in the conversation
          </Link>
        </p>
      )}
      {item.cues.length > 0 && (
        <p className="attention-meta">
          Words that counted:{' '}
          {distinctCues(item.cues)
            .map((c) => `“${c}”`)
            .join(', ')}
        </p>
      )}
      {handled ? (
        <p className="attention-meta">
          Handled by {item.handledBy?.displayName ?? 'someone'}
          {item.handledAt ? ` · ${messageTime(item.handledAt)}` : ''}
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onHandle(item);
            setBusy(false);
          }}
        >
          {busy ? 'Saving…' : 'Mark handled'}
        </button>
      )}
    </li>
  );
}
