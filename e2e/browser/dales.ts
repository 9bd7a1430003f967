// The alerts story's geography, built through the public API: two forces, watch groups around real places, members.
import {
  acceptInvite,
  createInvite,
  createOrganisation,
  decide,
  newAccount,
  type Person,
  setupPlatformAdmin,
} from '../support/bootstrap.js';
import { expectStatus } from '../support/http.js';
import type { RunningServer } from '../support/server.js';

/** A point on the map, in degrees. */
export interface Point {
  lat: number;
  lng: number;
}

/** Middleton-in-Teesdale. */
export const MIDDLETON: Point = { lat: 54.625, lng: -2.081 };
/** Stanhope in Weardale, about 14 km north of Middleton. */
export const STANHOPE: Point = { lat: 54.748, lng: -2.006 };
/** Alston, over the county line in Cumbria, about 31 km north-west of Middleton. */
export const ALSTON: Point = { lat: 54.811, lng: -2.439 };
/** Shrewsbury, about 218 km south of Middleton. */
export const SHREWSBURY: Point = { lat: 52.707, lng: -2.754 };

/** How a group treats alerts raised in other organisations' groups. */
export type ExternalAlerts = 'always' | 'never' | 'review';

/** A watch group of the story and the one member who watches it on their phone. */
export interface DaleGroup {
  id: string;
  name: string;
  member: Person;
}

/** Everything the story needs before anyone picks up a phone. */
export interface Dales {
  admin: Person;
  durham: { id: string; name: string };
  cumbria: { id: string; name: string };
  teesdale: DaleGroup;
  weardale: DaleGroup;
  alston: DaleGroup;
  shropshire: DaleGroup;
}

/** Creates a group with a circular area of `radiusKm` around `centre` (platform admins only). */
async function createAreaGroup(
  admin: Person,
  organisationId: string,
  name: string,
  centre: Point,
  externalAlerts: ExternalAlerts,
  radiusKm = 10,
): Promise<{ id: string; name: string }> {
  const path = '/api/v1/groups';
  const body = {
    organisationId,
    name,
    description: `Farms and homes around ${name}.`,
    rules: 'Be kind. Report crime to 101 or 999 first.',
    area: { kind: 'circle', centre, radiusKm },
    externalAlerts,
    vettingQuestions: ['Which farm or house are you at?'],
  };
  return expectStatus('POST', path, await admin.api.request('POST', path, body), 201).body.group;
}

/** Makes the group, and one person who joins it through an invite and is approved. */
async function groupWithMember(
  server: RunningServer,
  admin: Person,
  organisationId: string,
  group: { name: string; centre: Point; externalAlerts: ExternalAlerts; member: string },
): Promise<DaleGroup> {
  const made = await createAreaGroup(admin, organisationId, group.name, group.centre, group.externalAlerts);
  const invite = await createInvite(admin, made.id);
  const member = await acceptInvite(server.url, invite.token, newAccount(group.member), ['Low Side Farm']);
  await decide(admin, made.id, member.me.id, 'approve');
  return { id: made.id, name: made.name, member };
}

/**
 * The platform admin, Durham's force with Teesdale, Weardale and a far Shropshire group, and Cumbria's
 * force with Alston Moor, which takes alerts from other forces; one member in each group.
 * Durham's groups keep the default of reviewing alerts from outside.
 */
export async function buildDales(server: RunningServer, names: Record<string, string>): Promise<Dales> {
  const admin = await setupPlatformAdmin(server);
  const durham = await createOrganisation(admin, 'Durham Rural Watch');
  const cumbria = await createOrganisation(admin, 'Cumbria Rural Watch');
  const [teesdale, weardale, shropshire, alston] = await Promise.all([
    groupWithMember(server, admin, durham.id, {
      name: 'Teesdale Farm Watch',
      centre: MIDDLETON,
      externalAlerts: 'review',
      member: names.teesdale ?? 'Teesdale member',
    }),
    groupWithMember(server, admin, durham.id, {
      name: 'Weardale Farm Watch',
      centre: STANHOPE,
      externalAlerts: 'review',
      member: names.weardale ?? 'Weardale member',
    }),
    groupWithMember(server, admin, durham.id, {
      name: 'Shropshire Hills Watch',
      centre: SHREWSBURY,
      externalAlerts: 'review',
      member: names.shropshire ?? 'Shropshire member',
    }),
    groupWithMember(server, admin, cumbria.id, {
      name: 'Alston Moor Watch',
      centre: ALSTON,
      externalAlerts: 'always',
      member: names.alston ?? 'Alston member',
    }),
  ]);
  return { admin, durham, cumbria, teesdale, weardale, alston, shropshire };
}
