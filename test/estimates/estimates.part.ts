// Estimates through the whole chain, as the contractor and the customer see them: drafts, gapless
// numbers, sealed revisions, the customer's link (JSON and page), decisions moving the lead,
// verification catching an edit behind the application's back, the PDF, and every refusal.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown } from '../helpers/app.js';

const DAY = 86_400_000;

const content = (over: Record<string, unknown> = {}) => ({
  currency: 'USD',
  sections: [
    {
      title: 'Roof',
      showOnlySectionTotal: false,
      items: [
        { id: 'tearoff', description: 'Tear off <script>alert(1)</script> shingles', quantity: '24', unit: 'sq', unitPrice: 9500, taxRateBp: 0 },
        { id: 'gutters', description: 'New gutters', quantity: '1', unit: 'ea', unitPrice: 120000, taxRateBp: 1000, optional: true },
        { id: 'std', description: 'Standard shingles', quantity: '24', unit: 'sq', unitPrice: 10000, taxRateBp: 0, alternative: { group: 'grade', choice: 'good' } },
        { id: 'arch', description: 'Architectural shingles', quantity: '24', unit: 'sq', unitPrice: 15000, taxRateBp: 0, alternative: { group: 'grade', choice: 'better' } },
      ],
    },
  ],
  alternativeGroups: [{ id: 'grade', title: 'Shingle grade', choices: [{ id: 'good', title: 'Good' }, { id: 'better', title: 'Better' }], defaultChoice: 'good' }],
  deposit: { kind: 'percent', bp: 2500, dueDate: null },
  ...over,
});

async function setup(t: Teardown) {
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const api = await build(t, {}, [], { clock });
  const workspace = api.tenant('Whitfield Roofing');
  const member = workspace.token('member', 'us_maria');
  const admin = workspace.token('admin', 'us_ada');
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = member) => api.call({ method, url, token, ...(payload ? { payload } : {}) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, status = 200): Promise<T> => {
    const res = await call(method, url, payload);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const contact = await ok<{ id: string }>('POST', '/api/v1/contacts', { name: 'Dana Whitfield', company: 'Whitfield Farm', postalAddress: { street: '12 Mill Lane', city: 'Springfield', region: 'IL', postcode: '62704', country: 'US' } }, 201);
  const lead = await ok<{ id: string; stageId: string }>('POST', '/api/v1/leads', { title: 'Barn roof', contactId: contact.id, currency: 'USD', valueMinor: 500000, siteAddress: 'Barn, 14 Mill Lane' }, 201);
  const newEstimate = (over: Record<string, unknown> = {}) => ok<Estimate>('POST', '/api/v1/estimates', { title: 'Barn roof', leadId: lead.id, content: content(), ...over }, 201);
  const send = (id: string) => ok<{ link: string; expiresAt: string; estimate: Estimate }>('POST', `/api/v1/estimates/${id}/send`, {});
  const linkPath = (link: string) => new URL(link).pathname;
  const credentialOf = (link: string) => linkPath(link).split('/').pop() as string;
  const audit = (action: string) => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT * FROM audit_events WHERE action = ? ORDER BY seq').all(action)) as { after: string; ip: string | null }[];
  const sql = (text: string, ...args: unknown[]) => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => tenantDb().statement(text).run(...args));
  return { api, clock, workspace, member, admin, call, ok, contact, lead, newEstimate, send, linkPath, credentialOf, audit, sql };
}

interface Estimate {
  id: string;
  number: string | null;
  state: string;
  currentRevision: number;
  totalMinor: number;
  version: number;
  revision: { revision: number; state: string; contentSha256: string | null; content: { validUntil: string | null; terms: string | null }; customer: { name: string; address: string[]; siteAddress: string[] }; decision: null | Record<string, unknown> };
  revisions: { revision: number; state: string }[];
}

