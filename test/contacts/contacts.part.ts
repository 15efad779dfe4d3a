// Contacts through the whole chain (schema → route → service → tenant DB), as a client sees them.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';
import { runScenarios, type Scenario } from '../helpers/scenario.js';

type Workspace = ReturnType<TestApp['tenant']>;

async function setup(t: Teardown): Promise<TestApp & { token: string; tenantId: string; workspace: Workspace }> {
  const api = await build(t);
  const workspace = api.tenant();
  return Object.assign(api, { token: workspace.token('member', 'us_maria'), tenantId: workspace.id, workspace });
}

t.test('contacts as scenario rows: who may do what, to which record, with which audit event', async (t) => {
  const api = await setup(t);
  const other = api.tenant('Elsewhere');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload: { name: 'Dana Whitfield', email: 'dana@example.com', company: 'Whitfield Roofing' } })).json() as { id: string; createdAt: string; updatedAt: string };
  const foreign = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: other.token('admin'), payload: { name: 'Not Yours' } })).json() as { id: string };
  const url = `/api/v1/contacts/${contact.id}`;
  t.match(api.runtime.tenancy.run(api.tenantId, { actor: null, requestId: null }, () => tenantRow(contact.id)), { id: contact.id, name: 'Dana Whitfield', created_by: 'us_maria' }, 'the row is in the tenant database');
  const iso = (value: unknown) => typeof value === 'string' && new Date(value).toISOString() === value;
  await runScenarios(t, api, { workspace: api.workspace, other }, [
    { name: 'no token: 401', role: null, method: 'GET', url: '/api/v1/contacts', expect: { status: 401, body: { error: { code: 'unauthenticated' } } } },
    { name: 'no token, with an id: 401', role: null, method: 'DELETE', url, expect: { status: 401, body: { error: { code: 'unauthenticated' } } } },
    { name: 'a viewer cannot create', role: 'viewer', method: 'POST', url: '/api/v1/contacts', body: { name: 'x' }, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer cannot update', role: 'viewer', method: 'PATCH', url, body: { name: 'x' }, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer cannot delete', role: 'viewer', method: 'DELETE', url, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer reads', role: 'viewer', method: 'GET', url, expect: { status: 200, body: { id: contact.id, name: 'Dana Whitfield' } } },
    { name: "another workspace's id: 404 on read", role: 'admin', method: 'GET', url: `/api/v1/contacts/${foreign.id}`, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: "another workspace's id: 404 on update", role: 'admin', method: 'PATCH', url: `/api/v1/contacts/${foreign.id}`, body: { name: 'Taken' }, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: "another workspace's id: 404 on delete", role: 'admin', method: 'DELETE', url: `/api/v1/contacts/${foreign.id}`, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: 'another workspace cannot reach this one', role: 'admin', as: 'other workspace', method: 'GET', url, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: 'bad input: a missing name', role: 'member', method: 'POST', url: '/api/v1/contacts', body: { email: 'a@b.co' }, expect: { status: 400, body: { error: { code: 'missing_field', field: 'name' } } } },
    {
      name: 'a member creates: 201, with who and when',
      role: 'member',
      method: 'POST',
      url: '/api/v1/contacts',
      body: { name: 'Marcus Lee', email: 'marcus@example.com' },
      expect: {
        status: 201,
        body: (body) => {
          const c = body as Record<string, unknown>;
          return /^ct_[a-z2-7]{24}$/.test(String(c.id)) && c.name === 'Marcus Lee' && c.phone === null && c.createdBy === 'us_member' && c.updatedBy === 'us_member' && iso(c.createdAt) && c.createdAt === c.updatedAt;
        },
        auditEvent: 'contact.created',
      },
    },
    { name: 'a member reads it back', role: 'member', method: 'GET', url, expect: { status: 200, body: { id: contact.id, email: 'dana@example.com', company: 'Whitfield Roofing', createdAt: contact.createdAt } } },
    {
      name: 'an admin updates: who changed it, created fields kept',
      role: 'admin',
      method: 'PATCH',
      url,
      body: { email: null, phone: '+1 555 0100' },
      expect: { status: 200, body: { email: null, phone: '+1 555 0100', name: 'Dana Whitfield', createdAt: contact.createdAt, createdBy: 'us_maria', updatedBy: 'us_admin' }, auditEvent: { action: 'contact.updated', targetId: contact.id } },
    },
    { name: 'a member deletes: 204, empty', role: 'member', method: 'DELETE', url, expect: { status: 204, body: (body) => body === undefined, auditEvent: { action: 'contact.deleted', targetId: contact.id } } },
    { name: 'then it is gone', role: 'member', method: 'GET', url, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: 'deleting twice is a 404', role: 'member', method: 'DELETE', url, expect: { status: 404, body: { error: { code: 'not_found' } } } },
  ]);
  const inOther = api.runtime.tenancy.run(other.id, { actor: null, requestId: null }, () => tenantRow(foreign.id));
  t.match(inOther, { id: foreign.id, name: 'Not Yours' }, "the other workspace's contact is untouched");
  t.equal(api.runtime.tenancy.run(api.tenantId, { actor: null, requestId: null }, () => tenantRow(contact.id)), undefined, 'the deleted row is gone from the database');
});

