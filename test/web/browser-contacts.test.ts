// Contacts in real Chromium, as an admin and as a viewer: sign in, page past 50, search, create
// (a bad email is refused under its field and nothing is saved; tags as chips, source, a postal and a
// site address), edit, filter the list by a tag chip, delete after confirming;
// every screen with zero serious or critical axe-core violations, no console errors or CSP
// violations, nothing in storage; desktop and phone screenshots of each main screen.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { invite } from '../../src/members/members.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, openPage, pageStorage, screenshots, signInAs } from '../helpers/web-app.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser contacts test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('contacts in Chromium: an admin pages, searches, creates, edits and deletes; a viewer only reads', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    for (let i = 1; i <= 55; i++) {
      const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token: ann.tokens.accessToken, payload: { name: `Customer ${String(i).padStart(2, '0')}`, company: `Builder ${i % 7}` } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const contactNames = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts ORDER BY name').pluck().all() as string[]);

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Spinney' }).waitFor();
    await check('sign-in');
    await screenshots(page, 'sign-in');

    // 1. Signed in, the contacts list: 50 at first, the rest on "Show more".
    await signInAs(page, base, /ann@acme\.example/);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    t.equal(new URL(page.url()).pathname, '/contacts', 'signing in opens the contacts');
    t.equal(await page.locator('.workspace-name').textContent(), 'Acme Roofing', 'the workspace by name');
    t.notOk((await page.locator('body').innerText()).includes(acme.id), 'and never its id');
    const rows = page.locator('tbody tr');
    await rows.nth(49).waitFor();
    t.equal(await rows.count(), 50, 'the first page holds 50');
    await check('contacts');
    await screenshots(page, 'contacts');
    await page.getByRole('button', { name: 'Show more contacts' }).click();
    await rows.nth(54).waitFor();
    t.equal(await rows.count(), 55, 'show more brings the other 5');
    t.equal(await page.getByRole('button', { name: 'Show more contacts' }).count(), 0, 'and nothing more is offered');

    // 2. Search, reflected in the address.
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Customer 07');
    await page.waitForURL(`${base}/contacts?q=Customer%2007`);
    await page.locator('tbody tr').filter({ hasText: 'Customer 07' }).waitFor();
    t.same(await page.locator('tbody th').allTextContents(), ['Customer 07'], 'the search finds the one');
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('nobody-like-this');
    await page.getByText('No contacts match “nobody-like-this”.').waitFor();
    t.pass('an empty search says so');

    // 3. Create: a bad email is refused under its field, nothing saved; then saved.
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('heading', { name: 'New contact' }).waitFor();
    await page.getByLabel('Name').fill('Dana Whitfield');
    await page.getByLabel('Email').fill('not-an-email');
    expectRefusal(400, '/api/v1/contacts');
    await page.getByRole('button', { name: 'Add contact' }).click();
    const emailError = page.locator('.field-error');
    await emailError.waitFor();
    t.match(await emailError.textContent(), /email/i, 'the refusal is shown under the email field');
    t.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true', 'and the field is marked invalid');
    t.notOk(contactNames().includes('Dana Whitfield'), 'nothing was saved');
    await check('contact-new');
    await screenshots(page, 'contact-new');
    await page.getByLabel('Email').fill('dana@whitfield.example');
    await page.getByLabel('Company').fill('Whitfield Roofing');
    // Tags as chips: Enter adds one, a repeat in another case is not added, × removes one.
    const tagBox = page.getByRole('textbox', { name: 'Tags' });
    for (const tag of ['VIP', 'Roofing', 'vip', 'gutters']) {
      await tagBox.fill(tag);
      await tagBox.press('Enter');
    }
    const formChips = page.getByRole('list', { name: 'Tags' }).getByRole('listitem');
    t.same(await formChips.allInnerTexts().then((x) => x.map((c) => c.replace('×', '').trim())), ['VIP', 'Roofing', 'gutters'], 'chips in order, the repeat not added');
    await page.getByRole('button', { name: 'Remove tag gutters' }).click();
    await page.getByLabel('Source').selectOption('referral');
    const postalBox = page.getByRole('group', { name: 'Postal address' });
    await postalBox.getByLabel('Street').fill('12 Mill Lane');
    await postalBox.getByLabel('City').fill('Springfield');
    await postalBox.getByLabel('Postcode').fill('62704');
    await postalBox.getByLabel('Country').selectOption('US');
    await check('contact-new-filled');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { name: 'Dana Whitfield', level: 1 }).waitFor();
    t.ok(contactNames().includes('Dana Whitfield'), 'saved');
    t.match(await page.locator('.details').innerText(), /Whitfield Roofing[\s\S]*dana@whitfield\.example/);
    const details = await page.locator('.details').innerText();
    t.match(details, /VIP\s*Roofing/, 'the tags on the contact');
    t.match(details, /Referral/, 'the source by name');
    t.match(details, /12 Mill Lane\s*Springfield 62704\s*United States/, 'the postal address in lines, the country by name');
    const stored = api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT tags, source, postal_country, site_city FROM contacts WHERE name = 'Dana Whitfield'`).get());
    t.same(stored, { tags: '["VIP","Roofing"]', source: 'referral', postal_country: 'US', site_city: null }, 'stored as entered; no site address');
    t.notMatch(await page.locator('.details').innerText(), /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'times are shown for people, not as raw ISO strings');

    // 4. Sensitive details ask nothing more within the window (fresh sign-in) and show for an admin.
    await page.getByRole('button', { name: 'Show sensitive details' }).click();
    await page.getByText('Tax id').waitFor();
    await check('contact');
    await screenshots(page, 'contact');

    // 5. Edit.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Phone').fill('+1 555 0100');
    await page.getByRole('group', { name: 'Site address (where the work is)' }).getByLabel('City').fill('Leeds');
    await page.getByRole('group', { name: 'Site address (where the work is)' }).getByLabel('Country').selectOption('GB');
    await page.getByRole('button', { name: 'Remove tag VIP' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('link', { name: '+1 555 0100' }).waitFor();
    t.pass('the edit shows on the contact');
    t.match(await page.locator('.details').innerText(), /Leeds\s*United Kingdom/, 'the site address');
    t.same(
      api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT tags, postal_city, site_city, site_country FROM contacts WHERE name = 'Dana Whitfield'`).get()),
      { tags: '["Roofing"]', postal_city: 'Springfield', site_city: 'Leeds', site_country: 'GB' },
      'the edit changed the site address and tags, and kept the postal address',
    );

    // 5b. The list shows the tags as chips; one opens the list of contacts with that tag.
    await page.getByRole('link', { name: '← Contacts' }).click();
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Dana');
    await page.waitForURL(`${base}/contacts?q=Dana`);
    await page.getByRole('list', { name: 'Tags of Dana Whitfield' }).getByRole('link', { name: 'Roofing' }).click();
    await page.waitForURL(`${base}/contacts?q=Dana&tag=Roofing`);
    await page.getByText('Tagged').waitFor();
    t.same(await page.locator('tbody th').allTextContents(), ['Dana Whitfield'], 'filtered by the tag');
    await check('contacts-tagged');
    await screenshots(page, 'contacts-tagged');
    await page.getByRole('link', { name: 'Show all tags' }).click();
    await page.waitForURL(`${base}/contacts?q=Dana`);
    await page.getByRole('link', { name: 'Dana Whitfield' }).click();
    await page.getByRole('heading', { name: 'Dana Whitfield', level: 1 }).waitFor();

    // 6. Delete, after confirming.
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Dana Whitfield?' });
    await dialog.waitFor();
    await check('contact-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    t.ok(contactNames().includes('Dana Whitfield'), 'cancel deletes nothing');
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByText('Dana Whitfield was deleted.').waitFor();
    t.equal(new URL(page.url()).pathname, '/contacts');
    t.notOk(contactNames().includes('Dana Whitfield'), 'deleted');

    const storage = await pageStorage(page);
    t.same(storage, { cookie: '', local: 0, session: 0, indexedDb: 0 }, 'no storage, and no cookie the page can read');

    // 7. A viewer: every write control absent; the new-contact address refused by name.
    const viewer = await openPage(browser, base);
    await signInAs(viewer.page, base, /mo@acme\.example/);
    await viewer.page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await viewer.page.locator('tbody tr').nth(49).waitFor();
    t.equal(await viewer.page.getByRole('link', { name: 'New contact' }).count(), 0, 'no New contact for a viewer');
    await viewer.page.getByRole('link', { name: 'Customer 01' }).click();
    await viewer.page.getByRole('heading', { name: 'Customer 01', level: 1 }).waitFor();
    t.same([await viewer.page.getByRole('link', { name: 'Edit' }).count(), await viewer.page.getByRole('button', { name: 'Delete' }).count(), await viewer.page.getByRole('button', { name: 'Show sensitive details' }).count()], [0, 0, 0], 'no edit, delete or sensitive details');
    await viewer.page.getByText('by ann@acme.example').first().waitFor();
    t.notOk((await viewer.page.locator('main').innerText()).includes(ann.member.id), 'a viewer sees who added the contact by email, never by id');
    await viewer.page.goto(`${base}/contacts/new`);
    await viewer.page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    t.pass('the new-contact address explains the role instead of a form');
    viewer.expectRefusal(401, '/api/v1/contacts');
    const forced = await viewer.page.evaluate<number>(`fetch('/api/v1/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Forced"}' }).then((r) => r.status)`);
    t.equal(forced, 401, 'a write forged from the page without the in-memory token is refused');
    t.notOk(contactNames().includes('Forced'), 'and changes nothing');

    t.same(a11y, [], 'no serious or critical accessibility violations on any screen');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
