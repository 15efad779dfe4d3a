// spinney backup restore (in place): the workspace comes back as the run holds it, while the
// server's handles stay open; refusals change nothing.
import t from 'tap';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyTenantAudit } from '../../src/audit/audit.service.js';
import { runBackup } from '../../src/backup/backup-run.js';
import { checkDatabase } from '../../src/backup/database-files.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { Vault } from '../../src/vault/vault.js';
import { build, type TestApp } from '../helpers/app.js';
import { addContact, contactNames } from './helpers.js';

const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const livePath = (api: TestApp, tenantId: string): string => join(api.config.dataDir, 'tenants', tenantId, 'tenant.db');

t.test('backup, change the data, restore in place: the API shows the old data and the database is intact', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('Roundtrip');
  const other = api.tenant('Bystander');
  const token = tenant.token();
  await addContact(api, token, 'Ada');
  const bob = await addContact(api, token, 'Bob');
  await addContact(api, other.token(), 'Other person');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });

  await addContact(api, token, 'Carol');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/contacts/${bob}`, token })).statusCode, 204);
  await addContact(api, other.token(), 'Other later');
  t.same(await contactNames(api, token), ['Ada', 'Carol']);

  // During the restore the workspace is suspended: a request in that window is refused.
  const restoring = restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 1000 });
  const status = () => api.runtime.control.statement('SELECT status AS current_status FROM tenants WHERE id = ?').pluck().get(tenant.id);
  while (status() !== 'suspended') await sleep(5);
  const during = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
  t.equal(during.statusCode, 403, during.body);
  t.equal(during.json().error.code, 'tenant_suspended');
  const summary = await restoring;
  t.match(summary, { tenantId: tenant.id, runId, damagedFileKeptAt: null });
  t.ok(summary.sessionsEnded >= 1, 'sessions from before are ended');

  const fresh = tenant.token();
  t.same(await contactNames(api, fresh), ['Ada', 'Bob'], 'the data as it was at the backup, through the same open handle');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).statusCode, 401, 'a session from before the restore no longer works');
  t.same(await contactNames(api, other.token()), ['Other later', 'Other person'], 'another workspace is untouched');
  t.equal(checkDatabase(livePath(api, tenant.id)).integrity, 'ok');
  t.equal(api.runtime.control.statement('SELECT status AS current_status FROM tenants WHERE id = ?').pluck().get(tenant.id), 'active', 'resumed');

  const tenantEvents = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT actor_type, after FROM audit_events WHERE action = 'backup.restored'`).all()) as { actor_type: string; after: string }[];
  t.match(tenantEvents, [{ actor_type: 'operator' }], 'the workspace log records the restore');
  const platform = api.runtime.control.statement(`SELECT action, target_id, before, after FROM audit_events WHERE action IN ('tenant.suspended', 'backup.restored', 'audit.anchored', 'tenant.resumed') ORDER BY seq`).all() as { action: string; target_id: string; after: string }[];
  t.same(platform.map((e) => e.action), ['tenant.suspended', 'backup.restored', 'audit.anchored', 'tenant.resumed']);
  t.match(JSON.parse(platform[1]?.after as string), { runId, sessionsEnded: summary.sessionsEnded });
  t.ok(verifyTenantAudit(api.runtime, tenant.id, 'operator').ok, 'the audit chain verifies against its new anchor');
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [], 'nothing left in tmp/ (the copy kept aside is gone after success)');
});

t.test('data keys made after the backup survive a restore, so values sealed with a cached key still open after a restart', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  inTenant(api, tenant.id, () => api.runtime.vault.putSystem('test:one:secret', 'before-restore'));
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
  inTenant(api, tenant.id, () => {
    t.equal(api.runtime.vault.getSystem('test:one:secret'), undefined, 'the secret itself is rolled back');
    api.runtime.vault.putSystem('test:two:secret', 'sealed-with-the-cached-key');
  });
  const restarted = new Vault(api.config, api.runtime.clock);
  t.equal(inTenant(api, tenant.id, () => restarted.getSystem('test:two:secret')), 'sealed-with-the-cached-key');
});

