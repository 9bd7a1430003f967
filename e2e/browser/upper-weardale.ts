// The missing-person story's people and places, built through the public API, and the phones they hold.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
import { ALSTON, MIDDLETON, type Point, STANHOPE } from './dales.js';
import { newPhone, seen } from './support.js';

/** A watch group of the story. */
export interface StoryGroup {
  id: string;
  name: string;
}

/** Everyone and everywhere the story needs before anyone picks up a phone. */
export interface UpperWeardale {
  durham: { id: string; name: string };
  cumbria: { id: string; name: string };
  /** Around Stanhope, where she is last seen; the alert is raised here. */
  weardale: StoryGroup;
  /** Around Middleton-in-Teesdale, about 14 km from Stanhope. */
  teesdale: StoryGroup;
  /** Alston Moor, about 29 km from Stanhope in another force that takes every outside alert. */
  alston: StoryGroup;
  /** Her daughter, a plain member of Weardale, who files the profile. */
  family: Person;
  /** A Durham police officer who is a member of Weardale. */
  officer: Person;
  weardaleMember: Person;
  teesdaleMember: Person;
  alstonMember: Person;
}

/** The names the people go by in the story. */
export interface StoryNames {
  family: string;
  officer: string;
  weardale: string;
  teesdale: string;
  alston: string;
}

/** Creates a group with a small circular area, so distances are measured from near its centre. */
async function areaGroup(
  admin: Person,
  organisationId: string,
  name: string,
  centre: Point,
  radiusKm: number,
  externalAlerts: 'always' | 'never' | 'review',
): Promise<StoryGroup> {
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
  const made = expectStatus('POST', path, await admin.api.request('POST', path, body), 201).body.group;
  return { id: made.id, name: made.name };
}

/** Someone who joins the group through an invite and is approved. */
async function approvedMember(
  server: RunningServer,
  admin: Person,
  group: StoryGroup,
  displayName: string,
): Promise<Person> {
  const invite = await createInvite(admin, group.id);
  const person = await acceptInvite(server.url, invite.token, newAccount(displayName), ['West Side Farm']);
  await decide(admin, group.id, person.me.id, 'approve');
  return person;
}

/**
 * Durham's force with Weardale (5 km around Stanhope) and Teesdale (5 km around Middleton, its edge
 * about 9.5 km from Stanhope); Cumbria's force with Alston Moor (2 km around Alston, its edge about
 * 26.6 km from Stanhope), which accepts every outside alert, so only distance keeps an alert out.
 * The officer is verified by Durham before signing in, so their phone knows them as an officer.
 */
export async function buildUpperWeardale(server: RunningServer, names: StoryNames): Promise<UpperWeardale> {
  const admin = await setupPlatformAdmin(server);
  const [durham, cumbria] = await Promise.all([
    createOrganisation(admin, 'Durham Rural Watch'),
    createOrganisation(admin, 'Cumbria Rural Watch'),
  ]);
  const [weardale, teesdale, alston] = await Promise.all([
    areaGroup(admin, durham.id, 'Weardale Farm Watch', STANHOPE, 5, 'review'),
    areaGroup(admin, durham.id, 'Teesdale Farm Watch', MIDDLETON, 5, 'review'),
    areaGroup(admin, cumbria.id, 'Alston Moor Watch', ALSTON, 2, 'always'),
  ]);
  const [family, officer, weardaleMember, teesdaleMember, alstonMember] = await Promise.all([
    approvedMember(server, admin, weardale, names.family),
    approvedMember(server, admin, weardale, names.officer),
    approvedMember(server, admin, weardale, names.weardale),
    approvedMember(server, admin, teesdale, names.teesdale),
    approvedMember(server, admin, alston, names.alston),
  ]);
  const people = `/api/v1/organisations/${durham.id}/people`;
  const verify = { email: officer.email, affiliation: 'officer' };
  expectStatus('POST', people, await admin.api.request('POST', people, verify), 200);
  return {
    durham,
    cumbria,
    weardale,
    teesdale,
    alston,
    family,
    officer,
    weardaleMember,
    teesdaleMember,
    alstonMember,
  };
}

/** One person's phone. */
export interface Phone {
  who: string;
  person: Person;
  context: BrowserContext;
  page: Page;
}

/**
 * A phone that talks only to the server under test, signed in on the sign-in page. Map tiles and
 * anything else outside are refused, so maps fall back to their plain grid and nothing leaves the machine.
 */
export async function signedInPhone(
  browser: Browser,
  server: RunningServer,
  who: string,
  person: Person,
): Promise<Phone> {
  const { context, page } = await newPhone(browser, server.url);
  await context.route(
    (url) => url.origin !== new URL(server.url).origin,
    (route) => route.abort(),
  );
  await page.goto('/signin');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await seen(page.getByRole('heading', { name: 'Your groups' }));
  return { who, person, context, page };
}

/** The conversation's messages as the page shows them. */
export function messageLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Messages' });
}

/** Opens a group's conversation from the list of groups. */
export async function openGroup(page: Page, group: StoryGroup): Promise<void> {
  await page.goto('/');
  await seen(page.getByRole('heading', { name: 'Your groups' }));
  await page.getByRole('link', { name: group.name }).click();
  await seen(page.getByRole('textbox', { name: 'Message' }));
}

/** Marks the page so a later check can tell it was never reloaded (what it shows arrived live). */
export async function markUnreloaded(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { fellwatchNotReloaded?: boolean }).fellwatchNotReloaded = true;
  });
}

/** Whether the page still carries the mark `markUnreloaded` left. */
export async function neverReloaded(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { fellwatchNotReloaded?: boolean }).fellwatchNotReloaded === true,
  );
}

/**
 * The status a photo address answers with, asked twice as the person's phone would: by the page's own
 * fetch (through the browser's cache) and by a request carrying the phone's cookie.
 */
export async function photoStatuses(page: Page, url: string): Promise<{ page: number; request: number }> {
  const fromPage = await page.evaluate(
    async (u) => (await fetch(u, { credentials: 'same-origin' })).status,
    url,
  );
  const fromRequest = (await page.request.get(url)).status();
  return { page: fromPage, request: fromRequest };
}

/** A datetime-local value and the card's "14:20" for a moment, by the UK clock the phones keep. */
export function ukClock(at: number): { input: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  return { input: `${part('year')}-${part('month')}-${part('day')}T${time}`, time };
}
