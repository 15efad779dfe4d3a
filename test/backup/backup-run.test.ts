// spinney backup run: consistent, checked, encrypted copies of every database, confirmed by the
// target, with an authenticated manifest.
import t from 'tap';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runBackup } from '../../src/backup/backup-run.js';
import { checkDatabase } from '../../src/backup/database-files.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { verifyRun } from '../../src/backup/verify.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, tempDataDir } from '../helpers/app.js';
import { addContact, readManifest, rootKeyFiles, seedBulk, storedObjects } from './helpers.js';

t.test('a run stores each database encrypted, with an authenticated manifest and the keyring copy', async (t) => {
  const api = await build(t);
  const a = api.tenant('Alpha');
  const b = api.tenant('Beta');
  await addContact(api, a.token(), 'canary-alpha-contact');
  await addContact(api, b.token(), 'canary-beta-contact');

  const progress: [number, number][] = [];
  const summary = await runBackup(api.runtime, { actor: 'operator', onProgress: (done, total) => progress.push([done, total]) });
  t.equal(summary.tenants, 2);
  t.equal(summary.objects, 5, 'control.db, two workspaces, the keyring copy, the manifest');
  t.same(summary.failed, []);
  t.same(progress.at(-1), [5, 5], 'progress reaches the total');

  const dir = api.config.backup.dir;
  t.equal(dir, join(api.config.dataDir, 'backups'), 'the default target is beside tenants/, not inside it');
  const run = summary.runId;
  t.same(storedObjects(dir), [
    'keyring/keyring.db.gz.enc',
    `runs/${run}/control.db.gz.enc`,
    `runs/${run}/manifest.json`,
    ...[a.id, b.id].sort().map((id) => `runs/${run}/tenants/${id}.db.gz.enc`),
  ]);

  const manifest = readManifest(api, run);
  t.equal(manifest.objects.length, 3);
  for (const object of manifest.objects) {
    const bytes = readFileSync(join(dir, object.name));
    t.equal(bytes.length, object.size, `${object.name}: size as recorded`);
    t.equal(createHash('sha256').update(bytes).digest('hex'), object.sha256, `${object.name}: SHA-256 as recorded`);
    t.notOk(bytes.includes(Buffer.from('canary-')), `${object.name}: no plaintext`);
    t.notOk(bytes.includes(Buffer.from('SQLite format 3')), `${object.name}: not a database file`);
    t.ok(object.schemaVersion > 0, 'schema version recorded');
  }
  t.same(manifest.objects.filter((o) => o.kind === 'tenant').map((o) => o.tenantId).sort(), [a.id, b.id].sort());

  const events = api.runtime.control.statement(`SELECT actor_type, after FROM audit_events WHERE action = 'backup.completed'`).all() as { actor_type: string; after: string }[];
  t.equal(events.length, 1);
  t.match(JSON.parse(events[0]?.after as string), { runId: run, tenants: 2, objects: 5, failed: [] });
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [], 'no temporary file is left behind');
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', 'backups')));
});

t.test('a backup taken while the server writes is consistent and restores to an intact database', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  seedBulk(api, tenant.id, 3000, 1000);
  const token = tenant.token();
  let done = false;
  let written = 0;
  const writer = (async () => {
    while (!done) {
      await addContact(api, token, `during ${written}`);
      written += 1;
    }
  })();
  const summary = await runBackup(api.runtime, { actor: 'operator' });
  done = true;
  await writer;
  t.ok(written > 0, `${written} contacts were written during the backup`);

  const report = await verifyRun(api.runtime, summary.runId);
  t.ok(report.ok, 'the run verifies (integrity_check on every copy)');
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId: summary.runId, settleMs: 0 });
  const count = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT count(*) FROM contacts').pluck().get() as number);
  t.ok(count >= 3000 && count <= 3000 + written, `the copy holds the rows of one moment (${count})`);
  t.equal(checkDatabase(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db')).integrity, 'ok');
});

