// The SFTP target against Debian's OpenSSH server on loopback: a run is stored (each object read
// back and confirmed), listed, verified and restored; a changed object is refused; a host whose key
// is not the pinned one and a client key the host does not accept store nothing; a purge rewrites
// the host's keyring copy; pruning removes emptied run directories.
import t from 'tap';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBackup } from '../../src/backup/backup-run.js';
import { listRuns } from '../../src/backup/catalog.js';
import { keyringRewritesSettled } from '../../src/backup/keyring-copies.js';
import { makeWorkDir } from '../../src/backup/layout.js';
import { pruneBackups } from '../../src/backup/prune.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { openTarget } from '../../src/backup/targets/open-target.js';
import { verifyRun } from '../../src/backup/verify.js';
import { deleteTenantNow } from '../../src/tenants/tenant-deletion.js';
import { ManualClock } from '../../src/time/clock.js';
import { build } from '../helpers/app.js';
import { requireTools } from '../deploy/tools.js';
import { addContact, contactNames, storedObjects } from './helpers.js';
import { LOCKED_KEY_PASSPHRASE, startSshd } from './sshd.js';

const skip = requireTools(t, ['sshd', 'sshKeygen']);

t.test('SFTP target: a run is stored and confirmed, listed, verified and restored; a changed object is refused', { skip }, async (t) => {
  const sshd = await startSshd(t);
  const api = await build(t, sshd.env);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'On the backup host');
  const summary = await runBackup(api.runtime, { actor: 'operator' });
  t.match(summary.target, new RegExp(`^sftp://[^@]+@127\\.0\\.0\\.1:\\d+${sshd.directory}$`));
  t.equal(summary.objects, 4);

  t.same(storedObjects(sshd.directory), ['keyring/keyring.db.gz.enc', `runs/${summary.runId}/control.db.gz.enc`, `runs/${summary.runId}/manifest.json`, `runs/${summary.runId}/tenants/${tenant.id}.db.gz.enc`], 'no partial upload left behind');
  t.equal(statSync(join(sshd.directory, 'runs', summary.runId)).mode & 0o777, 0o700, 'directories made 0700');
  t.equal(statSync(join(sshd.directory, 'runs', summary.runId, 'manifest.json')).mode & 0o777, 0o600, 'objects stored 0600');
  t.same(readdirSync(api.config.dataDir).filter((name) => name === 'backups'), [], 'nothing written to the local default');

  const target = await openTarget(api.config.backup);
  t.teardown(() => target.close());
  t.same(
    (await target.list(`runs/${summary.runId}/tenants/`)).map((o) => o.name),
    [`runs/${summary.runId}/tenants/${tenant.id}.db.gz.enc`],
    'list by prefix',
  );
  await t.rejects(target.get('runs/none/manifest.json', join(api.config.dataDir, 'absent')), { name: 'ObjectMissing' });
  t.same(readdirSync(api.config.dataDir).filter((name) => name === 'absent'), [], 'a missing object leaves no local file');
  const sample = join(api.config.dataDir, 'sample');
  writeFileSync(sample, 'twelve bytes');
  await t.rejects(target.put('probe/object', sample, { size: 12, sha256: '0'.repeat(64), md5: '' }), { name: 'TargetNotConfirmed', message: /returned 12 bytes and another checksum/ }, 'read back and compared with what was meant to be sent');
  await target.delete('probe/object');
  t.notOk(existsSync(join(sshd.directory, 'probe')), 'delete takes the emptied directory too');
  const workDir = makeWorkDir(api.config.dataDir, 'test');
  t.match(await listRuns(api.config, target, workDir), [{ runId: summary.runId, status: 'complete' }]);
  t.ok((await verifyRun(api.runtime, summary.runId)).ok, 'verify downloads, decrypts and checks every object');

  await addContact(api, tenant.token(), 'Not on the backup host');
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId: summary.runId, settleMs: 0 });
  t.same(await contactNames(api, tenant.token()), ['On the backup host']);

  const file = join(sshd.directory, 'runs', summary.runId, 'tenants', `${tenant.id}.db.gz.enc`);
  const original = readFileSync(file);
  const changed = Buffer.from(original);
  changed.writeUInt8(changed.readUInt8(60) ^ 1, 60);
  writeFileSync(file, changed);
  await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, runId: summary.runId, settleMs: 0 }), { name: 'BackupRefused', message: /does not match its checksum/ });
  t.same(await contactNames(api, tenant.token()), ['On the backup host'], 'the refused restore changed nothing');
});

