// Leads and pipelines through the whole chain, as a client sees them: the seeded pipeline, creating
// and moving leads, the board, the list, the timeline, and every refusal changing nothing.
import t from 'tap';
import { newId } from '../../src/http/ids.js';
import { insertMember, updateMember } from '../../src/members/members.repo.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';
import { runScenarios } from '../helpers/scenario.js';

type Workspace = ReturnType<TestApp['tenant']>;
interface Stage { id: string; name: string; kind: string; position: number; pipelineId: string }
interface Pipeline { id: string; name: string; stages: Stage[] }
interface Lead { id: string; stageId: string; position: number; version: number; pipelineId: string; [key: string]: unknown }

/** An active membership in the workspace, as a first sign-in writes it; returns its id (a lead's ownerId). */
function member(api: TestApp, tenantId: string, role = 'member'): string {
  const id = newId('membership');
  const now = new Date().toISOString();
  insertMember(api.runtime.control, { id, tenantId, email: `${id}@example.com`, identityId: null, role, now, createdBy: 'us_test', updatedBy: 'us_test' });
  return id;
}

async function setup(t: Teardown) {
  const api = await build(t);
  const workspace = api.tenant();
  const other = api.tenant('Elsewhere');
  const token = workspace.token('member', 'us_maria');
  const admin = workspace.token('admin', 'us_ada');
  const post = async <T>(url: string, payload: object, as = token): Promise<T> => {
    const res = await api.call({ method: 'POST', url, token: as, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const pipelines = async (as = token): Promise<Pipeline[]> => (await api.call({ method: 'GET', url: '/api/v1/pipelines', token: as })).json().items;
  const contact = await post<{ id: string }>('/api/v1/contacts', { name: 'Dana Whitfield' });
  const [sales] = await pipelines();
  const inWorkspace = <T>(w: Workspace, fn: () => T): T => api.runtime.tenancy.run(w.id, { actor: null, requestId: null }, fn);
  const rows = (sql: string, w: Workspace = workspace): unknown[] => inWorkspace(w, () => tenantDb().statement(sql).all());
  return { api, workspace, other, token, admin, post, pipelines, contact, sales: sales as Pipeline, rows, owner: member(api, workspace.id) };
}

t.test('a workspace starts with one pipeline: New → Contacted → Site visit → Estimate sent → Won / Lost', async (t) => {
  const { pipelines, other } = await setup(t);
  const [sales, ...more] = await pipelines();
  t.equal(more.length, 0);
  t.equal(sales?.name, 'Sales');
  t.same(sales?.stages.map((s) => [s.name, s.kind, s.position]), [['New', 'open', 0], ['Contacted', 'open', 1], ['Site visit', 'open', 2], ['Estimate sent', 'open', 3], ['Won', 'won', 4], ['Lost', 'lost', 5]]);
  t.ok(sales?.stages.every((s) => /^sg_[a-z2-7]{24}$/.test(s.id)) && /^pl_[a-z2-7]{24}$/.test(sales.id), 'ids of the usual shape');
  const [theirs] = await pipelines(other.token('viewer'));
  t.not(theirs?.id, sales?.id, 'each workspace has its own');
});

t.test('leads as scenario rows: roles, isolation, bad input, each refusal changing nothing', async (t) => {
  const s = await setup(t);
  const { api, workspace, other, sales, owner } = s;
  const foreignContact = await s.post<{ id: string }>('/api/v1/contacts', { name: 'Not Yours' }, other.token('admin'));
  const foreignOwner = member(api, other.id);
  const archived = member(api, workspace.id);
  updateMember(api.runtime.control, workspace.id, archived, { status: 'archived' }, new Date().toISOString(), 'us_test');
  const lead = await s.post<Lead>('/api/v1/leads', { title: 'Roof', contactId: s.contact.id, currency: 'USD', valueMinor: 1250000, ownerId: owner });
  const [theirPipeline] = await s.pipelines(other.token('admin'));
  const second = await s.post<Pipeline>('/api/v1/pipelines', { name: 'Commercial' }, s.admin);
  const url = `/api/v1/leads/${lead.id}`;
  const base = { title: 'Kitchen', contactId: s.contact.id, currency: 'EUR', valueMinor: 100 };
  const bad = (name: string, body: object, field: string, code = 'invalid_field') =>
    ({ name, role: 'member' as const, method: 'POST' as const, url: '/api/v1/leads', body: { ...base, ...body }, expect: { status: 400, body: { error: { code, field } } } });
  const move = (body: object) => ({ stageId: sales.stages[1]!.id, position: 0, version: lead.version, ...body });
  await runScenarios(t, api, { workspace, other }, [
    { name: 'no token: 401', role: null, method: 'GET', url: '/api/v1/leads', expect: { status: 401 } },
    { name: 'a viewer reads', role: 'viewer', method: 'GET', url, expect: { status: 200, body: { id: lead.id, title: 'Roof', valueMinor: 1250000, currency: 'USD', ownerId: owner, stageId: sales.stages[0]!.id, position: 0, version: 1 } } },
    { name: 'a viewer cannot create', role: 'viewer', method: 'POST', url: '/api/v1/leads', body: base, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer cannot move', role: 'viewer', method: 'POST', url: `${url}/move`, body: move({}), expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a member cannot create a pipeline', role: 'member', method: 'POST', url: '/api/v1/pipelines', body: { name: 'Mine' }, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a member cannot delete a stage', role: 'member', method: 'DELETE', url: `/api/v1/pipeline-stages/${sales.stages[3]!.id}`, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: "another workspace's lead: 404", role: 'admin', as: 'other workspace', method: 'GET', url, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: "another workspace's lead cannot be moved", role: 'admin', as: 'other workspace', method: 'POST', url: `${url}/move`, body: move({}), expect: { status: 404 } },
    { name: "another workspace's pipeline: 404", role: 'admin', method: 'GET', url: `/api/v1/pipelines/${theirPipeline!.id}/board`, expect: { status: 404 } },
    bad('a negative value', { valueMinor: -1 }, 'valueMinor'),
    bad('a value beyond 2^53 minor units', { valueMinor: 2 ** 53 }, 'valueMinor'),
    bad('a fractional value', { valueMinor: 10.5 }, 'valueMinor'),
    bad('an unknown currency', { currency: 'XYZ' }, 'currency'),
    bad('a lower-case currency', { currency: 'usd' }, 'currency'),
    bad("a contact of another workspace", { contactId: foreignContact.id }, 'contactId'),
    bad('an owner who is a member of another workspace', { ownerId: foreignOwner }, 'ownerId'),
    bad('an archived owner', { ownerId: archived }, 'ownerId'),
    bad('an owner id that is no membership', { ownerId: 'us_maria' }, 'ownerId'),
    bad("a stage of another workspace", { stageId: theirPipeline!.stages[0]!.id }, 'stageId'),
    bad('no contact', { contactId: undefined }, 'contactId', 'missing_field'),
    bad('a bad date', { expectedCloseDate: '2027-13-01' }, 'expectedCloseDate'),
    { name: 'an update to an unknown currency', role: 'member', method: 'PATCH', url, body: { currency: 'ABC' }, expect: { status: 400, body: { error: { code: 'invalid_field', field: 'currency' } } } },
    { name: "moving to another workspace's stage", role: 'member', method: 'POST', url: `${url}/move`, body: move({ stageId: theirPipeline!.stages[1]!.id }), expect: { status: 400, body: { error: { code: 'invalid_field', field: 'stageId' } } } },
    { name: "moving to another pipeline's stage", role: 'member', method: 'POST', url: `${url}/move`, body: move({ stageId: second.stages[1]!.id }), expect: { status: 400, body: { error: { code: 'invalid_field', field: 'stageId' } } } },
    { name: 'a move from a stale version', role: 'member', method: 'POST', url: `${url}/move`, body: move({ version: 7 }), expect: { status: 409, body: { error: { code: 'stale_version', field: 'version' } } } },
    { name: 'an update from a stale version', role: 'member', method: 'PATCH', url, body: { title: 'x', version: 2 }, expect: { status: 409, body: { error: { code: 'stale_version' } } } },
    { name: 'deleting a stage in use', role: 'admin', method: 'DELETE', url: `/api/v1/pipeline-stages/${sales.stages[0]!.id}`, expect: { status: 409, body: { error: { code: 'stage_in_use' } } } },
    { name: 'deleting a pipeline in use', role: 'admin', method: 'DELETE', url: `/api/v1/pipelines/${sales.id}`, expect: { status: 409, body: { error: { code: 'stage_in_use' } } } },
    { name: "another workspace's stage cannot be deleted", role: 'admin', as: 'other workspace', method: 'DELETE', url: `/api/v1/pipeline-stages/${sales.stages[3]!.id}`, expect: { status: 404 } },
    { name: 'a member moves it: 200, new version', role: 'member', method: 'POST', url: `${url}/move`, body: move({}), expect: { status: 200, body: { stageId: sales.stages[1]!.id, position: 0, version: 2, updatedBy: 'us_member' }, auditEvent: { action: 'lead.stage_changed', targetId: lead.id } } },
    { name: 'a member updates it', role: 'member', method: 'PATCH', url, body: { tags: ['roofing'], nextAction: { text: 'Call back', date: '2027-01-10' }, version: 2 }, expect: { status: 200, body: { tags: ['roofing'], nextAction: { text: 'Call back', date: '2027-01-10' }, version: 3 }, auditEvent: 'lead.updated' } },
    { name: 'an admin adds a stage at a position', role: 'admin', method: 'POST', url: `/api/v1/pipelines/${sales.id}/stages`, body: { name: 'Negotiation', kind: 'open', position: 4 }, expect: { status: 201, body: { name: 'Negotiation', position: 4 }, auditEvent: 'pipeline.stage_created' } },
    { name: 'an admin deletes an empty stage', role: 'admin', method: 'DELETE', url: `/api/v1/pipeline-stages/${sales.stages[0]!.id}`, expect: { status: 204, auditEvent: 'pipeline.stage_deleted' } },
  ]);
  const [after] = await s.pipelines();
  t.same(after?.stages.map((st) => [st.name, st.position]), [['Contacted', 0], ['Site visit', 1], ['Estimate sent', 2], ['Negotiation', 3], ['Won', 4], ['Lost', 5]], 'stages renumbered after the insert and the delete');
});

t.test('moves: one call, positions renumbered in both stages, history, won/lost events, stale moves refused', async (t) => {
  const { api, post, contact, sales, rows, token } = await setup(t);
  const [newStage, contacted, , , won, lost] = sales.stages;
  const leads: Lead[] = [];
  for (const title of ['A', 'B', 'C', 'D']) leads.push(await post<Lead>('/api/v1/leads', { title, contactId: contact.id, currency: 'USD', valueMinor: 100 }));
  t.same(leads.map((l) => l.position), [0, 1, 2, 3], 'appended in order');
  const moveTo = (lead: Lead, stageId: string, position: number, extra: object = {}) =>
    api.call({ method: 'POST', url: `/api/v1/leads/${lead.id}/move`, token, payload: { stageId, position, version: lead.version, ...extra } });
  const order = (stageId: string) => (rows(`SELECT title FROM leads WHERE stage_id = '${stageId}' ORDER BY position`) as { title: string }[]).map((r) => r.title).join('');
  const positions = (stageId: string) => (rows(`SELECT position FROM leads WHERE stage_id = '${stageId}' ORDER BY position`) as { position: number }[]).map((r) => r.position);

  t.equal((await moveTo(leads[3]!, newStage!.id, 0)).statusCode, 200);
  t.equal(order(newStage!.id), 'DABC', 'reordered within the stage');
  t.same(positions(newStage!.id), [0, 1, 2, 3]);
  t.same(rows("SELECT action FROM audit_events WHERE action LIKE 'lead.%' ORDER BY seq").slice(-1), [{ action: 'lead.reordered' }], 'a reorder is audited');

  const moved = (await moveTo(leads[0]!, contacted!.id, 5)).json() as Lead;
  t.match(moved, { stageId: contacted!.id, position: 0, version: 2 }, 'a position past the end means last');
  t.equal(order(newStage!.id), 'DBC');
  t.same(positions(newStage!.id), [0, 1, 2], 'the stage it left is renumbered');

  // Two clients move the same lead from the same view at once: one wins, the other is told.
  const [first, secondTry] = await Promise.all([moveTo(moved, won!.id, 0), moveTo(moved, lost!.id, 0, { lostReason: 'price' })]);
  t.same([first.statusCode, secondTry.statusCode], [200, 409], 'the stale one is refused');
  t.equal(secondTry.json().error.code, 'stale_version');
  t.same(rows(`SELECT stage_id, version FROM leads WHERE id = '${moved.id}'`), [{ stage_id: won!.id, version: 3 }], 'the first move stands');
  t.same(rows("SELECT action FROM audit_events WHERE action IN ('lead.stage_changed', 'lead.won', 'lead.lost') ORDER BY seq").map((r) => (r as { action: string }).action), ['lead.stage_changed', 'lead.stage_changed', 'lead.won'], 'stage changes and the win are audited; no loss');

  const lostLead = (await moveTo(leads[1]!, lost!.id, 0, { lostReason: 'Went with a cheaper quote' })).json() as Lead;
  t.equal(lostLead.lostReason, 'Went with a cheaper quote');
  t.equal(rows("SELECT action FROM audit_events WHERE action = 'lead.lost'").length, 1);
  t.same(
    rows(`SELECT from_stage_id, to_stage_id, by FROM lead_stage_changes WHERE lead_id = '${moved.id}' ORDER BY at, rowid`),
    [{ from_stage_id: null, to_stage_id: newStage!.id, by: 'us_maria' }, { from_stage_id: newStage!.id, to_stage_id: contacted!.id, by: 'us_maria' }, { from_stage_id: contacted!.id, to_stage_id: won!.id, by: 'us_maria' }],
    'stage history: who, from, to',
  );
});

t.test('board: leads by stage in order, counts and exact totals per currency', async (t) => {
  const { api, post, contact, sales, token } = await setup(t);
  const [newStage, contacted] = sales.stages;
  const big = Number.MAX_SAFE_INTEGER;
  await post('/api/v1/leads', { title: 'A', contactId: contact.id, currency: 'USD', valueMinor: big });
  await post('/api/v1/leads', { title: 'B', contactId: contact.id, currency: 'USD', valueMinor: big });
  await post('/api/v1/leads', { title: 'C', contactId: contact.id, currency: 'JPY', valueMinor: 5000 });
  await post('/api/v1/leads', { title: 'D', contactId: contact.id, currency: 'EUR', valueMinor: 1, stageId: contacted!.id });
  const res = await api.call({ method: 'GET', url: `/api/v1/pipelines/${sales.id}/board`, token, query: { perStage: '2' } });
  t.equal(res.statusCode, 200);
  const board = res.json() as { columns: { stage: Stage; count: number; totals: { currency: string; valueMinor: string }[]; leads: Lead[] }[] };
  t.equal(board.columns.length, 6);
  const [first, second, third] = board.columns;
  t.equal(first?.stage.id, newStage!.id);
  t.equal(first?.count, 3, 'the count is of every lead, not only those shown');
  t.same(first?.leads.map((l) => l.title), ['A', 'B'], 'perStage leads, in position order');
  t.same(first?.totals, [{ currency: 'JPY', valueMinor: '5000' }, { currency: 'USD', valueMinor: (2n * BigInt(big)).toString() }], 'exact beyond 2^53, one total per currency');
  t.same(second?.totals, [{ currency: 'EUR', valueMinor: '1' }]);
  t.same([third?.count, third?.totals, third?.leads], [0, [], []]);
});

t.test('list: filters, sorting and cursor paging', async (t) => {
  const { api, post, contact, sales, token, owner } = await setup(t);
  const specs = [
    { title: 'Roof Elm St', tags: ['roofing'], ownerId: owner, nextAction: { text: 'Call', date: '2027-01-05' }, expectedCloseDate: '2027-03-01' },
    { title: 'Kitchen', tags: ['interior'], nextAction: { text: 'Visit', date: '2027-02-01' }, expectedCloseDate: '2027-01-01' },
    { title: 'Roof 50% off', tags: ['roofing', 'promo'], siteAddress: '1 Main St' },
    { title: 'Deck', notes: 'Wants cedar', ownerId: owner, stageId: sales.stages[2]!.id },
  ];
  for (const spec of specs) await post('/api/v1/leads', { contactId: contact.id, currency: 'USD', ...spec });
  const titles = async (query: Record<string, string>) => {
    const res = await api.call({ method: 'GET', url: '/api/v1/leads', token, query });
    t.equal(res.statusCode, 200, JSON.stringify(query));
    return (res.json().items as { title: string }[]).map((l) => l.title);
  };
  t.same(await titles({ ownerId: owner }), ['Roof Elm St', 'Deck'], 'by owner');
  t.same(await titles({ stageId: sales.stages[2]!.id }), ['Deck'], 'by stage');
  t.same(await titles({ tag: 'roofing' }), ['Roof Elm St', 'Roof 50% off'], 'by tag');
  t.same(await titles({ q: 'cedar' }), ['Deck'], 'text in notes');
  t.same(await titles({ q: '50%' }), ['Roof 50% off'], 'text, % taken literally');
  t.same(await titles({ q: '%' }), ['Roof 50% off']);
  t.same(await titles({ nextActionDue: '2027-01-31' }), ['Roof Elm St'], 'next action due by a date');
  t.same(await titles({ stageId: sales.stages[0]!.id, sort: 'position' }), ['Roof Elm St', 'Kitchen', 'Roof 50% off'], 'a column in board order');
  t.same(await titles({ sort: 'title' }), ['Deck', 'Kitchen', 'Roof 50% off', 'Roof Elm St']);
  t.same(await titles({ sort: '-created' }), ['Deck', 'Roof 50% off', 'Kitchen', 'Roof Elm St']);
  t.same((await titles({ sort: 'expectedClose' })).slice(0, 2), ['Kitchen', 'Roof Elm St'], 'dated ones first, the undated after');
  const bad = await api.call({ method: 'GET', url: '/api/v1/leads', token, query: { sort: 'value; DROP TABLE leads' } });
  t.equal(bad.statusCode, 400);
  for (const sort of ['title', '-title', 'nextAction', '-updated', 'position']) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.call({ method: 'GET', url: '/api/v1/leads', token, query: { sort, limit: '1', ...(cursor ? { cursor } : {}) } });
      const body = res.json() as { items: { title: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((l) => l.title));
      cursor = body.nextCursor;
    } while (cursor);
    t.same(seen, await titles({ sort }), `paging by ${sort} walks every lead once, in order`);
  }
  const otherContact = await post<{ id: string }>('/api/v1/contacts', { name: 'Sam Porter' });
  await post('/api/v1/leads', { title: 'Porch', contactId: otherContact.id, currency: 'USD' });
  t.same(await titles({ contactId: otherContact.id }), ['Porch'], "by contact: only that contact's leads");
  t.same(await titles({ contactId: contact.id }), ['Roof Elm St', 'Kitchen', 'Roof 50% off', 'Deck'], 'and the other contact keeps its own');
  const badContact = await api.call({ method: 'GET', url: '/api/v1/leads', token, query: { contactId: 'not-an-id' } });
  t.equal(badContact.statusCode, 400, 'a malformed contact id is refused');
});

t.test('timeline per lead and per contact: stage moves and notes, newest first, paged', async (t) => {
  const { api, post, contact, sales, token, other } = await setup(t);
  const lead = await post<Lead>('/api/v1/leads', { title: 'Roof', contactId: contact.id, currency: 'USD' });
  const otherLead = await post<Lead>('/api/v1/leads', { title: 'Porch', contactId: contact.id, currency: 'USD' });
  const note = await post<{ id: string; kind: string }>(`/api/v1/leads/${lead.id}/notes`, { body: 'Measured: 140 m2' });
  t.match(note, { kind: 'note', body: 'Measured: 140 m2', by: 'us_maria', leadId: lead.id });
  await api.call({ method: 'POST', url: `/api/v1/leads/${lead.id}/move`, token, payload: { stageId: sales.stages[2]!.id, position: 0, version: 1 } });
  const res = await api.call({ method: 'GET', url: `/api/v1/leads/${lead.id}/timeline`, token });
  t.equal(res.statusCode, 200);
  const items = res.json().items as { kind: string; toStageName?: string; fromStageName?: string | null }[];
  t.same(items.map((e) => [e.kind, e.toStageName ?? null]), [['stage_change', 'Site visit'], ['note', null], ['stage_change', 'New']], 'newest first');
  t.equal(items[0]?.fromStageName, 'New');
  const contactItems = (await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}/timeline`, token })).json().items as { leadId: string }[];
  t.equal(contactItems.length, 4, "every lead of the contact's entries");
  t.ok(contactItems.some((e) => e.leadId === otherLead.id));
  const paged: unknown[] = [];
  let cursor: string | null = null;
  do {
    const body: { items: unknown[]; nextCursor: string | null } = (await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}/timeline`, token, query: { limit: '1', ...(cursor ? { cursor } : {}) } })).json();
    paged.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  t.same(paged, contactItems, 'paging walks the same entries');
  const foreign = await api.call({ method: 'GET', url: `/api/v1/leads/${lead.id}/timeline`, token: other.token('admin') });
  t.equal(foreign.statusCode, 404, "another workspace cannot read a lead's timeline");
  const foreignContact = await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}/timeline`, token: other.token('admin') });
  t.equal(foreignContact.statusCode, 404);
});

t.test('pipelines: admins create (default or own stages), rename, delete an empty one; subscribers may ask for lead events', async (t) => {
  const { api, admin, post } = await setup(t);
  const custom = await post<Pipeline>('/api/v1/pipelines', { name: 'Commercial', stages: [{ name: 'Bid', kind: 'open' }, { name: 'Awarded', kind: 'won' }] }, admin);
  t.same(custom.stages.map((s) => s.name), ['Bid', 'Awarded']);
  const renamed = await api.call({ method: 'PATCH', url: `/api/v1/pipelines/${custom.id}`, token: admin, payload: { name: 'Commercial jobs' } });
  t.match(renamed.json(), { name: 'Commercial jobs' });
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/pipelines/${custom.id}`, token: admin })).statusCode, 204);
  t.equal((await api.call({ method: 'GET', url: `/api/v1/pipelines/${custom.id}`, token: admin })).statusCode, 404);
  const sub = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token: admin, payload: { url: 'https://hooks.example.com/x', eventTypes: ['lead.created', 'lead.stage_changed', 'lead.won', 'lead.lost'] } });
  t.equal(sub.statusCode, 201, sub.body);
});

