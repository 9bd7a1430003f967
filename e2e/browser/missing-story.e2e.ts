// A missing person on five phones: a daughter files a Herbert Protocol profile; her mother goes missing; an
// officer releases it by reference; it reaches groups within 25 km and not beyond; a member reports a
// sighting; the officer marks her found safe, and every screen loses her name, details and photo; the
// officer's record says until when it is kept, and the officer deletes it early.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../packages/server/src/media/test-support/images.js';
import { expectStatus } from '../support/http.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  describeBrowser,
  eventually,
  expectNoSidewaysScroll,
  launchBrowser,
  screenshot,
  seen,
} from './support.js';
import {
  buildUpperWeardale,
  markUnreloaded,
  messageLog,
  neverReloaded,
  openGroup,
  type Phone,
  photoStatuses,
  signedInPhone,
  type UpperWeardale,
  ukClock,
} from './upper-weardale.js';

const names = {
  family: 'Helen Hall',
  officer: 'Sarah Dent',
  weardale: 'Wendy Peart',
  teesdale: 'Tom Raine',
  alston: 'Alan Walton',
};
/** What the daughter writes in the profile. */
const margaret = {
  name: 'Margaret Hall',
  preferredName: 'Peggy',
  age: '82',
  height: '5 ft 2',
  build: 'Slight',
  hair: 'Short and white',
  features: 'Walks with a stick. Always in her red wool coat.',
  medicalNeeds: 'Takes donepezil every evening.',
  routines: 'Walks to the paper shop in Stanhope market place every morning.',
  places: ['Stanhope Methodist Chapel', 'Her old farm at Westernhope'],
  contact: { name: 'Helen Hall', relationship: 'Daughter', phone: '07700 900456' },
};
const HEADING = 'Missing: Margaret Hall, 82';
const WITHDRAWN_HEADING = 'Missing person';
const FOUND = 'Found safe, thank you';
const LAST_SEEN_TYPED = '54.7480, -2.0060';
const CLOTHING = 'A navy anorak over her red wool coat, and slippers';
const POLICE_REFERENCE = 'DHM-0614-231';
/** Frosterley, about 3.5 km down the dale from Stanhope. */
const SIGHTING_TYPED = 'NZ 024 368';
const SIGHTING_NOTE =
  'An older lady with a stick, walking east along the A689 towards Wolsingham on her own.';
/** Words of the person's details that must leave every member's screen once she is found. */
const PERSONAL = [
  margaret.name,
  margaret.preferredName,
  margaret.features,
  margaret.places[0],
  CLOTHING,
  LAST_SEEN_TYPED,
  SIGHTING_TYPED,
  SIGHTING_NOTE,
] as const;

/** An alert card in a page, found by its heading as a screen reader names it. */
function card(within: Page | Locator, heading: string): Locator {
  return within.getByRole('region', { name: heading });
}

/** All the text in the page, hidden parts included (what a person could read, or a screen reader say). */
async function pageText(page: Page): Promise<string> {
  return (await page.locator('body').textContent()) ?? '';
}

