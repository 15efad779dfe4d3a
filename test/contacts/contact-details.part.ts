// Addresses, tags and source on contacts: stored, answered, changed by PATCH, filtered by tag, and
// refused clearly (naming the field) when wrong, with nothing changed.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';
import { readArchive } from '../export/archive.js';

async function setup(t: Teardown): Promise<TestApp & { token: string; tenantId: string }> {
  const api = await build(t);
  const workspace = api.tenant();
  return Object.assign(api, { token: workspace.token('member', 'us_maria'), tenantId: workspace.id });
}

const postal = { street: '12 Mill Lane\nUnit 4', city: 'Springfield', region: 'IL', postcode: '62704', country: 'US' };

t.test('a contact holds a postal and a site address, tags and a source, through create, read, list and PATCH', async (t) => {
  const api = await setup(t);
  const create = await api.call({
    method: 'POST',
    url: '/api/v1/contacts',
    token: api.token,
    payload: { name: 'Dana Whitfield', company: 'Whitfield Roofing', postalAddress: postal, siteAddress: { street: 'Plot 7, Oak Rise', country: 'GB' }, tags: ['Roofing', 'repeat customer'], source: 'referral' },
  });
  t.equal(create.statusCode, 201);
  const contact = create.json();
  t.same(contact.postalAddress, postal);
  t.same(contact.siteAddress, { street: 'Plot 7, Oak Rise', city: null, region: null, postcode: null, country: 'GB' }, 'missing parts are null');
  t.same(contact.tags, ['Roofing', 'repeat customer'], 'tags kept as written, in order');
  t.equal(contact.source, 'referral');

  const row = api.runtime.tenancy.run(api.tenantId, { actor: null, requestId: null }, () => tenantDb().statement('SELECT * FROM contacts WHERE id = ?').get(contact.id)) as Record<string, unknown>;
  t.match(row, { postal_city: 'Springfield', postal_country: 'US', site_street: 'Plot 7, Oak Rise', site_city: null, tags: '["Roofing","repeat customer"]', tag_keys: '["roofing","repeat customer"]', source: 'referral' }, 'the columns in the tenant database');

  const read = (await api.call({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, token: api.token })).json();
  t.same(read, contact, 'read back as created');
  const listed = (await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token })).json().items[0];
  t.same(listed, contact, 'the list answers the same record');

  const patched = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, token: api.token, payload: { siteAddress: { city: 'Leeds' }, tags: ['roofing'] } });
  t.equal(patched.statusCode, 200);
  t.same(patched.json().siteAddress, { street: null, city: 'Leeds', region: null, postcode: null, country: null }, 'an address is replaced whole');
  t.same(patched.json().postalAddress, postal, 'what the PATCH does not name is kept');
  t.same(patched.json().tags, ['roofing']);
  t.equal(patched.json().source, 'referral');

  const cleared = (await api.call({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, token: api.token, payload: { postalAddress: null, siteAddress: { street: '', city: null, region: '  ' }, tags: [], source: null } })).json();
  t.equal(cleared.postalAddress, null, 'null clears an address');
  t.equal(cleared.siteAddress, null, 'an address with no part (empty, blank or null) is no address');
  t.same(cleared.tags, []);
  t.equal(cleared.source, null);
  t.equal(cleared.company, 'Whitfield Roofing');

  const event = api.runtime.tenancy.run(api.tenantId, { actor: null, requestId: null }, () =>
    tenantDb().statement("SELECT after FROM audit_events WHERE action = 'contact.updated' ORDER BY seq DESC LIMIT 1").get(),
  ) as { after: string };
  t.match(JSON.parse(event.after), { postalAddress: null, tags: [], source: null }, 'the audit event records the new values');
});

