// The typed client (client/spinney-client.ts) against a real server on loopback, as a desktop app
// or a script uses it: an API key, typed paths, answers and refusals in the API's error shape.
import t from 'tap';
import { createSpinneyClient, data, SpinneyApiError } from '../../client/spinney-client.js';
import { build } from '../helpers/app.js';

t.test('the typed client: list, create, read back; a refusal is a SpinneyApiError with code and field', async (t) => {
  const api = await build(t);
  const workspace = api.tenant('Client Roofing');
  const created = await api.call({ method: 'POST', url: '/api/v1/api-keys', token: workspace.token('admin', 'us_ada'), payload: { name: 'Desktop sync', role: 'member' } });
  t.equal(created.statusCode, 201, created.body);
  const key = (created.json() as { apiKey: string }).apiKey;
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.server.address() as { port: number };
  const spinney = createSpinneyClient({ baseUrl: `http://127.0.0.1:${port}/`, token: key });

  const contact = await data(spinney.POST('/api/v1/contacts', { body: { name: 'Dana Whitfield', email: 'dana@example.com' } }));
  t.match(contact, { id: /^ct_/, name: 'Dana Whitfield', email: 'dana@example.com' });
  const page = await data(spinney.GET('/api/v1/contacts', { params: { query: { limit: 10 } } }));
  t.same(page.items.map((c) => c.name), ['Dana Whitfield']);
  const one = await data(spinney.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId: contact.id } } }));
  t.equal(one.email, 'dana@example.com');

  const bad = await data(spinney.POST('/api/v1/contacts', { body: { name: 'x', email: 'not an address' } })).catch((err: unknown) => err);
  t.ok(bad instanceof SpinneyApiError);
  t.match(bad, { status: 400, code: 'invalid_field', field: 'email' });
  const adminOnly = await data(spinney.GET('/api/v1/audit-events', {})).catch((err: unknown) => err);
  t.match(adminOnly, { status: 403, code: 'forbidden' }, 'a member key stays a member');

  let calls = 0;
  const refreshing = createSpinneyClient({ baseUrl: `http://127.0.0.1:${port}`, token: async () => (calls++, key) });
  await data(refreshing.GET('/api/v1/contacts', {}));
  t.equal(calls, 1, 'a token function is asked on each request');
});
