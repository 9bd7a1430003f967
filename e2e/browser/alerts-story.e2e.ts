// The alerts story on four phones: a stolen quad travels to nearby groups across forces, a found one matches, linked, recovered.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../packages/server/src/media/test-support/images.js';
import type { Person } from '../support/bootstrap.js';
import { expectStatus } from '../support/http.js';
import { type RunningServer, startServer } from '../support/server.js';
import { buildDales, type DaleGroup, type Dales } from './dales.js';
import {
  describeBrowser,
  expectNoSidewaysScroll,
  launchBrowser,
  newPhone,
  screenshot,
  seen,
} from './support.js';

const names = {
  teesdale: 'Tom Raine',
  weardale: 'Wendy Peart',
  alston: 'Alan Walton',
  shropshire: 'Fiona Hughes',
};
const STOLEN = 'Stolen: quad bike';
const FOUND = 'Found property: quad bike';
const RECOVERED = 'Resolved: recovered';
const TRAVELLED = 'Shared with 3 groups in 2 organisations';
const LINKED = 'Recovered: linked with a matching report.';

/** One person's phone, open on their group. */
interface Phone {
  who: string;
  group: DaleGroup;
  context: BrowserContext;
  page: Page;
}

/** The conversation's messages as the page shows them. */
function messageLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Messages' });
}

/** An alert card in the conversation, found by its heading as a screen reader names it. */
function cardIn(page: Page, heading: string): Locator {
  return messageLog(page).getByRole('region', { name: heading });
}

/**
 * A phone that talks only to the server under test: map tiles and anything else outside are refused,
 * so the maps fall back to their plain grid and nothing leaves the machine.
 */
async function phoneFor(browser: Browser, server: RunningServer, who: string, group: DaleGroup) {
  const { context, page } = await newPhone(browser, server.url);
  await context.route(
    (url) => url.origin !== new URL(server.url).origin,
    (route) => route.abort(),
  );
  return { who, group, context, page };
}

/** Signs in on the sign-in page and opens the person's group, as they would each morning. */
async function signInAndOpen(phone: Phone, person: Person): Promise<void> {
  const { page, group } = phone;
  await page.goto('/signin');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await seen(page.getByRole('heading', { name: 'Your groups' }));
  await page.getByRole('link', { name: group.name }).click();
  await seen(page.getByRole('textbox', { name: 'Message' }));
}

/**
 * The element is on the phone's screen and nothing covers its middle: a person sees it without
 * scrolling (Playwright's "visible" only means it has a size and is not hidden).
 */
async function onScreen(locator: Locator): Promise<boolean> {
  return locator.first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

/** Marks the page so a later check can tell it was never reloaded (what it shows arrived live). */
async function markUnreloaded(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { fellwatchNotReloaded?: boolean }).fellwatchNotReloaded = true;
  });
}

async function neverReloaded(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { fellwatchNotReloaded?: boolean }).fellwatchNotReloaded === true,
  );
}

/** Fills the shared property fields of a stolen or found alert, then the place, found by its typed text. */
async function describeQuad(
  page: Page,
  quad: { make: string; model?: string; colour: string; registration: string; place: string },
  placeFound: string,
): Promise<void> {
  await page.getByRole('radio', { name: 'Quad bike' }).check();
  await page.getByLabel('Make', { exact: true }).fill(quad.make);
  if (quad.model) await page.getByLabel('Model', { exact: true }).fill(quad.model);
  await page.getByLabel('Colour', { exact: true }).fill(quad.colour);
  await page.getByLabel('Registration', { exact: true }).fill(quad.registration);
  await page.getByLabel('Or type the place').fill(quad.place);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await seen(page.getByText(placeFound));
}

