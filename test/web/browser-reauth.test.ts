// Re-authentication in real Chromium: when the sensitive window has lapsed, the page asks the
// person to confirm it is them (it does not sign them out); confirming at the provider brings them
// back to the same session with sensitive routes open again. The server runs in-process with a
// manual clock; the development OpenID provider plays Google.
import t from 'tap';
import { createTenant } from '../../src/control/tenants.service.js';
import { ManualClock } from '../../src/time/clock.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';

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

    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.getByRole('button', { name: /ann@acme\.example/ }).click();
    const who = page.locator('#who');
    await who.filter({ hasText: 'Signed in' }).waitFor();
    t.equal(await who.textContent(), 'Signed in to Acme Roofing as admin.');
    const [sessionId] = liveSessions();

    await page.getByRole('button', { name: 'Show my sessions' }).click();
    await page.locator('#sessions li').first().waitFor();
    t.equal(await page.locator('#reauth').isHidden(), true, 'within the window the sessions are listed');

    clock.advance(11 * 60_000);
    await page.getByRole('button', { name: 'Show my sessions' }).click();
    const prompt = page.locator('#reauth');
    await prompt.waitFor();
    t.match(await prompt.textContent(), /needs a recent sign-in\. Confirm it's you to continue; you stay signed in\./, 'the page asks to confirm');
    t.ok(await page.locator('#signed-in').isVisible(), 'and has not signed the person out');

    await page.getByRole('link', { name: "Confirm it's you" }).click();
    await page.getByRole('button', { name: /ann@acme\.example/ }).click(); // the provider asks again (prompt=login)
    await who.filter({ hasText: 'Signed in' }).waitFor();
    await page.getByRole('button', { name: 'Show my sessions' }).click();
    await page.locator('#sessions li').first().waitFor();
    t.ok(await prompt.isHidden(), 'after confirming, sensitive routes answer again');
    t.same(liveSessions(), [sessionId], 'in the same session');
    t.same(problems, [], 'no uncaught exceptions');
  });
}
