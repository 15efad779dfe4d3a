// Canary strings sent in every place a client can put data must never reach the log.
import t from 'tap';
import { build, TEST_KEYS, type TestApp } from '../helpers/app.js';

const CANARY = 'CANARY-d41d8cd98f00b204';

t.test('no header, cookie, token, query string or body value appears in the log', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const canary = (where: string) => `${CANARY}-${where}`;

  await api.call({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${canary('bad-token')}` } });
  await api.call({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Basic ${canary('basic')}` } });
  await api.call({ method: 'GET', url: '/api/v1/contacts', token, headers: { cookie: `session=${canary('cookie')}`, 'x-api-key': canary('api-key'), 'x-custom': canary('header') } });
  await api.call({ method: 'GET', url: '/api/v1/contacts', token, query: { q: canary('query') } });
  const created = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: canary('name'), email: 'canary@example.com', notes: canary('notes') } });
  t.equal(created.statusCode, 201);
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${created.json().id}`, token, payload: { notes: canary('patched-notes') } });
  await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: canary('invalid'), [canary('unknown-field-value')]: 1 } });
  await api.call({ method: 'POST', url: '/api/v1/contacts', token, headers: { 'content-type': 'application/json' }, payload: `{"name": "${canary('malformed')}"` });
  await api.call({ method: 'GET', url: '/api/v1/contacts', token, query: { cursor: canary('cursor').replace(/[^A-Za-z0-9_-]/g, '') } });
  await api.call({ method: 'GET', url: `/api/v1/${canary('unknown-route')}/dana@example.com`, token });
  await api.call({ method: 'GET', url: `/api/v1/contacts/${canary('bad-id')}`, token });

  const log = api.logs.join('');
  t.ok(api.logs.length >= 11, `one line per request was written (${api.logs.length})`);
  t.notOk(log.includes(CANARY), 'no canary in the log');
  t.notOk(log.includes(token), 'the access token is not in the log');
  t.notOk(log.includes('dana@example.com'), 'nor an email typed into an unknown path');
  for (const [name, key] of Object.entries(TEST_KEYS)) t.notOk(log.includes(key), `nor ${name}`);
  for (const line of api.logs) {
    const entry = JSON.parse(line);
    t.match(entry, { msg: 'request', reqId: String, method: String, status: Number, ms: Number }, 'a structured request line');
  }
  const ok = api.logs.map((l) => JSON.parse(l)).find((e) => e.status === 201);
  t.match(ok, { tenantId: tenant.id, userId: 'us_tester', route: '/api/v1/contacts', path: '/api/v1/contacts' }, 'with tenant, user and route');
});

/** The log's JSON lines (a chunk may hold several). */
function logLines(api: TestApp): Record<string, unknown>[] {
  return api.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
const requestLines = (api: TestApp) => logLines(api).filter((line) => line.msg === 'request');

t.test('every refusal is logged with its API error code (and the field at fault, never its value)', async (t) => {
  const api = await build(t, { SPINNEY_BODY_LIMIT_BYTES: String(64 * 1024) });
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const refusals: [string, Parameters<TestApp['call']>[0], number, string, string | undefined][] = [
    ['a missing field', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { notes: `${CANARY}-notes` } }, 400, 'missing_field', 'name'],
    ['a field of the wrong kind', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 7 } }, 400, 'invalid_field', 'name'],
    ['a field the client named', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'x', [`${CANARY}-key`]: 1 } }, 400, 'unknown_field', undefined],
    ['no token', { method: 'GET', url: '/api/v1/contacts' }, 401, 'unauthenticated', undefined],
    ['a bad token', { method: 'GET', url: '/api/v1/contacts', token: `${CANARY}-token` }, 401, 'invalid_token', undefined],
    ['a role without the permission', { method: 'POST', url: '/api/v1/vault/secrets', token: tenant.token('viewer'), payload: { name: 'x', value: `${CANARY}-v` } }, 403, 'forbidden', undefined],
    ['a record that does not exist', { method: 'GET', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa', token: admin }, 404, 'not_found', undefined],
    ['a route that does not exist', { method: 'GET', url: `/api/v1/${CANARY}`, token: admin }, 404, 'not_found', undefined],
    ['a conflict', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'taken', value: `${CANARY}-second` } }, 409, 'conflict', undefined],
    ['a body too large', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'x', notes: 'n'.repeat(70 * 1024) } }, 413, 'payload_too_large', undefined],
  ];
  t.equal((await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'taken', value: 'first-value' } })).statusCode, 201);
  for (const [what, options, status, code, field] of refusals) {
    const before = api.logs.length;
    const res = await api.call(options);
    t.equal(res.statusCode, status, `${what}: ${status}`);
    t.equal(res.json().error.code, code, `${what}: ${code} to the client`);
    const lines = api.logs.slice(before).join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    t.equal(lines.length, 1, `${what}: one request line`);
    t.match(lines[0], { status, error: code, level: 40 }, `${what}: logged as a warning with the code`);
    if (field) t.equal(lines[0]?.field, field, `${what}: and the field's name`);
    else t.notOk('field' in (lines[0] ?? {}), `${what}: no field logged`);
  }
  const log = api.logs.join('');
  t.notOk(log.includes(CANARY), 'no value the client sent (nor a field name it made up) is in the log');
  t.notOk(requestLines(api).some((line) => (line.status as number) >= 400 && line.error === 'unrecorded'), 'every refusal went through the one error path');
  t.notOk(requestLines(api).some((line) => (line.status as number) < 400 && 'error' in line), 'successes carry no error');
});

t.test('a 500 is logged once with its stack and code; the client gets no internals', async (t) => {
  const api = await build(t, {}, [
    async (app) => {
      app.get('/explode', { config: { permission: 'contacts:read' } }, async () => {
        throw new Error(`database exploded at /srv/secret/path`);
      });
    },
  ]);
  const res = await api.call({ method: 'GET', url: '/api/v1/explode', token: api.tenant().token('viewer') });
  t.equal(res.statusCode, 500);
  t.same(res.json(), { error: { code: 'internal_error', message: 'something went wrong; the error has been logged' } });
  t.notMatch(res.body, /exploded|secret|at |stack|\.ts/, 'no message, path or stack in the body');
  t.notMatch(JSON.stringify(res.headers), /exploded|\.ts:/, 'nor in a header');
  const lines = logLines(api);
  const failures = lines.filter((line) => line.msg === 'request failed');
  t.equal(failures.length, 1, 'logged once');
  t.match(failures[0], { level: 50, error: 'internal_error', reqId: res.headers['x-request-id'], err: { type: 'Error', message: /database exploded/, stack: /database exploded[\s\S]*\n\s+at / } }, 'with the cause and its stack');
  t.match(requestLines(api), [{ level: 50, status: 500, error: 'internal_error', reqId: res.headers['x-request-id'] }], 'and the request line carries the code');
});