t.test('a draft: totals by the shared rule, templates applied, the customer taken from the contact and the lead', async (t) => {
  const s = await setup(t);
  const refused = await s.call('PATCH', '/api/v1/settings/estimates', { defaultTerms: 'Payment in 30 days.' });
  t.equal(refused.statusCode, 403, 'members do not change the templates');
  const settings = await s.api.call({ method: 'PATCH', url: '/api/v1/settings/estimates', token: s.admin, payload: { defaultTerms: 'Payment in 30 days.', validityDays: 14, numberPrefix: 'Q-' } });
  t.equal(settings.statusCode, 200, settings.body);
  const estimate = await s.newEstimate();
  t.equal(estimate.number, null, 'no number until sent');
  t.equal(estimate.state, 'draft');
  // 24 × 95.00 + 24 × 100.00 (the default choice); the optional gutters do not count.
  t.equal(estimate.totalMinor, 228000 + 240000);
  t.equal(estimate.revision.content.terms, 'Payment in 30 days.', "the workspace's terms");
  t.equal(estimate.revision.content.validUntil, '2026-12-15', 'valid for the template days');
  t.same(estimate.revision.customer, { name: 'Dana Whitfield', company: 'Whitfield Farm', address: ['12 Mill Lane', 'Springfield, IL 62704', 'US'], siteAddress: ['Barn, 14 Mill Lane'] });
  t.equal(s.audit('estimate.created').length, 1);
});

t.test('bad content is a 400 naming the field and changes nothing', async (t) => {
  const s = await setup(t);
  const item = (over: Record<string, unknown>) => content({ sections: [{ title: 'A', showOnlySectionTotal: false, items: [{ id: 'a', description: 'x', quantity: '1', unit: 'h', unitPrice: 100, taxRateBp: 0, ...over }] }] });
  const cases: [string, object, string][] = [
    ['a negative quantity', item({ quantity: '-1' }), 'content.sections.0.items.0.quantity'],
    ['four decimals', item({ quantity: '1.0001' }), 'content.sections.0.items.0.quantity'],
    ['a price beyond 2^53 minor units', item({ unitPrice: 2 ** 53 }), 'content.sections.0.items.0.unitPrice'],
    ['a negative price', item({ unitPrice: -5 }), 'content.sections.0.items.0.unitPrice'],
    ['a tax rate over 100 %', item({ taxRateBp: 10001 }), 'content.sections.0.items.0.taxRateBp'],
    ['a line total beyond 2^53', item({ quantity: '999999999', unitPrice: 2 ** 52 }), 'content.sections[0].items[0]'],
    ['an unknown currency', content({ currency: 'XYZ' }), 'content.currency'],
    ['a fixed discount above the line', item({ discount: { kind: 'fixed', amount: 101 } }), 'content.sections[0].items[0].discount.amount'],
    ['an alternative of no group', item({ alternative: { group: 'nope', choice: 'a' } }), 'content.sections[0].items[0].alternative.group'],
  ];
  for (const [what, body, field] of cases) {
    const res = await s.call('POST', '/api/v1/estimates', { title: 'Bad', leadId: s.lead.id, content: body });
    t.equal(res.statusCode, 400, what);
    const error = res.json().error as { code: string; field: string };
    t.equal(error.field.replace(/\//g, '.').replace(/^\./, ''), field.replace(/^\//, ''), `${what}: names ${field}`);
  }
  const missing = await s.call('POST', '/api/v1/estimates', { title: 'No one', content: content() });
  t.match(missing.json(), { error: { code: 'missing_field', field: 'contactId' } });
  const foreign = await s.api.call({ method: 'POST', url: '/api/v1/contacts', token: s.api.tenant('Other').token('admin'), payload: { name: 'Not yours' } });
  const other = await s.call('POST', '/api/v1/estimates', { title: 'Theirs', contactId: foreign.json().id, content: content() });
  t.match(other.json(), { error: { code: 'invalid_field', field: 'contactId' } }, "another workspace's contact is unknown here");
  const someoneElse = await s.ok<{ id: string }>('POST', '/api/v1/contacts', { name: 'Someone Else' }, 201);
  const mismatched = await s.call('POST', '/api/v1/estimates', { title: 'Crossed', contactId: someoneElse.id, leadId: s.lead.id, content: content() });
  t.equal(mismatched.statusCode, 400, 'a lead of another contact');
  t.match(mismatched.json(), { error: { code: 'invalid_field', field: 'leadId' } }, 'names the lead');
  const list = await s.ok<{ items: unknown[] }>('GET', '/api/v1/estimates');
  t.equal(list.items.length, 0, 'nothing was created');
  t.equal(s.audit('estimate.created').length, 0);
});

t.test('10,000 lines work; 10,001 are a clear limit, not a hang', async (t) => {
  const s = await setup(t);
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `l${i}`, description: `Line ${i}`, quantity: '1.5', unit: 'ea', unitPrice: 333, taxRateBp: 825 }));
  const many = content({ alternativeGroups: [], sections: [{ title: 'Many', showOnlySectionTotal: false, items: lines(10_000) }] });
  const started = Date.now();
  const big = await s.newEstimate({ content: many });
  t.ok(Date.now() - started < 20_000, `created in ${Date.now() - started} ms`);
  // Per line: 1.5 × 333 = 499.5 → 500 (half to even); tax 8.25 % of 500 = 41.25 → 41.
  t.equal(big.totalMinor, 10_000 * 541);
  const tooMany = await s.call('POST', '/api/v1/estimates', { title: 'Too many', leadId: s.lead.id, content: { ...many, sections: [...many.sections, { title: 'One more', showOnlySectionTotal: false, items: lines(1).map((l) => ({ ...l, id: 'extra' })) }] } });
  t.equal(tooMany.statusCode, 400);
  t.match(tooMany.json().error, { code: 'invalid_field', field: 'content.sections', message: /at most 10000/ });
});

