// The README's quick start in a real browser: `npm start` (serve --demo in development), open the
// printed URL, sign in as the demo admin through the development provider, see the contacts.
// Chromium comes from Debian (`apt-get install chromium`), driven by playwright-core. The server
// is plain http on 127.0.0.1 while its cookies are Secure and __Host- prefixed: this test is
// also the proof that Chromium accepts them there (loopback is a potentially trustworthy origin).
import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tempDataDir } from '../helpers/app.js';
import { chromiumMissing, launchChromium } from '../helpers/browser.js';
import { openPage } from '../helpers/web-app.js';
import { cliEnv, freePort, SPINNEY_BIN, START_DEADLINE_MS } from '../helpers/cli.js';

const DEMO_CONTACTS = ['Dana Whitfield', 'Marcus Oyelaran', 'Priya Natarajan', 'Tom Kessler'];
const REFRESH_COOKIE = '__Host-spinney_refresh';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser sign-in test cannot run in CI: it ${chromiumMissing}; .ci/run installs it before npm ci`);
} else {
  t.test('a newcomer signs in as the demo admin in Chromium and sees the demo contacts', { skip: chromiumMissing ?? false }, async (t) => {
    const dataDir = tempDataDir(t);
    const env = { SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir, SPINNEY_PORT: String(await freePort()), SPINNEY_LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, [SPINNEY_BIN, 'serve', '--demo'], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    // Teardowns run last-registered first: the browser closes, then the server stops, then its data dir goes.
    t.teardown(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const printed = /Sign in: open (http:\/\/127\.0\.0\.1:\d+)\/ /;
    const deadline = Date.now() + START_DEADLINE_MS;
    while (!printed.test(stderr) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const base = printed.exec(stderr)?.[1];
    if (!base) {
      t.fail('serve --demo printed the sign-in URL', { stderr });
      return;
    }

    const browser = await launchChromium(t);
    // Every console error (CSP violations included) and uncaught exception; only the signed-out probes may fail.
    const { page, context, problems } = await openPage(browser, base);

    // Chromium reports every Set-Cookie it refuses, and why, to the DevTools protocol.
    const refused: string[] = [];
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      for (const blocked of event.blockedCookies) refused.push(`${blocked.cookieLine.split('=')[0] ?? ''} refused (${blocked.blockedReasons.join(', ')})`);
    });
    await cdp.send('Network.enable');

    // 1. The printed URL shows the sign-in links.
    await page.goto(`${base}/`);
    const devLink = page.getByRole('link', { name: 'Sign in with Development sign-in (demo people)' });
    await devLink.waitFor();
    t.pass('the page offers the development sign-in');

    // 2. The development provider's page: one button per demo person.
    await devLink.click();
    const adminButton = page.getByRole('button', { name: /admin@demo\.spinney\.test/ });
    await adminButton.waitFor();
    t.match(page.url(), /^http:\/\/127\.0\.0\.1:\d+\/interaction\//, 'the browser is at the development provider');
    t.equal(await page.locator('meta[name="viewport"]').getAttribute('content'), 'width=device-width, initial-scale=1', 'whose page is readable on a phone');

    // 3. Back through the callback: the refresh cookie is set and the page trades it for an access token.
    const refreshed = page.waitForResponse((r) => r.url() === `${base}/api/v1/auth/refresh` && r.request().method() === 'POST' && r.status() === 200).catch(() => null);
    await adminButton.click();
    await page.waitForURL((url) => url.origin === base, { waitUntil: 'load' }).catch(() => undefined);
    t.same(refused, [], 'Chromium accepted every cookie set on the way (the Secure, __Host- ones over http://127.0.0.1 too)');
    await page.waitForURL(`${base}/contacts`).catch(() => undefined);
    if (!t.equal(page.url(), `${base}/contacts`, 'the callback sent the browser back to the app, which opens the contacts', { body: await page.locator('body').innerText().catch(() => '') })) return;
    const { accessToken } = ((await (await refreshed)?.json()) ?? {}) as { accessToken?: string };
    if (!t.ok(accessToken, 'the page obtained an access token with the refresh cookie') || !accessToken) return;
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    t.equal(await page.locator('.workspace-name').textContent(), 'Demo Workspace', 'the page names the workspace');
    t.equal(await page.locator('.account-role').textContent(), 'admin', 'and the role');
    const contacts = page.locator('tbody th');
    await contacts.nth(DEMO_CONTACTS.length - 1).waitFor();
    t.same((await contacts.allTextContents()).sort(), DEMO_CONTACTS, 'and lists the demo contacts');

    // 4. Where the tokens live: the refresh token only in an HttpOnly cookie, the access token only in memory.
    const refreshCookie = (await context.cookies(`${base}/api/v1/auth/refresh`)).find((c) => c.name === REFRESH_COOKIE);
    t.match(
      refreshCookie,
      { domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Strict' },
      'Chromium stored the Secure refresh cookie from http://127.0.0.1 as HttpOnly, SameSite=Strict, __Host- (Path=/, no Domain)',
    );
    // Evaluated in the page (a string: the tests compile without the DOM library).
    const seen = await page.evaluate<{ cookie: string; local: number; session: number; html: string }>(
      '({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, html: document.documentElement.outerHTML })',
    );
    t.notMatch(seen.cookie, /spinney_refresh/, 'document.cookie does not show the refresh cookie');
    t.notOk(refreshCookie && seen.cookie.includes(refreshCookie.value), 'nor its value');
    t.same([seen.local, seen.session], [0, 0], 'localStorage and sessionStorage are empty');
    t.notOk(seen.html.includes(accessToken) || seen.cookie.includes(accessToken), 'the access token is not in the document or its cookies');

    // 5. Sign out: the links come back, the cookie is gone, and a reload stays signed out.
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await devLink.waitFor();
    t.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'signing out shows the sign-in links again');
    t.notOk((await context.cookies(`${base}/api/v1/auth/refresh`)).some((c) => c.name === REFRESH_COOKIE), 'and removes the refresh cookie');
    await page.reload();
    await devLink.waitFor();
    t.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'a reload stays signed out');

    t.same(problems, [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
