// Marks a group read while its newest messages are on screen, over the stream when it is open, else over HTTP.
import { useEffect, useRef } from 'react';
import { markRead } from '../../api/client.js';
import { useServices } from '../../app/session.js';

/** Sends a read mark (debounced) whenever `visible` and `seq` is past what the server knows. */
export function useMarkRead(groupId: string, seq: number, lastReadSeq: number, visible: boolean): void {
  const { stream, groups } = useServices();
  const sent = useRef(lastReadSeq);
  // A mark waiting out the debounce; leaving the conversation sends it rather than dropping it.
  const due = useRef<(() => void) | null>(null);
  useEffect(() => {
    sent.current = Math.max(sent.current, lastReadSeq);
  }, [lastReadSeq]);

  // Going back to the list straight after reading still counts as having read. Declared before the
  // debounce so that, on unmount, its cleanup runs while the due mark is still there.
  useEffect(
    () => () => {
      if (document.visibilityState === 'visible') due.current?.();
    },
    [],
  );

  useEffect(() => {
    if (!visible || seq <= sent.current) return;
    const mark = () => {
      due.current = null;
      sent.current = seq;
      groups.markRead(groupId, seq);
      if (!stream.send({ type: 'read', groupId, seq })) {
        markRead(groupId, seq).catch(() => {
          // The next visit marks it again; a missed read mark only leaves a count behind.
          sent.current = Math.min(sent.current, lastReadSeq);
        });
      }
    };
    due.current = mark;
    const timer = setTimeout(() => {
      if (document.visibilityState === 'visible') mark();
    }, 800);
    return () => {
      clearTimeout(timer);
      if (due.current === mark) due.current = null;
    };
  }, [groupId, seq, visible, stream, groups, lastReadSeq]);
}