t.test('a workspace that cannot be backed up fails alone: the others are stored and the run says which', async (t) => {
  const api = await build(t);
  const good = api.tenant();
  const keyless = api.tenant();
  api.runtime.keyring.destroyBackupKey(keyless.id);
  const summary = await runBackup(api.runtime, { actor: 'system' });
  t.equal(summary.tenants, 1);
  t.match(summary.failed, [{ tenantId: keyless.id, reason: /no backup key/ }]);
  t.match(readManifest(api, summary.runId), { failed: [{ tenantId: keyless.id }], objects: [{ kind: 'control' }, { tenantId: good.id }] });
  const event = api.runtime.control.statement(`SELECT actor_type, after FROM audit_events WHERE action = 'backup.completed'`).get() as { actor_type: string; after: string };
  t.equal(event.actor_type, 'system');
  t.same(JSON.parse(event.after).failed, [keyless.id]);
  await t.rejects(runBackup(api.runtime, { actor: 'operator', tenantId: 'tn_aaaaaaaaaaaaaaaaaaaaaaaa' }), { name: 'AppError', message: 'tenant not found' }, 'an unknown workspace is refused before anything is written');
});

t.test('the manifest names the Spinney version, the shipped schemas, and each object\'s key and schema version; a root key rotation moves only control.db and the MAC', async (t) => {
  const api = await build(t, rootKeyFiles(tempDataDir(t)));
  const a = api.tenant('Alpha');
  api.tenant('Beta');
  await addContact(api, a.token(), 'Someone');
  const packageVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;
  const migrations = (plane: string): number => readdirSync(fileURLToPath(new URL(`../../migrations/${plane}/`, import.meta.url))).filter((f) => f.endsWith('.sql')).length;
  const shipped = { control: migrations('control'), tenant: migrations('tenant') };
  t.ok(shipped.control > 1 && shipped.tenant > 1);
  /** The key version an object's own header carries (bytes 8-11, docs/backup-format.md). */
  const headerKeyVersion = (name: string): number => readFileSync(join(api.config.backup.dir, name)).readUInt32BE(8);
  const manifestFile = (runId: string) => JSON.parse(readFileSync(join(api.config.backup.dir, 'runs', runId, 'manifest.json'), 'utf8')) as { authentication: { keyVersion: number } };

  const first = await runBackup(api.runtime, { actor: 'operator' });
  const m1 = readManifest(api, first.runId);
  t.equal(m1.spinneyVersion, packageVersion, 'the Spinney version that made the run (package.json)');
  t.same(m1.shippedSchemaVersions, shipped, 'the schema versions this build ships (its migrations)');
  t.match(m1.objects, [{ kind: 'control', keyVersion: 1, schemaVersion: shipped.control }, { kind: 'tenant', keyVersion: 1, schemaVersion: shipped.tenant }, { kind: 'tenant', keyVersion: 1, schemaVersion: shipped.tenant }]);
  for (const object of m1.objects) t.equal(headerKeyVersion(object.name), object.keyVersion, `${object.name}: the header says the same key version`);
  t.equal(manifestFile(first.runId).authentication.keyVersion, 1);

  api.config.keys.app.addVersion(new Date().toISOString()); // spinney keys rotate --key app
  const second = await runBackup(api.runtime, { actor: 'operator' });
  const m2 = readManifest(api, second.runId);
  const control = m2.objects.find((o) => o.kind === 'control');
  t.equal(control?.keyVersion, 2, 'control.db is sealed with a key from the new root version');
  t.equal(headerKeyVersion(control?.name as string), 2);
  t.ok(m2.objects.filter((o) => o.kind === 'tenant').every((o) => o.keyVersion === 1 && headerKeyVersion(o.name) === 1), 'workspaces keep their backup key, version 1');
  t.equal(manifestFile(second.runId).authentication.keyVersion, 2, 'the manifest MAC uses the new version');
  t.ok((await verifyRun(api.runtime, first.runId)).ok, 'the run from before the rotation still verifies: its versions are recorded');
  t.ok((await verifyRun(api.runtime, second.runId)).ok);
});
