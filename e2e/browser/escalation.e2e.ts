// Escalation on two phones: a group admin passes a member's report to 101, reads out the handover,
// records the police reference and outcome, and posts "what happened next"; the reporter sees it, and
// agrees to share their phone number with the police for that report.
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

const REPORT =
  'Two men lamping in the top field at High Side, white pickup AB12 CDE, heading for the fell road.';
const REPORTER_PHONE = '+44 7700 900123';
const MIDDLETON = { lat: 54.625, lng: -2.081 };

describeBrowser('escalation: from a report to "what happened next"', () => {
  let server: RunningServer;
  let browser: Browser;
  let group: { id: string; name: string };
  let admin: Person;
  let reporter: Person;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page> = {};
  /** The address of the first escalation's handover screen. */
  let firstEscalation = '';

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    const platform = await setupPlatformAdmin(server);
    const organisation = await createOrganisation(platform, 'Durham Rural Watch', 'charity');
    group = await createGroup(platform, organisation.id, { name: 'Teesdale Farm Watch' });
    const invite = await createInvite(platform, group.id);
    const adminAccount = newAccount('Jane Alderson');
    admin = await acceptInvite(server.url, invite.token, adminAccount, ['Bowlees Farm']);
    const reporterAccount = { ...newAccount('Tom Raine'), phone: REPORTER_PHONE };
    reporter = await acceptInvite(server.url, invite.token, reporterAccount, ['High Side Farm']);
    await decide(platform, group.id, admin.me.id, 'approve');
    await decide(platform, group.id, reporter.me.id, 'approve');
    const role = `/api/v1/groups/${group.id}/members/${admin.me.id}/role`;
    expectStatus('PUT', role, await platform.api.request('PUT', role, { role: 'admin' }), 200);
    const post = `/api/v1/groups/${group.id}/messages`;
    const body = { clientId: 'escalation-e2e-report-1', body: REPORT, location: MIDDLETON };
    expectStatus('POST', post, await reporter.api.request('POST', post, body), 201);
    browser = await launchBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      for (const [who, page] of Object.entries(pages))
        await screenshot(page, `escalation-failed-${who}`, { fullPage: true });
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function phone(who: string, person: Person): Promise<Page> {
    const { context, page } = await newPhone(browser, server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    contexts.push(context);
    pages[who] = page;
    await page.goto('/signin');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('heading', { name: 'Your groups' }));
    return page;
  }

  it('passes the report to 101 and shows the handover to read out or copy', async () => {
    const page = await phone('admin', admin);
    await page.getByRole('link', { name: group.name }).click();
    const message = page.getByRole('article', { name: /Message from Tom Raine/ });
    await seen(message);
    await message.getByRole('button', { name: 'Options for message from Tom Raine' }).click();
    await seen(page.getByRole('link', { name: 'Escalate to the police' }));
    await page.getByRole('link', { name: 'Escalate to the police' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'escalation-0-options');
    await page.getByRole('link', { name: 'Escalate to the police' }).click();

    await seen(page.getByRole('heading', { name: 'Pass to the police' }));
    await seen(page.getByText(REPORT));
    await expect(page.getByRole('link', { name: 'Call 999' }).getAttribute('href')).resolves.toBe('tel:999');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-1-choose');
    await page.getByRole('button', { name: /^101 non-emergency/ }).click();

    await seen(page.getByRole('heading', { name: /Handover/ }));
    firstEscalation = new URL(page.url()).pathname;
    const call = page.getByRole('link', { name: 'Call 101' });
    await expect(call.getAttribute('href')).resolves.toBe('tel:101');
    await seen(page.getByText('Contact details: not shared — ask the reporter in the group.'));
    await seen(page.getByText(`54°37'30.0"N 2°04'51.6"W`));
    await seen(
      page
        .getByText('what3words: not available on this server')
        .or(page.getByText('not available on this server')),
    );
    await seen(page.locator('.pack-reg', { hasText: 'AB12 CDE' }));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-2-handover');
    await screenshot(page, 'escalation-2-handover-full', { fullPage: true });

    await page.getByRole('button', { name: 'Copy a note for the reporter' }).click();
    await seen(page.getByText('Copied. Paste it to the reporter.'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      `${server.url}/escalations/mine`,
    );

    await page.getByRole('button', { name: 'Copy the handover text' }).click();
    await seen(page.getByText('Copied. Paste it into the online form'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('FELLWATCH HANDOVER — 101 (non-emergency)');
    expect(copied).toContain(REPORT);
    expect(copied).toContain('REGISTRATIONS MENTIONED\nAB12 CDE');
    expect(copied).not.toContain(reporter.email);
    expect(copied).not.toContain('7700 900123');
  });

  it('records the reference, status and outcome, and tells the group what happened next', async () => {
    const page = pages.admin as Page;
    const reference = page.getByLabel('Police reference');
    await reference.fill('DUR#0042');
    await page.getByRole('button', { name: 'Save the reference' }).click();
    await seen(page.getByText("Use only letters, numbers, spaces, '/' and '-'."));
    await reference.fill('DUR-20261129-0042');
    await page.getByRole('button', { name: 'Save the reference' }).click();
    await seen(page.getByText('Reference saved.'));
    await seen(page.locator('.escalation-reference', { hasText: 'DUR-20261129-0042' }));

    await page.getByRole('button', { name: 'The police have it' }).click();
    await seen(page.getByText('Marked: with the police.'));
    await page.getByRole('radio', { name: 'Arrest made' }).check();
    await page.getByLabel('What the police said or did').fill('Two men charged with poaching.');
    await page.getByRole('button', { name: 'Save the outcome' }).click();
    await seen(page.getByText('Outcome saved.'));

    const update = page.getByLabel('What happened next (for the group)');
    await expect(update.inputValue()).resolves.toBe(
      'What happened next: The police made an arrest. Two men charged with poaching.\nThank you for reporting it. It helps.',
    );
    await update.fill(
      'What happened next: the police caught the lampers from last night. Thank you Tom for posting it.',
    );
    await expectLabelledFields(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-3-progress', { fullPage: true });
    await page.getByRole('button', { name: 'Post to the group' }).click();
    await seen(page.getByText('Posted in the group.', { exact: false }));
    await seen(page.getByText('posted what happened next in the group.', { exact: false }));

    await page.getByRole('link', { name: /Everything passed to the police from/ }).click();
    await seen(page.getByRole('heading', { name: /Passed to the police/ }));
    await seen(
      page.getByText('Ref DUR-20261129-0042', { exact: false }).or(page.getByText('DUR-20261129-0042')),
    );
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-4-group-list');
  });

  it('offers Escalate on an alert card, and hands over its fields and registration', async () => {
    const path = `/api/v1/groups/${group.id}/alerts`;
    const alert = {
      clientId: 'escalation-e2e-alert-1',
      details: { kind: 'stolen', category: 'quad', make: 'Honda', colour: 'red', registration: 'YK70 XYZ' },
      summary: 'Taken from the yard at High Side overnight.',
      location: MIDDLETON,
      reach: { mode: 'group' },
    };
    expectStatus('POST', path, await reporter.api.request('POST', path, alert), 201);
    const page = pages.admin as Page;
    await page.goto(`/groups/${group.id}`);
    const card = page
      .getByRole('log', { name: 'Messages' })
      .getByRole('region', { name: 'Stolen: quad bike' });
    await seen(card);
    const escalate = card.getByRole('link', { name: 'Escalate to the police' });
    await escalate.scrollIntoViewIfNeeded();
    await screenshot(page, 'escalation-6-alert-card');
    await escalate.click();
    await seen(page.getByRole('heading', { name: 'Pass to the police' }));
    await seen(page.getByText('Stolen: quad bike'));
    await page.getByRole('button', { name: /^Online report/ }).click();
    await seen(page.getByRole('heading', { name: /Handover/ }));
    await seen(page.getByText('Use your police force’s online reporting form', { exact: false }));
    await seen(page.locator('.pack-reg', { hasText: 'YK70 XYZ' }));
    await seen(page.getByText('Honda'));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-7-alert-handover', { fullPage: true });
  });

  it('lets the reporter see what happened and agree to share their phone number for this report', async () => {
    const page = await phone('reporter', reporter);
    await page.getByRole('link', { name: group.name }).click();
    await seen(page.getByText('the police caught the lampers from last night', { exact: false }));
    // A plain member is not offered Escalate.
    const own = page.getByRole('article', { name: /Message from You/ }).first();
    await own.getByRole('button', { name: /Options for message/ }).click();
    await expect(page.getByRole('link', { name: 'Escalate to the police' }).count()).resolves.toBe(0);

    await page.goto('/escalations/mine');
    await seen(page.getByRole('heading', { name: 'My reports to the police' }));
    await seen(page.getByText('Arrest made', { exact: false }));
    const report = page.getByRole('listitem').filter({ hasText: 'Two men lamping' });
    await report.getByRole('checkbox', { name: /^My phone number/ }).check();
    await report.getByRole('button', { name: 'Save my choice' }).click();
    await seen(
      page.getByText('Saved. The police will be given the details you ticked, for this report only.'),
    );
    await expectLabelledFields(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'escalation-5-my-reports', { fullPage: true });

    const adminPage = pages.admin as Page;
    await adminPage.goto('/');
    await adminPage.goto(firstEscalation);
    await seen(adminPage.getByText(`Phone: ${REPORTER_PHONE}`));
    await seen(adminPage.getByText('The reporter agreed to share these contact details', { exact: false }));
  });
});