t.test('SFTP target: a host key other than the pinned fingerprint, a client key the host refuses or a wrong passphrase stores nothing; the right passphrase signs in', { skip }, async (t) => {
  const sshd = await startSshd(t);
  const other = await startSshd(t);
  const impostor = await build(t, { ...sshd.env, SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT: other.fingerprint });
  impostor.tenant();
  await t.rejects(runBackup(impostor.runtime, { actor: 'operator' }), {
    message: new RegExp(`presented the host key ${sshd.fingerprint.replace(/[+/]/g, '\\$&')}, not SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT`),
  });
  t.notOk(existsSync(sshd.directory), 'nothing reached the host');

  const stranger = await build(t, { ...sshd.env, SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: sshd.strangerKeyFile });
  stranger.tenant();
  await t.rejects(runBackup(stranger.runtime, { actor: 'operator' }), { message: /authentication methods failed/ });
  t.notOk(existsSync(sshd.directory), 'nothing reached the host');

  const wrongPassphrase = await build(t, { ...sshd.env, SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: sshd.lockedKeyFile, SPINNEY_BACKUP_SFTP_PASSPHRASE: 'wrong' });
  wrongPassphrase.tenant();
  await t.rejects(runBackup(wrongPassphrase.runtime, { actor: 'operator' }), { message: /passphrase|decrypt/i }, 'a key that does not open says so');
  t.notOk(existsSync(sshd.directory), 'nothing reached the host');
  const locked = await build(t, { ...sshd.env, SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: sshd.lockedKeyFile, SPINNEY_BACKUP_SFTP_PASSPHRASE: LOCKED_KEY_PASSPHRASE });
  locked.tenant();
  t.equal((await runBackup(locked.runtime, { actor: 'operator' })).objects, 4, 'a key with its passphrase signs in');
});

t.test('SFTP target: a purge rewrites the keyring copy on the host; pruning takes emptied run directories with it', { skip }, async (t) => {
  const sshd = await startSshd(t);
  const clock = new ManualClock(Date.parse('2026-11-01T10:00:00Z'));
  const api = await build(t, { ...sshd.env, SPINNEY_BACKUP_KEEP_ALL_HOURS: '1', SPINNEY_BACKUP_KEEP_DAILY_DAYS: '0' }, [], { clock });
  const doomed = api.tenant();
  const kept = api.tenant();
  const first = await runBackup(api.runtime, { actor: 'operator' });
  const keyringFile = join(sshd.directory, 'keyring', 'keyring.db.gz.enc');
  const before = readFileSync(keyringFile);
  await deleteTenantNow(api.runtime, doomed.id, 'operator');
  await keyringRewritesSettled();
  t.not(readFileSync(keyringFile).toString('hex'), before.toString('hex'), 'the copy was rewritten');
  const report = await verifyRun(api.runtime, first.runId);
  t.match(report.objects.find((o) => o.tenantId === doomed.id), { status: 'shredded' });
  t.match(report.objects.find((o) => o.tenantId === kept.id), { status: 'ok' });

  clock.advance(2 * 60 * 60 * 1000);
  const second = await runBackup(api.runtime, { actor: 'operator' });
  const pruned = await pruneBackups(api.runtime, { actor: 'operator' });
  t.same(pruned.deleted, [first.runId], 'the older run is past retention');
  t.same(readdirSync(join(sshd.directory, 'runs')), [second.runId], "the pruned run's directories are gone from the host");
});
