// Per-user services of a signed-in session: stream, outbox and stores, wired to each other and to the network.
import { postMessage, uploadPhoto } from '../api/client.js';
import { Outbox } from '../api/outbox.js';
import { indexedDbOutboxStorage } from '../api/outbox-storage.js';
import { localCursorStore, StreamClient, streamUrl } from '../api/stream.js';
import type { ServerMessage } from '../api/types.js';
import { GroupsStore } from '../state/groups-store.js';
import { TimelineStore } from '../state/timeline-store.js';

/** Everything a signed-in screen needs besides the API functions. */
export interface Services {
  stream: StreamClient;
  outbox: Outbox;
  groups: GroupsStore;
  timelines: TimelineStore;
  dispose(): void;
}

/** Builds and connects the services for one person; dispose() on sign-out. */
export function createServices(userId: string, onSignedOut: () => void): Services {
  const stream = new StreamClient({
    url: streamUrl(),
    cursors: localCursorStore(userId),
    isOnline: () => navigator.onLine,
  });
  const groups = new GroupsStore(userId);
  const timelines = new TimelineStore(userId, (groupId, lastSeq) => stream.advanceCursor(groupId, lastSeq));
  const outbox = new Outbox({
    userId,
    storage: indexedDbOutboxStorage,
    transport: {
      uploadPhoto: (groupId, blob, name, onProgress) =>
        uploadPhoto(groupId, blob, name, onProgress).then((p) => p.id),
      postMessage,
    },
    isOnline: () => navigator.onLine,
    onSent: (message) => timelines.upsert(message),
  });

  // After a resync the server carries on live from its own sequence: only the data needs fetching again.
  const resync = async (groupId: string) => {
    try {
      if (timelines.entry(groupId).timeline) await timelines.load(groupId);
      else {
        const group = await groups.refreshGroup(groupId);
        stream.advanceCursor(groupId, group.lastSeq);
      }
    } catch {
      // The next reconnect resumes from the cursor and asks again if need be.
    }
  };

  const onMessage = (m: ServerMessage) => {
    switch (m.type) {
      case 'message.posted':
      case 'message.edited':
      case 'message.deleted':
      case 'alert.updated':
        groups.applyEvent(m);
        timelines.applyEvent(m);
        break;
      case 'resync':
        void resync(m.groupId);
        break;
      case 'membership':
        // The server subscribes this socket to a group on approval by itself; the list needs refreshing.
        void groups.refresh();
        if (m.status !== 'active' && m.status !== 'pending') timelines.forget(m.groupId);
        break;
      default:
        break;
    }
  };

  const unsubscribers = [
    stream.onMessage(onMessage),
    stream.onStatus((status) => {
      if (status === 'live') {
        void outbox.flush();
        timelines.reloadSaved();
        const g = groups.getSnapshot();
        if (g.saved || g.error) void groups.refresh();
      }
      if (status === 'signed_out') onSignedOut();
    }),
  ];

  const online = () => {
    stream.handleOnline();
    void outbox.flush();
  };
  const offline = () => stream.handleOffline();
  const visible = () => {
    if (document.visibilityState === 'visible') online();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visible);

  stream.start();
  void groups.refresh();
  void outbox.flush();

  return {
    stream,
    outbox,
    groups,
    timelines,
    dispose() {
      for (const off of unsubscribers) off();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
      stream.stop();
      outbox.dispose();
    },
  };
}