describeBrowser('alerts across dales and forces, on four phones', () => {
  let server: RunningServer;
  let browser: Browser;
  let dales: Dales;
  let teesdale: Phone;
  let weardale: Phone;
  let alston: Phone;
  let shropshire: Phone;
  let stolenId = '';
  let photoDir = '';
  /** The stolen quad's photo as Weardale's phone was given it. */
  let photoUrl = '';

  beforeAll(async () => {
    [server, browser, photoDir] = await Promise.all([
      startServer({ engine: 'sqlite' }),
      launchBrowser(),
      mkdtemp(join(tmpdir(), 'fellwatch-alerts-story-')),
    ]);
    dales = await buildDales(server, names);
    [teesdale, weardale, alston, shropshire] = await Promise.all([
      phoneFor(browser, server, names.teesdale, dales.teesdale),
      phoneFor(browser, server, names.weardale, dales.weardale),
      phoneFor(browser, server, names.alston, dales.alston),
      phoneFor(browser, server, names.shropshire, dales.shropshire),
    ]);
    await Promise.all(
      [teesdale, weardale, alston, shropshire].map((phone) => signInAndOpen(phone, phone.group.member)),
    );
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-alerts-${task.name.slice(0, 24).replace(/[^a-z0-9]+/gi, '-')}`;
    for (const phone of [teesdale, weardale, alston, shropshire]) {
      if (phone)
        await screenshot(phone.page, `${name}-${phone.group.name.split(' ')[0]}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  it('in Teesdale, a stolen red Honda quad is raised with a grid reference and travels to three groups in two forces', async () => {
    for (const phone of [weardale, alston, shropshire]) await markUnreloaded(phone.page);
    const page = teesdale.page;
    await page
      .getByRole('navigation', { name: 'Alerts' })
      .getByRole('link', { name: 'Raise an alert' })
      .click();
    await seen(page.getByRole('heading', { name: 'Raise an alert' }));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'alerts-01-choose-kind');
    await page.getByRole('link', { name: /^Stolen/ }).click();

    await describeQuad(
      page,
      { make: 'Honda', model: 'TRX420', colour: 'Red', registration: 'YX68 KFD', place: 'NY 949 256' },
      'Found the OS grid reference',
    );
    await page.getByLabel('Anything else').fill('Taken from the yard at High Side overnight. Black top box.');
    const photo = join(photoDir, 'quad.jpg');
    await writeFile(photo, await createTestJpegWithGps());
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Add photos' }).click(),
    ]);
    await chooser.setFiles(photo);
    await seen(page.getByRole('img', { name: 'Attachment 1 of 1' }));
    // The reach a stolen quad starts with: every group within 80 km of the place.
    await expect.poll(() => page.getByRole('radio', { name: 'Groups within 80 km' }).isChecked()).toBe(true);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'alerts-02-stolen-form', { fullPage: true });
    await page.getByRole('button', { name: 'Post alert' }).click();

    await seen(page.getByText(`Your alert is in ${dales.teesdale.name}. ${TRAVELLED}.`));
    const card = page.getByRole('region', { name: STOLEN });
    await seen(card.getByText(TRAVELLED));
    await seen(card.getByText('YX68 KFD'));
    await seen(card.getByText('NY 949 256'));
    const mapHref = await page.getByRole('link', { name: 'Show on the map' }).getAttribute('href');
    stolenId = /[?&]alert=([^&]+)/.exec(mapHref ?? '')?.[1] ?? '';
    expect(stolenId, 'the posted card links to its place on the map').not.toBe('');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'alerts-03-stolen-posted', { fullPage: true });

    await page.getByRole('link', { name: 'Back to the conversation' }).click();
    await seen(cardIn(page, STOLEN).getByText('Unverified'));
    await markUnreloaded(page);
  });

  it('Weardale and Alston Moor (the neighbouring force) see it live; Shropshire, over 200 km away, does not', async () => {
    for (const phone of [weardale, alston]) {
      const card = cardIn(phone.page, STOLEN);
      await seen(card.getByText('YX68 KFD'));
      await seen(card.getByText(`by ${names.teesdale}`, { exact: false }));
      await seen(card.getByText('Unverified'));
      await seen(card.getByText(TRAVELLED));
      // The photo travelled with the card: members of every group it reached may open it.
      const thumb = card.getByRole('button', { name: `Open photo 1 of 1 from ${names.teesdale}` });
      const src = (await (await seen(thumb)).locator('img').getAttribute('src')) ?? '';
      const url = new URL(src, phone.page.url()).toString();
      expect((await phone.page.request.get(url)).status(), `${phone.who} opens the photo`).toBe(200);
      if (phone === weardale) photoUrl = url;
      expect(await neverReloaded(phone.page), `${phone.who} saw it without reloading`).toBe(true);
      await expectNoSidewaysScroll(phone.page);
    }
    // A new card taller than the message area arrives shown from its top; the later screenshots scroll to it.
    await screenshot(weardale.page, 'alerts-04-weardale-sees-stolen');
    await screenshot(alston.page, 'alerts-05-alston-sees-stolen');
    for (const [phone, name] of [
      [weardale, 'alerts-04b-weardale-scrolled-up'],
      [alston, 'alerts-05b-alston-scrolled-up'],
    ] as const) {
      const heading = cardIn(phone.page, STOLEN).getByRole('heading', { name: STOLEN });
      await heading.scrollIntoViewIfNeeded();
      expect(await onScreen(heading), `${phone.who} can scroll to the card's heading`).toBe(true);
      await screenshot(phone.page, name);
    }

    // Shropshire's phone is live too: a note posted from Fiona's other device arrives, the alert does not.
    const page = shropshire.page;
    const note = 'Quiet night on the Long Mynd.';
    const path = `/api/v1/groups/${dales.shropshire.id}/messages`;
    const posted = await shropshire.group.member.api.request('POST', path, {
      clientId: 'shrops-1',
      body: note,
    });
    expectStatus('POST', path, posted, 201);
    await seen(messageLog(page).getByText(note));
    expect(await neverReloaded(page)).toBe(true);
    expect(await cardIn(page, STOLEN).count()).toBe(0);
    expect(await messageLog(page).getByText('YX68 KFD').count()).toBe(0);
    expect((await page.request.get(photoUrl)).status(), "Shropshire cannot open the quad's photo").toBe(404);
    await screenshot(page, 'alerts-06-shropshire-stream');

    await page.getByRole('navigation', { name: 'Alerts' }).getByRole('link', { name: /^Map/ }).click();
    await seen(page.getByRole('heading', { name: '0 open alerts' }));
    await seen(page.getByText('No open alerts here.', { exact: false }));
    await page.getByRole('radio', { name: 'All' }).check();
    await seen(page.getByRole('heading', { name: '0 alerts' }));
    await screenshot(page, 'alerts-07-shropshire-map', { fullPage: true });
    // The server agrees: to Shropshire's member the alert does not exist.
    const hidden = await shropshire.group.member.api.request('GET', `/api/v1/alerts/${stolenId}`);
    expect(hidden.status, hidden.text).toBe(404);
  });

  it('in Alston Moor, a found quad with the registration written differently offers the match; one tap links them', async () => {
    const page = alston.page;
    await page
      .getByRole('navigation', { name: 'Alerts' })
      .getByRole('link', { name: 'Raise an alert' })
      .click();
    await page.getByRole('link', { name: /^Found property/ }).click();
    await describeQuad(
      page,
      { make: 'honda', colour: 'red', registration: 'yx 68 kfd', place: '54.8065, -2.4420' },
      'Found the latitude and longitude',
    );
    await page.getByLabel('Condition').fill('Ignition damaged, front mudguard missing.');
    await page.getByLabel('Who has it now').fill('Alston police station');
    await page.getByLabel('Anything else').fill('Dumped in the lay-by on the A686 above Leadgate.');
    await screenshot(page, 'alerts-08-found-form', { fullPage: true });
    await page.getByRole('button', { name: 'Post alert' }).click();

    await seen(page.getByText('Possible matches are shown on the card.', { exact: false }));
    const card = page.getByRole('region', { name: FOUND });
    await seen(card.getByRole('heading', { name: 'Possible match' }));
    const match = card.getByRole('listitem').filter({ hasText: 'Stolen red Honda TRX420 quad bike' });
    await seen(match.getByText('NY 949 256', { exact: false }));
    await seen(match.getByText('same registration', { exact: false }));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'alerts-09-found-possible-match', { fullPage: true });

    await match.getByRole('button', { name: 'Link and mark both recovered' }).click();
    await seen(
      card.getByText('Linked. Both alerts are marked recovered in every group they were shared with.'),
    );
    await seen(card.getByText(RECOVERED));
    await seen(card.getByText(LINKED));
    expect(await card.getByRole('heading', { name: 'Possible match' }).count()).toBe(0);
    await screenshot(page, 'alerts-10-found-linked', { fullPage: true });
  });

  it('every group it reached sees the stolen quad recovered, live; Alston Moor sees both cards resolved', async () => {
    for (const phone of [teesdale, weardale]) {
      const card = cardIn(phone.page, STOLEN);
      await seen(card.getByText(RECOVERED));
      await seen(card.getByText('What happened next: Recovered.'));
      await seen(card.getByText(LINKED));
      expect(await neverReloaded(phone.page), `${phone.who} saw it recovered without reloading`).toBe(true);
      // Whichever end of the card is on screen says so, without scrolling: Tom's conversation rests at
      // the card's bottom ("Recovered: linked…"), Wendy scrolled up to its top earlier (the status).
      const said = await Promise.all([card.getByText(RECOVERED), card.getByText(LINKED)].map(onScreen));
      expect(said.some(Boolean), `${phone.who} sees "recovered" on the screen`).toBe(true);
      // Closed alerts offer no actions any more, not even to the person who raised it.
      expect(await card.getByRole('button', { name: 'Resolve…' }).count()).toBe(0);
    }
    await screenshot(teesdale.page, 'alerts-11-teesdale-recovered');
    await screenshot(weardale.page, 'alerts-12-weardale-recovered');

    const page = alston.page;
    await page.getByRole('link', { name: 'Back to the conversation' }).click();
    for (const heading of [STOLEN, FOUND]) {
      await seen(cardIn(page, heading).getByText(RECOVERED));
      await seen(cardIn(page, heading).getByText(LINKED));
    }
    await screenshot(page, 'alerts-13-alston-both-recovered');

    // The owner's group map, with resolved alerts shown, has the quad's pin in grey and says recovered.
    await teesdale.page
      .getByRole('navigation', { name: 'Alerts' })
      .getByRole('link', { name: /^Map/ })
      .click();
    await seen(teesdale.page.getByRole('heading', { name: '0 open alerts' }));
    await teesdale.page.getByRole('radio', { name: 'All' }).check();
    await seen(teesdale.page.getByRole('button', { name: new RegExp(`${STOLEN}.*${RECOVERED}`) }));
    await screenshot(teesdale.page, 'alerts-14-teesdale-map', { fullPage: true });
  });
});
