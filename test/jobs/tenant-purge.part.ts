// The tenant-purge job: honours SPINNEY_DELETION_GRACE_DAYS (at most 30, checked at start-up), goes
// on with the other workspaces when one purge fails (recorded as tenant.purge_failed), and fails
// its run when the backup target's keyring copy could not be rewritten after a purge.
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config.js';
import { deleteTenant } from '../../src/tenants/tenant-deletion.js';
import { runJob } from '../../src/jobs/runner.js';
import { tenantPurgeJob } from '../../src/jobs/tenant-purge.job.js';
import type { Runtime } from '../../src/runtime.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, tempDataDir, TEST_KEYS, testConfig } from '../helpers/app.js';
import { freePort, spinney } from '../helpers/cli.js';
import { captureLog, DAY, jobRuns, NOW } from './helpers.js';

const purgeEvents = (runtime: Runtime): { action: string; target_id: string; actor_type: string; after: unknown }[] =>
  (runtime.control.statement(`SELECT action, target_id, actor_type, after FROM audit_events WHERE action LIKE 'tenant.purge%' ORDER BY seq`).all() as { action: string; target_id: string; actor_type: string; after: string }[]).map(
    (e) => ({ ...e, after: JSON.parse(e.after) as unknown }),
  );
const purgedAt = (runtime: Runtime, id: string): string | null => runtime.control.statement('SELECT purged_at FROM tenants WHERE id = ?').pluck().get(id) as string | null;
const run = (runtime: Runtime) => runJob(runtime, tenantPurgeJob, { trigger: 'schedule', log: captureLog().log });

t.test('SPINNEY_DELETION_GRACE_DAYS: a custom grace period is honoured; 0 or more than 30 days is refused at start-up', async (t) => {
  const clock = new ManualClock(NOW);
  const api = await build(t, { SPINNEY_DELETION_GRACE_DAYS: '3' }, [], { clock });
  const tenant = api.tenant();
  const deleted = deleteTenant(api.runtime, tenant.id, { actor: 'operator' });
  t.equal(Date.parse(deleted.purgeAfter) - Date.parse(deleted.deletedAt), 3 * DAY, 'three days, not the default seven');
  clock.advance(3 * DAY - 1000);
  t.match(await run(api.runtime), { status: 'ok', counts: { purged: 0, failed: 0 } }, 'a second before: nothing');
  t.ok(api.runtime.tenancy.databaseExists(tenant.id));
  clock.advance(1000);
  t.match(await run(api.runtime), { status: 'ok', counts: { purged: 1, failed: 0 } }, 'on the third day: purged');
  t.notOk(api.runtime.tenancy.databaseExists(tenant.id));
  t.same(purgeEvents(api.runtime), [{ action: 'tenant.purged', target_id: tenant.id, actor_type: 'system', after: { purgedAt: new Date(NOW + 3 * DAY).toISOString(), keyringCopy: { ok: true, rewritten: false } } }], 'by the system (the schedule)');

  const dir = tempDataDir(t);
  for (const days of ['31', '0', '7.5']) {
    t.throws(() => testConfig(dir, { SPINNEY_DELETION_GRACE_DAYS: days }), new ConfigError(['SPINNEY_DELETION_GRACE_DAYS must be an integer from 1 to 30']), `${days} is refused`);
  }
  const cli = await spinney(['tenant', 'list'], { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dir, ...TEST_KEYS, SPINNEY_DELETION_GRACE_DAYS: '45' });
  t.equal(cli.code, 1);
  t.match(cli.stderr, /SPINNEY_DELETION_GRACE_DAYS must be an integer from 1 to 30/, 'the CLI (and the server) refuse to start with it');
});

t.test('a purge that fails in one workspace is recorded as tenant.purge_failed, fails the run, and the others are still purged; the next run finishes it', async (t) => {
  const clock = new ManualClock(NOW);
  const api = await build(t, {}, [], { clock });
  const [a, b, c] = [api.tenant('A'), api.tenant('B'), api.tenant('C')];
  for (const tenant of [a, b, c]) deleteTenant(api.runtime, tenant.id, { actor: 'operator' });
  // control.db refuses B's tombstone, as a full disk or a locked file would.
  api.runtime.control.db.exec(`CREATE TRIGGER refuse_b BEFORE UPDATE OF purged_at ON tenants WHEN OLD.id = '${b.id}' BEGIN SELECT RAISE(ABORT, 'control.db refused the write'); END`);
  clock.advance(7 * DAY);

  const first = await run(api.runtime);
  t.match(first, { status: 'failed', counts: { purged: 2, failed: 1 }, error: `${b.id}: control.db refused the write` });
  t.ok(purgedAt(api.runtime, a.id) && purgedAt(api.runtime, c.id), 'A and C are purged');
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', a.id)) || existsSync(join(api.config.dataDir, 'tenants', c.id)));
  t.equal(purgedAt(api.runtime, b.id), null, 'B is still due');
  t.same(purgeEvents(api.runtime).filter((e) => e.action === 'tenant.purge_failed'), [{ action: 'tenant.purge_failed', target_id: b.id, actor_type: 'system', after: { reason: 'control.db refused the write' } }]);
  t.match(jobRuns(api.runtime, 'tenant-purge'), [{ status: 'failed', error: `${b.id}: control.db refused the write` }], 'the job_runs row says which and why');

  api.runtime.control.db.exec('DROP TRIGGER refuse_b');
  t.match(await run(api.runtime), { status: 'ok', counts: { purged: 1, failed: 0 } }, 'the next run finishes B');
  t.ok(purgedAt(api.runtime, b.id));
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', b.id)));
});

t.test('backup target unreachable: the workspace is purged here, but the run fails and tenant.purged records that the keyring copy still holds its key', async (t) => {
  const clock = new ManualClock(NOW);
  const port = await freePort(); // nothing listens there
  const api = await build(
    t,
    { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_ENDPOINT: `http://127.0.0.1:${port}`, SPINNEY_BACKUP_S3_BUCKET: 'spinney-backups', SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'AKIDTEST', SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY: 'not-a-real-secret' },
    [],
    { clock },
  );
  const tenant = api.tenant();
  deleteTenant(api.runtime, tenant.id, { actor: 'operator' });
  clock.advance(7 * DAY);
  const warnings: string[] = [];
  const onWarning = (w: Error): void => {
    warnings.push(w.message);
  };
  process.on('warning', onWarning);
  t.teardown(() => process.off('warning', onWarning));

  const outcome = await run(api.runtime);
  t.equal(outcome.status, 'failed', 'the run is not ok');
  t.match(outcome.counts, { purged: 1, failed: 0, keyringCopyFailed: 1 });
  t.match(outcome.error, new RegExp(`^${tenant.id}: purged, but the keyring copy on .+ could not be rewritten after a purge`));
  t.notOk(api.runtime.tenancy.databaseExists(tenant.id), 'the local purge is done');
  t.notOk(api.runtime.keyring.hasBackupKey(tenant.id));
  const [purged] = purgeEvents(api.runtime);
  t.match(purged, { action: 'tenant.purged', target_id: tenant.id, actor_type: 'system', after: { keyringCopy: { ok: false, reason: /could not be rewritten/ } } }, 'the platform log records the failure');
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  t.ok(warnings.some((w) => /could not be rewritten/.test(w)), 'and the process warns (PM2 error log)');
});
