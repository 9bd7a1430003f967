// The scrolling list of a conversation: earlier pages, the unread marker, queued messages, and bottom-sticking.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { OutboxEntry, SendProgress } from '../../api/outbox.js';
import type { MessageView } from '../../api/types.js';
import type { Timeline } from '../../state/timeline.js';
import { firstUnreadIndex } from '../../state/timeline.js';
import { useConfirm } from '../../ui/confirm.js';
import { plural } from '../../ui/format.js';
import { ArrowDownIcon } from '../../ui/icons.js';
import { AlertMessage } from '../alerts/alert-message.js';
import { MessageItem } from './message-item.js';
import { PendingItem } from './pending-item.js';
import { arrivedAlertId } from './scroll.js';

/** How close to the end (in pixels) still counts as "at the bottom". */
const BOTTOM_SLACK = 64;
/** Space left above a card shown from its top, so its edge is seen. */
const CARD_GAP = 8;

interface MessageListProps {
  timeline: Timeline;
  pending: readonly OutboxEntry[];
  progress: SendProgress | null;
  online: boolean;
  myId: string;
  canModerate: boolean;
  /** My read mark when the conversation was opened: the unread marker stays put while reading. */
  lastReadAtOpen: number;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onReply: (m: MessageView) => void;
  /** Reports whether the newest message is in view (for marking the group read). */
  onAtBottomChange: (atBottom: boolean) => void;
  /** Changes each time I send: the list jumps to the end to show my message. */
  sentCount: number;
  /** A loaded message to bring into view and outline (opened from the "needs attention" queue). */
  jumpTo?: string | null;
}

/** The conversation's messages, oldest at the top. */
export function MessageList(props: MessageListProps) {
  const { timeline, pending, progress, online, myId, canModerate, lastReadAtOpen } = props;
  const { onLoadOlder, onReply, onAtBottomChange, loadingOlder, sentCount, jumpTo = null } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const firstPaint = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const seenCount = useRef(0);
  const newestSeen = useRef<string | null>(null);
  const jumped = useRef<string | null>(null);
  const [outlined, setOutlined] = useState<string | null>(null);
  const [unseenBelow, setUnseenBelow] = useState(0);
  const [confirmDialog, confirm] = useConfirm();

  const messages = timeline.messages;
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const unreadAt = useMemo(
    () => firstUnreadIndex(messages, lastReadAtOpen, myId),
    [messages, lastReadAtOpen, myId],
  );
  const itemCount = messages.length + pending.length;

  const scrollToBottom = useCallback(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseenBelow(0);
    onAtBottomChange(true);
  }, [onAtBottomChange]);

  // After every change: keep an older page from pushing the view, follow new messages only when at the
  // bottom, and show a new alert card taller than the view from its top (kind and status), not its end.
  // The messages are a dependency too: an edit changes heights without changing the count.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (firstPaint.current) {
      firstPaint.current = false;
      const marker = el.querySelector<HTMLElement>('.unread-marker');
      if (marker) {
        el.scrollTop = marker.offsetTop - 8;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
        onAtBottomChange(atBottom.current);
      } else scrollToBottom();
    } else if (atBottom.current) {
      const arrived = arrivedAlertId(messages, newestSeen.current);
      const card = arrived ? document.getElementById(`m-${arrived}`) : null;
      if (card && card.offsetHeight > el.clientHeight) {
        el.scrollTop += card.getBoundingClientRect().top - el.getBoundingClientRect().top - CARD_GAP;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
        onAtBottomChange(atBottom.current);
      } else el.scrollTop = el.scrollHeight;
    } else if (itemCount > seenCount.current) {
      setUnseenBelow((n) => n + (itemCount - seenCount.current));
    }
    // A message asked for (from the queue) wins over all of the above, once, as soon as it is loaded.
    const target = jumpTo && jumped.current !== jumpTo ? document.getElementById(`m-${jumpTo}`) : null;
    if (target && jumpTo) {
      jumped.current = jumpTo;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      setOutlined(jumpTo);
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
      onAtBottomChange(atBottom.current);
    }
    seenCount.current = itemCount;
    newestSeen.current = messages[messages.length - 1]?.id ?? null;
  }, [itemCount, messages, jumpTo, onAtBottomChange, scrollToBottom]);

  useEffect(() => {
    if (sentCount > 0) scrollToBottom();
  }, [sentCount, scrollToBottom]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      onAtBottomChange(bottom);
    }
    if (bottom) setUnseenBelow(0);
  };

  const loadOlder = () => {
    heightBeforeOlder.current = scroller.current?.scrollHeight ?? null;
    onLoadOlder();
  };

  const showMessage = useCallback((id: string) => {
    const target = document.getElementById(`m-${id}`);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }, []);

  return (
    <div className="messages-wrap">
      <div className="messages" ref={scroller} onScroll={onScroll}>
        {timeline.hasOlder ? (
          <div className="load-older">
            <button type="button" className="btn btn-secondary" onClick={loadOlder} disabled={loadingOlder}>
              {loadingOlder ? 'Loading earlier messages…' : 'Show earlier messages'}
            </button>
          </div>
        ) : (
          <p className="conversation-start">This is the start of the conversation.</p>
        )}
        {messages.length === 0 && pending.length === 0 && (
          <p className="empty">No messages yet. Anything you post is seen by every member of this group.</p>
        )}
        <div role="log" aria-label="Messages">
          <ol className="message-list">
            {messages.map((m, i) => (
              <MessageRow
                key={m.id}
                showMarker={i === unreadAt}
                outlined={m.id === outlined}
                message={m}
                mine={m.author.id === myId}
                canModerate={canModerate}
                repliedTo={m.replyToId ? byId.get(m.replyToId) : undefined}
                onReply={onReply}
                onShowMessage={showMessage}
                confirm={confirm}
              />
            ))}
            {pending.map((e) => (
              <PendingItem
                key={e.clientId}
                entry={e}
                progress={progress?.clientId === e.clientId ? progress : null}
                online={online}
              />
            ))}
          </ol>
        </div>
      </div>
      {unseenBelow > 0 && (
        <button type="button" className="btn btn-primary jump-to-newest" onClick={scrollToBottom}>
          <ArrowDownIcon /> {plural(unseenBelow, 'new message', 'new messages')} below
        </button>
      )}
      {confirmDialog}
    </div>
  );
}

function MessageRow({ showMarker, ...rest }: { showMarker: boolean } & Parameters<typeof MessageItem>[0]) {
  // An alert's placement shows as its card; messages saved on the phone before alerts existed have no field.
  const alert = rest.message.deleted ? null : rest.message.alert;
  return (
    <>
      {showMarker && (
        <li className="unread-marker" aria-label="New messages start here">
          <span>New messages</span>
        </li>
      )}
      {alert ? (
        <AlertMessage message={rest.message} alert={alert} onReply={rest.onReply} outlined={rest.outlined} />
      ) : (
        <MessageItem {...rest} />
      )}
    </>
  );
}
