// The screens of this feature by address; null when the address is not one of them.
import { lazy, type ReactNode } from 'react';

// A missing person's screens carry the map: loaded when first opened.
const SightingsPage = lazy(() => import('./sightings-page.js').then((m) => ({ default: m.SightingsPage })));
const RecordPage = lazy(() => import('./record-page.js').then((m) => ({ default: m.RecordPage })));

const ID = '([0-9A-HJKMNP-TV-Z]{26})';
const SIGHTINGS = new RegExp(`^/groups/${ID}/alerts/${ID}$`);
const RECORD = new RegExp(`^/groups/${ID}/alerts/${ID}/record$`);

/** The screen for `path`, or null. Screens load on demand (React.lazy) to keep the first download small. */
export function missingRoute(path: string, _query: URLSearchParams): ReactNode | null {
  const sightings = SIGHTINGS.exec(path);
  if (sightings?.[1] && sightings[2]) {
    return <SightingsPage key={sightings[2]} groupId={sightings[1]} alertId={sightings[2]} />;
  }
  const record = RECORD.exec(path);
  if (record?.[1] && record[2]) return <RecordPage key={record[2]} groupId={record[1]} alertId={record[2]} />;
  return null;
}