t.test('numbers are taken at the first send, gapless, never reused; a sent revision is sealed and a change is the next revision', async (t) => {
  const s = await setup(t);
  const first = await s.newEstimate();
  const second = await s.newEstimate({ title: 'Shed roof' });
  const deleted = await s.newEstimate({ title: 'Deleted draft' });
  t.equal((await s.call('DELETE', `/api/v1/estimates/${deleted.id}`)).statusCode, 204, 'a draft is deleted');
  const sentSecond = await s.send(second.id);
  t.equal(sentSecond.estimate.number, 'EST-0001', 'the first estimate sent takes the first number');
  t.match(sentSecond.link, /^http:\/\/[^/]+\/e\/[A-Za-z0-9_-]{43}$/);
  const sentFirst = await s.send(first.id);
  t.equal(sentFirst.estimate.number, 'EST-0002');
  t.equal(sentFirst.estimate.state, 'sent');
  t.match(sentFirst.estimate.revision.contentSha256, /^[0-9a-f]{64}$/);

  const edit = await s.call('PATCH', `/api/v1/estimates/${first.id}`, { title: 'Changed', version: 1 });
  t.equal(edit.statusCode, 409);
  t.equal(edit.json().error.code, 'estimate_sealed', 'editing a sent revision is refused');
  const gone = await s.call('DELETE', `/api/v1/estimates/${first.id}`);
  t.equal(gone.json().error.code, 'estimate_sealed', 'a sent estimate stays on record');
  t.equal((await s.call('POST', `/api/v1/estimates/${first.id}/send`, {})).json().error.code, 'estimate_sealed', 'sending twice is refused');

  const v2 = await s.ok<Estimate>('POST', `/api/v1/estimates/${first.id}/revisions`, {}, 201);
  t.equal(v2.currentRevision, 2);
  t.equal(v2.revision.state, 'draft');
  t.equal((await s.call('POST', `/api/v1/estimates/${first.id}/revisions`, {})).json().error.code, 'conflict', 'one draft at a time');
  const changed = await s.ok<Estimate>('PATCH', `/api/v1/estimates/${first.id}`, { content: content({ deposit: null }), version: v2.version });
  t.equal(changed.revision.state, 'draft');
  t.equal((await s.call('PATCH', `/api/v1/estimates/${first.id}`, { title: 'Stale', version: v2.version })).json().error.code, 'stale_version');
  const sentV2 = await s.send(first.id);
  t.equal(sentV2.estimate.number, 'EST-0002', 'a revision keeps the number');
  t.same(sentV2.estimate.revisions.map((r) => [r.revision, r.state]), [[1, 'superseded'], [2, 'sent']]);
  const v1 = await s.ok<Estimate['revision']>('GET', `/api/v1/estimates/${first.id}/revisions/1`);
  t.equal(v1.contentSha256, sentFirst.estimate.revision.contentSha256, 'revision 1 stays readable, unchanged');

  // The old link shows revision 1, says it was superseded, and takes no decision.
  const old = await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(sentFirst.link)}` });
  t.match(old.json(), { state: 'superseded', canDecide: false });
  const late = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${s.credentialOf(sentFirst.link)}/accept`, payload: { typedName: 'Dana Whitfield', consent: true } });
  t.equal(late.statusCode, 409);
  t.equal(late.json().error.code, 'estimate_closed');
  t.notMatch(old.body, /\/e\//, 'the superseded revision links nowhere else');

  const next = await s.newEstimate({ title: 'Later' });
  t.equal((await s.send(next.id)).estimate.number, 'EST-0003', 'no gap from the deleted draft or the revision');
  t.equal(s.audit('estimate.sent').length, 4);
});

