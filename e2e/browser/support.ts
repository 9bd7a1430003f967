// Browser specs' shared parts: Debian's Chromium through playwright-core, phone-sized contexts, screenshots.
// Specs hand callbacks to page.evaluate, which run in the page: they are typed against the DOM.
/// <reference lib="dom" />
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { repoRoot, webIndex } from '../support/server.js';

/** Where screenshots go (git-ignored). */
export const artifactsDir = join(repoRoot, 'e2e/artifacts');

/** The phone every spec holds: a small Android screen. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

/** How long a person waits for something to appear before the spec gives up. */
export const SEEN_WITHIN_MS = 10_000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, or a chromium on PATH; never a downloaded browser. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (dir && executable(candidate)) return candidate;
    }
  }
  return undefined;
}

const chromiumPath = findChromium();

/**
 * A describe block for browser specs. Without Chromium it is skipped with a loud warning, or fails
 * when CI is set; without the built web client it fails, since the spec could only mislead.
 */
export function describeBrowser(title: string, fn: () => void): void {
  if (!chromiumPath) {
    const install = "install Debian's chromium or set CHROMIUM_PATH";
    if (process.env.CI)
      throw new Error(`${title}: no Chromium found — ${install}; CI runs the browser tests.`);
    console.warn(`\n*** Browser tests SKIPPED: no Chromium found — ${install} ***\n`);
    describe.skip(title, fn);
    return;
  }
  if (!existsSync(webIndex)) {
    throw new Error(`${title}: the web client is not built (${webIndex}); run npm run build first.`);
  }
  describe(title, fn);
}

/** Launches Chromium headless with the flags the project allows. */
export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("No Chromium found; install Debian's chromium or set CHROMIUM_PATH.");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // headless: true adds --headless; these are the rest of the project's flags.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A fresh phone (own cookies and storage) opened at `baseURL`. */
export async function newPhone(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...PHONE,
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(SEEN_WITHIN_MS);
  const page = await context.newPage();
  return { context, page };
}

/** Saves what the phone shows (or the whole page) as e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** Waits until the locator is visible, with the spec's patience. */
export async function seen(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout: SEEN_WITHIN_MS });
  return locator;
}

/** Polls `read` until it satisfies `check` (or the patience runs out, then asserts once more). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + SEEN_WITHIN_MS;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page is no wider than the phone: nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.viewport.width);
}

/**
 * Every visible input, select and textarea has an accessible name, as Playwright's accessibility
 * snapshot computes it. Returns the names found, for the spec to mention.
 */
export async function expectLabelledFields(page: Page): Promise<string[]> {
  const fields = page.locator('input:not([type=hidden]), select, textarea');
  const names: string[] = [];
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible())) continue;
    const snapshot = (await field.ariaSnapshot()).split('\n')[0] ?? '';
    const name = /^- [a-z]+ "(.+?)"/.exec(snapshot)?.[1];
    const outer = await field.evaluate((el) => el.outerHTML.slice(0, 200));
    expect(name, `a field without an accessible name on ${page.url()}: ${outer}`).toBeTruthy();
    names.push(name as string);
  }
  return names;
}
