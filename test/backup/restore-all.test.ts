// spinney backup restore RUN --all: every workspace of a run back in place in one process, the
// settle wait paid once; deleted workspaces skipped, suspended ones left suspended, the rest
// resumed. Through the built executable too, as the second step of recovering a lost host.
import t from 'tap';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreAll } from '../../src/backup/restore.js';
import { deleteTenant } from '../../src/tenants/tenant-deletion.js';
import { listTenants, setTenantStatus } from '../../src/tenants/tenants.service.js';
import { openRuntime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, tempDataDir, TEST_KEYS, testConfig } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { addContact, contactNames } from './helpers.js';

t.test('restoreAll puts every workspace of the run back, skips deleted ones and resumes only what it suspended', async (t) => {
  const api = await build(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  const gone = api.tenant('Gone');
  await addContact(api, a.token(), 'A in the run');
  await addContact(api, b.token(), 'B in the run');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  await addContact(api, a.token(), 'A after');
  await addContact(api, b.token(), 'B after');
  setTenantStatus(api.runtime, b.id, 'suspended');
  deleteTenant(api.runtime, gone.id, { actor: 'operator' });

  const progress: string[] = [];
  const summary = await restoreAll(api.runtime, { runId, settleMs: 0, onProgress: (done, total) => progress.push(`${done}/${total}`) });
  t.same(summary.restored.map((r) => r.tenantId).sort(), [a.id, b.id].sort());
  t.same(summary.skipped, [{ tenantId: gone.id, reason: 'deleted' }]);
  t.same(summary.failed, []);
  t.same(progress, ['1/2', '2/2']);
  t.same(await contactNames(api, a.token()), ['A in the run']);
  const statuses = Object.fromEntries(listTenants(api.runtime).map((x) => [x.id, x.status]));
  t.equal(statuses[a.id], 'active', 'the active workspace is resumed');
  t.equal(statuses[b.id], 'suspended', 'the one an operator had suspended stays suspended');
  const bNames = api.runtime.tenancy.run(b.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts ORDER BY name').pluck().all());
  t.same(bNames, ['B in the run']);
  t.equal(api.runtime.control.statement("SELECT count(*) FROM audit_events WHERE action = 'backup.restored'").pluck().get(), 2, 'each restore audited');
  await t.rejects(restoreAll(api.runtime, { runId: '../../etc' }), { name: 'BackupRefused', message: /not a backup run id/ });
});

t.test('a lost host: restore-platform, then spinney backup restore RUN --all through the built executable', async (t) => {
  const api = await build(t);
  const first = api.tenant('First');
  const second = api.tenant('Second');
  await addContact(api, first.token(), 'First contact');
  await addContact(api, second.token(), 'Second contact');
  const run = JSON.parse((await spinney(['backup', 'run', '--json'], { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS })).stdout);

  const fresh = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: fresh, SPINNEY_BACKUP_DIR: api.config.backup.dir, ...TEST_KEYS };
  const platform = await spinney(['backup', 'restore-platform', run.runId, '--confirm', run.runId], env);
  t.equal(platform.code, 0, platform.stderr);
  t.match(platform.stdout, `spinney backup restore ${run.runId} --all --confirm ${run.runId}`, 'it names the next command');

  const wrong = await spinney(['backup', 'restore', run.runId, '--all', '--confirm', first.id], env);
  t.equal(wrong.code, 1);
  t.equal(wrong.stderr, 'spinney: --confirm must repeat the run id exactly\n');
  const mixed = await spinney(['backup', 'restore', run.runId, '--all', '--tenant', first.id, '--confirm', run.runId], env);
  t.equal(mixed.stderr, 'spinney: --all takes a run id, and neither --tenant, --as nor --at\n');

  const all = await spinney(['backup', 'restore', run.runId, '--all', '--confirm', run.runId, '--json'], env);
  t.equal(all.code, 0, all.stderr);
  t.match(all.stderr, `restoring every workspace of run ${run.runId} in place`, 'it says what it will do first');
  const summary = JSON.parse(all.stdout);
  t.equal(summary.restored.length, 2);
  t.same(summary.failed, []);

  const runtime = openRuntime(testConfig(fresh, { SPINNEY_BACKUP_DIR: api.config.backup.dir }));
  t.teardown(() => runtime.close());
  for (const [tenant, name] of [[first, 'First contact'], [second, 'Second contact']] as const) {
    const names = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts').pluck().all());
    t.same(names, [name]);
  }
  t.same(listTenants(runtime).map((x) => x.status), ['active', 'active']);
});