t.test("the customer's link: view, picks, accept once with a typed name; the lead is won; verify says intact", async (t) => {
  const s = await setup(t);
  const estimate = await s.newEstimate();
  const { link, estimate: sent } = await s.send(estimate.id);
  const credential = s.credentialOf(link);
  const view = await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${credential}?opt=gutters&pick=grade:better`, headers: { 'user-agent': 'PhoneBrowser/1.0' } });
  t.equal(view.statusCode, 200, view.body);
  const body = view.json();
  t.equal(body.canDecide, true);
  // 24 × 95 + 24 × 150 + gutters 1,200 + 10 % tax.
  t.equal(body.presentation.totals.grandTotal, 'USD 7,200.00');
  t.match(body.consentText, /EST-0001 revision 1 \(fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\)/);
  t.notOk(JSON.stringify(body).includes(s.workspace.id), 'no workspace id in the answer');
  const viewedBefore = s.audit('estimate.viewed').length;
  const noSuchChoice = await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${credential}?pick=grade:best` });
  t.match(noSuchChoice.json().error, { code: 'invalid_field', field: 'selection.alternatives.grade' }, 'viewing with a pick of no choice is a 400 naming it');
  t.equal(s.audit('estimate.viewed').length, viewedBefore, 'and records no view');

  const noConsent = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${credential}/accept`, payload: { typedName: 'Dana Whitfield', consent: false } });
  t.equal(noConsent.statusCode, 400, 'consent is required');
  const badPick = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${credential}/accept`, payload: { typedName: 'Dana Whitfield', consent: true, selection: { alternatives: { grade: 'best' } } } });
  t.match(badPick.json().error, { code: 'invalid_field', field: 'selection.alternatives.grade' }, 'a pick of no choice is refused');

  const accepted = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${credential}/accept`, headers: { 'user-agent': 'PhoneBrowser/1.0' }, payload: { typedName: 'Dana Whitfield', consent: true, selection: { optionalItems: ['gutters'], alternatives: { grade: 'better' } } } });
  t.equal(accepted.statusCode, 200, accepted.body);
  const twice = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${credential}/accept`, payload: { typedName: 'Someone Else', consent: true } });
  t.equal(twice.statusCode, 409);
  t.equal(twice.json().error.code, 'estimate_decided', 'accepting twice is refused');
  const decline = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${credential}/decline`, payload: { reason: 'changed my mind' } });
  t.equal(decline.json().error.code, 'estimate_decided', 'and so is declining after');

  const after = await s.ok<Estimate>('GET', `/api/v1/estimates/${estimate.id}`);
  t.equal(after.state, 'accepted');
  t.match(after, { totalMinor: 468000, acceptedTotalMinor: 720000 }, 'the list and the detail carry the total the customer accepted');
  t.match(after.revision.decision, { outcome: 'accepted', typedName: 'Dana Whitfield', contentSha256: sent.revision.contentSha256, totalMinor: 720000, userAgent: 'PhoneBrowser/1.0', consentText: body.consentText });
  const lead = await s.ok<{ stageId: string }>('GET', `/api/v1/leads/${s.lead.id}`);
  const pipelines = await s.ok<{ items: { stages: { id: string; kind: string }[] }[] }>('GET', '/api/v1/pipelines');
  t.equal(pipelines.items[0]!.stages.find((stage) => stage.id === lead.stageId)?.kind, 'won', 'the lead moved to Won');
  t.equal(s.audit('lead.won').length, 1);
  const acceptedEvents = s.audit('estimate.accepted');
  t.equal(acceptedEvents.length, 1);
  t.match(JSON.parse(acceptedEvents[0]!.after), { number: 'EST-0001', revision: 1, typedName: 'Dana Whitfield', contentSha256: sent.revision.contentSha256 });
  t.ok(s.audit('estimate.viewed').length >= 1, 'views are audited');
  const viewed = await s.ok<Estimate & { firstViewedAt: string }>('GET', `/api/v1/estimates/${estimate.id}`);
  t.ok(viewed.firstViewedAt, 'the first view is recorded for the workspace');

  const verify = await s.ok<{ intact: boolean; problems: string[]; decisionSha256: string }>('GET', `/api/v1/estimates/${estimate.id}/revisions/1/verify`);
  t.equal(verify.intact, true, verify.problems.join('; '));
  t.equal(verify.decisionSha256, sent.revision.contentSha256);

  // An edit behind the application's back (the trigger dropped, a price changed) is found.
  s.sql('DROP TRIGGER estimate_revisions_sealed');
  s.sql("UPDATE estimate_revisions SET content = replace(content, '9500', '9000') WHERE estimate_id = ?", estimate.id);
  const tampered = await s.ok<{ intact: boolean; problems: string[] }>('GET', `/api/v1/estimates/${estimate.id}/revisions/1/verify`);
  t.equal(tampered.intact, false);
  t.equal(tampered.problems.length, 3, tampered.problems.join('; '));
  // Hash and content changed together still disagree with the hash-chained send event and the decision.
  s.sql("UPDATE estimate_revisions SET content_sha256 = 'x' WHERE estimate_id = ?", estimate.id);
  t.equal((await s.ok<{ intact: boolean }>('GET', `/api/v1/estimates/${estimate.id}/revisions/1/verify`)).intact, false);
});

t.test('declining records the reason and moves the lead to Lost; expired, withdrawn and re-linked estimates take no decision', async (t) => {
  const s = await setup(t);
  const declined = await s.newEstimate();
  const { link } = await s.send(declined.id);
  const res = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${s.credentialOf(link)}/decline`, payload: { reason: 'Too expensive' } });
  t.equal(res.statusCode, 200);
  const lead = await s.ok<{ stageId: string; lostReason: string }>('GET', `/api/v1/leads/${s.lead.id}`);
  t.match(lead.lostReason, /Declined estimate EST-0001: Too expensive/);
  t.equal(s.audit('lead.lost').length, 1);

  const withdrawn = await s.newEstimate({ title: 'Withdrawn' });
  const withdrawnLink = (await s.send(withdrawn.id)).link;
  t.equal((await s.ok<Estimate>('POST', `/api/v1/estimates/${withdrawn.id}/withdraw`, {})).state, 'withdrawn');
  const onWithdrawn = await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${s.credentialOf(withdrawnLink)}/accept`, payload: { typedName: 'Dana Whitfield', consent: true } });
  t.equal(onWithdrawn.json().error.code, 'estimate_closed');

  const relinked = await s.newEstimate({ title: 'Relinked' });
  const firstLink = (await s.send(relinked.id)).link;
  const secondLink = (await s.ok<{ link: string }>('POST', `/api/v1/estimates/${relinked.id}/link`, {})).link;
  t.equal((await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(firstLink)}` })).statusCode, 404, 'the earlier link stops working');
  t.equal((await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(secondLink)}` })).statusCode, 200);

  const expiring = await s.newEstimate({ title: 'Expiring', content: content({ validUntil: '2026-12-03' }) });
  const expiringLink = (await s.send(expiring.id)).link;
  s.clock.advance(2 * DAY + 15 * 3600_000);
  const onExpired = await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(expiringLink)}` });
  t.equal(onExpired.statusCode, 404, 'a link past the last valid day opens nothing');
  const stillThere = await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(secondLink)}` });
  t.equal(stillThere.statusCode, 200, 'a link within its lifetime still opens');
  s.clock.advance(31 * DAY);
  t.equal((await s.api.call({ method: 'GET', url: `/api/v1/estimate-links/${s.credentialOf(secondLink)}` })).statusCode, 404, 'links expire after the workspace lifetime');
});

t.test("the customer's page: escaped, no script, noindex; forms accept once; a bad form says what is wrong", async (t) => {
  const s = await setup(t);
  const estimate = await s.newEstimate();
  const { link } = await s.send(estimate.id);
  const path = s.linkPath(link);
  const page = await s.api.call({ method: 'GET', url: path });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.headers['content-security-policy'], /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  t.notMatch(page.headers['content-security-policy'], /script-src/, 'no script may run');
  t.equal(page.headers['x-robots-tag'], 'noindex, nofollow');
  t.equal(page.headers['referrer-policy'], 'no-referrer');
  t.match(page.body, /Tear off &#60;script&#62;alert\(1\)&#60;\/script&#62; shingles/, 'descriptions are escaped');
  t.notMatch(page.body, /<script/i);
  t.match(page.body, /Estimate EST-0001 v1/);
  t.match(page.body, /Whitfield Roofing/);

  const picked = await s.api.call({ method: 'GET', url: `${path}?opt=gutters&pick=grade:better&typedName=&consent=` });
  t.match(picked.body, /data-total>USD 7,200.00</, 'picks change the total shown');

  const form = (fields: Record<string, string | string[]>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
    return params.toString();
  };
  const post = (action: string, fields: Record<string, string | string[]>) =>
    s.api.call({ method: 'POST', url: `${path}/${action}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
  const noName = await post('accept', { typedName: ' ', consent: 'yes', opt: 'gutters' });
  t.equal(noName.statusCode, 400);
  t.match(noName.body, /role="alert">Type your full name to accept\./);
  const noConsent = await post('accept', { typedName: 'Dana Whitfield' });
  t.match(noConsent.body, /Tick the box/);
  const accepted = await post('accept', { typedName: 'Dana Whitfield', consent: 'yes', opt: 'gutters', pick: 'grade:better' });
  t.equal(accepted.statusCode, 303);
  t.equal(accepted.headers.location, path);
  const shown = await s.api.call({ method: 'GET', url: path });
  t.match(shown.body, /You accepted this estimate/);
  t.match(shown.body, /Accepted by Dana Whitfield on/);
  t.notMatch(shown.body, /<form/, 'no form once decided');
  const again = await post('decline', { reason: 'no' });
  t.equal(again.statusCode, 409);
  t.match(again.body, /already accepted/);

  const unknown = await s.api.call({ method: 'GET', url: `/e/${'A'.repeat(43)}` });
  t.equal(unknown.statusCode, 404);
  t.match(unknown.body, /This link is not valid/);
  t.match(unknown.headers['content-security-policy'], /default-src 'none'/);

  const pdf = await s.api.call({ method: 'GET', url: `/api/v1/estimates/${estimate.id}/pdf`, headers: { authorization: `Bearer ${s.member}` } });
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.match(pdf.headers['content-disposition'], /attachment; filename="EST-0001-v1.pdf"/);
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

