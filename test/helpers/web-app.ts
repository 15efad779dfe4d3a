// The web app in real Chromium, as a person uses it: pages that record every console error, CSP
// violation and uncaught exception; sign-in through the development provider playing Google; an
// axe-core check of the screen in view; and desktop and phone screenshots of each main screen
// (written to test-output/screenshots/; the best are copied by hand to docs/screenshots/).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOT_DIR = new URL('../../test-output/screenshots/', import.meta.url);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, CSP violations and uncaught exceptions, in order; a test expects none. */
  problems: string[];
  /** A refusal the test provokes on purpose (Chromium logs every 4xx): `status` from `path`, once. */
  expectRefusal(status: number, path: string): void;
}

/**
 * A new browser context and page. CSP violations are logged as console errors ("Refused to load
 * …"). The expected console errors are the page's signed-out probes, which Chromium logs: POST
 * /auth/refresh (401 without the cookie) and POST /auth/pending (404: no sign-in step waiting).
 */
export async function openPage(browser: Browser, base: string, viewport = DESKTOP): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const provoked: string[] = [];
  const expected = (message: ConsoleMessage): boolean => {
    const where = message.location().url;
    if ((message.text().includes('status of 401') && where === `${base}/api/v1/auth/refresh`) || (message.text().includes('status of 404') && where === `${base}/api/v1/auth/pending`)) return true;
    const at = provoked.findIndex((entry) => message.text().includes(`status of ${entry.split(' ')[0]}`) && where === `${base}${entry.split(' ')[1]}`);
    if (at >= 0) provoked.splice(at, 1);
    return at >= 0;
  };
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected(message)) problems.push(`console error at ${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, context, problems, expectRefusal: (status, path) => provoked.push(`${status} ${path}`) };
}

/** Signs in from the sign-in page as the provider's user whose button matches `who`; resolves on the first signed-in screen. */
export async function signInAs(page: Page, base: string, who: RegExp, path = '/'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole('link', { name: 'Sign in with Google' }).click();
  await page.getByRole('button', { name: who }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * Resolves once no `.loading` placeholder is left on the page. A locator, not a string predicate:
 * waitForFunction evaluates a string inside the page, and the page's CSP (no unsafe-eval) refuses it.
 */
export async function loaded(page: Page): Promise<void> {
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

/**
 * Reads `read` until `done` accepts its answer or `timeoutMs` pass, and answers the last reading: for
 * what the app does a frame after a render (moving focus). Not waitForFunction: the page's CSP
 * refuses the string it compiles (the lint rule says so).
 */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  let value = await read();
  for (const deadline = Date.now() + timeoutMs; !done(value) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

/** Serious and critical axe-core violations on the page as it is now, one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; strings, because the tests compile without the DOM library.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<{ id: string; impact: string; help: string; nodes: { target: string[] }[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Desktop and phone screenshots of the page as it is, named `<name>-desktop.png` and `<name>-phone.png`. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize() ?? DESKTOP;
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: new URL(`${name}-${label}.png`, SCREENSHOT_DIR).pathname, fullPage: false, animations: 'disabled' });
    if (label === 'phone') await assertPhoneHeader(page, name);
  }
  await page.setViewportSize(size);
}

/** On a phone the header fits the screen and its search box is usable: most of the width, not a few letters. */
async function assertPhoneHeader(page: Page, name: string): Promise<void> {
  const header = (await page.evaluate(`(() => {
    const bar = document.querySelector('.topbar'); const box = document.querySelector('.topbar [role=search] input');
    return bar && { overflow: bar.scrollWidth - bar.clientWidth, height: bar.getBoundingClientRect().height, box: box ? box.getBoundingClientRect().width : null, width: window.innerWidth };
  })()`)) as { overflow: number; height: number; box: number | null; width: number } | null;
  if (!header) return;
  if (header.overflow > 0) throw new Error(`${name}: the header is ${header.overflow}px wider than a phone's screen`);
  // Two rows at most: the brand, workspace and account, then the search box.
  if (header.height > 120) throw new Error(`${name}: the header takes ${Math.round(header.height)}px of a phone's height`);
  if (header.box !== null && header.box < header.width * 0.8) throw new Error(`${name}: the header's search box is ${Math.round(header.box)}px of a ${header.width}px phone screen`);
}

/** What the page keeps in storage and cookies it can read: a signed-in page keeps nothing. */
export async function pageStorage(page: Page): Promise<{ cookie: string; local: number; session: number; indexedDb: number }> {
  return page.evaluate(`(async () => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, indexedDb: (await indexedDB.databases()).length }))()`);
}
