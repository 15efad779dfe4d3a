import t from 'tap';
import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, listTenants, slugify } from '../../src/tenants/tenants.service.js';
import { openRuntime } from '../../src/runtime.js';
import { build, tempDataDir, testConfig } from '../helpers/app.js';

t.test('slugs are lowercase ascii words', async (t) => {
  t.equal(slugify('Acme Roofing & Sons'), 'acme-roofing-sons');
  t.equal(slugify('Café Çelik'), 'cafe-celik');
  t.equal(slugify('!!!'), 'workspace');
  t.equal(slugify('x'.repeat(100)).length, 40);
});

t.test('a tenant whose database cannot be created leaves no row or invitation behind', async (t) => {
  const dataDir = tempDataDir(t);
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  writeFileSync(join(dataDir, 'tenants'), 'a file where the tenants directory should be');
  t.throws(() => createTenant(runtime, { name: 'Doomed', adminEmail: 'a@b.example' }));
  t.same(listTenants(runtime), []);
  t.same(runtime.control.statement('SELECT count(*) AS n FROM invitations').get(), { n: 0 });
});

t.test('a tenant whose row cannot be written leaves no database directory behind', async (t) => {
  const dataDir = tempDataDir(t);
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  runtime.control.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON tenants BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  t.throws(() => createTenant(runtime, { name: 'Refused' }), /refused/);
  t.same(readdirSync(join(dataDir, 'tenants')), [], 'the database made first was removed again');
  const keys = new Database(join(dataDir, 'keyring.db'), { readonly: true });
  t.teardown(() => keys.close());
  t.equal((keys.prepare('SELECT count(*) AS n FROM backup_keys').get() as { n: number }).n, 0, 'and so was its backup key');
});

t.test('an active tenant whose database file is missing answers 503, not 500', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token();
  api.runtime.tenancy.removeDatabase(tenant.id);
  const res = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
  t.equal(res.statusCode, 503);
  t.equal(res.json().error.code, 'tenant_unavailable');
});

t.test('one email invited to two workspaces is two separate invitations', async (t) => {
  const runtime = openRuntime(testConfig(tempDataDir(t)));
  t.teardown(() => runtime.close());
  const a = createTenant(runtime, { name: 'A', adminEmail: 'same@x.example' });
  const b = createTenant(runtime, { name: 'B', adminEmail: 'same@x.example' });
  t.not(a.invitation?.id, b.invitation?.id);
  t.same(
    runtime.control.statement('SELECT tenant_id AS tenantId FROM invitations ORDER BY created_at, tenant_id').all().map((r) => (r as { tenantId: string }).tenantId).sort(),
    [a.id, b.id].sort(),
  );
});