function tenantRow(id: string): unknown {
  return tenantDb().statement('SELECT * FROM contacts WHERE id = ?').get(id);
}

t.test('list: cursor pagination walks every record once, ordered by (createdAt, id)', async (t) => {
  const api = await setup(t);
  const names = Array.from({ length: 7 }, (_, i) => `Contact ${i}`);
  for (const name of names) await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload: { name } });
  const seen: { name: string; id: string; createdAt: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token, query: { limit: '3', ...(cursor ? { cursor } : {}) } });
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.ok(body.items.length <= 3);
    seen.push(...body.items);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor);
  t.same(seen.map((c) => c.name).sort(), names, 'every record exactly once');
  const key = (c: { createdAt: string; id: string }) => `${c.createdAt} ${c.id}`;
  t.same(seen.map(key), seen.map(key).sort(), 'creation time first, id breaks ties within a millisecond');
  t.equal(pages, 3);
});

t.test('list: filter by text, with LIKE wildcards taken literally', async (t) => {
  const api = await setup(t);
  for (const payload of [{ name: 'Dana Whitfield', company: 'Roofing Co' }, { name: 'Marcus', email: 'marcus@roof.example' }, { name: '100% Plumbing' }, { name: 'Tom' }]) {
    await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload });
  }
  const names = async (q: string) =>
    (await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token, query: { q } })).json().items.map((c: { name: string }) => c.name);
  t.same(await names('roof'), ['Dana Whitfield', 'Marcus']);
  t.same(await names('100%'), ['100% Plumbing']);
  t.same(await names('%'), ['100% Plumbing'], '% is not a wildcard');
  t.same(await names('_'), [], '_ is not a wildcard');
});