t.test('viewers read estimates but cannot write or send them', async (t) => {
  const s = await setup(t);
  const estimate = await s.newEstimate();
  const viewer = s.workspace.token('viewer', 'us_vera');
  t.equal((await s.call('GET', `/api/v1/estimates/${estimate.id}`, undefined, viewer)).statusCode, 200);
  t.equal((await s.call('POST', `/api/v1/estimates/${estimate.id}/send`, {}, viewer)).statusCode, 403);
  t.equal((await s.call('POST', '/api/v1/estimates', { title: 'x', leadId: s.lead.id, content: content() }, viewer)).statusCode, 403);
  t.equal((await s.call('GET', '/api/v1/settings/estimates', undefined, viewer)).json().numberPrefix, 'EST-');
});

t.test('an action takes no body: a POST without one works, a body with fields is refused', async (t) => {
  const s = await setup(t);
  const estimate = await s.newEstimate();
  const bare = await s.api.call({ method: 'POST', url: `/api/v1/estimates/${estimate.id}/send`, token: s.member });
  t.equal(bare.statusCode, 200, bare.body);
  const extra = await s.call('POST', `/api/v1/estimates/${estimate.id}/withdraw`, { reason: 'x' });
  t.equal(extra.statusCode, 400);
  t.equal(extra.json().error.code, 'unknown_field');
});

