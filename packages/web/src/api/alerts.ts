// The alert routes of docs/api-routes.md as typed functions: raise, list, status, matches, link, reviews, places.
import { request } from './http.js';
import type {
  AlertKind,
  AlertMatch,
  AlertRaised,
  AlertView,
  ChangeAlertStatus,
  GeoPoint,
  RaiseAlert,
  ResolvedPlace,
} from './types.js';

const enc = encodeURIComponent;

/** Raises an alert in a group; a repeated clientId returns the first copy instead of a second alert. */
export const raiseAlert = (groupId: string, body: RaiseAlert) =>
  request<AlertRaised>('POST', `/groups/${enc(groupId)}/alerts`, body);

/** The alerts shown in a group: open ones (unverified or confirmed), or all. */
export const listGroupAlerts = (
  groupId: string,
  filter: { status?: 'open' | 'all'; kind?: AlertKind } = {},
  signal?: AbortSignal,
) => {
  const q = new URLSearchParams({ status: filter.status ?? 'open' });
  if (filter.kind) q.set('kind', filter.kind);
  return request<{ alerts: AlertView[] }>('GET', `/groups/${enc(groupId)}/alerts?${q}`, undefined, {
    signal,
  }).then((r) => r.alerts);
};

/** One alert shown in a group I am in. */
export const getAlert = (alertId: string, signal?: AbortSignal) =>
  request<{ alert: AlertView }>('GET', `/alerts/${enc(alertId)}`, undefined, { signal }).then((r) => r.alert);

/** Confirms, resolves (with an outcome) or retracts an alert. */
export const changeAlertStatus = (alertId: string, body: ChangeAlertStatus) =>
  request<{ alert: AlertView }>('POST', `/alerts/${enc(alertId)}/status`, body).then((r) => r.alert);

/** Open alerts that may be the same thing: stolen for a found one, and the reverse. */
export const getAlertMatches = (alertId: string, signal?: AbortSignal) =>
  request<{ matches: AlertMatch[] }>('GET', `/alerts/${enc(alertId)}/matches`, undefined, { signal }).then(
    (r) => r.matches,
  );

/** Links two alerts as the same thing and resolves both as recovered. */
export const linkAlerts = (alertId: string, otherAlertId: string) =>
  request<{ alert: AlertView }>('POST', `/alerts/${enc(alertId)}/link`, { otherAlertId }).then(
    (r) => r.alert,
  );

/** Alerts from other organisations waiting for a group admin's decision. */
export const listAlertReviews = (groupId: string, signal?: AbortSignal) =>
  request<{ alerts: AlertView[] }>('GET', `/groups/${enc(groupId)}/alert-reviews`, undefined, {
    signal,
  }).then((r) => r.alerts);

/** Shows (accept) or turns away (decline) an alert from another organisation in this group. */
export const reviewAlert = (groupId: string, alertId: string, accept: boolean) =>
  request<void>('POST', `/groups/${enc(groupId)}/alert-reviews/${enc(alertId)}`, { accept });

/** Resolves a typed place (grid reference, coordinates, plus code, ///what3words, postcode). */
export const resolvePlace = (text: string, near?: GeoPoint | null, signal?: AbortSignal) => {
  const q = new URLSearchParams({ text });
  if (near) q.set('near', `${near.lat.toFixed(5)},${near.lng.toFixed(5)}`);
  return request<ResolvedPlace>('GET', `/places/resolve?${q}`, undefined, { signal });
};
