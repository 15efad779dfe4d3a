// What restore and verify refuse, each with a one-line reason and no change: a tampered or
// truncated object, a manifest that does not authenticate, a crypto-shredded workspace, a schema
// newer than this build. And the keyring copies: a purge leaves no stored copy of the destroyed key.
import t, { type Test } from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { rootDerivedKey } from '../../src/backup/backup-keys.js';
import { runBackup } from '../../src/backup/backup-run.js';
import { CHUNK_BYTES, decryptStream, HEADER_BYTES } from '../../src/backup/chunked-cipher.js';
import { KEYRING_OBJECT, manifestName } from '../../src/backup/layout.js';
import { keyringRewritesSettled } from '../../src/backup/keyring-copies.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { verifyRun } from '../../src/backup/verify.js';
import { deleteTenantNow } from '../../src/tenants/tenant-deletion.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type TestApp } from '../helpers/app.js';
import { addContact, contactNames, readManifest, seedBulk } from './helpers.js';

const SEALED_CHUNK = CHUNK_BYTES + 16;
const objectPath = (api: TestApp, name: string): string => join(api.config.backup.dir, ...name.split('/'));
const countRestores = (api: TestApp): unknown => api.runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action IN ('backup.restored', 'tenant.suspended')`).pluck().get();

/** A workspace backed up in one run (an object of several chunks), then changed once more. */
async function setup(t: Test) {
  const api = await build(t);
  const tenant = api.tenant();
  seedBulk(api, tenant.id, 60);
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  await addContact(api, tenant.token(), 'After the backup');
  const object = readManifest(api, runId).objects.find((o) => o.tenantId === tenant.id);
  if (!object) throw new Error('no object');
  const path = objectPath(api, object.name);
  const original = readFileSync(path);
  const unchanged = async (t: Test): Promise<void> => {
    t.equal((await contactNames(api, tenant.token())).length, 61, 'the workspace keeps its current data');
    t.equal(api.runtime.control.statement('SELECT status AS current_status FROM tenants WHERE id = ?').pluck().get(tenant.id), 'active', 'and stays active');
    t.equal(countRestores(api), 0, 'nothing was suspended or restored');
  };
  return { api, tenant, runId, object, path, original, unchanged };
}

t.test('a tampered object is refused by restore and verify: a flipped byte, a truncated, dropped or swapped chunk', async (t) => {
  const { api, tenant, runId, path, original, unchanged } = await setup(t);
  t.ok(original.length > 3 * SEALED_CHUNK, 'the object has several chunks');
  const chunk = (i: number) => original.subarray(HEADER_BYTES + i * SEALED_CHUNK, HEADER_BYTES + (i + 1) * SEALED_CHUNK);
  const flipped = Buffer.from(original);
  flipped.writeUInt8(flipped.readUInt8(flipped.length >> 1) ^ 0x40, flipped.length >> 1);
  const tampered: Record<string, Buffer> = {
    'a byte flipped in the middle': flipped,
    'the last chunk truncated': original.subarray(0, original.length - 10),
    'the last chunk dropped': original.subarray(0, HEADER_BYTES + 3 * SEALED_CHUNK),
    'two chunks swapped': Buffer.concat([original.subarray(0, HEADER_BYTES), chunk(1), chunk(0), original.subarray(HEADER_BYTES + 2 * SEALED_CHUNK)]),
  };
  for (const [name, bytes] of Object.entries(tampered)) {
    writeFileSync(path, bytes);
    await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 }), { name: 'BackupRefused', message: /does not match its checksum in the manifest .*tampered, truncated or replaced$/ }, `restore: ${name}`);
    const report = await verifyRun(api.runtime, runId);
    t.notOk(report.ok, `verify: ${name}`);
    t.match(report.objects.find((o) => o.tenantId === tenant.id), { status: 'failed', reason: /checksum/ });
    t.equal(report.objects.filter((o) => o.status === 'ok').length, 1, 'control.db still verifies');
  }
  await unchanged(t);
  writeFileSync(path, original);
  t.ok((await verifyRun(api.runtime, runId)).ok, 'the original verifies again');
});

t.test('a manifest that does not authenticate is refused: edited, moved to another run, or without its MAC', async (t) => {
  const { api, tenant, runId, unchanged } = await setup(t);
  const path = objectPath(api, manifestName(runId));
  const original = readFileSync(path, 'utf8');
  const other = await runBackup(api.runtime, { actor: 'operator' });
  const parsed = JSON.parse(original);
  const edits: Record<string, string> = {
    'a checksum edited to match a tampered object': JSON.stringify({ ...parsed, objects: parsed.objects.map((o: { sha256: string }) => ({ ...o, sha256: '0'.repeat(64) })) }),
    'a workspace added': JSON.stringify({ ...parsed, failed: [{ tenantId: tenant.id, reason: 'x' }] }),
    'the MAC removed': JSON.stringify({ ...parsed, authentication: undefined }),
    'the manifest of another run': readFileSync(objectPath(api, manifestName(other.runId)), 'utf8'),
    'not JSON': original.slice(0, 100),
  };
  for (const [name, text] of Object.entries(edits)) {
    writeFileSync(path, text);
    await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 }), { name: 'BackupRefused', message: new RegExp(`^the manifest of run ${runId} does not authenticate`) }, name);
    await t.rejects(verifyRun(api.runtime, runId), { name: 'BackupRefused' }, `verify: ${name}`);
  }
  await unchanged(t);
  writeFileSync(path, original);
  t.ok((await verifyRun(api.runtime, runId)).ok);
});

t.test('a schema newer than this Spinney is refused', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'From the future');
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_a_newer_build', '2030-01-01T00:00:00Z')`).run(),
  );
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  t.equal(readManifest(api, runId).objects.find((o) => o.tenantId === tenant.id)?.schemaVersion, 9999);
  await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 }), { name: 'BackupRefused', message: /has schema version 9999, newer than this Spinney knows \(\d+\)/ });
  t.equal(countRestores(api), 0);
  const report = await verifyRun(api.runtime, runId);
  t.match(report.objects.find((o) => o.tenantId === tenant.id), { status: 'failed', reason: /newer than this Spinney/ });
});

