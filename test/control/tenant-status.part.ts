import t from 'tap';
import { TenantStatusCache } from '../../src/tenants/tenant-status.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { updateTenantStatus } from '../../src/tenants/tenants.repo.js';
import { openRuntime } from '../../src/runtime.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { tempDataDir, testConfig } from '../helpers/app.js';

t.test('statuses are re-read once older than the maximum age; forget() is immediate', async (t) => {
  const runtime = openRuntime(testConfig(tempDataDir(t)));
  t.teardown(() => runtime.close());
  const { id } = createTenant(runtime, { name: 'A' });
  const cache = new TenantStatusCache(runtime.control, 50);
  t.equal(cache.get(id), 'active');
  // Another process suspends it behind our back.
  updateTenantStatus(runtime.control, id, 'suspended', new Date().toISOString());
  t.equal(cache.get(id), 'active', 'within the maximum age the cached status stands');
  await new Promise((resolve) => setTimeout(resolve, 60));
  t.equal(cache.get(id), 'suspended', 'after it, the change is seen');
  updateTenantStatus(runtime.control, id, 'active', new Date().toISOString());
  cache.forget(id);
  t.equal(cache.get(id), 'active', 'forget() makes the next read go to control.db');
});

t.test('unknown tenant ids are not remembered, so made-up ids cannot fill memory', async (t) => {
  const runtime = openRuntime(testConfig(tempDataDir(t)));
  t.teardown(() => runtime.close());
  const cache = new TenantStatusCache(runtime.control, 60_000, 3);
  const unknown = newTenantId();
  t.equal(cache.get(unknown), undefined);
  const { id } = createTenant(runtime, { name: 'Late' });
  t.equal(cache.get(id), 'active');
  for (let i = 0; i < 5; i += 1) cache.get(createTenant(runtime, { name: `T${i}` }).id);
  t.equal(cache.get(id), 'active', 'still answers correctly after the bound cleared the map');
});
