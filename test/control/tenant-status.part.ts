import t from 'tap';
import { ControlDb } from '../../src/tenants/control-db.js';
import { TenantStatusCache } from '../../src/tenants/tenant-status.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { updateTenantStatus } from '../../src/tenants/tenants.repo.js';
import { openRuntime } from '../../src/runtime.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { tempDataDir, testConfig } from '../helpers/app.js';

t.test('a status change is seen by the next read, whether this connection or another process made it', async (t) => {
  const runtime = openRuntime(testConfig(tempDataDir(t)));
  t.teardown(() => runtime.close());
  const { id } = createTenant(runtime, { name: 'A' });
  const cache = new TenantStatusCache(runtime.control);
  t.equal(cache.get(id), 'active');
  t.equal(cache.get(id), 'active', 'unchanged while nothing is committed');
  // Another process (its own connection to control.db) suspends it behind our back.
  const other = new ControlDb(runtime.config.dataDir, runtime.config.sqliteSynchronous);
  t.teardown(() => other.close());
  updateTenantStatus(other, id, 'suspended', new Date().toISOString());
  t.equal(cache.get(id), 'suspended', 'a commit by another connection is seen at once');
  // This process resumes it through its own connection.
  updateTenantStatus(runtime.control, id, 'active', new Date().toISOString());
  t.equal(cache.get(id), 'active', 'a write by this connection is seen at once');
});

t.test('unknown tenant ids are not remembered, so made-up ids cannot fill memory', async (t) => {
  const runtime = openRuntime(testConfig(tempDataDir(t)));
  t.teardown(() => runtime.close());
  const cache = new TenantStatusCache(runtime.control, 3);
  const unknown = newTenantId();
  t.equal(cache.get(unknown), undefined);
  const { id } = createTenant(runtime, { name: 'Late' });
  t.equal(cache.get(id), 'active');
  for (let i = 0; i < 5; i += 1) cache.get(createTenant(runtime, { name: `T${i}` }).id);
  t.equal(cache.get(id), 'active', 'still answers correctly after the bound cleared the map');
});