t.test("the lead's and the contact's timeline show the estimate made, sent and decided, newest first", async (t) => {
  const s = await setup(t);
  const estimate = await s.newEstimate();
  s.clock.advance(60_000);
  const { link } = await s.send(estimate.id);
  s.clock.advance(60_000);
  await s.api.call({ method: 'POST', url: `/api/v1/estimate-links/${s.credentialOf(link)}/accept`, payload: { typedName: 'Dana Whitfield', consent: true } });
  const forLead = await s.ok<{ items: { kind: string; event?: string; number?: string; by: string; estimateId?: string }[] }>('GET', `/api/v1/leads/${s.lead.id}/timeline`);
  const estimates = forLead.items.filter((entry) => entry.kind === 'estimate');
  t.same(estimates.map((entry) => [entry.event, entry.number, entry.by]), [['accepted', 'EST-0001', 'customer'], ['sent', 'EST-0001', 'us_maria'], ['created', 'EST-0001', 'us_maria']]);
  t.equal(forLead.items[0]?.kind, 'stage_change', 'the move to Won comes with the decision');
  const forContact = await s.ok<{ items: { kind: string; estimateId?: string }[] }>('GET', `/api/v1/contacts/${s.contact.id}/timeline`);
  t.equal(forContact.items.filter((entry) => entry.kind === 'estimate' && entry.estimateId === estimate.id).length, 3, "the contact's timeline too");
});