describeBrowser('a missing person: profile, release, reach, sighting, found safe, on five phones', () => {
  let server: RunningServer;
  let browser: Browser;
  let story: UpperWeardale;
  let photoDir: string;
  let family: Phone;
  let officer: Phone;
  let weardale: Phone;
  let teesdale: Phone;
  let alston: Phone;
  let reference = '';
  let alertId = '';
  /** The photo's addresses as members were shown them (thumbnail, then full size). */
  let photoUrls: string[] = [];

  const phones = () => [family, officer, weardale, teesdale, alston];

  beforeAll(async () => {
    [server, browser, photoDir] = await Promise.all([
      startServer({ engine: 'sqlite' }),
      launchBrowser(),
      mkdtemp(join(tmpdir(), 'fellwatch-missing-')),
    ]);
    story = await buildUpperWeardale(server, names);
    [family, officer, weardale, teesdale, alston] = await Promise.all([
      signedInPhone(browser, server, names.family, story.family),
      signedInPhone(browser, server, names.officer, story.officer),
      signedInPhone(browser, server, names.weardale, story.weardaleMember),
      signedInPhone(browser, server, names.teesdale, story.teesdaleMember),
      signedInPhone(browser, server, names.alston, story.alstonMember),
    ]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-missing-story-${task.name.slice(0, 24).replace(/[^a-z0-9]+/gi, '-')}`;
    for (const phone of phones()) {
      if (phone)
        await screenshot(phone.page, `${name}-${phone.who.split(' ')[0]}`, { fullPage: true }).catch(
          () => undefined,
        );
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  it('a daughter files a Herbert Protocol profile for her mother, with a photo and places, and sees its reference', async () => {
    const page = family.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Your profiles' }).click();
    await seen(page.getByRole('heading', { name: 'Herbert Protocol profiles' }));
    await seen(page.getByText('You have not filed any profiles.'));
    // A plain member is not offered an officer's release.
    expect(await page.getByRole('link', { name: /release a profile by reference/i }).count()).toBe(0);
    await page.getByRole('link', { name: 'File a new profile' }).click();
    await seen(page.getByRole('heading', { name: 'File a new profile' }));

    await page.getByLabel('Full name (required)').fill(margaret.name);
    await page.getByLabel('The name they like to be called').fill(margaret.preferredName);
    await page.getByLabel('Or their age, if you do not know the date').fill(margaret.age);
    await page.getByLabel('Height').fill(margaret.height);
    await page.getByLabel('Build').fill(margaret.build);
    await page.getByLabel('Hair').fill(margaret.hair);
    await page.getByLabel('What stands out').fill(margaret.features);

    const photo = join(photoDir, 'margaret.jpg');
    await writeFile(photo, await createTestJpegWithGps());
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Add photos' }).click(),
    ]);
    await chooser.setFiles(photo);
    await seen(page.getByRole('img', { name: '1 of 1' }));

    // The Herbert Protocol is for people living with dementia: it is ticked to start with.
    expect(await page.getByRole('checkbox', { name: 'Dementia or memory loss' }).isChecked()).toBe(true);
    await page.getByLabel('Medical needs').fill(margaret.medicalNeeds);
    await page.getByLabel('Routines').fill(margaret.routines);
    for (const [i, place] of margaret.places.entries()) {
      await page.getByRole('button', { name: 'Add a place' }).click();
      await page.getByLabel(`Place ${i + 1}`, { exact: true }).fill(place);
    }
    await page.getByLabel('Contact 1: name').fill(margaret.contact.name);
    await page.getByLabel('Relationship').fill(margaret.contact.relationship);
    await page.getByLabel('Phone', { exact: true }).fill(margaret.contact.phone);
    // The photo has finished sending (its progress bar is gone) before the profile is saved.
    const sending = await eventually(
      () => page.getByRole('progressbar').count(),
      (n) => n === 0,
    );
    expect(sending, 'the photo finished sending').toBe(0);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'missing-story-01-profile-form', { fullPage: true });
    await page.getByRole('button', { name: 'Save the profile' }).click();

    await seen(page.getByRole('heading', { name: 'Margaret Hall (Peggy)', level: 1 }));
    const box = page.getByRole('region', { name: 'Release reference' });
    const code = await (await seen(box.getByText(/^HP-[0-9A-Z]{4}-[0-9A-Z]{4}$/))).textContent();
    reference = code?.trim() ?? '';
    expect(reference).toMatch(/^HP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await seen(box.getByText('Give this reference to the police if Peggy goes missing.'));
    await seen(page.getByRole('img', { name: 'Peggy, 1 of 1' }));
    for (const text of [
      margaret.features,
      margaret.medicalNeeds,
      ...margaret.places,
      margaret.contact.phone,
    ]) {
      await seen(page.getByText(text, { exact: false }));
    }
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'missing-story-02-profile-reference');
    await screenshot(page, 'missing-story-02b-profile-full', { fullPage: true });
  });

  it('she goes missing: the officer releases the profile by the reference the family read out', async () => {
    // Everyone else has their group open and waits: what arrives from here on arrives live.
    await openGroup(family.page, story.weardale);
    await openGroup(weardale.page, story.weardale);
    await openGroup(teesdale.page, story.teesdale);
    await openGroup(alston.page, story.alston);
    for (const phone of [family, weardale, teesdale, alston]) await markUnreloaded(phone.page);

    const page = officer.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Release a profile by reference' }).click();
    await seen(page.getByRole('heading', { name: 'Release a profile by reference' }));
    await seen(page.getByText('You will not see the profile itself.', { exact: false }));

    const lastSeen = ukClock(Date.now() - 45 * 60_000);
    // Read out over the phone and typed as heard: lower case, spaces for dashes.
    await page.getByLabel('Release reference').fill(reference.toLowerCase().replaceAll('-', ' '));
    const group = page.getByLabel('Raise it in');
    expect(await group.inputValue()).toBe(story.weardale.id);
    await page.getByLabel('When were they last seen?').fill(lastSeen.input);
    await page.getByLabel('Or type the place').fill(LAST_SEEN_TYPED);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await seen(page.getByText('Found the latitude and longitude'));
    await page.getByLabel('What were they wearing?').fill(CLOTHING);
    await page.getByLabel('Police reference').fill(POLICE_REFERENCE);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'missing-story-03-officer-release-form', { fullPage: true });
    await page.getByRole('button', { name: 'Raise the missing-person alert' }).click();

    await seen(
      page.getByText(
        `The missing-person alert is in ${story.weardale.name}. Shared with 2 groups in 1 organisation.`,
        { exact: false },
      ),
    );
    const mapHref = await page.getByRole('link', { name: 'Show on the map' }).getAttribute('href');
    alertId = /[?&]alert=([^&]+)/.exec(mapHref ?? '')?.[1] ?? '';
    expect(alertId, 'the confirmation links to the alert on the map').not.toBe('');
    await screenshot(page, 'missing-story-04-officer-released');

    await page.getByRole('link', { name: `Go to ${story.weardale.name}` }).click();
    const officerCard = card(page, HEADING);
    await seen(officerCard.getByText('Confirmed by police'));
    await seen(officerCard.getByText(`by ${names.officer}`, { exact: false }));
    await seen(officerCard.getByText(`${lastSeen.time}`, { exact: false }));
    await seen(officerCard.getByText(POLICE_REFERENCE));
  });

  it('it reaches Weardale and Teesdale (within 25 km) live with her name and photo, and not Alston Moor', async () => {
    for (const [phone, shot] of [
      [family, 'missing-story-05-family-sees-alert'],
      [weardale, 'missing-story-06-weardale-sees-alert'],
      [teesdale, 'missing-story-07-teesdale-sees-alert'],
    ] as const) {
      const page = phone.page;
      const alert = card(messageLog(page), HEADING);
      await seen(alert.getByText('Confirmed by police'));
      await seen(alert.getByText(`Known as ${margaret.preferredName}.`, { exact: false }));
      await seen(alert.getByText(margaret.features, { exact: false }));
      await seen(alert.getByText(CLOTHING));
      await seen(alert.getByText(`Places: ${margaret.places.join('; ')}.`, { exact: false }));
      await seen(alert.getByText('dementia or memory loss', { exact: false }));
      await seen(alert.getByText(LAST_SEEN_TYPED, { exact: false }));
      const photo = alert.getByRole('button', { name: `Open photo 1 of 1 from ${names.officer}` });
      await seen(photo);
      // Medical needs and the family's contacts stay in the profile: never on the alert.
      const text = await pageText(page);
      expect(text, `${phone.who}'s screen`).not.toContain('donepezil');
      expect(text, `${phone.who}'s screen`).not.toContain(margaret.contact.phone);
      expect(await neverReloaded(page), `${phone.who} saw it arrive without reloading`).toBe(true);
      await expectNoSidewaysScroll(page);

      const thumb = (await photo.locator('img').getAttribute('src')) ?? '';
      expect(thumb).toMatch(/\/media\/[^/]+\/thumb$/);
      await photo.click();
      const viewer = page.getByRole('dialog', { name: `Photo 1 of 1 from ${names.officer}` });
      const display = (await (await seen(viewer.getByRole('img'))).getAttribute('src')) ?? '';
      expect(display).toMatch(/\/media\/[^/]+\/display$/);
      await viewer.getByRole('button', { name: 'Close' }).click();
      if (phone === teesdale) photoUrls = [thumb, display].map((src) => new URL(src, page.url()).toString());
      for (const url of [thumb, display]) {
        const statuses = await photoStatuses(page, new URL(url, page.url()).toString());
        expect(statuses, `${phone.who} opens the photo`).toEqual({ page: 200, request: 200 });
      }
      const heading = alert.getByRole('heading', { name: HEADING });
      await heading.scrollIntoViewIfNeeded();
      await screenshot(page, shot);
      await photo.scrollIntoViewIfNeeded();
      await screenshot(page, `${shot}-photo`);
    }

    // Alston Moor's phone is live too: a note from Alan's other device arrives; the alert does not.
    const page = alston.page;
    const note = 'Quiet on the moor road this afternoon.';
    const path = `/api/v1/groups/${story.alston.id}/messages`;
    const posted = await story.alstonMember.api.request('POST', path, { clientId: 'alston-1', body: note });
    expectStatus('POST', path, posted, 201);
    await seen(messageLog(page).getByText(note));
    expect(await neverReloaded(page)).toBe(true);
    expect(await card(page, HEADING).count()).toBe(0);
    expect(await pageText(page)).not.toContain(margaret.name);
    await screenshot(page, 'missing-story-08-alston-stream');

    await page.getByRole('navigation', { name: 'Alerts' }).getByRole('link', { name: /^Map/ }).click();
    await seen(page.getByRole('heading', { name: '0 open alerts' }));
    expect(await pageText(page)).not.toContain(margaret.name);
    await screenshot(page, 'missing-story-09-alston-map', { fullPage: true });
    // The server agrees: to Alan the alert and its photo do not exist.
    const hidden = await story.alstonMember.api.request('GET', `/api/v1/alerts/${alertId}`);
    expect(hidden.status, hidden.text).toBe(404);
    for (const url of photoUrls) expect((await page.request.get(url)).status(), url).toBe(404);
  });

  it('a Teesdale member reports a sighting with a place and time; the officer sees it on the timeline, live', async () => {
    // The officer opens the sightings before any arrive.
    const officerPage = officer.page;
    await card(messageLog(officerPage), HEADING)
      .getByRole('link', { name: /No sightings yet/ })
      .click();
    await seen(officerPage.getByRole('heading', { name: 'No sightings yet' }));
    await markUnreloaded(officerPage);

    const page = teesdale.page;
    await card(messageLog(page), HEADING)
      .getByRole('link', { name: /No sightings yet/ })
      .click();
    await page.getByRole('button', { name: 'I have seen them: report a sighting' }).click();
    await seen(page.getByRole('heading', { name: 'Report a sighting' }));
    const seenAt = ukClock(Date.now() - 10 * 60_000);
    await page.getByLabel('When did you see them? (required)').fill(seenAt.input);
    await page.getByLabel('Or type the place').fill(SIGHTING_TYPED);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await seen(page.getByText('Found the OS grid reference'));
    await page.getByLabel('What did you see?').fill(SIGHTING_NOTE);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'missing-story-10-sighting-form', { fullPage: true });
    await page.getByRole('button', { name: 'Send sighting' }).click();
    await seen(page.getByText('Your sighting is shared with every group looking, and with the police.'));
    await seen(page.getByRole('heading', { name: '1 sighting' }));
    await screenshot(page, 'missing-story-11-sighting-sent');

    await seen(officerPage.getByRole('heading', { name: '1 sighting' }));
    const sighting = officerPage.getByRole('listitem').filter({ hasText: SIGHTING_NOTE });
    await seen(sighting.getByText(seenAt.time));
    await seen(sighting.getByText(SIGHTING_TYPED));
    await seen(sighting.getByText(`Reported by ${names.teesdale}`, { exact: false }));
    expect(await neverReloaded(officerPage), 'the officer saw the sighting arrive').toBe(true);
    await expectNoSidewaysScroll(officerPage);
    await sighting.scrollIntoViewIfNeeded();
    await screenshot(officerPage, 'missing-story-12-officer-timeline');
    await screenshot(officerPage, 'missing-story-12b-officer-sightings-full', { fullPage: true });
  });

  it('the officer marks her found safe: every screen says so, and her name, details and photo are gone', async () => {
    for (const phone of phones()) await markUnreloaded(phone.page);
    const page = officer.page;
    await card(page, HEADING).getByRole('button', { name: 'Found safe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as found safe?' });
    await seen(
      dialog.getByText('Their name, photos, description and the sightings will be removed', { exact: false }),
    );
    await screenshot(page, 'missing-story-13-officer-confirm-found');
    await dialog.getByRole('button', { name: 'Yes, found safe' }).click();
    const closed = card(page, WITHDRAWN_HEADING);
    await seen(closed.getByText(FOUND));
    await seen(closed.getByText('Resolved: found safe'));
    await seen(closed.getByRole('link', { name: 'The record kept for officers' }));
    expect(await page.getByRole('heading', { name: /sighting/ }).count()).toBe(0);
    await screenshot(page, 'missing-story-14-officer-found');

    // The daughter and Wendy in Weardale's conversation, Tom on the sightings page he reported from.
    for (const [phone, shot] of [
      [family, 'missing-story-15-family-found'],
      [weardale, 'missing-story-16-weardale-found'],
      [teesdale, 'missing-story-17-teesdale-found'],
    ] as const) {
      const p = phone.page;
      const shown = card(p, WITHDRAWN_HEADING);
      await seen(shown.getByText(FOUND));
      await seen(
        shown.getByText('Their name, photos and details have been removed from Fellwatch.', { exact: false }),
      );
      expect(await neverReloaded(p), `${phone.who} saw it without reloading`).toBe(true);
      expect(await card(p, HEADING).count()).toBe(0);
      const text = await pageText(p);
      for (const words of PERSONAL) expect(text, `${phone.who}'s screen after "found"`).not.toContain(words);
      expect(await p.getByRole('button', { name: /^Open photo/ }).count(), `${phone.who}'s photo`).toBe(0);
      const images = await p.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
      for (const url of photoUrls) {
        expect(images, `${phone.who} shows no image from ${url}`).not.toContain(new URL(url).pathname);
        expect(await photoStatuses(p, url), `${phone.who} fetches ${url}`).toEqual({
          page: 404,
          request: 404,
        });
      }
      // Only officers are offered the record.
      expect(await shown.getByRole('link', { name: 'The record kept for officers' }).count()).toBe(0);
      await expectNoSidewaysScroll(p);
      await screenshot(p, shot);
    }
    // Tom's thanks for his sighting went with it: nothing on his screen says it is still shared.
    expect(await pageText(teesdale.page)).not.toContain('Your sighting is shared');
    // The API agrees with the screens: the alert a member fetches carries none of her details.
    const fetched = await story.weardaleMember.api.request('GET', `/api/v1/alerts/${alertId}`);
    expect(fetched.status).toBe(200);
    for (const words of [margaret.name, margaret.preferredName, CLOTHING])
      expect(fetched.text).not.toContain(words);
    const sightings = await story.teesdaleMember.api.request('GET', `/api/v1/alerts/${alertId}/sightings`);
    expect(sightings.status).toBe(200);
    expect(sightings.text).not.toContain(SIGHTING_NOTE);

    // Officers keep the record.
    await page.getByRole('link', { name: 'The record kept for officers' }).click();
    await seen(page.getByRole('heading', { name: 'Record for officers' }));
    await seen(card(page, HEADING));
    await seen(page.getByText(SIGHTING_NOTE));
    // It says when it goes under the force's rule (a year unless its admins chose otherwise).
    const kept = await story.officer.api.request('GET', `/api/v1/alerts/${alertId}/record`);
    const until = new Date(kept.body.keptUntil).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    await seen(page.getByText(`Kept until ${until}, then deleted`, { exact: true }));
    await screenshot(page, 'missing-story-18-officer-record', { fullPage: true });

    // No longer needed: the officer deletes it now, and it is gone for everyone.
    await page.getByRole('button', { name: 'Delete this record now' }).click();
    const confirmDelete = page.getByRole('dialog', { name: 'Delete this record now?' });
    await seen(confirmDelete.getByText('will be deleted for good, for everyone', { exact: false }));
    await screenshot(page, 'missing-story-19-officer-confirm-delete');
    await confirmDelete.getByRole('button', { name: 'Delete the record' }).click();
    await seen(page.getByText('The record and its photos have been deleted for good.', { exact: false }));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'missing-story-20-record-deleted');
    expect((await story.officer.api.request('GET', `/api/v1/alerts/${alertId}/record`)).status).toBe(404);
  });
});