t.test('a purged workspace cannot be restored or decrypted: its key is gone from keyring.db and from every stored keyring copy', async (t) => {
  const api = await build(t);
  const doomed = api.tenant();
  const kept = api.tenant();
  await addContact(api, doomed.token(), 'canary-doomed');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const keyringCopy = objectPath(api, KEYRING_OBJECT);
  const openCopy = async (): Promise<Buffer> => gunzipSync(await buffer(Readable.from([readFileSync(keyringCopy)]).pipe(decryptStream((v) => rootDerivedKey(api.config, 'keyring', v), { objectId: KEYRING_OBJECT, tenantId: '' }))));
  t.ok((await openCopy()).includes(Buffer.from(doomed.id)), 'before: the copy holds its key');

  await deleteTenantNow(api.runtime, doomed.id, 'operator');
  await keyringRewritesSettled();
  const copy = await openCopy();
  t.notOk(copy.includes(Buffer.from(doomed.id)), 'after the purge: no trace of it in the keyring copy');
  t.ok(copy.includes(Buffer.from(kept.id)), 'the other workspace keeps its key');
  t.equal(api.runtime.keyring.hasBackupKey(doomed.id), false);

  await t.rejects(restoreTenant(api.runtime, { tenantId: doomed.id, runId, settleMs: 0 }), { name: 'BackupRefused', message: /^workspace tn_\w+ was purged at .*: its backup key is destroyed \(crypto-shredded\), so no backup of it can be decrypted$/ });
  const report = await verifyRun(api.runtime, runId);
  t.match(report.objects.find((o) => o.tenantId === doomed.id), { status: 'shredded', reason: /crypto-shredded/ });
  t.ok(report.ok, 'the rest of the run still verifies');
  t.equal(report.keyring.backupKeys, 1, 'the copy opens one of the two workspaces of the run');
});
