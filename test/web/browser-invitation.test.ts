// An admin's invitation in real Chromium: the invited person follows a link that names the
// workspace, signs in at the provider, and the page asks (workspace name, who invited, role)
// before anything is joined. One person accepts and lands in the workspace by name; another
// declines and the invitation ends. The server runs in-process on loopback with the development
// OpenID provider playing Google.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser invitation test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('an invited person sees the invitation by name and accepts or declines it in Chromium', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);

    // Ann, admin of Acme Roofing, invites Mo (viewer) and a stranger (member).
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const invite = async (email: string, role: string) =>
      (await api.call({ method: 'POST', url: '/api/v1/invitations', token: ann.tokens.accessToken, payload: { email, role } })).json() as { id: string };
    await invite('mo@acme.example', 'viewer');
    const strangers = await invite('stranger@else.example', 'member');

    const browser = await launchChromium(t);
    const problems: string[] = [];
    const arrive = async (who: RegExp) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      // The link an admin would send: it names the workspace (by id, as in the attack).
      await page.goto(`${base}/api/v1/auth/signin/google?workspace=${acme.id}`);
      await page.getByRole('button', { name: who }).click();
      await page.waitForURL(`${base}/`);
      return page;
    };

    // Mo accepts.
    const mo = await arrive(/mo@acme\.example/);
    await mo.getByRole('heading', { name: 'Join Acme Roofing?' }).waitFor();
    t.equal(await mo.locator('.signin-card p').nth(1).textContent(), 'ann@acme.example (admin of Acme Roofing) invited you to join Acme Roofing as a viewer.', 'the page names the workspace, the inviter and the role');
    t.notOk((await mo.locator('body').innerText()).includes(acme.id), 'and shows no raw workspace id');
    t.equal(api.runtime.control.statement('SELECT count(*) FROM memberships WHERE email = ?').pluck().get('mo@acme.example'), 0, 'nothing joined while the page asks');
    await mo.getByRole('button', { name: 'Accept and join' }).click();
    await mo.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    t.same([await mo.locator('.workspace-name').textContent(), await mo.locator('.account-role').textContent()], ['Acme Roofing', 'viewer'], 'accepting joins and opens the workspace, by name');
    t.equal(api.runtime.control.statement('SELECT role FROM memberships WHERE email = ?').pluck().get('mo@acme.example'), 'viewer');

    // The stranger declines.
    const stranger = await arrive(/stranger@else\.example/);
    await stranger.getByRole('heading', { name: 'Join Acme Roofing?' }).waitFor();
    await stranger.getByRole('button', { name: 'Decline' }).click();
    await stranger.getByText('You declined the invitation to join Acme Roofing.').waitFor();
    t.pass('the page confirms the decline by workspace name');
    await stranger.getByRole('link', { name: 'Sign in with Google' }).waitFor();
    t.equal(await stranger.getByRole('navigation', { name: 'Main' }).count(), 0, 'no session');
    t.equal(api.runtime.control.statement('SELECT count(*) FROM memberships WHERE email = ?').pluck().get('stranger@else.example'), 0, 'not joined');
    t.ok(api.runtime.control.statement('SELECT revoked_at FROM invitations WHERE id = ?').pluck().get(strangers.id), 'the invitation has ended');

    t.same(problems, [], 'no uncaught exceptions');
  });
}