t.test("a lead reads its contact's current name; a contact that leads name is kept until they go: 409 contact_in_use, nothing deleted", async (t) => {
  const { api, post, contact, token, rows } = await setup(t);
  const lead = await post<Lead>('/api/v1/leads', { title: 'Roof', contactId: contact.id, currency: 'USD' });
  t.equal(lead.contactName, 'Dana Whitfield', "a lead comes with its contact's name");
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, token, payload: { name: 'Dana W. Whitfield' } });
  const board = (await api.call({ method: 'GET', url: `/api/v1/pipelines/${lead.pipelineId}/board`, token })).json() as { columns: { leads: Lead[] }[] };
  t.same(board.columns.flatMap((c) => c.leads.map((l) => l.contactName)), ['Dana W. Whitfield'], 'the board shows the name as it is now, so it needs no request per contact');
  const listed = (await api.call({ method: 'GET', url: '/api/v1/leads', token })).json() as { items: Lead[] };
  t.same(listed.items.map((l) => l.contactName), ['Dana W. Whitfield'], 'and so does the list');
  const refused = await api.call({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, token });
  t.equal(refused.statusCode, 409);
  t.match(refused.json(), { error: { code: 'contact_in_use', message: /1 lead\(s\) name this contact/ } });
  t.equal((await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, token })).statusCode, 200, 'the contact is still there');
  t.same(rows("SELECT action FROM audit_events WHERE action = 'contact.deleted'"), [], 'and no deletion is audited');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/leads/${lead.id}`, token })).statusCode, 204);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, token })).statusCode, 204, 'with its lead gone, the contact can be deleted');
});
