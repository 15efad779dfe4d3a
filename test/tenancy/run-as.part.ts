// Tenancy.runAs: the only way to read a second workspace while bound to one. It reads, never
// writes; only numbers come out; both workspaces' audit logs show it; it does not nest.
import t from 'tap';
import { currentTenantId, tenantDb, TenantContextMissing } from '../../src/tenancy/context.js';
import { CrossTenantResultRefused, TenantScopeNested } from '../../src/tenancy/tenancy.js';
import { build } from '../helpers/app.js';

const PURPOSE = 'portfolio.totals';

t.test('a workspace reads another one for a named purpose: numbers only, audited on both sides', async (t) => {
  const api = await build(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  for (const name of ['One', 'Two']) t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: b.token(), payload: { name } })).statusCode, 201);
  const inA = <T>(fn: () => T): T => api.runtime.tenancy.run(a.id, { actor: { userId: 'us_owner', role: 'owner', sessionId: 'ss_x' }, requestId: 'req-1' }, fn);
  const audit = (tenantId: string) =>
    api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
      tenantDb().statement("SELECT actor_id, target_type, target_id, request_id, after FROM audit_events WHERE action = 'tenancy.cross_tenant_read'").all(),
    );

  const totals = inA(() => {
    const read = api.runtime.tenancy.runAs(b.id, PURPOSE, () => ({ contacts: tenantDb().statement('SELECT count(*) FROM contacts').pluck().get() as number, tenant: currentTenantId() === b.id ? 1 : 0 }));
    t.equal(currentTenantId(), a.id, 'back in A afterwards');
    return read;
  });
  t.same(totals, { contacts: 2, tenant: 1 }, "B's count, read inside B");
  t.same(inA(() => api.runtime.tenancy.runAs(b.id, PURPOSE, () => 7)), 7, 'a single number');
  t.same(audit(a.id)[0], { actor_id: 'us_owner', target_type: 'tenant', target_id: b.id, request_id: 'req-1', after: JSON.stringify({ purpose: PURPOSE, direction: 'read_of' }) }, "A's log says it read B");
  t.same(audit(b.id)[0], { actor_id: 'us_owner', target_type: 'tenant', target_id: a.id, request_id: 'req-1', after: JSON.stringify({ purpose: PURPOSE, direction: 'read_by' }) }, "B's log says A read it");
  t.equal(audit(a.id).length, 2);
  t.equal(audit(b.id).length, 2);
});

t.test('runAs cannot write, leak records, run outside a scope or nest', async (t) => {
  const api = await build(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  const c = api.tenant('C');
  t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: b.token(), payload: { name: 'Secret' } })).statusCode, 201);
  const inA = <T>(fn: () => T): T => api.runtime.tenancy.run(a.id, { actor: null, requestId: null }, fn);
  const runAs = <T>(fn: () => T, other = b.id) => api.runtime.tenancy.runAs(other, PURPOSE, fn as () => number);
  const fileB = api.runtime.tenancy.run(b.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT count(*) FROM contacts').pluck().get());

  t.throws(() => runAs(() => 1), TenantContextMissing, 'only from inside a scope');
  inA(() => {
    t.throws(() => runAs(() => tenantDb().statement("UPDATE contacts SET name = 'changed'").run().changes), /readonly/i, 'the other workspace is read-only');
    const refused: [string, () => unknown][] = [
      ['a row', () => tenantDb().statement('SELECT * FROM contacts').get()],
      ['a string', () => 'Secret'],
      ['an array of numbers', () => [1, 2]],
      ['a nested record', () => ({ totals: { contacts: 1 } })],
      ['a record with a string', () => ({ contacts: 1, name: 'Secret' })],
      ['NaN', () => Number.NaN],
      ['a promise', async () => 1],
      ['a class instance', () => new (class Totals { contacts = 1 })()],
      ['a getter', () => Object.defineProperty({}, 'contacts', { get: () => 1, enumerable: true })],
    ];
    for (const [name, fn] of refused) t.throws(() => runAs(fn), CrossTenantResultRefused, name);
    t.throws(() => runAs(() => runAs(() => 1, c.id)), TenantScopeNested, 'no runAs inside runAs');
    t.throws(() => runAs(() => api.runtime.tenancy.run(c.id, { actor: null, requestId: null }, () => 1)), TenantScopeNested, 'no run inside runAs');
    t.throws(() => runAs(() => 1, a.id), /another workspace/, 'not the current workspace');
    t.throws(() => api.runtime.tenancy.runAs(b.id, 'Anything goes!', () => 1), /not a cross-tenant read purpose/, 'a named purpose');
    t.throws(() => api.runtime.tenancy.run(b.id, { actor: null, requestId: null }, () => 1), TenantScopeNested, 'run still refuses a second workspace');
  });
  t.same(
    api.runtime.tenancy.run(b.id, { actor: null, requestId: null }, () => [tenantDb().statement('SELECT count(*) FROM contacts').pluck().get(), tenantDb().statement("SELECT count(*) FROM contacts WHERE name = 'changed'").pluck().get()]),
    [fileB, 0],
    'B is unchanged',
  );
});
