// Priority notices on a closed phone: the service worker shows each Web Push message and, when it is
// tapped, opens the group's "needs attention" list. Loaded into the generated service worker by
// vite.config.ts (workbox importScripts); the server's side is packages/server/src/push/notifier.ts.

/** Reads the notice the server sent; anything unreadable still shows a plain notice (a push must show one). */
function readNotice(data) {
  try {
    const notice = data ? data.json() : null;
    return notice && typeof notice === 'object' ? notice : {};
  } catch {
    return {};
  }
}

/** Only a path on this site: a notice can never send the phone elsewhere. */
function pathOf(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

self.addEventListener('push', (event) => {
  const notice = readNotice(event.data);
  const urgent = notice.urgent === true;
  const tag = typeof notice.tag === 'string' && notice.tag ? notice.tag : undefined;
  const title = typeof notice.title === 'string' && notice.title ? notice.title : 'Fellwatch';
  const body =
    typeof notice.body === 'string' && notice.body ? notice.body : 'Open Fellwatch to see what is new.';
  const options = {
    body,
    lang: 'en-GB',
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    data: { url: pathOf(notice.url) },
    // An alarm stays until it is dealt with and sounds even if it replaces an earlier one with its tag;
    // the "dealt with" replacement takes its place without a sound.
    requireInteraction: urgent,
    silent: !urgent,
    ...(urgent ? { vibrate: [300, 100, 300, 100, 600] } : {}),
    ...(tag ? { tag, renotify: urgent } : {}),
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(pathOf(event.notification.data?.url), self.location.origin).href;
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const mine = open.find((client) => new URL(client.url).origin === self.location.origin);
      if (mine) {
        const focused = await mine.focus();
        if (focused.url !== target && 'navigate' in focused) {
          await focused.navigate(target).catch(() => self.clients.openWindow(target));
        }
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