t.test('a workspace whose database file was lost is restored from the backup', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'Survivor');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  api.runtime.tenancy.removeDatabase(tenant.id);
  t.notOk(existsSync(livePath(api, tenant.id)));
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
  t.same(await contactNames(api, tenant.token()), ['Survivor']);
});

t.test('--at picks the latest run at or before the time', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'Ten o clock');
  const first = await runBackup(api.runtime, { actor: 'operator' });
  clock.advance(3_600_000);
  await addContact(api, tenant.token(), 'Eleven o clock');
  const second = await runBackup(api.runtime, { actor: 'operator' });
  clock.advance(60_000);
  await addContact(api, tenant.token(), 'Later');

  t.equal((await restoreTenant(api.runtime, { tenantId: tenant.id, at: '2026-11-23T10:59:00Z', settleMs: 0 })).runId, first.runId);
  t.same(await contactNames(api, tenant.token()), ['Ten o clock']);
  t.equal((await restoreTenant(api.runtime, { tenantId: tenant.id, at: '2026-11-23T11:00:00Z', settleMs: 0 })).runId, second.runId, 'at the exact time counts');
  t.same(await contactNames(api, tenant.token()), ['Eleven o clock', 'Ten o clock']);
  await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, at: '2026-11-23T09:00:00Z', settleMs: 0 }), { name: 'BackupRefused', message: /no complete backup of .* at or before 2026-11-23T09:00:00.000Z/ });
  await t.rejects(restoreTenant(api.runtime, { tenantId: tenant.id, at: 'yesterday', settleMs: 0 }), { message: /not a time/ });
});

t.test('restore refuses a run without the workspace, a deleted workspace and a bad run id', async (t) => {
  const api = await build(t);
  const a = api.tenant();
  const b = api.tenant();
  const { runId } = await runBackup(api.runtime, { actor: 'operator', tenantId: a.id });
  await t.rejects(restoreTenant(api.runtime, { tenantId: b.id, runId }), { name: 'BackupRefused', message: `run ${runId} holds no backup of ${b.id}` });
  await t.rejects(restoreTenant(api.runtime, { tenantId: a.id, runId: '../../etc' }), { name: 'BackupRefused', message: /not a backup run id/ });
  await t.rejects(restoreTenant(api.runtime, { tenantId: a.id, runId: '20261123T100000000Z-aaaaaa' }), { name: 'BackupRefused', message: /holds no complete run/ });
  await t.rejects(restoreTenant(api.runtime, { tenantId: 'nope', runId }), { name: 'BackupRefused', message: 'nope is not a workspace id' });
  await t.rejects(restoreTenant(api.runtime, { tenantId: a.id }), { name: 'BackupRefused', message: /name a run, or --at/ });
});

t.test('a host whose keyring.db lost a key restores with the keyring copy on the target', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'Keyed');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  await addContact(api, tenant.token(), 'Later');
  api.runtime.keyring.destroyBackupKey(tenant.id); // as if keyring.db were lost, the workspace not purged
  await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
  t.same(await contactNames(api, tenant.token()), ['Keyed']);
});

t.test('a damaged database is moved aside and kept, and the backup takes its place', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'Intact');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const path = livePath(api, tenant.id);
  api.runtime.tenancy.close();
  const damaged = readFileSync(path);
  damaged.fill(0x5a, 4096, 8192); // a page overwritten
  writeFileSync(path, damaged);
  const summary = await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
  t.match(summary.damagedFileKeptAt, new RegExp(`/tmp/damaged-${tenant.id}-\\d+$`));
  t.ok(existsSync(join(summary.damagedFileKeptAt as string, 'tenant.db')), 'the damaged file is kept for inspection');
  t.equal(checkDatabase(path).integrity, 'ok');
  t.same(await contactNames(api, tenant.token()), ['Intact']);
});
