// A watch group's life on two phones against the built server: setup, vetting, live chat, photos, offline, privacy.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTestJpegWithGps, hasGpsExif } from '../../packages/server/src/media/test-support/images.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  describeBrowser,
  eventually,
  expectNoSidewaysScroll,
  launchBrowser,
  newPhone,
  screenshot,
  seen,
} from './support.js';

const run = randomBytes(3).toString('hex');
const PASSWORD = 'correct horse battery staple';
const admin = {
  name: 'Alice Thwaite',
  email: `alice.${run}@example.org`,
  phone: '07700 900123',
};
const member = { name: 'Ben Gill', email: `ben.${run}@example.org`, phone: '07700 900456' };
const organisationName = 'Upper Dale Police';
const groupName = 'Fell End Farms';
const question = 'Which farm or house are you at?';
const answer = 'High Gill Farm, past the cattle grid';

/** The conversation's messages as the page shows them, oldest first. */
function messageLog(page: Page) {
  return page.getByRole('log', { name: 'Messages' });
}

/** Types a message in the composer and sends it with the Send button, as a thumb would. */
async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Texts of the messages in the log, oldest first (each article's body text). */
async function messageTexts(page: Page): Promise<string[]> {
  return messageLog(page).locator('article').allInnerTexts();
}

describeBrowser('a watch group on two phones', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let adminPage: Page;
  let memberContext: BrowserContext;
  let memberPage: Page;
  let inviteUrl = '';
  let groupId = '';
  let photoDir = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ engine: 'sqlite' }), launchBrowser()]);
    ({ context: adminContext, page: adminPage } = await newPhone(browser, server.url));
    ({ context: memberContext, page: memberPage } = await newPhone(browser, server.url));
    photoDir = await mkdtemp(join(tmpdir(), 'fellwatch-photo-'));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-${task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`;
    await screenshot(adminPage, `${name}-admin`).catch(() => undefined);
    await screenshot(memberPage, `${name}-member`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  it('first run: the setup link makes the platform admin, who builds an organisation, a group and an invite', async () => {
    expect(server.setupToken, 'the server printed a setup link').toBeTruthy();
    const page = adminPage;
    await page.goto(`/setup?token=${server.setupToken}`);
    await seen(page.getByRole('heading', { name: 'Set up Fellwatch' }));
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Phone number').fill(admin.phone);
    await screenshot(page, '01-setup');
    await page.getByRole('button', { name: 'Create administrator account' }).click();

    await seen(page.getByRole('heading', { name: 'Platform admin' }));
    await page.getByLabel('Organisation name').fill(organisationName);
    await page.getByLabel('Kind').selectOption({ label: 'Police force' });
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await seen(page.getByText(`${organisationName} has been created.`));

    // The admin is a police officer: verified in the organisation, their badge shows beside their name.
    await page.getByLabel('Their email').fill(admin.email);
    await page.getByLabel('Badge').selectOption({ label: 'Officer' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await seen(page.getByText(`${admin.email} has been updated.`));

    await page.getByLabel('Group name').fill(groupName);
    await page.getByLabel('Description').fill('Farms between the beck and the top road.');
    await page.getByLabel('Rules').fill('Be kind. Report crime to 101 or 999 first.');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1').fill(question);
    await page.getByRole('button', { name: 'Create group' }).click();
    await seen(page.getByText(`${groupName} has been created.`));
    await expectNoSidewaysScroll(page);
    await screenshot(page, '02-platform-admin');

    // The group is on the home screen as one the admin manages; the admin adds themselves as its admin.
    await page.getByRole('link', { name: 'Fellwatch' }).click();
    await page.getByRole('link', { name: groupName }).click();
    await seen(page.getByRole('heading', { name: `Manage ${groupName}` }));
    groupId = /\/groups\/([^/]+)\/admin/.exec(page.url())?.[1] ?? '';
    expect(groupId).not.toBe('');
    await page.getByLabel('Their email').fill(admin.email);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Admin' });
    await page.getByRole('button', { name: 'Add to group' }).click();
    await seen(page.getByText(`${admin.email} has been added.`));
    await seen(page.getByRole('heading', { name: 'Members (1)' }));

    await page.getByRole('button', { name: 'Invite links' }).click();
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const link = page.getByLabel('Invite link', { exact: true });
    await seen(link);
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]+$`));
    await expectNoSidewaysScroll(page);
    await screenshot(page, '03-invite-link');
  });

  it('a second person joins through the link, waits, is approved by the admin, and sees the group', async () => {
    const page = memberPage;
    await page.goto(inviteUrl);
    await seen(page.getByRole('heading', { name: `Join ${groupName}` }));
    await page.getByLabel('Your name').fill(member.name);
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Phone number').fill(member.phone);
    await page.getByLabel(question).fill(answer);
    await expectNoSidewaysScroll(page);
    await screenshot(page, '04-join');
    await page.getByRole('button', { name: 'Create account and ask to join' }).click();
    await seen(page.getByText("Your request is waiting for an admin's approval."));
    await page.getByRole('link', { name: 'Go to your groups' }).click();
    await seen(page.getByText("Waiting for an admin's approval"));
    expect(await page.getByRole('link', { name: groupName }).count()).toBe(0);
    await screenshot(page, '05-waiting');

    // The admin opens the members section and sees the request with the answer.
    await adminPage.getByRole('button', { name: 'Members' }).click();
    await seen(adminPage.getByRole('heading', { name: 'Waiting for approval (1)' }));
    const request = adminPage
      .getByRole('listitem')
      .filter({ has: adminPage.getByRole('heading', { name: member.name }) });
    await seen(request.getByText(question));
    await seen(request.getByText(answer));
    await screenshot(adminPage, '06-approval');
    await adminPage.getByRole('button', { name: `Approve ${member.name}` }).click();
    await seen(adminPage.getByText(`${member.name} has been approved.`));
    await seen(adminPage.getByRole('heading', { name: 'Members (2)' }));

    // The member's screen changes by itself: the group becomes a link to its conversation.
    await seen(page.getByRole('link', { name: groupName }));
    expect(await page.getByText("Waiting for an admin's approval").count()).toBe(0);
    await screenshot(page, '07-approved');
  });

  it('both exchange messages live, and the one not looking sees an unread count', async () => {
    await memberPage.getByRole('link', { name: groupName }).click();
    await seen(memberPage.getByRole('textbox', { name: 'Message' }));
    await adminPage.getByRole('link', { name: 'Back to the conversation' }).click();
    await seen(adminPage.getByRole('textbox', { name: 'Message' }));

    await send(adminPage, 'Quad bike taken from Low Gill last night');
    await seen(messageLog(memberPage).getByText('Quad bike taken from Low Gill last night'));
    await send(memberPage, 'Saw a white van on the top road at 2am');
    await seen(messageLog(adminPage).getByText('Saw a white van on the top road at 2am'));
    // The admin's badge shows beside their name on the member's screen.
    await seen(messageLog(memberPage).getByText(`Officer · ${organisationName}`));
    await expectNoSidewaysScroll(memberPage);
    await screenshot(memberPage, '08-conversation');

    await memberPage.getByRole('link', { name: 'All groups' }).click();
    await seen(memberPage.getByRole('heading', { name: 'Your groups' }));
    await seen(memberPage.getByText('No new messages'));
    await send(adminPage, 'Police are on their way to Low Gill');
    await seen(memberPage.getByText('1 new message'));
    await screenshot(memberPage, '09-unread');
    await memberPage.getByRole('link', { name: groupName }).click();
    await seen(messageLog(memberPage).getByText('Police are on their way to Low Gill'));
  });

  it('a photo loses its location for members; only the admin can fetch the original with its GPS', async () => {
    const photo = join(photoDir, 'gate.jpg');
    await writeFile(photo, await createTestJpegWithGps());
    const [chooser] = await Promise.all([
      memberPage.waitForEvent('filechooser'),
      memberPage.getByRole('button', { name: /^Add photos/ }).click(),
    ]);
    await chooser.setFiles(photo);
    await seen(memberPage.getByRole('img', { name: 'Attachment 1 of 1' }));
    await send(memberPage, 'Gate left open at the top field');

    const openPhoto = memberPage.getByRole('button', { name: 'Open photo 1 of 1 from You' });
    await seen(openPhoto);
    const thumbSrc = await openPhoto.locator('img').getAttribute('src');
    await openPhoto.click();
    const viewer = memberPage.getByRole('dialog', { name: 'Photo 1 of 1 from You' });
    const displaySrc = await (await seen(viewer.getByRole('img'))).getAttribute('src');
    await screenshot(memberPage, '10-photo-viewer');
    await viewer.getByRole('button', { name: 'Close' }).click();
    expect(thumbSrc).toMatch(/\/media\/[^/]+\/thumb$/);
    expect(displaySrc).toMatch(/\/media\/[^/]+\/display$/);
    const mediaId = /\/media\/([^/]+)\//.exec(displaySrc ?? '')?.[1];

    for (const src of [thumbSrc, displaySrc]) {
      const response = await memberPage.request.get(new URL(src ?? '', memberPage.url()).toString());
      expect(response.status(), src ?? '').toBe(200);
      const meta = await sharp(await response.body()).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif, `${src} carries no EXIF`).toBeUndefined();
    }
    const originalPath = `/api/v1/media/${mediaId}/original`;
    expect((await memberPage.request.get(originalPath)).status()).toBe(403);

    await seen(adminPage.getByRole('button', { name: `Open photo 1 of 1 from ${member.name}` }));
    const original = await adminPage.request.get(originalPath);
    expect(original.status()).toBe(200);
    expect(await hasGpsExif(await original.body())).toBe(true);
    await screenshot(adminPage, '11-photo-admin');
  });

  it('offline and back: messages missed arrive once each in order, and the queued one is sent once', async () => {
    const missed = ['Sheep out on the lane by the chapel', 'Farmer at Raw Head has them', 'All back in now'];
    const queued = `Thanks, heading home ${run}`;
    await memberContext.setOffline(true);
    await seen(memberPage.getByText('No signal. Messages you write are sent when it returns.'));
    for (const text of missed) {
      await send(adminPage, text);
      await seen(messageLog(adminPage).getByText(text));
    }
    await send(memberPage, queued);
    const waiting = memberPage.getByRole('article', { name: 'Your message, not sent yet' });
    await seen(waiting.getByText('Waiting for signal'));
    await screenshot(memberPage, '12-offline');
    expect(
      await messageLog(memberPage)
        .getByText(missed[0] as string)
        .count(),
    ).toBe(0);

    await memberContext.setOffline(false);
    for (const text of [...missed, queued]) await seen(messageLog(memberPage).getByText(text));
    await waiting.waitFor({ state: 'detached' });
    await seen(messageLog(adminPage).getByText(queued));
    await screenshot(memberPage, '13-back-online');

    const texts = await eventually(
      () => messageTexts(memberPage),
      (all) => all.filter((t) => t.includes(queued)).length === 1,
    );
    const positions = [...missed, queued].map((m) => texts.filter((t) => t.includes(m)).length);
    expect(positions, 'each message is shown exactly once').toEqual([1, 1, 1, 1]);
    const order = [...missed, queued].map((m) => texts.findIndex((t) => t.includes(m)));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const history = await adminContext.request.get(`/api/v1/groups/${groupId}/messages?limit=200`);
    expect(history.status()).toBe(200);
    const { messages } = (await history.json()) as { messages: { body: string; seq: number }[] };
    expect(messages.filter((m) => m.body === queued)).toHaveLength(1);
    expect(messages.filter((m) => missed.includes(m.body)).map((m) => m.body)).toEqual(missed);
  });

  it("a plain member sees names and badges in the member list, never another member's email or phone", async () => {
    const page = memberPage;
    await page.getByRole('link', { name: 'Members' }).click();
    const list = page.getByRole('list', { name: 'Members' });
    await seen(list.getByText(admin.name));
    await seen(list.getByText(member.name));
    await seen(list.getByText(`Officer · ${organisationName}`));
    await expectNoSidewaysScroll(page);
    await screenshot(page, '14-members');

    for (const path of [`/groups/${groupId}/members`, `/groups/${groupId}`, '/']) {
      await page.goto(path);
      await seen(page.getByRole('heading', { level: 1 }));
      await seen(page.getByText(path === '/' ? groupName : admin.name).first());
      const html = await page.content();
      const text = await page.evaluate(() => document.body.textContent ?? '');
      for (const secret of [admin.email, admin.phone, admin.phone.replace(/\s/g, '')]) {
        expect(html, `${path} shows ${secret}`).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
    }
  });
});
