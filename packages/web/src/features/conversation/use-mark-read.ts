// Marks a group read while its newest messages are on screen, over the stream when it is open, else over HTTP.
import { useEffect, useRef } from 'react';
import { markRead } from '../../api/client.js';
import { useServices } from '../../app/session.js';

/** Sends a read mark (debounced) whenever `visible` and `seq` is past what the server knows. */
export function useMarkRead(groupId: string, seq: number, lastReadSeq: number, visible: boolean): void {
  const { stream, groups } = useServices();
  const sent = useRef(lastReadSeq);
  useEffect(() => {
    sent.current = Math.max(sent.current, lastReadSeq);
  }, [lastReadSeq]);

  useEffect(() => {
    if (!visible || seq <= sent.current) return;
    const timer = setTimeout(() => {
      if (document.visibilityState !== 'visible') return;
      sent.current = seq;
      groups.markRead(groupId, seq);
      if (!stream.send({ type: 'read', groupId, seq })) {
        markRead(groupId, seq).catch(() => {
          // The next visit marks it again; a missed read mark only leaves a count behind.
          sent.current = Math.min(sent.current, lastReadSeq);
        });
      }
    }, 800);
    return () => clearTimeout(timer);
  }, [groupId, seq, visible, stream, groups, lastReadSeq]);
}
