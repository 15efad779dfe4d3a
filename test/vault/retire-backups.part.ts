// Retiring an app secrets key version while backups still need it: a run's control.db copy and its
// manifest's MAC, and the target's keyring copy, use keys derived from the app version that was
// newest when they were written. Retire refuses while any of them needs the version (or the target
// cannot be read), naming how many runs and the newest; --force retires anyway and names exactly
// which runs no longer open.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { recordPlatformEvent } from '../../src/audit/audit.service.js';
import { runBackup } from '../../src/backup/backup-run.js';
import { listRuns } from '../../src/backup/catalog.js';
import { makeWorkDir } from '../../src/backup/layout.js';
import { openTarget } from '../../src/backup/targets/open-target.js';
import { verifyRun } from '../../src/backup/verify.js';
import { ManualClock } from '../../src/time/clock.js';
import { KeyRotationRefused, retireRootKey, rewrapAll, rotateRootKey, ROTATION_SETTLE_MS } from '../../src/vault/key-rotation.js';
import { build, tempDataDir, TEST_KEYS, testConfig, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { addContact } from '../backup/helpers.js';

function appKeyFile(dir: string): Record<string, string> {
  const file = join(dir, 'app.key');
  writeFileSync(file, 'app-root-key-version-one-0123456789abcdef0123\n', { mode: 0o600 });
  return { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: join(dir, 'data'), ...TEST_KEYS, SPINNEY_APP_SECRETS_KEY: '', SPINNEY_APP_SECRETS_KEY_FILE: file };
}

/** The runs as `spinney backup list` shows them: a fresh process that reads the key file now. */
async function runStatuses(env: Record<string, string>): Promise<Record<string, string>> {
  const config = testConfig(env.SPINNEY_DATA_DIR as string, env);
  const target = await openTarget(config.backup);
  try {
    const runs = await listRuns(config, target, makeWorkDir(config.dataDir, 'test'));
    return Object.fromEntries(runs.map((r) => [r.runId, r.status]));
  } finally {
    target.close();
  }
}

const retiredEvents = (api: TestApp) =>
  (api.runtime.control.statement("SELECT after FROM audit_events WHERE action = 'keys.retired' ORDER BY seq").all() as { after: string }[]).map((e) => JSON.parse(e.after));

t.test('retire of an app version refuses while backup runs or the keyring copy need it, and --force names the runs that stop opening', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const env = appKeyFile(tempDataDir(t));
  const api = await build(t, env, [], { clock });
  const tenant = api.tenant('Builder');
  await addContact(api, tenant.token('admin'), 'Dana');
  const first = await runBackup(api.runtime, { actor: 'operator' });
  clock.advance(60_000);
  const second = await runBackup(api.runtime, { actor: 'operator' });

  rotateRootKey(api.runtime, 'app');
  clock.advance(ROTATION_SETTLE_MS);
  rewrapAll(api.runtime);
  const target = `local directory ${api.config.backup.dir}`;
  await t.rejects(
    retireRootKey(api.runtime, 'app', 1),
    new KeyRotationRefused(
      `2 backup runs (the newest ${second.runId}, taken ${second.startedAt}) and the keyring copy on ${target} still need app version 1; ` +
        '`spinney backup run` (rewrites the keyring copy with the newest version), then retire once `spinney backup prune` has removed those runs (or pass --force: they become unreadable)',
    ),
    'the wrapped keys have moved, but both runs and the keyring copy still need version 1',
  );

  clock.advance(60_000);
  const third = await runBackup(api.runtime, { actor: 'operator' });
  await t.rejects(
    retireRootKey(api.runtime, 'app', 1),
    new KeyRotationRefused(
      `2 backup runs (the newest ${second.runId}, taken ${second.startedAt}) on ${target} still need app version 1; retire once \`spinney backup prune\` has removed those runs (or pass --force: they become unreadable)`,
    ),
    'a run after the rotation rewrote the keyring copy with version 2; it needs nothing older',
  );
  t.same(retiredEvents(api), [], 'nothing retired so far');
  t.match((await verifyRun(api.runtime, first.runId)).ok, true, 'the oldest run still verifies');

  // The operator's command: refused with the same words, then forced, naming each run it gives up.
  const refused = await spinney(['keys', 'retire', '--key', 'app', '--version', '1', '--confirm', '1'], env);
  t.equal(refused.code, 1);
  t.match(refused.stderr, `\nspinney: 2 backup runs (the newest ${second.runId}, taken ${second.startedAt}) on ${target} still need app version 1;`);
  const forced = await spinney(['keys', 'retire', '--key', 'app', '--version', '1', '--confirm', '1', '--force'], env);
  t.equal(forced.code, 0, forced.stderr);
  t.equal(forced.stdout, `SPINNEY_APP_SECRETS_KEY: version 1 retired (backups checked on ${target})\n`, 'it names the target it checked');
  t.match(
    forced.stderr,
    `spinney: forced: on ${target} these no longer open:\n` +
      `  run ${first.runId} (taken ${first.startedAt}): control.db and manifest\n` +
      `  run ${second.runId} (taken ${second.startedAt}): control.db and manifest\n`,
    'forced: exactly the two runs made before the rotation',
  );
  t.notMatch(forced.stderr, /keyring copy/, 'the keyring copy already moved to version 2');
  t.same(await runStatuses(env), { [first.runId]: 'unauthenticated', [second.runId]: 'unauthenticated', [third.runId]: 'complete' }, 'which is what the catalog shows now');
  t.equal((await verifyRun(api.runtime, third.runId)).ok, true, 'the run after the rotation still verifies');
  t.same(retiredEvents(api), [{ key: 'app', version: 1, forced: { target, runs: [first.runId, second.runId], keyringCopy: false } }], 'the audit log names the runs given up');
});

