// The S3 target against a real S3-compatible server on loopback (s3rver): a run is stored and
// confirmed object by object, listed, verified and restored; a changed object is refused; a purge
// rewrites the bucket's keyring copy; the bucket's prefix keeps backups apart from other keys.
import t, { type Test } from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { runBackup } from '../../src/backup/backup-run.js';
import { listRuns } from '../../src/backup/catalog.js';
import { keyringRewritesSettled } from '../../src/backup/keyring-copies.js';
import { makeWorkDir } from '../../src/backup/layout.js';
import { pruneBackups } from '../../src/backup/prune.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { openTarget } from '../../src/backup/targets/open-target.js';
import { verifyRun } from '../../src/backup/verify.js';
import { deleteTenantNow } from '../../src/tenants/tenant-deletion.js';
import { build } from '../helpers/app.js';
import { addContact, contactNames } from './helpers.js';

const BUCKET = 'spinney-backups';

export async function startS3(t: Test): Promise<{ env: Record<string, string>; directory: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'spinney-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  t.teardown(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    directory,
    env: {
      SPINNEY_BACKUP_TARGET: 's3',
      SPINNEY_BACKUP_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      SPINNEY_BACKUP_S3_BUCKET: BUCKET,
      SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'S3RVER',
      SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY: 'S3RVER',
      SPINNEY_BACKUP_S3_PREFIX: 'host-1/',
    },
  };
}

/** s3rver keeps each object as a file whose name ends in ._S3rver_object. */
function storedFile(directory: string, key: string): string {
  return join(directory, BUCKET, `${key}._S3rver_object`);
}

t.test('S3 target: a run is stored and confirmed, listed, verified and restored; a changed object is refused', async (t) => {
  const s3 = await startS3(t);
  const api = await build(t, s3.env);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'In the bucket');
  const summary = await runBackup(api.runtime, { actor: 'operator' });
  t.match(summary.target, /^s3:\/\/spinney-backups\/host-1\/ at http:\/\/127\.0\.0\.1:\d+$/);
  t.equal(summary.objects, 4);

  const target = await openTarget(api.config.backup);
  t.teardown(() => target.close());
  const names = (await target.list('')).map((o) => o.name);
  t.same(names, ['keyring/keyring.db.gz.enc', `runs/${summary.runId}/control.db.gz.enc`, `runs/${summary.runId}/manifest.json`, `runs/${summary.runId}/tenants/${tenant.id}.db.gz.enc`]);
  t.ok(statSync(storedFile(s3.directory, `host-1/runs/${summary.runId}/manifest.json`)).isFile(), 'under the prefix');
  t.same(readdirSync(api.config.dataDir).filter((name) => name === 'backups'), [], 'nothing written to the local default');

  const workDir = makeWorkDir(api.config.dataDir, 'test');
  t.match(await listRuns(api.config, target, workDir), [{ runId: summary.runId, status: 'complete' }]);
  t.ok((await verifyRun(api.runtime, summary.runId)).ok);

  await addContact(api, tenant.token(), 'Not in the bucket');
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId: summary.runId, settleMs: 0 });
  t.same(await contactNames(api, tenant.token()), ['In the bucket']);

  const file = storedFile(s3.directory, `host-1/runs/${summary.runId}/tenants/${tenant.id}.db.gz.enc`);
  const original = readFileSync(file);
  const changed = Buffer.from(original);
  changed.writeUInt8(changed.readUInt8(60) ^ 1, 60);
  writeFileSync(file, changed);
  await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, runId: summary.runId, settleMs: 0 }), { name: 'BackupRefused', message: /does not match its checksum/ });
  writeFileSync(file, original);

  // Retention works on the bucket too; the newest run stays.
  t.same((await pruneBackups(api.runtime, { actor: 'operator' })).deleted, []);
});

t.test('S3 target: a purge rewrites the keyring copy in the bucket without the destroyed key', async (t) => {
  const s3 = await startS3(t);
  const api = await build(t, s3.env);
  const doomed = api.tenant();
  const kept = api.tenant();
  await runBackup(api.runtime, { actor: 'operator' });
  const keyringFile = storedFile(s3.directory, 'host-1/keyring/keyring.db.gz.enc');
  const before = readFileSync(keyringFile);
  await deleteTenantNow(api.runtime, doomed.id, 'operator');
  await keyringRewritesSettled();
  t.not(readFileSync(keyringFile).toString('hex'), before.toString('hex'), 'the copy was rewritten');
  const report = await verifyRun(api.runtime, (await runBackupIds(api))[0] as string);
  t.match(report.objects.find((o) => o.tenantId === doomed.id), { status: 'shredded' });
  t.match(report.objects.find((o) => o.tenantId === kept.id), { status: 'ok' });
});

async function runBackupIds(api: Awaited<ReturnType<typeof build>>): Promise<string[]> {
  const target = await openTarget(api.config.backup);
  try {
    return (await listRuns(api.config, target, makeWorkDir(api.config.dataDir, 'ids'))).map((r) => r.runId);
  } finally {
    target.close();
  }
}
