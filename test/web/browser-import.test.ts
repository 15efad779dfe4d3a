// The import wizard in real Chromium: from the contacts list, upload a small CSV with one bad row
// and one duplicate, keep the suggested mapping, see the error and the duplicate in the check, skip
// the duplicate, watch it run, download the rejected rows, and find the new contacts in the list.
// A viewer is not offered the import and its address explains the role. axe on each step, no
// console errors, screenshots.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { invite } from '../../src/members/members.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, screenshots, signInAs } from '../helpers/web-app.js';

const CSV = ['Full name,Email,Company,Tags', 'Ada Brook,ada@brook.example,Brook Builders,roofing', 'Ben Carver,not-an-email,Carver & Sons,', 'Dana Again,dana@whitfield.example,,', 'Cleo Dune,cleo@dune.example,,repeat; windows'].join('\r\n');

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser import test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('the import wizard in Chromium: upload, map, check, run, rejected rows; a viewer is not offered it', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    await api.call({ method: 'POST', url: '/api/v1/contacts', token: ann.tokens.accessToken, payload: { name: 'Dana Whitfield', email: 'dana@whitfield.example' } });
    const contactNames = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts ORDER BY name').pluck().all() as string[]);

    const browser = await launchChromium(t);
    const { page, problems } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    // 1. From the contacts list to the wizard, and the file up.
    await signInAs(page, base, /ann@acme\.example/);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await loaded(page);
    await page.getByRole('link', { name: 'Import…' }).click();
    await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
    t.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/import?kind=contacts', 'the wizard has its own address');
    await check('import-file');
    await page.getByLabel('CSV file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Upload' }).click();

    // 2. The mapping, prefilled from the header.
    await page.getByText('customers.csv has 4 rows').waitFor();
    t.same(
      await Promise.all(['Full name', 'Email', 'Company', 'Tags'].map((column) => page.getByLabel(`Field for column ${column}`).inputValue())),
      ['name', 'email', 'company', 'tags'],
      'each column is prefilled with the field its header suggests',
    );
    await check('import-mapping');
    await screenshots(page, 'import-mapping');
    await page.getByRole('button', { name: 'Check rows' }).click();

    // 3. The check: the bad row by row number and field, the duplicate with where it already is.
    await page.getByRole('heading', { name: 'Rows with errors (not imported)' }).waitFor();
    t.match(await page.locator('.import-summary').textContent(), /4 rows: 2 ready, 1 with errors, 1 duplicate\./);
    const errorRow = page.locator('.import-section', { has: page.getByRole('heading', { name: 'Rows with errors (not imported)' }) }).locator('tbody tr');
    t.same(await errorRow.count(), 1);
    t.match(await errorRow.first().innerText(), /^3\s+email\s+email must match format "email"/, 'row 3, its email');
    // On a phone the columns stack, each cell naming its column.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    // Runs in the page (the suite's TypeScript has no DOM types, hence the cast).
    type Styles = { getComputedStyle(element: unknown, pseudo: string): { content: string } };
    const labels = await errorRow.first().locator('th, td').evaluateAll((cells) => cells.map((cell) => (globalThis as unknown as Styles).getComputedStyle(cell, '::before').content));
    t.same(labels, ['"Row: "', '"Field: "', '"Problem: "'], 'stacked cells on a phone say which column they are');
    if (desktop) await page.setViewportSize(desktop);
    const duplicateRow = page.locator('.import-section', { has: page.getByRole('heading', { name: 'Duplicates by email' }) }).locator('tbody tr');
    t.match(await duplicateRow.first().innerText(), /^4\s+dana@whitfield\.example\s+a contact/, 'row 4 is already a contact');
    t.ok(await page.getByLabel(/Skip them/).isChecked(), 'skipping duplicates is the default');
    t.same(contactNames(), ['Dana Whitfield'], 'the check saved nothing');
    await check('import-preview');
    await screenshots(page, 'import');

    // 4. Run; the result; the rejected rows as a file.
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await page.getByText('Imported 2 contacts. 1 row had errors and 1 duplicate was skipped.').waitFor();
    await check('import-result');
    await screenshots(page, 'import-result');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()]);
    t.match(download.suggestedFilename(), /^rejected-rows-im_[a-z2-7]{24}\.csv$/);
    const rejected = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    t.match(rejected, /^"row","field","problem","Full name","Email","Company","Tags"\r\n"3","email",/, 'the rejected rows, with why');
    t.match(rejected, /"4","email","skipped: a contact with this email exists/);

    // 5. The new contacts in the list.
    await page.getByRole('link', { name: 'Go to contacts' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Cleo Dune' }).waitFor();
    t.same((await page.locator('tbody th').allInnerTexts()).map((name) => name.trim()).sort(), ['Ada Brook', 'Cleo Dune', 'Dana Whitfield'], 'the good rows are contacts now; the duplicate was not merged or added');
    t.same(contactNames(), ['Ada Brook', 'Cleo Dune', 'Dana Whitfield']);

    // 6. The lead board offers the lead import; after a reload the wizard's address still answers.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads', exact: true }).click();
    await page.getByRole('link', { name: 'Import…' }).click();
    await page.getByRole('heading', { name: 'Import leads', level: 1 }).waitFor();
    t.match(page.url(), /\/import\?kind=leads$/, 'the board links to the lead import');
    await page.reload();
    await page.getByRole('heading', { name: 'Import leads', level: 1 }).waitFor();
    t.pass('/import?kind=leads opens the wizard for leads after a reload');

    // 7. A viewer: no Import… on the list; the address explains the role.
    const viewer = await openPage(browser, base);
    await signInAs(viewer.page, base, /mo@acme\.example/);
    await viewer.page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await loaded(viewer.page);
    t.equal(await viewer.page.getByRole('link', { name: 'Import…' }).count(), 0, 'no Import… for a viewer');
    await viewer.page.goto(`${base}/import`);
    await viewer.page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    t.pass('the import address explains the role');

    t.same(a11y, [], 'no serious or critical accessibility violations on any step');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
