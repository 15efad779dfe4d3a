// Files in real Chromium: a PDF uploaded with the picker on a lead's page, an image dropped onto it,
// both listed and previewed (the image from the sandboxed inline path, the PDF in a frame, each an
// object URL under the page's CSP), the PDF downloaded with its exact name and bytes, an executable
// named .jpg refused next to its name, a file deleted, the export from the admin screen holding the
// PDF; the contact's page has its own files; a viewer reads and downloads but has no upload or
// delete; axe and no console errors throughout.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { invite } from '../../src/members/members.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, screenshots, signInAs } from '../helpers/web-app.js';
import { pdf, png, windowsExecutable } from '../files/helpers.js';
import { readArchive, sha256 } from '../export/archive.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser files test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('files in Chromium: upload by picker and by drop → listed, previewed, downloaded identical; a disguised executable refused; delete; a viewer only reads', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const token = ann.tokens.accessToken;
    const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana Whitfield' } })).json() as { id: string };
    const lead = (await api.call({ method: 'POST', url: '/api/v1/leads', token, payload: { title: 'Barn roof', contactId: contact.id, currency: 'USD' } })).json() as { id: string };
    const files = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name, type, lead_id FROM files ORDER BY created_at, id').all());

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    await signInAs(page, base, /ann@acme\.example/);
    await page.goto(`${base}/leads/${lead.id}`);
    const panel = page.getByRole('region', { name: 'Files' });
    await panel.getByText('No files yet.').waitFor();
    await check('lead files, empty');

    // 1. A PDF with the picker.
    const document = pdf('Quote for the barn roof', 120_000);
    await panel.getByLabel('Upload files to Barn roof').setInputFiles({ name: 'Quote – barn.pdf', mimeType: 'application/pdf', buffer: document });
    const list = panel.getByRole('list', { name: 'Files of Barn roof' });
    await list.getByText('Quote – barn.pdf').waitFor();

    // 2. An image dropped onto the panel (named .pdf: the server goes by its content).
    const image = png(40, 30);
    const transfer = await page.evaluateHandle(
      `(() => { const bytes = Uint8Array.from(atob('${image.toString('base64')}'), (c) => c.charCodeAt(0)); const dt = new DataTransfer(); dt.items.add(new File([bytes], 'roof-photo.pdf', { type: 'application/pdf' })); return dt; })()`,
    );
    await panel.locator('.file-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await list.getByText('roof-photo.pdf').waitFor();
    t.same(files(), [
      { name: 'Quote – barn.pdf', type: 'application/pdf', lead_id: lead.id },
      { name: 'roof-photo.pdf', type: 'image/png', lead_id: lead.id },
    ], 'both stored on the lead, the image as what it is');

    // 3. Previews: the image from the inline path, the PDF in a frame, both object URLs.
    await panel.getByRole('button', { name: 'Preview roof-photo.pdf' }).click();
    const shown = panel.getByRole('img', { name: 'roof-photo.pdf' });
    await shown.waitFor();
    t.match(await shown.getAttribute('src'), /^blob:/);
    t.equal(await shown.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), 40, 'the image decodes and shows');
    await check('lead files, image preview');
    await screenshots(page, 'lead-files');
    await panel.getByRole('button', { name: 'Preview Quote – barn.pdf' }).click();
    const frame = panel.locator('iframe[title="Quote – barn.pdf"]');
    await frame.waitFor();
    t.match(await frame.getAttribute('src'), /^blob:/, 'the PDF in a frame');

    // 4. The download: the exact name, the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download Quote – barn.pdf' }).click()]);
    t.equal(download.suggestedFilename(), 'Quote – barn.pdf');
    t.ok(readFileSync(await download.path()).equals(document), 'downloaded identical');

    // 4b. Found by its name from the header's search, which leads back to the lead.
    await page.getByRole('searchbox', { name: 'Search the workspace' }).fill('quote barn');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Files/ }).getByRole('link', { name: 'Quote – barn.pdf' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    t.pass('search finds the file by its name and opens its lead');

    // 5. An executable named .jpg: refused, said next to its name, nothing stored.
    expectRefusal(415, `/api/v1/files?leadId=${lead.id}`);
    await panel.getByLabel('Upload files to Barn roof').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: windowsExecutable() });
    await panel.getByRole('alert').getByText(/not an allowed type/).waitFor();
    t.equal(files().length, 2, 'nothing stored');
    await check('lead files, refused upload');

    // 6. Delete.
    await panel.getByRole('button', { name: 'Delete roof-photo.pdf' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await list.getByText('roof-photo.pdf').waitFor({ state: 'detached' });
    t.equal(files().length, 1);

    // 7. The workspace export, from the admin's screen, holds the PDF as it was uploaded.
    const pdfId = api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT id FROM files').pluck().get() as string);
    await page.goto(`${base}/admin/workspace`);
    const [archive] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the export' }).click()]);
    const exported = await readArchive(readFileSync(await archive.path()));
    t.ok(exported.entries.get(`files/${pdfId}/Quote – barn.pdf`)?.body.equals(document), 'the export holds the file');
    t.match(exported.manifest.files, [{ path: `files/${pdfId}/Quote – barn.pdf`, bytes: document.length, sha256: sha256(document) }]);

    // 8. The contact has files of its own.
    await page.goto(`${base}/contacts/${contact.id}`);
    await page.getByRole('region', { name: 'Files' }).getByText('No files yet.').waitFor();

    // 9. A viewer reads and downloads, and has no upload nor delete.
    const viewer = await openPage(browser, base);
    const v = viewer.page;
    await signInAs(v, base, /mo@acme\.example/);
    await v.goto(`${base}/leads/${lead.id}`);
    const theirs = v.getByRole('region', { name: 'Files' });
    await theirs.getByText('Quote – barn.pdf').waitFor();
    await loaded(v);
    t.same(
      [await theirs.getByLabel('Upload files to Barn roof').count(), await theirs.getByRole('button', { name: /^Delete/ }).count(), await theirs.getByRole('button', { name: /^Download/ }).count()],
      [0, 0, 1],
      'download only',
    );

    t.same(a11y, [], 'no serious or critical accessibility violations');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
