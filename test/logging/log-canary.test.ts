// Canary strings sent in every place a client can put data must never reach the log.
import t from 'tap';
import { build, TEST_KEYS } from '../helpers/app.js';

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

t.test('a 500 is logged with its stack, and the client gets no internals', async (t) => {
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
  t.notMatch(res.body, /exploded|secret|at /);
  t.match(api.logs.join(''), /database exploded/, 'the operator sees the cause');
});