t.test('retire of an app version refuses when the backup target cannot be read, unless forced', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const dir = tempDataDir(t);
  const notADirectory = join(dir, 'backups-gone');
  writeFileSync(notADirectory, 'the backup mount is not there\n');
  const api = await build(t, { ...appKeyFile(dir), SPINNEY_BACKUP_DIR: notADirectory }, [], { clock });
  api.tenant('Builder');
  rotateRootKey(api.runtime, 'app');
  clock.advance(ROTATION_SETTLE_MS);
  rewrapAll(api.runtime);
  await t.rejects(
    retireRootKey(api.runtime, 'app', 1),
    { name: 'KeyRotationRefused', message: /^local directory \S+backups-gone could not be read \(ENOTDIR.*\): cannot tell whether its backups still need app version 1; retire when it answers, or pass --force$/ },
  );
  t.equal(api.config.keys.app.versions().length, 2, 'version 1 is still in the key file');
  const forced = await retireRootKey(api.runtime, 'app', 1, { force: true });
  t.match(forced.unreadable, { target: 'local', unknown: /could not be read/ });
  t.equal(api.config.keys.app.versions().length, 1, 'forced: retired');
});

t.test('retire of an app version refuses when the platform log records runs on another target, which it cannot check', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const api = await build(t, appKeyFile(tempDataDir(t)), [], { clock });
  api.tenant('Builder');
  await runBackup(api.runtime, { actor: 'operator' });
  // A run made while SPINNEY_BACKUP_* named another target, as the platform log records it.
  recordPlatformEvent(api.runtime, 'backup.completed', null, { after: { runId: 'br_elsewhere', target: 'sftp backup@old-host:/srv/spinney' } }, 'operator');
  rotateRootKey(api.runtime, 'app');
  clock.advance(ROTATION_SETTLE_MS);
  rewrapAll(api.runtime);
  await runBackup(api.runtime, { actor: 'operator' }); // the configured target then needs only version 2 … except its first run
  const target = `local directory ${api.config.backup.dir}`;
  await t.rejects(retireRootKey(api.runtime, 'app', 1), {
    name: 'KeyRotationRefused',
    message: `checked ${target}, but backup runs were also written to sftp backup@old-host:/srv/spinney (platform audit log), which this check cannot read: runs there may still need app version 1; point SPINNEY_BACKUP_* at each to check it, or pass --force`,
  });
  t.equal(api.config.keys.app.versions().length, 2, 'nothing retired');
});
