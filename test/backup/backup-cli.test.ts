// The backup commands as an operator runs them: one-line reasons and exit 1 on every refusal,
// --json for scripts, nothing changed by a refusal. Each command runs through the real executable
// at least once; the other cases run in this process (test/helpers/cli-in-process.ts).
import t from 'tap';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listTenants } from '../../src/tenants/tenants.service.js';
import { openRuntime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, tempDataDir, testConfig, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';
import { addContact, contactNames } from './helpers.js';

const envFor = (api: TestApp) => ({ SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS });
const oneLine = (stderr: string): boolean => stderr.trimEnd().split('\n').length === 1;

t.test('spinney backup run, list, verify and restore through the built executable', async (t) => {
  const api = await build(t);
  const env = envFor(api);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'Before');

  const help = await spinneyInProcess(['backup'], env);
  t.equal(help.code, 0);
  t.match(help.stdout, /run[\s\S]*list[\s\S]*verify[\s\S]*restore[\s\S]*prune/);

  const run = await spinney(['backup', 'run', '--all', '--json'], env);
  t.equal(run.code, 0, run.stderr);
  t.equal(run.stderr, '', 'no progress line when stderr is not a terminal');
  const summary = JSON.parse(run.stdout);
  t.match(summary, { runId: /^\d{8}T\d{9}Z-[a-z2-7]{6}$/, tenants: 1, objects: 4, failed: [] });
  const text = await spinneyInProcess(['backup', 'run', '--tenant', tenant.id], env);
  t.match(text.stdout, /^backup \S+ to local directory .*: 1 workspace\(s\), 4 objects, [\d.]+ KiB in [\d.]+ s\n$/);

  const list = JSON.parse((await spinney(['backup', 'list', '--json'], env)).stdout);
  t.equal(list.runs.length, 2);
  t.match(list.runs[0], { runId: summary.runId, status: 'complete', tenants: [tenant.id], failed: [] });

  const verify = await spinney(['backup', 'verify', summary.runId], env);
  t.equal(verify.code, 0, verify.stderr);
  t.match(verify.stdout, new RegExp(`run ${summary.runId} verifies: 2 database\\(s\\) intact\\n$`));

  await addContact(api, tenant.token(), 'After');
  const mismatch = await spinneyInProcess(['backup', 'restore', summary.runId, '--tenant', tenant.id, '--confirm', 'tn_other'], env);
  t.equal(mismatch.code, 1);
  t.equal(mismatch.stderr, 'spinney: --confirm must repeat the --tenant id exactly\n');
  const as = await spinneyInProcess(['backup', 'restore', summary.runId, '--tenant', tenant.id, '--confirm', tenant.id, '--as', tenant.id], env);
  t.equal(as.code, 1);
  t.match(as.stderr, /^spinney: refused: --as names the workspace itself; to restore in place leave --as out\n$/m);
  t.ok(oneLine(as.stderr.split('\n').slice(1).join('\n')), 'one line after the announcement');
  t.same(await contactNames(api, tenant.token()), ['After', 'Before'], 'refusals changed nothing');

  const restore = await spinney(['backup', 'restore', summary.runId, '--tenant', tenant.id, '--confirm', tenant.id, '--json'], env);
  t.equal(restore.code, 0, restore.stderr);
  t.match(restore.stderr, /restoring tn_\w+ in place from run .*: the workspace is suspended meanwhile, its current data replaced and every session ended/, 'it says what it will do first');
  t.match(JSON.parse(restore.stdout), { tenantId: tenant.id, runId: summary.runId });
  t.same(await contactNames(api, tenant.token()), ['Before'], 'the running app sees the restored data through its open handle');

  const manifest = join(api.config.backup.dir, 'runs', summary.runId, 'manifest.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"completedAt": "', '"completedAt": "1'));
  const tampered = await spinneyInProcess(['backup', 'verify', summary.runId], env);
  t.equal(tampered.code, 1);
  t.equal(tampered.stderr, `spinney: refused: the manifest of run ${summary.runId} does not authenticate (edited, or made with another app secrets key)\n`);
  const missing = await spinneyInProcess(['backup', 'restore', '20200101T000000000Z-aaaaaa', '--tenant', tenant.id, '--confirm', tenant.id], env);
  t.equal(missing.code, 1);
  t.match(missing.stderr, /spinney: refused: local directory .* holds no complete run 20200101T000000000Z-aaaaaa\n$/);
  const unknown = await spinneyInProcess(['backup', 'run', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa'], env);
  t.equal(unknown.stderr, 'spinney: no such workspace (or it is deleted)\n');
});

t.test('the backup and backup-prune jobs run by hand with the job lock and record', async (t) => {
  const api = await build(t);
  const env = { ...envFor(api), SPINNEY_BACKUP_SCHEDULE: '30 */2 * * *' };
  api.tenant();
  const list = await spinneyInProcess(['jobs', 'list'], env);
  t.match(list.stdout, /^backup\s+30 \*\/2 \* \* \*\s+never run$/m, 'the schedule is SPINNEY_BACKUP_SCHEDULE');
  const run = await spinney(['jobs', 'run', 'backup'], env);
  t.equal(run.code, 0, run.stderr);
  t.match(run.stdout, /^backup: ok \(tenants 1, objects 4, bytes \d+, failed 0, staleWorkDirsRemoved 0\)\n$/);
  const prune = await spinney(['jobs', 'run', 'backup-prune'], env);
  t.equal(prune.code, 0, prune.stderr);
  t.match(prune.stdout, /^backup-prune: ok \(runs 1, deleted 0, bytesFreed 0, unauthenticated 0\)\n$/);
  const event = api.runtime.control.statement(`SELECT actor_type FROM audit_events WHERE action = 'backup.completed'`).pluck().get();
  t.equal(event, 'operator');
  const bad = await spinneyInProcess(['jobs', 'list'], { ...env, SPINNEY_BACKUP_SCHEDULE: 'hourly' });
  t.equal(bad.code, 1);
  t.match(bad.stderr, /SPINNEY_BACKUP_SCHEDULE must be a cron expression/);
});

t.test('a lost host comes back: restore-platform into an empty data dir, then each workspace', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('Lost host workspace');
  await addContact(api, tenant.token(), 'Recovered contact');
  const run = JSON.parse((await spinneyInProcess(['backup', 'run', '--json'], envFor(api))).stdout);

  const fresh = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: fresh, SPINNEY_BACKUP_DIR: api.config.backup.dir, ...TEST_KEYS };
  // Development, no keys given: refused before anything is written (it once generated fresh keys there, which match no backup).
  const keyless = tempDataDir(t);
  const refused = await spinneyInProcess(['backup', 'restore-platform', run.runId, '--confirm', run.runId], { SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: keyless, SPINNEY_BACKUP_DIR: api.config.backup.dir });
  t.equal(refused.code, 1);
  t.match(refused.stderr, /^spinney: invalid configuration: SPINNEY_TOKEN_SIGNING_KEY \(or SPINNEY_TOKEN_SIGNING_KEY_FILE\) is required: this command uses the existing keys and never generates development ones/);
  t.same(readdirSync(keyless), [], 'nothing written into the data dir');
  const mismatch = await spinneyInProcess(['backup', 'restore-platform', run.runId, '--confirm', 'x'], env);
  t.equal(mismatch.stderr, 'spinney: --confirm must repeat the run id exactly\n');
  const platform = await spinney(['backup', 'restore-platform', run.runId, '--confirm', run.runId, '--json'], env);
  t.equal(platform.code, 0, platform.stderr);
  t.same(JSON.parse(platform.stdout).tenants, [tenant.id]);
  const again = await spinneyInProcess(['backup', 'restore-platform', run.runId, '--confirm', run.runId], env);
  t.equal(again.code, 1);
  t.match(again.stderr, /^spinney: refused: .* already has control\.db or keyring\.db: the platform is restored only into an empty data dir/);

  const restore = await spinney(['backup', 'restore', run.runId, '--tenant', tenant.id, '--confirm', tenant.id], env);
  t.equal(restore.code, 0, restore.stderr);
  const runtime = openRuntime(testConfig(fresh, { SPINNEY_BACKUP_DIR: api.config.backup.dir }));
  t.teardown(() => runtime.close());
  t.same(listTenants(runtime).map((x) => x.name), ['Lost host workspace']);
  const names = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts').pluck().all());
  t.same(names, ['Recovered contact']);
  t.ok(runtime.keyring.hasBackupKey(tenant.id), 'its backup key came back from the keyring copy');
  t.equal(runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action IN ('backup.platform_restored', 'backup.restored')`).pluck().get(), 2);
});
