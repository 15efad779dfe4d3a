// Estimates in real Chromium, the whole story: contacts imported through the wizard → a lead for one
// → an estimate from the lead's page with two sections, an optional item and a good/better group,
// its live total equal to what the server stores → sent, the link shown once → the customer opens it
// on a phone-sized context without script, adds the option, picks "better", updates the total and
// accepts → the estimate is accepted, the lead Won, Verify says intact → the export holds the
// estimate and its revision → the audit log has every step. Also: a tax rate over 100 % is refused
// next to its field; sections reorder; Verify finds a tampered revision; withdraw, a new revision, a
// save refused once sent elsewhere, a draft deleted; the settings form; "Load more" and ?leadId=; a
// viewer sees no write action; axe on every screen, no console errors; screenshots.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { invite } from '../../src/members/members.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { readArchive } from '../export/archive.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, PHONE, SCREENSHOT_DIR, screenshots, signInAs } from '../helpers/web-app.js';

const CSV = ['Full name,Email,Company', 'Dana Whitfield,dana@whitfield.example,Whitfield Farm', 'Ada Brook,ada@brook.example,Brook Builders'].join('\r\n');

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser estimates test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('estimates in Chromium: import → lead → estimate with options → send → the customer accepts on a phone → won, intact, exported, audited', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const token = ann.tokens.accessToken;
    const inAcme = <T>(fn: () => T): T => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, fn);
    const row = <T>(sql: string, ...args: unknown[]): T => inAcme(() => tenantDb().statement(sql).get(...args) as T);

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    // 1. Contacts from a CSV through the import wizard.
    await signInAs(page, base, /ann@acme\.example/);
    await page.goto(`${base}/import?kind=contacts`);
    await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('button', { name: 'Check rows' }).click();
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await page.getByText('Imported 2 contacts.').waitFor();
    const dana = row<{ id: string }>(`SELECT id FROM contacts WHERE name = 'Dana Whitfield'`);
    t.ok(dana, 'Dana was imported');

    // 2. A lead for Dana, from her page.
    await page.goto(`${base}/contacts/${dana.id}`);
    await page.getByRole('link', { name: 'New lead' }).click();
    await page.getByRole('heading', { name: 'New lead', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Barn roof');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    const lead = row<{ id: string }>(`SELECT id FROM leads WHERE title = 'Barn roof'`);

    // 3. From the lead's Estimates panel to the editor.
    const panel = page.getByRole('region', { name: 'Estimates' });
    await panel.getByText('No estimates for this lead yet.').waitFor();
    await panel.getByRole('link', { name: 'New estimate' }).click();
    await page.getByRole('heading', { name: 'New estimate', level: 1 }).waitFor();
    t.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Barn roof', "the lead's title to start with");
    const line = (section: number, n: number) => page.getByRole('group', { name: `Section ${section}, line ${n}`, exact: true });
    const fillLine = async (section: number, n: number, values: { description: string; quantity: string; unit: string; price: string; tax: string }) => {
      const l = line(section, n);
      await l.getByLabel('Description').fill(values.description);
      await l.getByLabel('Quantity').fill(values.quantity);
      await l.getByLabel('Unit', { exact: true }).fill(values.unit);
      await l.getByLabel(/^Unit price/).fill(values.price);
      await l.getByLabel('Tax %').fill(values.tax);
    };
    const liveTotal = () => page.locator('.estimate-grand-total').getAttribute('data-total-minor');

    // The good/better group first, so lines can belong to its choices.
    await page.getByRole('button', { name: 'Add option group' }).click();
    await page.getByRole('group', { name: 'Option group 1' }).getByLabel('Group title').fill('Shingle grade');
    await page.getByRole('group', { name: 'Section 1', exact: true }).getByLabel('Section title').fill('Roof');
    await fillLine(1, 1, { description: 'Tear off old shingles', quantity: '24', unit: 'sq', price: '95', tax: '150' });
    // A tax rate over 100 %: the rule refuses it next to the field, live.
    await line(1, 1).getByText('Enter a percentage from 0 to 100.').waitFor();
    t.equal(await line(1, 1).getByLabel('Tax %').getAttribute('aria-invalid'), 'true', 'a tax rate over 100 % is marked on its field');
    await page.getByText('The totals appear once every line can be counted.').waitFor();
    await check('estimate-editor-error');
    await line(1, 1).getByLabel('Tax %').fill('0');
    t.equal(await liveTotal(), '228000', '24 × $95.00, live');
    await page.getByRole('button', { name: 'Add line to section 1' }).click();
    await fillLine(1, 2, { description: 'New gutters', quantity: '1', unit: 'ea', price: '1200', tax: '8.25' });
    await line(1, 2).getByLabel('Optional: the customer may add it').check();
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('group', { name: 'Section 2', exact: true }).getByLabel('Section title').fill('Shingles');
    const sectionTitles = () => Promise.all([1, 2].map((n) => page.getByRole('group', { name: `Section ${n}`, exact: true }).getByLabel('Section title').inputValue()));
    await page.getByRole('button', { name: 'Move up: section 2' }).click();
    t.same(await sectionTitles(), ['Shingles', 'Roof'], 'a section moves up');
    await page.getByRole('button', { name: 'Move down: section 1' }).click();
    t.same(await sectionTitles(), ['Roof', 'Shingles'], 'and back down');
    await fillLine(2, 1, { description: 'Standard shingles', quantity: '24', unit: 'sq', price: '150', tax: '8.25' });
    await line(2, 1).getByLabel('Alternative').selectOption({ label: 'Only with Shingle grade: Good' });
    await page.getByRole('button', { name: 'Add line to section 2' }).click();
    await fillLine(2, 2, { description: 'Architectural shingles', quantity: '24', unit: 'sq', price: '210', tax: '8.25' });
    await line(2, 2).getByLabel('Alternative').selectOption({ label: 'Only with Shingle grade: Better' });
    await page.getByRole('group', { name: 'Deposit' }).getByLabel('Deposit', { exact: true }).selectOption({ label: 'A percentage of the total' });
    await page.getByLabel('Deposit %').fill('25');
    // $2,280 + (24 × $150 + 8.25 %) = $6,177.00; the optional gutters and the "better" line do not count.
    t.equal(await liveTotal(), '617700', 'the live total: defaults only');
    t.match(await page.locator('.estimate-totals').innerText(), /\$6,177\.00[\s\S]*Deposit\s+\$1,544\.25/, 'and the deposit, 25 %');
    t.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no field is marked once the tax is fixed');
    await check('estimate-editor');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'estimate-editor');
    const shownTotal = await liveTotal();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    const estimateId = new URL(page.url()).pathname.split('/')[2] as string;
    const saved = (await api.call({ method: 'GET', url: `/api/v1/estimates/${estimateId}`, token })).json() as { totalMinor: number; leadId: string; state: string };
    t.same([saved.totalMinor, saved.leadId, saved.state], [Number(shownTotal), lead.id, 'draft'], "the server's total is the one the editor showed, for the lead, a draft");

    // 4. The detail: the preview, then Send; the link is shown once.
    await loaded(page);
    const preview = page.getByRole('article', { name: 'As the customer sees it' });
    t.match(await preview.innerText(), /Roof[\s\S]*New gutters \(optional\)[\s\S]*Shingle grade: Good \(chosen\) · Better[\s\S]*\$6,177\.00/, 'the preview as the customer sees it');
    await check('estimate-detail-draft');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'estimate-detail');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Send Barn roof?' }).getByRole('button', { name: 'Send' }).click();
    const linkDialog = page.getByRole('dialog', { name: "The customer's link" });
    await linkDialog.getByText('This link is shown only once.').waitFor();
    await linkDialog.getByText('It is on its way to Dana Whitfield by email.').waitFor();
    const link = await linkDialog.getByLabel('Customer link').inputValue();
    t.match(link, new RegExp(`^${base}/e/[A-Za-z0-9_-]{43}$`), 'the link to pass on');
    await check('estimate-link');
    await linkDialog.getByRole('button', { name: 'Done' }).click();
    await page.locator('.details').getByText('EST-0001').waitFor();
    t.equal(await page.getByRole('button', { name: 'Send', exact: true }).count(), 0, 'a sent estimate offers no Send');
    // The link's mail, queued for the server's outbox (no worker runs in this test's app).
    const mailRow = page.locator('.mail-table tbody tr');
    await mailRow.first().waitFor();
    t.match(await mailRow.first().innerText(), /Dana Whitfield <dana@whitfield\.example>\s+Queued/, 'the mail to the customer is listed, queued');
    await page.goto(`${base}/estimates/${estimateId}/edit`);
    await page.getByText('Revision 1 was sent and is sealed').waitFor();
    t.equal(await page.getByRole('button', { name: 'Save draft' }).count(), 0, 'a sealed revision has no editor, and says why');
    await page.getByRole('link', { name: '← Back to the estimate' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();

    // 5. The customer, on a phone, without script: add the option, pick "better", update the total, accept.
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile' });
    const customer = await phone.newPage();
    const customerProblems: string[] = [];
    // The customer's page names no icon, so Chromium asks for /favicon.ico, which the server does not have (a 404 it logs).
    customer.on('console', (message) => message.type() === 'error' && message.location().url !== `${base}/favicon.ico` && customerProblems.push(`${message.location().url}: ${message.text()}`));
    await customer.goto(link);
    await customer.getByRole('heading', { name: 'Estimate EST-0001 v1', level: 1 }).waitFor();
    t.equal(await customer.locator('[data-total]').innerText(), 'USD 6,177.00', 'the total with the defaults');
    await customer.getByLabel('Add this option').check();
    await customer.getByLabel('Better').check();
    await customer.getByRole('button', { name: 'Update total' }).click();
    await customer.waitForURL(/pick=/);
    // + gutters $1,200 + 8.25 % = $1,299.00; better instead of good: 24 × $210 + 8.25 % = $5,455.80.
    t.equal(await customer.locator('[data-total]').innerText(), 'USD 9,034.80', 'the total with the option and "better"');
    await customer.screenshot({ path: new URL('estimate-customer-phone.png', SCREENSHOT_DIR).pathname, fullPage: true });
    await customer.getByLabel('Type your full name').fill('Dana Whitfield');
    await customer.getByRole('checkbox', { name: /accept/i }).check();
    await customer.getByRole('button', { name: 'Accept estimate' }).click();
    await customer.getByText('You accepted this estimate.').waitFor();
    t.match(await customer.locator('body').innerText(), /Accepted by Dana Whitfield/, 'the page says who accepted');
    await phone.close();

    // 6. Back in the app: accepted, the decision, the lead Won, Verify says intact.
    await page.reload();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    await loaded(page);
    const decision = page.getByRole('region', { name: 'Accepted' });
    t.match(await decision.innerText(), /Dana Whitfield[\s\S]*New gutters; Shingle grade: Better[\s\S]*\$9,034\.80/, 'the typed name, the options chosen and the total accepted');
    t.match(await page.locator('.details').first().innerText(), /Accepted/, 'the estimate is accepted');
    await page.getByRole('button', { name: 'Verify revision 1' }).click();
    await page.getByText('Intact: the content is exactly what was sent and decided.').waitFor();
    t.pass('Verify says intact');
    await check('estimate-detail-accepted');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'estimate-accepted');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    t.match(download.suggestedFilename(), /\.pdf$/, 'the PDF downloads');
    await page.getByRole('link', { name: 'Open the lead' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    await page.locator('.details').getByText('Won').waitFor();
    t.equal(row<{ kind: string }>('SELECT s.kind FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.id = ?', lead.id).kind, 'won', 'the lead is in a won stage');
    await page.getByRole('region', { name: 'Estimates' }).getByRole('link', { name: 'Barn roof' }).waitFor();
    t.pass("the lead's page lists its estimate");

    // 7. The list.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Estimates' }).click();
    await page.getByRole('heading', { name: 'Estimates', level: 1 }).waitFor();
    await loaded(page);
    t.match(await page.locator('tbody tr').first().innerText(), /EST-0001\s+Barn roof\s+Dana Whitfield\s+Accepted\s+\$9,034\.80/, 'the list shows the total the customer accepted, not the default picks');
    await check('estimate-list');
    await screenshots(page, 'estimates');

    // 8. The export holds the estimate and its revision with the decision.
    const exported = await api.call({ method: 'POST', url: '/api/v1/export', token, payload: {} });
    t.equal(exported.statusCode, 200);
    const { workspace } = await readArchive(exported.rawPayload);
    t.match(workspace.estimates, [{ id: estimateId, number: 'EST-0001', lead_id: lead.id, contact_id: dana.id }], 'the estimate');
    t.match(workspace.estimate_revisions, [{ estimate_id: estimateId, revision: 1, state: 'accepted', total_minor: 617700, decision_name: 'Dana Whitfield', decision_total_minor: 903480, content_sha256: /^[0-9a-f]{64}$/ }], 'its revision, sealed and decided');

    // 9. The audit log shows every step.
    const audit = (await api.call({ method: 'GET', url: '/api/v1/audit-events', token, query: { limit: '100' } })).json() as { items: { action: string }[] };
    const actions = audit.items.map((event) => event.action);
    for (const action of ['import.completed', 'lead.created', 'estimate.created', 'estimate.sent', 'estimate.viewed', 'estimate.accepted', 'lead.won']) t.ok(actions.includes(action), `the audit log has ${action}`);

    // 10. A change to the stored content behind the application's back (its guarding trigger dropped): Verify says so.
    inAcme(() => tenantDb().statement('DROP TRIGGER estimate_revisions_sealed').run());
    inAcme(() => tenantDb().statement(`UPDATE estimate_revisions SET content = replace(content, '"unitPrice":9500', '"unitPrice":9000') WHERE estimate_id = ?`).run(estimateId));
    await page.goto(`${base}/estimates/${estimateId}`);
    await page.getByRole('button', { name: 'Verify revision 1' }).click();
    await page.locator('.estimate-not-intact').getByText('Not intact:').waitFor();
    t.ok((await page.locator('.estimate-not-intact li').count()) > 0, 'a tampered revision is not intact, with the problems listed');

    // 11. Withdraw, a new revision, and a draft deleted: another estimate for the lead, sent by the API.
    const second = (await api.call({ method: 'POST', url: '/api/v1/estimates', token, payload: { title: 'Porch', leadId: lead.id, content: { currency: 'USD', sections: [{ title: 'Porch', showOnlySectionTotal: true, items: [{ id: 'steps', description: 'New steps', quantity: '1', unit: 'ea', unitPrice: 50000, taxRateBp: 0 }] }] } } })).json() as { id: string };
    t.equal((await api.call({ method: 'POST', url: `/api/v1/estimates/${second.id}/send`, token, payload: {} })).statusCode, 200);
    await page.goto(`${base}/estimates/${second.id}`);
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('alertdialog', { name: 'Withdraw Porch?' }).getByRole('button', { name: 'Withdraw' }).click();
    await page.locator('.details').getByText('Withdrawn').waitFor();
    await page.getByRole('button', { name: 'New revision' }).click();
    await page.getByRole('heading', { name: 'Edit Porch', level: 1 }).waitFor();
    t.equal(await line(1, 1).getByLabel('Description').inputValue(), 'New steps', 'the new revision starts as a copy');
    t.ok(await page.getByLabel('Show the customer only the section total').isChecked(), 'with the section showing only its total');
    await line(1, 1).getByLabel(/^Unit price/).fill('550');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.details').first().getByText('$550.00').waitFor();
    t.same((await api.call({ method: 'GET', url: `/api/v1/estimates/${second.id}`, token })).json().revisions.map((r: { state: string }) => r.state), ['withdrawn', 'draft'], 'revision 1 withdrawn, revision 2 a draft');
    // Sent from elsewhere while the editor is open: the save is refused (the version moved on), the
    // editor reloads and says the revision is sealed now.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit Porch', level: 1 }).waitFor();
    t.equal((await api.call({ method: 'POST', url: `/api/v1/estimates/${second.id}/send`, token, payload: {} })).statusCode, 200);
    expectRefusal(409, `/api/v1/estimates/${second.id}`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Revision 2 was sent and is sealed').waitFor();
    t.equal(await page.getByRole('button', { name: 'Save draft' }).count(), 0, 'a save after the send is refused, and the editor gives way to the reason');
    t.equal(row<{ total_minor: number }>('SELECT total_minor FROM estimate_revisions WHERE estimate_id = ? AND revision = 2', second.id).total_minor, 55000, 'the sent revision is as it was sent');
    const draft = (await api.call({ method: 'POST', url: '/api/v1/estimates', token, payload: { title: 'Fence', leadId: lead.id, content: { currency: 'USD', sections: [{ title: 'Fence', showOnlySectionTotal: false, items: [] }] } } })).json() as { id: string };
    await page.goto(`${base}/estimates/${draft.id}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog', { name: 'Delete Fence?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    t.equal(row<{ n: number }>('SELECT count(*) AS n FROM estimates WHERE id = ?', draft.id).n, 0, 'the draft is deleted, and the lead is shown again');

    // 12. The estimate settings (admins): a bad number of days is refused by its field; the prefix is saved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Estimate settings' }).click();
    await page.getByRole('heading', { name: 'Estimate settings', level: 1 }).waitFor();
    await loaded(page);
    await page.getByLabel('Valid for (days)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a number of days from 1 to 365.').waitFor();
    await check('estimate-settings');
    await page.getByLabel('Valid for (days)').fill('45');
    await page.getByLabel('Number prefix').fill('Q-');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Estimate settings saved.').waitFor();
    t.match((await api.call({ method: 'GET', url: '/api/v1/settings/estimates', token })).json(), { numberPrefix: 'Q-', validityDays: 45, nextNumber: 3 }, 'saved; the next number follows the two sent');

    // 13. Fifty more estimates for Ada: the list pages with "Load more"; ?leadId= keeps to one lead's.
    const ada = row<{ id: string }>(`SELECT id FROM contacts WHERE name = 'Ada Brook'`);
    for (let i = 1; i <= 50; i++) {
      const made = await api.call({ method: 'POST', url: '/api/v1/estimates', token, payload: { title: `Gutter ${i}`, contactId: ada.id, content: { currency: 'USD', sections: [{ title: 'Gutters', showOnlySectionTotal: false, items: [] }] } } });
      if (made.statusCode !== 201) throw new Error(made.body);
    }
    await page.goto(`${base}/estimates`);
    await page.locator('tbody tr').nth(49).waitFor();
    t.equal(await page.locator('tbody tr').count(), 50, 'the first page: 50 estimates');
    await page.getByRole('button', { name: 'Load more estimates' }).click();
    await page.locator('tbody tr').nth(51).waitFor();
    t.same([await page.locator('tbody tr').count(), await page.getByRole('button', { name: 'Load more estimates' }).count()], [52, 0], '"Load more" brings the other two, and nothing more is offered');
    await page.goto(`${base}/estimates?leadId=${lead.id}`);
    await page.getByRole('link', { name: 'Show all estimates' }).waitFor();
    await loaded(page);
    t.same((await page.locator('tbody th').allInnerTexts()).sort(), ['Barn roof', 'Porch'], "one lead's estimates");

    // 14. A viewer reads but has no write action.
    const viewer = await openPage(browser, base);
    const v = viewer.page;
    await signInAs(v, base, /mo@acme\.example/);
    await v.goto(`${base}/estimates/${estimateId}`);
    await v.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    await loaded(v);
    t.same(
      await Promise.all(['Edit', 'Send', 'New link', 'Withdraw', 'New revision', 'Delete'].map((name) => v.getByRole('link', { name, exact: true }).or(v.getByRole('button', { name, exact: true })).count())),
      [0, 0, 0, 0, 0, 0],
      'no Edit, Send, New link, Withdraw, New revision or Delete',
    );
    t.equal(await v.getByRole('button', { name: 'Download PDF' }).count(), 1, 'the PDF is there to read');
    await v.goto(`${base}/leads/${lead.id}`);
    await v.getByRole('region', { name: 'Estimates' }).getByRole('link', { name: 'Barn roof' }).waitFor();
    t.equal(await v.getByRole('link', { name: 'New estimate' }).count(), 0, "no New estimate on the lead's page");

    t.same(a11y, [], 'no serious or critical accessibility violations on any screen');
    t.same([...problems, ...viewer.problems, ...customerProblems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