t.test('an existing client that sends none of the new fields keeps working', async (t) => {
  const api = await setup(t);
  const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload: { name: 'Old Client', email: 'old@example.com' } });
  t.equal(res.statusCode, 201);
  t.match(res.json(), { postalAddress: null, siteAddress: null, tags: [], source: null });
  const patched = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${res.json().id}`, token: api.token, payload: { phone: '+1 555 0100' } });
  t.match(patched.json(), { phone: '+1 555 0100', tags: [], postalAddress: null });
});

t.test('list: filter by tag regardless of case (in any script), combined with text that also searches company', async (t) => {
  const api = await setup(t);
  for (const payload of [
    { name: 'Dana', company: 'Whitfield Roofing', tags: ['Roofing', 'VIP'] },
    { name: 'Marcus', company: 'Lee Plumbing', tags: ['plumbing', 'vip'] },
    { name: 'Özlem', company: 'Öztürk Bau', tags: ['ÜBERDACHUNG'] },
    { name: 'Tom', tags: [] },
  ]) {
    t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload })).statusCode, 201);
  }
  const names = async (query: Record<string, string>) => (await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token, query })).json().items.map((c: { name: string }) => c.name);
  t.same(await names({ tag: 'vip' }), ['Dana', 'Marcus']);
  t.same(await names({ tag: 'VIP', q: 'plumbing' }), ['Marcus'], 'tag and text together');
  t.same(await names({ tag: 'überdachung' }), ['Özlem'], 'non-ASCII tags compare regardless of case');
  t.same(await names({ q: 'ztürk BAU' }), ['Özlem'], 'text matches company');
  t.same(await names({ tag: 'roof' }), [], 'a tag matches whole, not in part');
  t.same(await names({ tag: '%' }), []);
});

t.test('bad input: a clear 400 naming the field, and nothing stored or changed', async (t) => {
  const api = await setup(t);
  const existing = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload: { name: 'Keep Me', tags: ['a'], postalAddress: postal } })).json();
  const cases: { name: string; body: Record<string, unknown>; code: string; field: string }[] = [
    { name: 'unknown country', body: { postalAddress: { country: 'XX' } }, code: 'invalid_field', field: 'postalAddress.country' },
    { name: 'reserved country code', body: { siteAddress: { country: 'ZZ' } }, code: 'invalid_field', field: 'siteAddress.country' },
    { name: 'lower-case country', body: { postalAddress: { country: 'us' } }, code: 'invalid_field', field: 'postalAddress.country' },
    { name: 'three-letter country', body: { postalAddress: { country: 'USA' } }, code: 'invalid_field', field: 'postalAddress.country' },
    { name: 'unknown address part', body: { postalAddress: { zip: '12345' } }, code: 'unknown_field', field: 'postalAddress.zip' },
    { name: 'over-long city', body: { postalAddress: { city: 'c'.repeat(101) } }, code: 'invalid_field', field: 'postalAddress.city' },
    { name: 'over-long postcode', body: { siteAddress: { postcode: '1'.repeat(21) } }, code: 'invalid_field', field: 'siteAddress.postcode' },
    { name: 'over-long street', body: { postalAddress: { street: 's'.repeat(301) } }, code: 'invalid_field', field: 'postalAddress.street' },
    { name: 'newline in city', body: { postalAddress: { city: 'a\nb' } }, code: 'invalid_field', field: 'postalAddress.city' },
    { name: 'an address that is not an object', body: { postalAddress: '12 Mill Lane' }, code: 'invalid_field', field: 'postalAddress' },
    { name: 'too many tags', body: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, code: 'invalid_field', field: 'tags' },
    { name: 'over-long tag', body: { tags: ['x'.repeat(41)] }, code: 'invalid_field', field: 'tags.0' },
    { name: 'empty tag', body: { tags: ['ok', ''] }, code: 'invalid_field', field: 'tags.1' },
    { name: 'blank tag', body: { tags: ['   '] }, code: 'invalid_field', field: 'tags.0' },
    { name: 'tag with a newline', body: { tags: ['a\nb'] }, code: 'invalid_field', field: 'tags.0' },
    { name: 'tag with a control character', body: { tags: ['ok', 'a\u0007b'] }, code: 'invalid_field', field: 'tags.1' },
    { name: 'tag with a bidi override', body: { tags: ['a\u202eb'] }, code: 'invalid_field', field: 'tags.0' },
    { name: 'tags differing only in case', body: { tags: ['Roofing', 'ROOFING'] }, code: 'invalid_field', field: 'tags.1' },
    { name: 'tags not a list', body: { tags: 'roofing' }, code: 'invalid_field', field: 'tags' },
    { name: 'a tag that is not text', body: { tags: [1] }, code: 'invalid_field', field: 'tags.0' },
    { name: 'unknown source', body: { source: 'carrier pigeon' }, code: 'invalid_field', field: 'source' },
  ];
  for (const c of cases) {
    const created = await api.call({ method: 'POST', url: '/api/v1/contacts', token: api.token, payload: { name: 'Bad', ...c.body } });
    t.equal(created.statusCode, 400, `create, ${c.name}: 400`);
    t.match(created.json(), { error: { code: c.code, field: c.field } }, `create, ${c.name}: names ${c.field}`);
    const patched = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${existing.id}`, token: api.token, payload: c.body });
    t.equal(patched.statusCode, 400, `patch, ${c.name}: 400`);
    t.match(patched.json(), { error: { code: c.code, field: c.field } }, `patch, ${c.name}: names ${c.field}`);
  }
  const tagQuery = await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token, query: { tag: 'a\nb' } });
  t.match(tagQuery.json(), { error: { code: 'invalid_field', field: 'tag' } }, 'a tag filter with a newline');
  const list = (await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token })).json();
  t.same(list.items, [existing], 'nothing was created or changed');
});

t.test("another workspace's contact cannot be given an address or tags", async (t) => {
  const api = await setup(t);
  const other = api.tenant('Elsewhere');
  const foreign = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: other.token('admin'), payload: { name: 'Not Yours', tags: ['theirs'] } })).json();
  const res = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${foreign.id}`, token: api.token, payload: { tags: ['mine'], postalAddress: postal } });
  t.equal(res.statusCode, 404);
  t.match(res.json(), { error: { code: 'not_found' } });
  const filtered = await api.call({ method: 'GET', url: '/api/v1/contacts', token: api.token, query: { tag: 'theirs' } });
  t.same(filtered.json().items, [], "a tag filter does not reach another workspace's contacts");
  const theirs = (await api.call({ method: 'GET', url: `/api/v1/contacts/${foreign.id}`, token: other.token('admin') })).json();
  t.same(theirs.tags, ['theirs']);
  t.equal(theirs.postalAddress, null, 'unchanged');
});

t.test('the export holds the addresses, tags and source of every contact', async (t) => {
  const api = await setup(t);
  const tenant = api.tenant('Exporting');
  const admin = tenant.token('admin');
  const created = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Dana', postalAddress: postal, siteAddress: { city: 'Leeds', country: 'GB' }, tags: ['VIP', 'roofing'], source: 'website' } })).json();
  const res = await api.call({ method: 'POST', url: '/api/v1/export', token: admin, payload: {} });
  t.equal(res.statusCode, 200);
  const { workspace } = await readArchive(res.rawPayload);
  t.match(workspace.contacts, [
    {
      id: created.id,
      postal_street: postal.street,
      postal_city: 'Springfield',
      postal_region: 'IL',
      postal_postcode: '62704',
      postal_country: 'US',
      site_street: null,
      site_city: 'Leeds',
      site_country: 'GB',
      tags: '["VIP","roofing"]',
      tag_keys: '["vip","roofing"]',
      source: 'website',
    },
  ]);
});
