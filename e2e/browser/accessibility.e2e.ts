// Accessibility basics on the main screens at 360 px: labelled fields, signing in by keyboard, no sideways scroll.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrapWatchGroup, type Person, type WatchGroup } from '../support/bootstrap.js';
import { expectStatus } from '../support/http.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  describeBrowser,
  expectLabelledFields,
  expectNoSidewaysScroll,
  launchBrowser,
  newPhone,
  screenshot,
  seen,
} from './support.js';

/** Checks a screen once its heading shows: labelled fields, no sideways scroll, and a screenshot. */
async function checkScreen(page: Page, heading: string | RegExp, name: string): Promise<string[]> {
  await seen(page.getByRole('heading', { level: 1, name: heading }));
  const fields = await expectLabelledFields(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, `a11y-${name}`);
  return fields;
}

/** Presses Tab until the focused element is the one wanted, as a keyboard user would; fails after `max`. */
async function tabTo(page: Page, label: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : '';
    });
    if (focused === label) return;
  }
  throw new Error(`Tab never reached the field labelled "${label}" within ${max} presses`);
}

/** The one member the spec's watch group has. */
function memberOf(watch: WatchGroup): Person {
  const [member] = watch.members;
  if (!member) throw new Error('the watch group has no member');
  return member;
}

describeBrowser('accessibility basics on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let watch: WatchGroup;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ engine: 'sqlite' }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the setup and join pages label every field and fit the screen', async () => {
    const { context, page } = await newPhone(browser, server.url);
    await page.goto(`/setup?token=${server.setupToken}`);
    expect(await checkScreen(page, 'Set up Fellwatch', 'setup')).toEqual(
      expect.arrayContaining(['Your name', 'Email', 'Password', 'Phone number (optional)']),
    );

    watch = await bootstrapWatchGroup(server, { members: 1, names: ['Carys Nicholson'] });
    // A long unbroken line must wrap, not widen the conversation.
    const long = `Reg plate seen https://example.org/${'x'.repeat(120)} near the ford`;
    const path = `/api/v1/groups/${watch.group.id}/messages`;
    const body = { clientId: 'long-line-1', body: long };
    expectStatus('POST', path, await memberOf(watch).api.request('POST', path, body), 201);

    await page.goto(watch.invite.url);
    const joinFields = await checkScreen(page, /^Join /, 'join');
    expect(joinFields).toContain('Which farm or house are you at?');
    await context.close();
  });

  it('a member signs in with the keyboard alone, and the screens they use are labelled and fit', async () => {
    const person = memberOf(watch);
    const { context, page } = await newPhone(browser, server.url);
    await page.goto('/signin');
    await checkScreen(page, 'Sign in', 'sign-in');
    await tabTo(page, 'Email');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'password',
    );
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');
    await checkScreen(page, 'Your groups', 'groups');

    await page.getByRole('link', { name: watch.group.name }).click();
    const fields = await checkScreen(page, new RegExp(watch.group.name), 'conversation');
    expect(fields).toContain('Message');
    await seen(page.getByText('near the ford'));
    await expectNoSidewaysScroll(page);

    await page.getByRole('link', { name: 'Members' }).click();
    await checkScreen(page, `Members of ${watch.group.name}`, 'members');
    await context.close();
  });

  it('the account page explains notifications on this phone, and says why they cannot be turned on here', async () => {
    const person = memberOf(watch);
    const { context, page } = await newPhone(browser, server.url);
    // Allowed, as if the person had said yes; headless Chromium still has no push service to subscribe with.
    await context.grantPermissions(['notifications']);
    await page.goto('/signin');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('heading', { name: 'Your groups' }));
    await page.goto('/account');
    await checkScreen(page, 'Your account', 'account');
    const panel = page.getByRole('region', { name: 'Notifications on this phone' });
    await seen(panel.getByText('even when Fellwatch is closed'));
    await seen(panel.getByText('Notifications are off for this phone.'));
    await panel.getByRole('button', { name: 'Turn on notifications' }).click();
    await seen(panel.getByRole('alert').getByText('could not reach its notification service'));
    expect(await panel.getByRole('button', { name: 'Turn on notifications' }).isEnabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'a11y-account-notifications');
    await context.close();
  });

  it("the admin's screens label every field and fit the screen", async () => {
    const { context, page } = await newPhone(browser, server.url);
    await page.goto('/signin');
    await page.getByLabel('Email').fill(watch.admin.email);
    await page.getByLabel('Password').fill(watch.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('heading', { name: 'Your groups' }));

    await page.getByRole('link', { name: 'Admin' }).click();
    // The map loads on demand; its fields are part of the screen.
    await seen(page.getByRole('button', { name: 'Pin the middle of the map' }));
    const adminFields = await checkScreen(page, 'Platform admin', 'platform-admin');
    expect(adminFields).toEqual(
      expect.arrayContaining(['Organisation name', 'Group name', 'Radius in kilometres']),
    );
    await page.getByRole('button', { name: 'Add a question' }).click();
    expect(await expectLabelledFields(page)).toContain('Question 1');

    await page.goto(`/groups/${watch.group.id}/admin`);
    await checkScreen(page, `Manage ${watch.group.name}`, 'group-members');
    for (const [section, name] of [
      ['Invite links', 'group-invites'],
      ['Settings', 'group-settings'],
    ] as const) {
      await page.getByRole('button', { name: section, exact: true }).click();
      await seen(page.getByRole('button', { name: section, pressed: true }));
      if (section === 'Settings') await seen(page.getByRole('button', { name: 'Pin the middle of the map' }));
      else await seen(page.getByRole('button', { name: 'Create invite link' }));
      await expectLabelledFields(page);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `a11y-${name}`, { fullPage: true });
    }
    await context.close();
  });
});