t.test('bad input gets a clear error and changes nothing', async (t) => {
  const api = await setup(t);
  const { token } = api;
  const existing = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Keep Me' } })).json();
  const json = { 'content-type': 'application/json' };
  const cases: { name: string; method: 'POST' | 'PATCH' | 'GET'; url?: string; headers?: Record<string, string>; payload?: unknown; query?: Record<string, string>; status: number; code: string; field?: string }[] = [
    { name: 'malformed JSON', method: 'POST', headers: json, payload: '{"name": "x",', status: 400, code: 'invalid_json' },
    { name: 'empty JSON body', method: 'POST', headers: json, payload: '', status: 400, code: 'invalid_json' },
    { name: 'prototype pollution', method: 'POST', headers: json, payload: '{"name":"x","__proto__":{"admin":true}}', status: 400, code: 'invalid_json' },
    { name: 'missing field', method: 'POST', payload: { email: 'a@b.co' }, status: 400, code: 'missing_field', field: 'name' },
    { name: 'unknown field', method: 'POST', payload: { name: 'x', tenantId: 'tn_x' }, status: 400, code: 'unknown_field', field: 'tenantId' },
    { name: 'wrong type', method: 'POST', payload: { name: 42 }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'empty name', method: 'POST', payload: { name: '' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'NUL in a field', method: 'POST', payload: { name: 'a\u0000b' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'C1 control', method: 'POST', payload: { name: 'a\u0085b' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'bidi override', method: 'POST', payload: { name: 'invoice\u202egpj.exe' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'line separator', method: 'POST', payload: { name: 'a\u2028b' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'lone surrogate', method: 'POST', payload: { name: 'a\ud800b' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'newline in a one-line field', method: 'POST', payload: { name: 'a\nb' }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'bidi isolate in notes', method: 'POST', payload: { name: 'x', notes: 'a\u2066b' }, status: 400, code: 'invalid_field', field: 'notes' },
    { name: 'latin1 charset', method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, payload: '{"name":"x"}', status: 415, code: 'unsupported_media_type' },
    { name: 'utf-16 charset', method: 'POST', headers: { 'content-type': 'application/json; charset="utf-16"' }, payload: '{"name":"x"}', status: 415, code: 'unsupported_media_type' },
    { name: 'gzip content encoding', method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: '{"name":"x"}', status: 415, code: 'unsupported_media_type' },
    { name: 'bad email', method: 'POST', payload: { name: 'x', email: 'not-an-email' }, status: 400, code: 'invalid_field', field: 'email' },
    { name: 'too long', method: 'POST', payload: { name: 'x'.repeat(201) }, status: 400, code: 'invalid_field', field: 'name' },
    { name: 'array body', method: 'POST', payload: [{ name: 'x' }], status: 400, code: 'invalid_request' },
    { name: 'body over the limit', method: 'POST', payload: { name: 'x', notes: 'y'.repeat(1024 * 1024 + 10) }, status: 413, code: 'payload_too_large' },
    { name: 'wrong content type', method: 'POST', headers: { 'content-type': 'text/plain' }, payload: 'name=x', status: 415, code: 'unsupported_media_type' },
    { name: 'form content type', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x', status: 415, code: 'unsupported_media_type' },
    { name: 'empty patch', method: 'PATCH', url: `/api/v1/contacts/${existing.id}`, payload: {}, status: 400, code: 'invalid_request' },
    { name: 'patch unknown field', method: 'PATCH', url: `/api/v1/contacts/${existing.id}`, payload: { createdBy: 'us_evil' }, status: 400, code: 'unknown_field', field: 'createdBy' },
    { name: 'limit too big', method: 'GET', query: { limit: '1000' }, status: 400, code: 'invalid_field', field: 'limit' },
    { name: 'limit not a number', method: 'GET', query: { limit: 'ten' }, status: 400, code: 'invalid_field', field: 'limit' },
    { name: 'unknown query parameter', method: 'GET', query: { tenant: 'tn_x' }, status: 400, code: 'unknown_field', field: 'tenant' },
    { name: 'forged cursor', method: 'GET', query: { cursor: Buffer.from('{"x":1}').toString('base64url') }, status: 400, code: 'invalid_cursor', field: 'cursor' },
  ];
  const rows: Scenario[] = cases.map((c) => ({
    name: c.name,
    role: 'member',
    method: c.method,
    url: c.url ?? '/api/v1/contacts',
    ...(c.headers ? { headers: c.headers } : {}),
    ...(c.payload !== undefined ? { body: c.payload } : {}),
    ...(c.query ? { query: c.query } : {}),
    expect: { status: c.status, body: { error: { code: c.code, ...(c.field ? { field: c.field } : {}) } } },
  }));
  await runScenarios(t, api, { workspace: api.workspace, other: api.tenant('Elsewhere') }, rows);
  const list = (await api.call({ method: 'GET', url: '/api/v1/contacts', token })).json();
  t.same(list.items.map((c: { name: string }) => c.name), ['Keep Me'], 'nothing was created or changed');
  t.same(list.items[0], existing);
});

t.test('real-world text is accepted: emoji sequences, right-to-left scripts, notes with newlines', async (t) => {
  const api = await setup(t);
  for (const payload of [
    { name: 'Family 👨‍👩‍👧 Roofing' },
    { name: 'می‌خواهم', notes: 'ZWNJ in Persian' },
    { name: 'שלום\u200f (RLM)' },
    { name: 'Ünïcödé Ltd', notes: 'line one\nline two\r\n\tindented' },
  ]) {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload });
    t.equal(res.statusCode, 201, JSON.stringify(payload));
    if (res.statusCode === 201) t.equal(res.json().name, payload.name, 'stored as sent');
  }
  const utf8 = await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, headers: { 'content-type': 'application/json; charset=UTF-8' }, payload: '{"name":"ok"}' });
  t.equal(utf8.statusCode, 201, 'an explicit UTF-8 charset is fine');
});

t.test('ids that do not match their pattern are 404, whatever they contain', async (t) => {
  const api = await setup(t);
  const bad = ['nope', 'ct_short', '..%2F..%2Fcontrol.db', 'ct_..%2f..%2f..%2fetc%2fpasswd', 'ct_aaaaaaaaaaaaaaaaaaaaaaa%00', '%00', 'CT_AAAAAAAAAAAAAAAAAAAAAAAA', `ct_${'a'.repeat(300)}`];
  for (const id of bad) {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await api.call({ method, url: `/api/v1/contacts/${id}`, token: api.token, ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}) });
      t.equal(res.statusCode, 404, `${method} ${id.slice(0, 40)}`);
      t.equal(res.json().error.code, 'not_found');
    }
  }
  const wellFormed = await api.call({ method: 'GET', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa', token: api.token });
  t.equal(wellFormed.statusCode, 404, 'a well-formed id that does not exist is also 404');
});
