// Files in every lifecycle of a workspace: the export carries them, a backup run carries them
// (a second object per workspace, verified), a restore in place and `restore --as` bring them back
// (re-encrypted for the new id), and a purge leaves not one byte of them anywhere while every
// backup of the workspace stops opening.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { restoreTenantAs } from '../../src/backup/restore-as.js';
import { verifyRun } from '../../src/backup/verify.js';
import { blobPath, filesDir } from '../../src/files/file-blobs.js';
import { deleteTenantNow } from '../../src/tenants/tenant-deletion.js';
import { build, startSession, type TestApp } from '../helpers/app.js';
import { readArchive, sha256 } from '../export/archive.js';
import { readManifest } from '../backup/helpers.js';
import { pdf, png, upload } from './helpers.js';

const adminToken = (api: TestApp, tenantId: string): string => startSession(api.runtime, tenantId, 'admin', 'us_owner').accessToken;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function workspaceWithPdf(api: TestApp, name: string) {
  const workspace = api.tenant(name);
  const token = adminToken(api, workspace.id);
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana Whitfield' } })).json() as { id: string };
  const lead = (await api.call({ method: 'POST', url: '/api/v1/leads', token, payload: { title: 'Garage roof', contactId: contact.id, currency: 'USD' } })).json() as { id: string };
  // A marker in the document and random bytes (both unique to this test) to scan the disk for.
  const marker = `lifecycle-${randomBytes(6).toString('hex')}`;
  const document = pdf(marker, 200_000);
  const res = await upload(api, token, document, 'Quote.pdf', `?leadId=${lead.id}`);
  if (res.statusCode !== 201) throw new Error(res.body);
  return { workspace, token, lead, marker, document, file: res.json() as { id: string; name: string } };
}

const download = async (api: TestApp, token: string, id: string) => (await api.call({ method: 'GET', url: `/api/v1/files/${id}/content`, token })).rawPayload;

t.test('upload a PDF to a lead, download it identical, export it; back up, purge: nothing of it left anywhere, and the backup no longer opens', async (t) => {
  const api = await build(t);
  const { workspace, token, marker, document, file } = await workspaceWithPdf(api, 'Whitfield Roofing');
  const kept = await workspaceWithPdf(api, 'Otter Builders');
  t.ok((await download(api, token, file.id)).equals(document), 'downloads identical');

  const exported = await api.call({ method: 'POST', url: '/api/v1/export', token, payload: {} });
  t.equal(exported.statusCode, 200, 'the export answers');
  const archive = await readArchive(exported.rawPayload);
  const path = `files/${file.id}/Quote.pdf`;
  t.same(archive.order, ['manifest.json', 'members.json', 'workspace.json', 'files/', path], 'each file an entry under files/');
  t.ok(archive.entries.get(path)?.body.equals(document), 'the export holds the file, decrypted');
  t.same(archive.manifest.files, [{ path, bytes: document.length, sha256: sha256(document) }]);
  t.match(archive.workspace.files, [{ id: file.id, name: 'Quote.pdf', type: 'application/pdf', size: document.length }]);

  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const entry = readManifest(api, runId).objects.find((o) => o.tenantId === workspace.id);
  t.match(entry?.files, { name: `runs/${runId}/tenants/${workspace.id}.files.tar.enc`, count: 1 });
  const verified = await verifyRun(api.runtime, runId);
  t.equal(verified.ok, true, 'the run verifies, files objects included');
  const stored = filesUnder(api.config.backup.dir);
  t.ok(stored.some((f) => f.endsWith(`${workspace.id}.files.tar.enc`)), 'the files object is on the target');
  const needles = [Buffer.from(marker), document.subarray(document.length - 4096, document.length - 3000), readFileSync(blobPath(filesDir(api.config.dataDir, workspace.id), file.id)).subarray(1000, 1100)];
  const holding = (needle: Buffer) => [...filesUnder(api.config.dataDir), ...filesUnder(api.config.backup.dir)].filter((f) => readFileSync(f).includes(needle));
  t.ok(holding(needles[2] as Buffer).length > 0, 'before: the scan finds the blob on disk');

  await deleteTenantNow(api.runtime, workspace.id, 'operator');
  const leaks = needles.flatMap((needle, i) => holding(needle).map((f) => `needle ${i} in ${f}`));
  t.same(leaks, [], 'after the purge: no byte of the file, plaintext or blob, in the data dir or the backup target');
  await t.rejects(restoreTenant(api.runtime, { tenantId: workspace.id, runId, settleMs: 0 }), /crypto-shredded/, 'the backup no longer opens');
  const after = await verifyRun(api.runtime, runId);
  t.match(after.objects.find((o) => o.tenantId === workspace.id), { status: 'shredded' });
  t.ok((await download(api, kept.token, kept.file.id)).equals(kept.document), 'the other workspace keeps its file');
});

