// The admin audit API: list with filters and pagination, download as JSON lines and CSV.
import t from 'tap';
import { csvCell } from '../../src/audit/audit-query.service.js';
import { build } from '../helpers/app.js';

async function seeded(t: Parameters<typeof build>[0]) {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin', 'us_admin');
  const member = tenant.token('member', 'us_member');
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    ids.push((await api.call({ method: 'POST', url: '/api/v1/contacts', token: member, payload: { name: `Contact ${i}` } })).json().id);
  }
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${ids[0]}`, token: admin, payload: { name: '=HYPERLINK("http://evil.example","click")' } });
  await api.call({ method: 'DELETE', url: `/api/v1/contacts/${ids[1]}`, token: admin });
  return { api, tenant, admin, member, ids };
}

t.test('admins list events newest first, filter them and page through them', async (t) => {
  const { api, admin, ids } = await seeded(t);
  const all = (await api.call({ method: 'GET', url: '/api/v1/audit-events', token: admin })).json();
  t.same(all.items.map((e: { action: string }) => e.action), ['contact.deleted', 'contact.updated', 'contact.created', 'contact.created', 'contact.created']);
  t.equal(all.nextCursor, null);
  t.match(all.items[1], { actor: { type: 'user', id: 'us_admin', role: 'admin' }, target: { type: 'contact', id: ids[0] }, before: { name: 'Contact 0' }, after: { name: '=HYPERLINK("http://evil.example","click")' } });

  const q = async (query: Record<string, string>) =>
    (await api.call({ method: 'GET', url: '/api/v1/audit-events', token: admin, query })).json().items.map((e: { seq: number }) => e.seq);
  t.same(await q({ actor: 'us_member' }), [3, 2, 1]);
  t.same(await q({ action: 'contact.' }), [5, 4, 3, 2, 1], 'a trailing dot is a prefix');
  t.same(await q({ action: 'contact.deleted' }), [5]);
  t.same(await q({ action: 'contact' }), [], 'without the dot it is exact');
  t.same(await q({ targetType: 'contact', targetId: ids[0] as string }), [4, 1]);
  t.same(await q({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' }), []);

  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = cursor ? { limit: '2', cursor } : { limit: '2' };
    const page: { items: { seq: number }[]; nextCursor: string | null } = (await api.call({ method: 'GET', url: '/api/v1/audit-events', token: admin, query })).json();
    pages.push(page.items.map((e) => e.seq));
    cursor = page.nextCursor;
  } while (cursor);
  t.same(pages, [[5, 4], [3, 2], [1]]);
});

t.test('members and viewers may not read the audit log', async (t) => {
  const { api, tenant, member } = await seeded(t);
  for (const [token, role] of [[member, 'member'], [tenant.token('viewer'), 'viewer']] as const) {
    for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/download']) {
      const res = await api.call({ method: 'GET', url, token });
      t.equal(res.statusCode, 403, `${role} ${url}`);
    }
  }
});

t.test('bad filters are named', async (t) => {
  const { api, admin } = await seeded(t);
  for (const [query, field] of [[{ action: 'Contact.*' }, 'action'], [{ from: 'yesterday' }, 'from'], [{ cursor: '-1' }, 'cursor'], [{ format: 'xml' }, 'format']] as const) {
    const url = 'format' in query ? '/api/v1/audit-events/download' : '/api/v1/audit-events';
    const res = await api.call({ method: 'GET', url, token: admin, query });
    t.equal(res.statusCode, 400, JSON.stringify(query));
    t.equal(res.json().error.field, field);
  }
});

t.test('the download streams every event in chain order, as JSON lines or CSV safe for spreadsheets', async (t) => {
  const { api, tenant, admin } = await seeded(t);
  const jsonl = await api.call({ method: 'GET', url: '/api/v1/audit-events/download', token: admin });
  t.equal(jsonl.statusCode, 200);
  t.match(jsonl.headers['content-type'], /application\/x-ndjson/);
  t.match(jsonl.headers['content-disposition'], new RegExp(`attachment; filename="audit-${tenant.id}-\\d{4}-\\d{2}-\\d{2}\\.jsonl"`));
  const lines = jsonl.body.trim().split('\n').map((line) => JSON.parse(line));
  t.same(lines.map((e) => e.seq), [1, 2, 3, 4, 5]);

  const csv = await api.call({ method: 'GET', url: '/api/v1/audit-events/download', token: admin, query: { format: 'csv', action: 'contact.updated' } });
  t.match(csv.headers['content-type'], /text\/csv/);
  const rows = csv.body.trim().split('\r\n');
  t.equal(rows[0], '"seq","id","at","actor_type","actor_id","actor_role","action","target_type","target_id","request_id","ip","user_agent","before","after","hash"');
  t.equal(rows.length, 2, 'header and the one matching event');
  t.match(rows[1], /^"4","ae_/);
  t.notMatch(rows[1], /,=HYPERLINK/, 'no cell starts with a formula');
});

t.test('csv cells are quoted and formulas neutralised', async (t) => {
  t.equal(csvCell(null), '""');
  t.equal(csvCell(12), '"12"');
  t.equal(csvCell('plain'), '"plain"');
  t.equal(csvCell('a,b'), '"a,b"');
  t.equal(csvCell('say "hi"'), '"say ""hi"""');
  t.equal(csvCell('=1+1'), `"'=1+1"`);
  t.equal(csvCell('-2'), `"'-2"`);
  t.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
  t.equal(csvCell('  =1+1'), `"'  =1+1"`, 'leading spaces do not hide a formula');
  t.equal(csvCell('line\nbreak'), '"line\nbreak"');
});

/** How a spreadsheet reads one CSV line with a given separator (RFC 4180 quoting). */
function spreadsheetCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}

t.test("a user agent with ';=cmd' stays text in spreadsheets that split on ',', ';' or tab", async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const attack = "Mozilla/5.0;=cmd|' /C calc'!A0";
  const created = await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token('member'), payload: { name: 'Agent' }, headers: { 'user-agent': attack } });
  t.equal(created.statusCode, 201, created.body);
  const csv = await api.call({ method: 'GET', url: '/api/v1/audit-events/download', token: tenant.token('admin'), query: { format: 'csv', action: 'contact.created' } });
  const line = csv.body.trim().split('\r\n')[1] as string;
  t.ok(line.includes(attack), 'the user agent is in the export');
  for (const separator of [',', ';', '\t']) {
    const formulas = spreadsheetCells(line, separator).filter((cell) => /^[ ]*[=+\-@\t\r]/.test(cell));
    t.same(formulas, [], `no cell a spreadsheet splitting on ${JSON.stringify(separator)} would run as a formula`);
  }
  t.ok(spreadsheetCells(line, ',').includes(attack), 'split on commas, the user agent is one cell, unchanged');
});

t.test('a long log downloads completely across chunks', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const { recordTenantEvent } = await import('../../src/audit/audit.service.js');
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => {
    for (let i = 0; i < 1203; i += 1) recordTenantEvent('test.filled', null, { after: { i } });
  });
  const res = await api.call({ method: 'GET', url: '/api/v1/audit-events/download', token });
  const seqs = res.body.trim().split('\n').map((line) => JSON.parse(line).seq as number);
  t.equal(seqs.length, 1203);
  t.equal(seqs[1202], 1203);
});
