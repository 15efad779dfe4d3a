// Re-authentication in real Chromium: when the sensitive window has lapsed, the page asks the
// person to confirm it is them (it does not sign them out); confirming at the provider brings them
// back to the same session with sensitive routes open again. The server runs in-process with a
// manual clock; the development OpenID provider plays Google.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { ManualClock } from '../../src/time/clock.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { signInAs } from '../helpers/web-app.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser re-authentication test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('a lapsed sensitive window shows a re-authentication prompt; confirming reopens the same session', { skip: chromiumMissing ?? false }, async (t) => {
    const clock = new ManualClock();
    const { api, base } = await startGoogleSignInApp(t, { clock });
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const liveSessions = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT id FROM sessions WHERE ended_at IS NULL').pluck().all());

    const browser = await launchChromium(t);
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));

    await signInAs(page, base, /ann@acme\.example/);
    const [sessionId] = liveSessions();

    await page.getByRole('link', { name: 'Your sessions' }).click();
    await page.locator('.card').first().waitFor();
    t.equal(await page.getByRole('dialog', { name: "Confirm it's you" }).count(), 0, 'within the window the sessions are listed');

    clock.advance(11 * 60_000);
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'Your sessions' }).click();
    const prompt = page.getByRole('dialog', { name: "Confirm it's you" });
    await prompt.waitFor();
    t.match(await prompt.textContent(), /needs a recent sign-in\. Confirm with your provider and you come straight back here, still signed in\./, 'the page asks to confirm');
    t.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1, 'and has not signed the person out');

    await prompt.getByRole('link', { name: 'Confirm with Google' }).click();
    await page.getByRole('button', { name: /ann@acme\.example/ }).click(); // the provider asks again (prompt=login)
    await page.waitForURL(`${base}/account/sessions`);
    await page.locator('.card').first().waitFor();
    t.equal(await prompt.count(), 0, 'after confirming, the same screen answers again');
    t.same(liveSessions(), [sessionId], 'in the same session');
    t.same(problems, [], 'no uncaught exceptions');
  });
}