t.test('restore in place brings back the files of the run, and only those', async (t) => {
  const api = await build(t);
  const { workspace, token, document, file } = await workspaceWithPdf(api, 'Whitfield Roofing');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/files/${file.id}`, token })).statusCode, 204);
  const later = (await upload(api, token, png(), 'later.png')).json() as { id: string };

  await restoreTenant(api.runtime, { tenantId: workspace.id, runId, settleMs: 0 });
  const fresh = adminToken(api, workspace.id);
  t.ok((await download(api, fresh, file.id)).equals(document), 'the deleted file is back, identical');
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/${later.id}`, token: fresh })).statusCode, 404, 'the later one is not in the run');
  t.same(readdirSync(filesDir(api.config.dataDir, workspace.id)), [file.id], 'nor its blob');
  t.same(filesUnder(join(api.config.dataDir, 'tmp')).filter((f) => !f.endsWith('.owner.json')), [], 'nothing left in tmp/');
});

t.test('restore --as: the files open in the new workspace, re-encrypted for its id; the original is untouched', async (t) => {
  const api = await build(t);
  const { workspace, token, document, file } = await workspaceWithPdf(api, 'Whitfield Roofing');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const originalBlob = readFileSync(blobPath(filesDir(api.config.dataDir, workspace.id), file.id));

  const summary = await restoreTenantAs(api.runtime, { tenantId: workspace.id, runId, as: 'new' });
  t.equal(summary.files, 1);
  const copyToken = adminToken(api, summary.newTenantId);
  const res = await api.call({ method: 'GET', url: `/api/v1/files/${file.id}/content`, token: copyToken });
  t.equal(res.statusCode, 200);
  t.ok(res.rawPayload.equals(document), 'the file opens there, identical');
  t.equal(createHash('sha256').update(res.rawPayload).digest('hex'), (await api.call({ method: 'GET', url: `/api/v1/files/${file.id}`, token: copyToken })).json().sha256);
  const copyBlob = readFileSync(blobPath(filesDir(api.config.dataDir, summary.newTenantId), file.id));
  t.notOk(copyBlob.equals(originalBlob), 'sealed anew, not copied');
  t.ok((await download(api, token, file.id)).equals(document), 'the original still opens its own');

  // The original's blob put in the copy's place does not open there: it is bound to its workspace.
  writeFileSync(blobPath(filesDir(api.config.dataDir, summary.newTenantId), file.id), originalBlob);
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/${file.id}/content`, token: copyToken })).statusCode, 500);
});

t.test('a changed files object fails verification and refuses the restore, changing nothing', async (t) => {
  const api = await build(t);
  const { workspace, token, document, file } = await workspaceWithPdf(api, 'Whitfield Roofing');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const object = join(api.config.backup.dir, 'runs', runId, 'tenants', `${workspace.id}.files.tar.enc`);
  const bytes = readFileSync(object);
  bytes[bytes.length - 30] = (bytes[bytes.length - 30] as number) ^ 1;
  writeFileSync(object, bytes);
  const report = await verifyRun(api.runtime, runId);
  t.equal(report.ok, false);
  t.match(report.objects.find((o) => o.tenantId === workspace.id), { status: 'failed', reason: /files\.tar\.enc does not match its checksum/ });
  await t.rejects(restoreTenant(api.runtime, { tenantId: workspace.id, runId, settleMs: 0 }), /does not match its checksum/);
  t.ok((await download(api, token, file.id)).equals(document), 'the live file is untouched');
});
