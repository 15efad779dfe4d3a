// Leads in real Chromium: an admin creates a lead from a contact's page, sees it on the board with
// its column's total, drags it to another stage with the mouse and moves another with the keyboard
// only (announced, focus kept); the server holds both stages; the timeline names the mover by email;
// a note is added; the value is edited; the list's filters narrow the rows; a move from a stale
// board is explained; a viewer sees no write control. Every screen without serious or critical axe
// violations, no console errors; desktop and phone screenshots of the board, the list and a lead.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { invite } from '../../src/members/members.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, screenshots, settle, signInAs } from '../helpers/web-app.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser leads test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('leads in Chromium: create from a contact, board with totals, mouse and keyboard moves, timeline, notes, list filters, stale moves, a viewer only reads', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const token = ann.tokens.accessToken;
    const post = async <T>(url: string, payload: object): Promise<T> => {
      const res = await api.call({ method: 'POST', url, token, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
      return res.json() as T;
    };
    const dana = await post<{ id: string }>('/api/v1/contacts', { name: 'Dana Whitfield', company: 'Whitfield Homes' });
    const sam = await post<{ id: string }>('/api/v1/contacts', { name: 'Sam Porter' });
    await post('/api/v1/leads', { title: 'Porch repair', contactId: sam.id, currency: 'EUR', valueMinor: 90000 });
    const deck = await post<{ id: string; version: number }>('/api/v1/leads', { title: 'Cedar deck', contactId: sam.id, currency: 'JPY', valueMinor: 450000, tags: ['outdoor'] });
    const inAcme = <T>(fn: () => T): T => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, fn);
    const stageOf = (title: string) => inAcme(() => tenantDb().statement('SELECT s.name FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.title = ?').pluck().get(title));

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));
    /** The focused control's accessible name: its label, aria-label or text. */
    const focusedName = () => page.evaluate<string>(`(() => { const e = document.activeElement; return (e.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent ?? '').trim(); })()`);
    const column = (stage: string) => page.locator('section.lead-column').filter({ has: page.getByRole('heading', { name: stage, exact: true }) });

    // 1. From the contact's page: its (empty) leads panel, then a new lead for it.
    await signInAs(page, base, /ann@acme\.example/);
    await page.goto(`${base}/contacts/${dana.id}`);
    await page.getByText('No leads for this contact yet.').waitFor();
    await page.getByRole('link', { name: 'New lead' }).click();
    await page.getByRole('heading', { name: 'New lead', level: 1 }).waitFor();
    t.match(await page.locator('.lead-contact-chosen').innerText(), /Dana Whitfield/, 'the contact comes prefilled');
    await page.getByLabel('Title').fill('Roof replacement');
    await page.getByLabel('Owner').selectOption({ label: 'ann@acme.example' });
    await page.getByLabel('Value').fill('12.345');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByText('Enter an amount in USD').waitFor();
    t.equal(await page.getByLabel('Value').getAttribute('aria-invalid'), 'true', 'more decimals than dollars have: refused under the value');
    t.equal(inAcme(() => tenantDb().statement('SELECT count(*) FROM leads').pluck().get()), 2, 'and nothing is saved');
    await check('lead-new');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'lead-new');
    await page.getByLabel('Value').fill('12,500.5');
    await page.getByLabel('Expected close date').fill('2027-03-15');
    await page.getByLabel('Site address').fill('12 Elm St\nSpringfield');
    await page.getByRole('textbox', { name: 'Tags' }).fill('roofing');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    await page.getByRole('group', { name: 'Next action' }).getByLabel('What').fill('Call back');
    await page.getByRole('group', { name: 'Next action' }).getByLabel('When').fill('2027-02-01');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByRole('heading', { name: 'Roof replacement', level: 1 }).waitFor();
    const roof = inAcme(() => tenantDb().statement(`SELECT id, contact_id, owner_id, value_minor, currency, next_action_date, expected_close_date, site_address, tags FROM leads WHERE title = 'Roof replacement'`).get()) as { id: string };
    t.same(
      roof,
      { id: roof.id, contact_id: dana.id, owner_id: ann.member.id, value_minor: 1250050, currency: 'USD', next_action_date: '2027-02-01', expected_close_date: '2027-03-15', site_address: '12 Elm St\nSpringfield', tags: '["roofing"]' },
      'stored for the contact and owner, the value in cents, the dates, address and tag as entered',
    );
    await page.getByRole('link', { name: 'Dana Whitfield' }).click();
    await page.getByRole('region', { name: 'Leads' }).getByRole('link', { name: 'Roof replacement' }).waitFor();
    t.pass("the contact's page lists its lead");

    // 2. The board of the first of two pipelines: the lead in New, the column's count and totals per currency.
    await post('/api/v1/pipelines', { name: 'Commercial' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads: Sales', level: 1 }).waitFor();
    await column('New').getByText('Roof replacement').waitFor();
    const newSums = await column('New').locator('.lead-column-sums').innerText();
    t.match(newSums, /3 leads/, 'the count');
    t.match(newSums, /\$12,500\.50/, 'the dollar total with two digits');
    t.match(newSums, /€900\.00/, 'the euro total apart');
    t.match(newSums, /¥450,000/, 'and yen without decimals');

    // 3. The mouse drags Roof replacement onto Contacted.
    await column('New').locator('.lead-card', { hasText: 'Roof replacement' }).dragTo(column('Contacted'));
    await column('Contacted').getByText('Roof replacement').waitFor();
    await page.getByRole('status').filter({ hasText: 'Roof replacement moved to Contacted' }).waitFor();
    t.equal(stageOf('Roof replacement'), 'Contacted', 'the server holds the dragged stage');
    t.match(await column('Contacted').locator('.lead-column-sums').innerText(), /1 lead\b[\s\S]*\$12,500\.50/, 'the totals follow the lead');

    // 4. The keyboard alone moves Porch repair to Site visit: Move…, the stage by arrow keys, Tab to Move, Enter.
    await column('New').getByRole('button', { name: 'Move Porch repair' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move Porch repair' });
    await dialog.waitFor();
    await check('board-move-dialog');
    t.equal(await focusedName(), 'Stage', 'the dialog opens on the stage choice');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    t.equal(await dialog.getByLabel('Stage').inputValue(), inAcme(() => tenantDb().statement(`SELECT id FROM pipeline_stages WHERE name = 'Site visit'`).pluck().get()), 'two arrows down: Site visit');
    for (const next of ['Place', 'Cancel', 'Move']) {
      await page.keyboard.press('Tab');
      t.match(await focusedName(), next, `Tab reaches ${next}`);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Porch repair moved to Site visit, place 1.' }).waitFor();
    await column('Site visit').getByText('Porch repair').waitFor();
    t.equal(stageOf('Porch repair'), 'Site visit', 'the server holds the keyboard move');
    t.equal(await column('Site visit').locator(':focus').getAttribute('aria-label'), 'Move Porch repair', "focus stays on the moved card's Move button, now in its new column");
    await check('board');
    await screenshots(page, 'leads-board');

    // 5. A stale move: the lead changes behind the page, the move is refused, the board reloads and says why.
    const changed = await api.call({ method: 'PATCH', url: `/api/v1/leads/${deck.id}`, token, payload: { valueMinor: 500000 } });
    t.equal(changed.statusCode, 200);
    expectRefusal(409, `/api/v1/leads/${deck.id}/move`);
    await column('New').getByRole('button', { name: 'Move Cedar deck' }).click();
    const deckDialog = page.getByRole('dialog', { name: 'Move Cedar deck' });
    await deckDialog.getByLabel('Stage').selectOption({ label: 'Estimate sent' });
    await deckDialog.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('status').filter({ hasText: 'Cedar deck was changed by someone else since this board was loaded' }).waitFor();
    t.equal(stageOf('Cedar deck'), 'New', 'the stale move changed nothing');
    await column('New').getByText('¥500,000').first().waitFor();
    t.pass('the board was reloaded with the latest value');

    // 5b. The pipeline picker shows the other pipeline's (empty) board, and back.
    await page.getByLabel('Pipeline').selectOption({ label: 'Commercial' });
    await page.getByRole('heading', { name: 'Leads: Commercial', level: 1 }).waitFor();
    await column('New').getByText('0 leads').waitFor();
    t.equal(await page.locator('.lead-card').count(), 0, "the other pipeline's board has none of these leads");
    await page.getByLabel('Pipeline').selectOption({ label: 'Sales' });
    await page.getByRole('heading', { name: 'Leads: Sales', level: 1 }).waitFor();

    // 6. The lead: the timeline names the mover by email, a note is added.
    await column('Contacted').getByRole('link', { name: 'Roof replacement' }).click();
    await page.getByRole('heading', { name: 'Roof replacement', level: 1 }).waitFor();
    await loaded(page);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    // Names appear once the workspace's people have loaded ("…" until then).
    const moved = /Moved from New to Contacted by ann@acme\.example/;
    t.match(await settle(() => timeline.locator('li').first().innerText(), (text) => moved.test(text)), moved, 'newest first: the move, by email');
    await timeline.getByLabel('Add a note').fill('Measured the roof: 140 m2.');
    await timeline.getByRole('button', { name: 'Add note' }).click();
    await timeline.locator('li').first().filter({ hasText: 'Measured the roof: 140 m2.' }).waitFor();
    t.same(inAcme(() => tenantDb().statement('SELECT body FROM lead_notes WHERE lead_id = ?').pluck().all(roof.id)), ['Measured the roof: 140 m2.'], 'the note is stored');
    const details = /\$12,500\.50[\s\S]*ann@acme\.example[\s\S]*Call back/;
    t.match(await settle(() => page.locator('.details').innerText(), (text) => details.test(text)), details, 'value, owner and next action shown');
    await check('lead');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'lead');

    // 6b. Edit: the value comes back as typed units; the change is saved in minor units.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit Roof replacement', level: 1 }).waitFor();
    t.equal(await page.getByLabel('Value').inputValue(), '12500.50', 'the value to edit, in dollars');
    await page.getByLabel('Value').fill('13000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.details').getByText('$13,000.00').waitFor();
    t.equal(inAcme(() => tenantDb().statement('SELECT value_minor FROM leads WHERE id = ?').pluck().get(roof.id)), 1300000, 'the edit is stored in cents');

    // 6c. "Move to stage…" on the lead's page.
    const moveHere = page.getByRole('region', { name: 'Move to stage…' });
    await moveHere.getByLabel('Stage').selectOption({ label: 'Estimate sent' });
    await moveHere.getByRole('button', { name: 'Move' }).click();
    await moveHere.getByRole('status').filter({ hasText: 'Moved to Estimate sent.' }).waitFor();
    t.equal(stageOf('Roof replacement'), 'Estimate sent', 'the server holds the stage chosen on the page');
    await timeline.locator('li').first().filter({ hasText: /Moved from Contacted to Estimate sent/ }).waitFor();
    t.pass('and the timeline shows the move first');

    // 7. The list: stage, owner and text filters narrow the rows.
    await page.goto(`${base}/leads/list`);
    await page.getByRole('heading', { name: 'Lead list', level: 1 }).waitFor();
    await loaded(page);
    const titles = () => page.locator('tbody th').allInnerTexts();
    /** The rows' titles once they are `expected` (the list keeps the old rows until the new page arrives), or as they are after 5 s. */
    const rowsBecome = async (expected: string[]): Promise<string[]> => {
      for (let tries = 0; tries < 50 && JSON.stringify(await titles()) !== JSON.stringify(expected); tries++) await page.waitForTimeout(100);
      return titles();
    };
    t.same((await titles()).sort(), ['Cedar deck', 'Porch repair', 'Roof replacement'], 'every lead at first');
    await check('list');
    await screenshots(page, 'leads-list');
    await page.getByLabel('Stage').selectOption({ label: 'Sales: Site visit' });
    await page.waitForURL(/stage=/);
    t.same(await rowsBecome(['Porch repair']), ['Porch repair'], 'by stage');
    await page.getByLabel('Stage').selectOption({ label: 'Any stage' });
    await page.getByLabel('Owner').selectOption({ label: 'ann@acme.example' });
    await page.waitForURL(/owner=/);
    t.same(await rowsBecome(['Roof replacement']), ['Roof replacement'], 'by owner');
    await page.getByLabel('Owner').selectOption({ label: 'Anyone' });
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('deck');
    await page.waitForURL(/q=deck/);
    t.same(await rowsBecome(['Cedar deck']), ['Cedar deck'], 'by text');

    // 8. Fifty more leads, then a viewer: the board's column counts them all and points to the list,
    // which pages on with "Load more"; nowhere a write control.
    for (let i = 1; i <= 50; i++) await post('/api/v1/leads', { title: `Gutter job ${String(i).padStart(2, '0')}`, contactId: sam.id, currency: 'USD', valueMinor: 10000 });
    const viewer = await openPage(browser, base);
    const v = viewer.page;
    await signInAs(v, base, /mo@acme\.example/);
    await v.goto(`${base}/leads`);
    await v.getByText('Porch repair').waitFor();
    const viewerNew = v.locator('section.lead-column').filter({ has: v.getByRole('heading', { name: 'New', exact: true }) });
    t.match(await viewerNew.locator('.lead-column-sums').innerText(), /51 leads\s+¥500,000 · \$5,000\.00/, 'the column counts and totals all 51, beyond the 50 cards shown');
    t.equal(await viewerNew.locator('.lead-card').count(), 50, 'the board shows the first 50');
    await viewerNew.getByRole('link', { name: 'All 51 in the list' }).click();
    await v.locator('tbody tr').nth(49).waitFor();
    t.equal(await v.locator('tbody tr').count(), 50, 'the list of that stage starts with 50');
    await v.getByRole('button', { name: 'Load more leads' }).click();
    await v.locator('tbody tr').nth(50).waitFor();
    t.same([await v.locator('tbody tr').count(), await v.getByRole('button', { name: 'Load more leads' }).count()], [51, 0], '"Load more" brings the last one, and nothing more is offered');
    await v.goto(`${base}/leads`);
    await v.getByText('Porch repair').waitFor();
    t.same(
      [await v.getByRole('link', { name: 'New lead' }).count(), await v.getByRole('button', { name: /^Move / }).count(), await v.locator('[draggable="true"]').count()],
      [0, 0, 0],
      'no New lead, Move or dragging on the board',
    );
    await v.getByRole('link', { name: 'Porch repair' }).click();
    await v.getByRole('heading', { name: 'Porch repair', level: 1 }).waitFor();
    await loaded(v);
    t.same(
      [await v.getByRole('link', { name: 'Edit' }).count(), await v.getByRole('region', { name: 'Move to stage…' }).count(), await v.getByLabel('Add a note').count()],
      [0, 0, 0],
      'no Edit, Move to stage or note on a lead',
    );
    await v.goto(`${base}/contacts/${dana.id}`);
    await v.getByRole('region', { name: 'Leads' }).getByRole('link', { name: 'Roof replacement' }).waitFor();
    t.equal(await v.getByRole('link', { name: 'New lead' }).count(), 0, "no New lead on a contact's page");

    t.same(a11y, [], 'no serious or critical accessibility violations on any screen');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
