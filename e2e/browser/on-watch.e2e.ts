// On watch, on three phones against the built server: the force's numbers set once show in every group,
// an officer goes on watch and members see who, a worrying post shows the poster "call 999" at once and
// reaches the group admin's "needs attention" queue, where it is marked handled.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  acceptInvite,
  createGroup,
  createInvite,
  createOrganisation,
  decide,
  newAccount,
  type Person,
  setupPlatformAdmin,
} from '../support/bootstrap.js';
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

const FORCE = 'Durham Constabulary';
const RISKY = 'The hay barn at High Gill is on fire and there is someone trapped inside';

/** Signs a phone in through the sign-in screen, as the person would. */
async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await seen(page.getByRole('heading', { name: 'Your groups' }));
}

describeBrowser('on watch, and a worrying post', () => {
  let server: RunningServer;
  let browser: Browser;
  const phones: { context: BrowserContext; page: Page; name: string }[] = [];
  let platformAdmin: Person;
  let officer: Person;
  let admin: Person;
  let member: Person;
  let organisationId = '';

  async function phone(name: string, person?: Person): Promise<Page> {
    const opened = await newPhone(browser, server.url);
    phones.push({ ...opened, name });
    if (person) await signIn(opened.page, person);
    return opened.page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ engine: 'sqlite' }), launchBrowser()]);
    platformAdmin = await setupPlatformAdmin(server);
    const organisation = await createOrganisation(platformAdmin, FORCE, 'police');
    organisationId = organisation.id;
    const group = await createGroup(platformAdmin, organisation.id, { name: 'High Gill Farms' });
    const invite = await createInvite(platformAdmin, group.id);
    const joined: Person[] = [];
    for (const name of ['PC Jane Smith', 'Ann Hodgson', 'Ben Gill']) {
      const person = await acceptInvite(server.url, invite.token, newAccount(name));
      await decide(platformAdmin, group.id, person.me.id, 'approve');
      joined.push(person);
    }
    [officer, admin, member] = joined as [Person, Person, Person];
    const people = `/api/v1/organisations/${organisation.id}/people`;
    expectStatus(
      'POST',
      people,
      await platformAdmin.api.request('POST', people, { email: officer.email, affiliation: 'officer' }),
      200,
    );
    const role = `/api/v1/groups/${group.id}/members/${admin.me.id}/role`;
    expectStatus('PUT', role, await platformAdmin.api.request('PUT', role, { role: 'admin' }), 200);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-watch-${task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`;
    for (const p of phones) await screenshot(p.page, `${name}-${p.name}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sets the force's numbers once, and every group shows them with tap-to-call", async () => {
    const page = await phone('platform-admin');
    await signIn(page, platformAdmin);
    await page.getByRole('link', { name: 'Admin' }).click();
    await seen(page.getByRole('heading', { name: 'Emergency numbers' }));
    await page.getByLabel('Online report form').fill('http://www.durham.police.uk/report');
    await page.getByRole('button', { name: 'Save the numbers' }).click();
    await seen(page.getByText('starting with https://', { exact: false }).and(page.locator('.field-error')));
    await page.getByLabel('Online report form').fill('https://www.durham.police.uk/report');
    await page.getByLabel('Non-emergency number').fill('101');
    await page.getByLabel('Force name').fill(FORCE);
    await page.getByRole('button', { name: 'Save the numbers' }).click();
    await seen(page.getByText('The numbers have been saved.'));
    await expectLabelledFields(page);
    await expectNoSidewaysScroll(page);
    await page.getByLabel('Force name').scrollIntoViewIfNeeded();
    await screenshot(page, 'watch-01-guidance-settings');
    const saved = await platformAdmin.api.request('GET', `/api/v1/organisations/${organisationId}/guidance`);
    expect(saved.body.guidance).toMatchObject({
      onlineReportUrl: 'https://www.durham.police.uk/report',
      forceName: FORCE,
    });
  });

  it('puts an officer on watch, and a member sees who is watching in the group header', async () => {
    const memberPage = await phone('member', member);
    await memberPage.getByRole('link', { name: 'High Gill Farms' }).click();
    await seen(memberPage.getByText('Nobody is watching this group right now'));
    const notice = memberPage.locator('.emergency-notice');
    expect(await notice.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    expect(await notice.getByRole('link', { name: '101' }).getAttribute('href')).toBe('tel:101');
    expect(await notice.getByRole('link', { name: 'report online' }).getAttribute('href')).toBe(
      'https://www.durham.police.uk/report',
    );
    await screenshot(memberPage, 'watch-02-nobody-watching');

    // Once read, the notice folds to one line that keeps the numbers to tap, on this phone, for this group.
    await notice.getByRole('button', { name: 'Got it' }).click();
    const toggle = notice.getByRole('button', { name: 'What is this for?' });
    await seen(toggle);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await notice.getByText('Danger or a crime now', { exact: false }).count()).toBe(0);
    expect(await notice.getByRole('link', { name: 'report online' }).count()).toBe(0);
    expect(await notice.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    expect(await notice.getByRole('link', { name: '101' }).getAttribute('href')).toBe('tel:101');
    const oneLine = await notice.evaluate((el) => el.getBoundingClientRect().height);
    expect(oneLine).toBeLessThan(48);
    await memberPage.reload();
    await seen(toggle);
    await seen(memberPage.getByText('Nobody is watching this group right now'));
    expect(await notice.getByRole('button', { name: 'Got it' }).count()).toBe(0);
    expect(await notice.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    await expectNoSidewaysScroll(memberPage);
    await screenshot(memberPage, 'watch-02a-notice-folded');
    // It opens again from the keyboard, and folds again.
    await toggle.focus();
    await memberPage.keyboard.press('Enter');
    await seen(notice.getByText('Danger or a crime now', { exact: false }));
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await seen(notice.getByRole('link', { name: 'report online' }));
    await screenshot(memberPage, 'watch-02b-notice-opened');
    await memberPage.keyboard.press('Enter');
    await notice.getByRole('link', { name: 'report online' }).waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    const officerPage = await phone('officer', officer);
    await officerPage.getByRole('link', { name: 'Watch', exact: true }).click();
    await seen(officerPage.getByRole('heading', { name: 'On watch' }));
    await officerPage.getByRole('radio', { name: '4 hours' }).check();
    await expectLabelledFields(officerPage);
    await screenshot(officerPage, 'watch-03-go-on-watch');
    await officerPage.getByRole('button', { name: 'Go on watch' }).click();
    await seen(officerPage.getByText('You are on watch until', { exact: false }));
    await seen(officerPage.getByRole('button', { name: 'End watch now' }));
    await expectNoSidewaysScroll(officerPage);
    await screenshot(officerPage, 'watch-04-on-watch');

    await memberPage.reload();
    await seen(memberPage.getByText(`Watched now by PC Jane Smith (${FORCE})`));
    await expectNoSidewaysScroll(memberPage);
    await screenshot(memberPage, 'watch-05-watched-now');

    await officerPage.getByRole('button', { name: 'End watch now' }).click();
    await seen(officerPage.getByText('You are no longer on watch.'));

    // A regular duty: every Tuesday and Friday evening.
    await officerPage.getByRole('button', { name: 'Watch every week' }).click();
    await seen(officerPage.getByText('Choose at least one day.'));
    await officerPage.getByRole('checkbox', { name: 'Tuesday' }).check();
    await officerPage.getByRole('checkbox', { name: 'Friday' }).check();
    await officerPage.getByLabel('Starting at').fill('18:00');
    await officerPage.getByLabel('For how long each time?').selectOption({ label: '8 hours' });
    await officerPage.getByRole('checkbox', { name: 'Tuesday' }).scrollIntoViewIfNeeded();
    await screenshot(officerPage, 'watch-04a-weekly-form');
    await officerPage.getByRole('button', { name: 'Watch every week' }).click();
    await seen(officerPage.getByText('Every Tue and Fri, 18:00 for 8 hours: saved.'));
    await seen(officerPage.getByRole('heading', { name: 'Every week', exact: true }));
    await expectLabelledFields(officerPage);
    await expectNoSidewaysScroll(officerPage);
    await officerPage.getByRole('heading', { name: 'Every week', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(officerPage, 'watch-04b-weekly');
    await officerPage.getByRole('button', { name: 'Stop this weekly watch' }).click();
    await seen(officerPage.getByText('Your weekly watch has been stopped.'));
    await memberPage.reload();
    await seen(memberPage.getByText('Nobody is watching this group right now'));
  });

  it('shows the poster "call 999" at once, and the flag reaches the group admin, who marks it handled', async () => {
    const adminPage = await phone('admin', admin);
    const memberPage = phones.find((p) => p.name === 'member')?.page as Page;

    await memberPage.getByRole('textbox', { name: 'Message' }).fill(RISKY);
    await memberPage.getByRole('button', { name: 'Send' }).click();
    const dialog = memberPage.getByRole('dialog', { name: 'If anyone is in danger now, call 999' });
    await seen(dialog);
    expect(await dialog.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(
      await dialog.getByRole('link', { name: 'Call 999' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await dialog.textContent()).toContain('nobody is watching this group right now');
    await screenshot(memberPage, 'watch-06-risk-guidance');
    await dialog.getByRole('button', { name: 'I understand' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The message itself went to the group as usual, with nothing about the flag for members.
    await seen(memberPage.getByRole('log', { name: 'Messages' }).getByText(RISKY));
    expect(await memberPage.getByText('needs attention', { exact: false }).count()).toBe(0);

    // The group admin, elsewhere in the app, is told at once.
    const banner = adminPage.getByRole('alert').filter({ hasText: 'Needs attention now' });
    await seen(banner);
    await seen(adminPage.getByRole('link', { name: /1 message needs attention/ }));
    await screenshot(adminPage, 'watch-07-attention-banner');
    // In the group itself the header says so too, for those who see the queue.
    await adminPage.getByRole('link', { name: 'High Gill Farms' }).click();
    await seen(adminPage.locator('.watch-line').getByRole('link', { name: '1 message needs attention' }));
    await seen(adminPage.locator('.watch-line').getByRole('link', { name: 'Go on watch' }));
    await expectNoSidewaysScroll(adminPage);
    await screenshot(adminPage, 'watch-07b-admin-conversation');
    await adminPage.locator('.watch-line').getByRole('link', { name: '1 message needs attention' }).click();
    await seen(adminPage.getByRole('heading', { name: 'Needs attention' }));
    const item = adminPage.locator('.attention-item').filter({ hasText: RISKY });
    await seen(item);
    expect(await item.textContent()).toContain('Fire');
    expect(await item.textContent()).toContain('Ben Gill');
    await expectNoSidewaysScroll(adminPage);
    await screenshot(adminPage, 'watch-08-queue');
    await item.getByRole('button', { name: 'Mark handled' }).click();
    await seen(adminPage.getByText('Nothing needs attention here now.'));
    await adminPage.getByRole('button', { name: 'Handled' }).click();
    await seen(adminPage.getByText('Handled by Ann Hodgson', { exact: false }));
    await screenshot(adminPage, 'watch-09-handled');
  });
});
