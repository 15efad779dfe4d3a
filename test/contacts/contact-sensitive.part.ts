// A contact's tax id and bank details: admins only, sealed on disk with the sensitive-fields key,
// never in the ordinary contact record, lists or the audit log's values.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build } from '../helpers/app.js';

const TAX_ID = 'DE987654321';
const IBAN = 'IBAN DE89 3704 0044 0532 0130 00';

t.test('an admin sets and reads tax id and bank details; stored sealed, audited without values', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin', 'mb_admin');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Dana' } })).json();
  const url = `/api/v1/contacts/${contact.id}/sensitive`;
  t.same((await api.call({ method: 'GET', url, token: admin })).json(), { taxId: null, bankDetails: null });
  const set = await api.call({ method: 'PATCH', url, token: admin, payload: { taxId: TAX_ID, bankDetails: IBAN } });
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json(), { taxId: TAX_ID, bankDetails: IBAN });
  t.same((await api.call({ method: 'PATCH', url, token: admin, payload: { bankDetails: null } })).json(), { taxId: TAX_ID, bankDetails: null }, 'null clears one field');

  const plain = await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, token: admin });
  t.notMatch(plain.body, TAX_ID, 'not in the ordinary record, even for admins');
  t.notOk('taxId' in plain.json());
  const file = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().serialize());
  t.notOk(file.includes(Buffer.from(TAX_ID)), 'the tax id is not in the database file in clear');
  t.notOk(file.includes(Buffer.from('DE89 3704')), 'nor the bank details (even the cleared value)');
  const events = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement('SELECT action, actor_id, before, after FROM audit_events ORDER BY seq').all(),
  ) as { action: string; after: string }[];
  t.same(events.map((e) => e.action), ['contact.created', 'contact.sensitive_read', 'contact.sensitive_changed', 'contact.sensitive_changed']);
  t.match(events[2]?.after, /"fields":\["taxId","bankDetails"\]/);
  t.notMatch(JSON.stringify(events), TAX_ID, 'the audit log names fields, never values');
});

t.test('members and viewers cannot read or write sensitive fields; bad input changes nothing', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Dana' } })).json();
  const url = `/api/v1/contacts/${contact.id}/sensitive`;
  await api.call({ method: 'PATCH', url, token: admin, payload: { taxId: TAX_ID } });
  for (const role of ['member', 'viewer'] as const) {
    const token = tenant.token(role);
    t.equal((await api.call({ method: 'GET', url, token })).statusCode, 403, `${role} read`);
    t.equal((await api.call({ method: 'PATCH', url, token, payload: { taxId: 'X' } })).statusCode, 403, `${role} write`);
    t.notMatch((await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, token })).body, TAX_ID);
    t.notMatch((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).body, TAX_ID);
  }
  t.equal((await api.call({ method: 'PATCH', url, token: admin, payload: {} })).statusCode, 400, 'nothing to change');
  t.equal((await api.call({ method: 'PATCH', url, token: admin, payload: { taxId: 'a\u0000b' } })).statusCode, 400, 'control characters');
  t.equal((await api.call({ method: 'PATCH', url, token: admin, payload: { iban: 'x' } })).json().error.code, 'unknown_field');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa/sensitive', token: admin })).statusCode, 404);
  t.same((await api.call({ method: 'GET', url, token: admin })).json(), { taxId: TAX_ID, bankDetails: null }, 'unchanged');
});

t.test('a sealed tax id copied to another contact does not open', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const [a, b] = [(await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'A' } })).json(), (await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'B' } })).json()];
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${a.id}/sensitive`, token: admin, payload: { taxId: TAX_ID } });
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement('UPDATE contacts SET tax_id_sealed = (SELECT tax_id_sealed FROM contacts WHERE id = ?) WHERE id = ?').run(a.id, b.id),
  );
  const res = await api.call({ method: 'GET', url: `/api/v1/contacts/${b.id}/sensitive`, token: admin });
  t.equal(res.statusCode, 500, 'refused (and logged for operators), never shown');
  t.notMatch(res.body, TAX_ID);
});
