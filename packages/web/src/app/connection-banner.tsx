// A calm line under the header when there is no signal, the live stream is reconnecting, or it was refused.
import { useEffect, useState } from 'react';
import { plural } from '../ui/format.js';
import { useOnline, useOutbox, useStreamStatus } from './hooks.js';

/** Says plainly what works without signal; silent when all is well. */
export function ConnectionBanner({ savedOnly }: { savedOnly: boolean }) {
  const online = useOnline();
  const status = useStreamStatus();
  const { entries } = useOutbox();
  const waiting = entries.filter((e) => !e.error).length;
  // Brief reconnects are normal on a moving phone: only mention them after a few seconds.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (status !== 'connecting') {
      setSlow(false);
      return;
    }
    const t = setTimeout(() => setSlow(true), 4000);
    return () => clearTimeout(t);
  }, [status]);

  const refused = status === 'refused';
  const offline = !refused && (!online || status === 'offline');
  let text: string | null = null;
  let detail = '';
  if (refused) {
    // Retrying cannot help (the server checks the page's address), so say what will.
    text = 'Live updates are off.';
    detail =
      ' The server refused this page because it was not opened from Fellwatch’s own address. Open Fellwatch at its usual address to see new messages.';
  } else if (offline) {
    text = 'No signal. Messages you write are sent when it returns.';
  } else if (slow) {
    text = 'Reconnecting… New messages will appear when the connection is back.';
  } else if (savedOnly) {
    text = 'Showing information saved on this phone.';
  }
  const queued = waiting > 0 ? ` ${plural(waiting, 'message', 'messages')} waiting.` : '';

  return (
    <div className="connection-banner-slot" role="status">
      {(text || queued) && (
        <p className={offline || refused ? 'connection-banner connection-offline' : 'connection-banner'}>
          {text ? <strong>{text}</strong> : null}
          {detail}
          {queued}
        </p>
      )}
    </div>
  );
}
