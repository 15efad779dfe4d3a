import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { currentTenantId, tenantDb, TenantContextMissing } from '../../src/tenancy/context.js';
import { InvalidTenantId, Tenancy, TenantDatabaseMissing } from '../../src/tenancy/tenancy.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { tempDataDir } from '../helpers/app.js';

const scope = { actor: null, requestId: null };

t.test('tenantDb() outside a tenant context throws TenantContextMissing', async (t) => {
  t.throws(() => tenantDb(), TenantContextMissing);
  t.throws(() => currentTenantId(), TenantContextMissing);
});

t.test('the context follows async work and ends with it', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const a = newTenantId();
  const b = newTenantId();
  tenancy.createDatabase(a);
  tenancy.createDatabase(b);
  const seen = await Promise.all([
    tenancy.run(a, scope, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return currentTenantId();
    }),
    tenancy.run(b, scope, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return tenantDb().tenantId;
    }),
  ]);
  t.same(seen, [a, b], 'two concurrent scopes never see each other');
  t.throws(() => tenantDb(), TenantContextMissing, 'no scope leaks out after run()');
});

t.test('an invalid tenant id is refused before any path is built', async (t) => {
  const dataDir = tempDataDir(t);
  const tenancy = new Tenancy({ dataDir, handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  for (const bad of ['../etc', 'tn_../../x', 'tn_abc\u0000', 'TN_AAAAAAAAAAAAAAAAAAAAAAAA', '', 'tn_aaaaaaaaaaaaaaaaaaaaaaa/']) {
    t.throws(() => tenancy.run(bad, scope, () => tenantDb()), InvalidTenantId, JSON.stringify(bad));
    t.throws(() => tenancy.createDatabase(bad), InvalidTenantId);
  }
  t.notOk(existsSync(join(dataDir, 'tenants')), 'nothing was created on disk');
});

t.test('a well-formed id without a database is refused and no file is created', async (t) => {
  const dataDir = tempDataDir(t);
  const tenancy = new Tenancy({ dataDir, handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const id = newTenantId();
  t.throws(() => tenancy.run(id, scope, () => tenantDb()), TenantDatabaseMissing);
  t.notOk(existsSync(join(dataDir, 'tenants', id)));
});
