// Sessions in real Chromium: ending another device's session sends that browser to the sign-in
// page with the reason; "sign out everywhere" ends them all; two minutes before the idle timeout a
// dialog offers to stay (the browser's and the server's clocks moved together), and at the
// timeout the person is signed out with the reason; a person in two workspaces picks one by name.
// An admin makes a workspace API key there: shown once with a copy button, it works, and revoking
// it (after a confirmation) stops it at once.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, screenshots, signInAs } from '../helpers/web-app.js';

const MINUTE = 60_000;

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser sessions test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('sessions in Chromium: revoke another device, sign out everywhere, the idle warning, two workspaces', { skip: chromiumMissing ?? false }, async (t) => {
    const clock = new ManualClock();
    const { api, base } = await startGoogleSignInApp(t, { clock });
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const liveSessions = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT count(*) FROM sessions WHERE ended_at IS NULL').pluck().get());
    const browser = await launchChromium(t);

    // 1. Two devices; the laptop ends the phone's session; the phone lands on the sign-in page.
    const laptop = await openPage(browser, base);
    const phone = await openPage(browser, base);
    await signInAs(laptop.page, base, /ann@acme\.example/);
    await signInAs(phone.page, base, /ann@acme\.example/);
    t.equal(liveSessions(), 2);
    await laptop.page.getByRole('link', { name: 'Your sessions' }).click();
    const cards = laptop.page.locator('.card');
    await cards.nth(1).waitFor();
    t.equal(await laptop.page.locator('.badge').filter({ hasText: 'This browser' }).count(), 1, 'this browser is marked');
    t.same(await accessibilityProblems(laptop.page), [], 'the sessions screen has no serious accessibility problems');
    await screenshots(laptop.page, 'sessions');
    await laptop.page.getByRole('button', { name: 'End this session' }).click();
    await laptop.page.getByText('That session was ended.').waitFor();
    t.equal(liveSessions(), 1, 'the other session is over');
    phone.expectRefusal(401, '/api/v1/contacts?q=a');
    phone.expectRefusal(401, '/api/v1/auth/refresh');
    await phone.page.getByRole('searchbox', { name: 'Search contacts' }).fill('a');
    await phone.page.getByRole('heading', { name: 'Sign in to Spinney' }).waitFor();
    t.match(await phone.page.locator('.signin-card').innerText(), /Your session has ended/, 'the ended device lands on the sign-in page, told why');

    // 1b. An API key: made in a dialog, shown once (copied), works; revoked after a confirmation.
    await laptop.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await laptop.page.getByRole('button', { name: 'New API key' }).click();
    const form = laptop.page.getByRole('dialog', { name: 'New API key' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Nightly sync');
    await form.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = laptop.page.getByRole('dialog', { name: 'API key created' });
    const key = (await shown.getByLabel('The new API key').innerText()).trim();
    t.match(key, /^spk_tn_[a-z2-7]{24}_[A-Za-z0-9_-]{43}$/, 'the key is shown');
    t.match(await shown.getByRole('alert').innerText(), /shown only this once/, 'with the warning that it is shown once');
    t.same(await accessibilityProblems(laptop.page), [], 'the new key dialog has no serious accessibility problems');
    await shown.getByRole('button', { name: 'Copy the key' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    const useKey = () => api.call({ method: 'GET', url: '/api/v1/contacts', token: key });
    t.equal((await useKey()).statusCode, 200, 'the key works');
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = laptop.page.getByRole('row', { name: /Nightly sync/ });
    await row.waitFor();
    t.match(await row.innerText(), /viewer/, 'the list shows the key with its role');
    t.notOk((await laptop.page.content()).includes(key.slice(-43)), 'the key is not on the page any more');
    await row.getByRole('button', { name: 'Revoke Nightly sync' }).click();
    await laptop.page.getByRole('alertdialog', { name: 'Revoke the key Nightly sync?' }).getByRole('button', { name: 'Revoke' }).click();
    await laptop.page.getByText('The key was revoked; it no longer works.').waitFor();
    await row.waitFor({ state: 'detached' });
    t.equal((await useKey()).statusCode, 401, 'the revoked key is refused at once');

    // 2. The idle warning: two minutes before the 30-minute idle timeout, on both clocks.
    await laptop.page.clock.install();
    await laptop.page.getByRole('link', { name: 'Contacts' }).click();
    await laptop.page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    // The list's answer sets the idle deadline: it must be in before both clocks move.
    await loaded(laptop.page);
    clock.advance(28.5 * MINUTE);
    await laptop.page.clock.fastForward(28.5 * MINUTE);
    const warning = laptop.page.getByRole('alertdialog', { name: 'Still there?' });
    await warning.waitFor();
    t.match(await warning.innerText(), /signed out in 1:[0-3]\d unless you stay/, 'the dialog counts down');
    t.same(await accessibilityProblems(laptop.page), [], 'the idle dialog has no serious accessibility problems');
    laptop.expectRefusal(401, '/api/v1/auth/session'); // the access token ran out meanwhile: refreshed, then answered
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'detached' });
    t.equal(liveSessions(), 1, 'staying keeps the session');
    clock.advance(31 * MINUTE);
    await laptop.page.clock.fastForward(31 * MINUTE);
    await laptop.page.getByRole('heading', { name: 'Sign in to Spinney' }).waitFor();
    t.match(await laptop.page.locator('.signin-card').innerText(), /signed out after a period of inactivity/, 'at the timeout the person is signed out, told why');

    // 3. Sign out everywhere.
    const before = Number(liveSessions()); // the laptop's idle session is ended on its next use, so it still counts
    const one = await openPage(browser, base);
    const two = await openPage(browser, base);
    await signInAs(one.page, base, /ann@acme\.example/);
    await signInAs(two.page, base, /ann@acme\.example/);
    t.equal(liveSessions(), before + 2);
    await one.page.getByRole('button', { name: /Account/ }).click();
    await one.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await one.page.getByText('You signed out on every device.').waitFor();
    t.equal(liveSessions(), 0, 'every session of mine is over');

    // 4. A person in two workspaces picks one, by name.
    createTenant(api.runtime, { name: 'Birch Builders', adminEmail: 'ann@acme.example' });
    const both = await openPage(browser, base);
    await both.page.goto(`${base}/`);
    await both.page.getByRole('link', { name: 'Sign in with Google' }).click();
    await both.page.getByRole('button', { name: /ann@acme\.example/ }).click();
    await both.page.getByRole('heading', { name: 'Choose a workspace' }).waitFor();
    t.same(await both.page.locator('.provider-list a').allTextContents(), ['Acme Roofing', 'Birch Builders'], 'the workspaces by name');
    await both.page.getByRole('link', { name: 'Birch Builders' }).click();
    const again = both.page.getByRole('button', { name: /ann@acme\.example/ });
    await Promise.race([again.click(), both.page.getByRole('navigation', { name: 'Main' }).waitFor()]);
    await both.page.getByRole('navigation', { name: 'Main' }).waitFor();
    t.equal(await both.page.locator('.workspace-name').textContent(), 'Birch Builders', 'signed in to the one chosen');

    t.same([...laptop.problems, ...phone.problems, ...one.problems, ...two.problems, ...both.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
