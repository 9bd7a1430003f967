// Alerts: raise one in a group (placed in every group within reach), read, change status, matches, links, reviews.
import {
  type Alert,
  type AlertId,
  type AlertKind,
  type AlertMatchResult,
  changeAlertStatus,
  type GroupId,
  getAlert,
  linkAlerts,
  listAlertMatches,
  listAlertReviews,
  listGroupAlerts,
  type MediaId,
  raiseAlert,
  reviewAlert,
} from '@fellwatch/core';
import {
  AlertList,
  AlertListQuery,
  AlertMatches,
  AlertResponse,
  ChangeAlertStatus,
  Id,
  LinkAlerts,
  RaiseAlert,
  RaisedAlertResponse,
  ReviewAlert,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { loadAlertViews } from '../../../presenters/alert.js';
import type { Api } from '../api.js';
import { presentRiskHint } from '../safety/present.js';

const GroupParams = z.object({ groupId: Id });
const AlertParams = z.object({ alertId: Id });
const ReviewParams = z.object({ groupId: Id, alertId: Id });

/** Alerts raised per person per minute: a busy night needs a few, a runaway script is stopped. */
export const ALERTS_PER_MINUTE = 20;

/** Registers the alerts endpoints. */
export function registerAlertRoutes(api: Api): void {
  const { ports } = api.ctx;

  async function presentOne(alert: Alert) {
    const [view] = await loadAlertViews(ports.store, [alert]);
    return { alert: view };
  }

  /** Matches as their viewers see them: each candidate alert presented like any other. */
  async function presentMatches(matches: readonly AlertMatchResult[]) {
    const views = await loadAlertViews(
      ports.store,
      matches.map((m) => m.alert),
    );
    return matches.map((m, i) => ({
      alert: views[i],
      score: m.score,
      reasons: m.reasons,
      distanceKm: m.distanceKm,
    }));
  }

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/alerts',
    summary:
      'Raise an alert: shown in this group and every group within reach; repeating a clientId returns the first (200); `risk` when the risk check found it worrying',
    tag: 'alerts',
    auth: 'required',
    params: GroupParams,
    body: RaiseAlert,
    perMinute: ALERTS_PER_MINUTE,
    responses: { 201: RaisedAlertResponse, 200: RaisedAlertResponse },
    handler: async ({ actor, params, body, reply }) => {
      const raised = await raiseAlert(ports, actor, params.groupId as GroupId, {
        clientId: body.clientId,
        details: body.details,
        summary: body.summary,
        ...(body.location ? { location: body.location } : {}),
        ...(body.placeText !== undefined ? { placeText: body.placeText } : {}),
        photoIds: body.photoIds as MediaId[],
        reach: body.reach,
      });
      reply.status(raised.duplicate ? 200 : 201);
      const [{ alert }, matches] = await Promise.all([
        presentOne(raised.alert),
        presentMatches(raised.matches),
      ]);
      return { alert, matches, ...(raised.risk ? { risk: presentRiskHint(raised.risk) } : {}) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/alerts',
    summary: 'Alerts shown in a group, newest first: open ones, or all',
    tag: 'alerts',
    auth: 'required',
    params: GroupParams,
    query: AlertListQuery,
    responses: { 200: AlertList },
    handler: async ({ actor, params, query }) => {
      const alerts = await listGroupAlerts(ports, actor, params.groupId as GroupId, {
        status: query.status,
        ...(query.kind ? { kind: query.kind as AlertKind } : {}),
      });
      return { alerts: await loadAlertViews(ports.store, alerts) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/alerts/:alertId',
    summary: 'One alert, for members of a group it is shown in',
    tag: 'alerts',
    auth: 'required',
    params: AlertParams,
    responses: { 200: AlertResponse },
    handler: async ({ actor, params }) => presentOne(await getAlert(ports, actor, params.alertId as AlertId)),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/alerts/:alertId/status',
    summary:
      'Confirm (officers), resolve with an outcome or retract (the poster, admins of a group it is in, officers)',
    tag: 'alerts',
    auth: 'required',
    params: AlertParams,
    body: ChangeAlertStatus,
    responses: { 200: AlertResponse },
    handler: async ({ actor, params, body }) =>
      presentOne(await changeAlertStatus(ports, actor, params.alertId as AlertId, body)),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/alerts/:alertId/matches',
    summary:
      'Possible matches, stolen for found and the reverse (the poster, admins of a group it is in, officers)',
    tag: 'alerts',
    auth: 'required',
    params: AlertParams,
    responses: { 200: AlertMatches },
    handler: async ({ actor, params }) => ({
      matches: await presentMatches(await listAlertMatches(ports, actor, params.alertId as AlertId)),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/alerts/:alertId/link',
    summary: 'Link a stolen alert and a found one: both are resolved as recovered',
    tag: 'alerts',
    auth: 'required',
    params: AlertParams,
    body: LinkAlerts,
    responses: { 200: AlertResponse },
    handler: async ({ actor, params, body }) =>
      presentOne(await linkAlerts(ports, actor, params.alertId as AlertId, body.otherAlertId as AlertId)),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/alert-reviews',
    summary: "Alerts from other organisations waiting for this group's review (its admins)",
    tag: 'alerts',
    auth: 'required',
    params: GroupParams,
    responses: { 200: AlertList },
    handler: async ({ actor, params }) => ({
      alerts: await loadAlertViews(
        ports.store,
        await listAlertReviews(ports, actor, params.groupId as GroupId),
      ),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/alert-reviews/:alertId',
    summary: 'Accept (show it in the group) or decline an alert from another organisation (its admins)',
    tag: 'alerts',
    auth: 'required',
    params: ReviewParams,
    body: ReviewAlert,
    responses: { 204: null },
    handler: async ({ actor, params, body }) => {
      await reviewAlert(ports, actor, params.groupId as GroupId, params.alertId as AlertId, body.accept);
    },
  });
}
