// Workspace deletion: refused at once, purged after the grace period, and after the purge not one
// byte of the workspace is left anywhere in the data dir, while another workspace is untouched.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { verifyPlatformAudit } from '../../src/audit/audit.service.js';
import { deleteTenant, deleteTenantNow, NEUTRAL_VALUES, purgeDueTenants, purgeTenant, TOMBSTONE_COLUMNS } from '../../src/tenants/tenant-deletion.js';
import { admit } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock, systemClock } from '../../src/time/clock.js';
import { KeyringCopy } from '../../src/backup/keyring-copies.js';
import { damagedCopyDir, KEYRING_OBJECT, makeWorkDir } from '../../src/backup/layout.js';
import { openTarget } from '../../src/backup/targets/open-target.js';
import { openRuntime } from '../../src/runtime.js';
import { build, startSession, tempDataDir, TEST_KEYS, testConfig, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';
import { canary, seedWorkspace } from '../export/seed.js';

const DAY = 86_400_000;
const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const request = { workspace: null, requestId: 'rq_test_0001', client: { ip: '127.0.0.1', userAgent: null } };

t.test('an admin deletes the workspace: refused at once, sessions ended, purged after the grace period', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant('Harbour Roofing');
  const admin = startSession(api.runtime, tenant.id, 'admin', 'mb_admin');
  const member = startSession(api.runtime, tenant.id, 'member', 'mb_member');
  const invite = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.accessToken, payload: { email: 'new.person@harbour.example', role: 'member' } });
  t.equal(invite.statusCode, 201);
  const url = '/api/v1/workspace/deletion';

  t.equal((await api.call({ method: 'POST', url, token: member.accessToken, payload: { confirm: 'Harbour Roofing' } })).statusCode, 403, 'members cannot');
  const wrong = await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'harbour roofing' } });
  t.equal(wrong.statusCode, 400);
  t.same(wrong.json().error, { code: 'confirmation_mismatch', message: 'type the workspace name exactly to confirm', field: 'confirm' });
  t.equal((await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'Harbour Roofing', now: true } })).statusCode, 400, 'no other fields');
  t.equal(api.runtime.tenantStatus.get(tenant.id), 'active', 'nothing changed');
  clock.advance(11 * 60_000);
  t.equal((await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'Harbour Roofing' } })).json().error.code, 'reauth_required', 'a sensitive route');

  const fresh = startSession(api.runtime, tenant.id, 'admin', 'mb_admin');
  const deleted = await api.call({ method: 'POST', url, token: fresh.accessToken, payload: { confirm: 'Harbour Roofing' } });
  t.equal(deleted.statusCode, 202, deleted.body);
  t.same(deleted.json(), { status: 'deleted', deletedAt: '2026-11-23T10:11:00.000Z', purgeAfter: '2026-11-30T10:11:00.000Z' });

  for (const token of [fresh.accessToken, member.accessToken]) {
    const refused = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
    t.equal(refused.statusCode, 401, 'every token refused at once');
  }
  const refresh = await api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: member.refreshToken } });
  t.equal(refresh.statusCode, 401, 'no refresh either');
  t.throws(() => admit(api.runtime, { provider: 'google', subject: 'g-new', email: 'new.person@harbour.example', emailVerified: true }, request), { code: 'no_workspace' }, 'an invitation no longer admits');
  const sessions = inTenant(api, tenant.id, () => tenantDb().statement('SELECT end_reason FROM sessions ORDER BY created_at').all());
  t.same(sessions, [{ end_reason: 'workspace_deleted' }, { end_reason: 'workspace_deleted' }, { end_reason: 'workspace_deleted' }]);
  t.equal((await spinneyInProcess(['tenant', 'list', '--json'], { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS })).stdout.includes(tenant.id), false, 'not listed');

  clock.advance(7 * DAY - 60_000);
  t.same(await purgeDueTenants(api.runtime, 'system'), { purged: [], failed: [] }, 'not before the grace period ends');
  t.ok(api.runtime.tenancy.databaseExists(tenant.id));
  clock.advance(60_000);
  t.same(await purgeDueTenants(api.runtime, 'system'), { purged: [{ tenantId: tenant.id, purgedAt: '2026-11-30T10:11:00.000Z', keyringCopy: { ok: true, rewritten: false } }], failed: [] });
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', tenant.id)), 'the workspace directory is gone');
  t.notOk(api.runtime.keyring.hasBackupKey(tenant.id), 'its backup key is destroyed');
  t.same(
    api.runtime.control.statement('SELECT * FROM tenants WHERE id = ?').get(tenant.id),
    {
      id: tenant.id, slug: tenant.id, name: '', status: 'deleted', created_at: '', updated_at: '2026-11-30T10:11:00.000Z', suspended_at: null, deleted_at: '2026-11-23T10:11:00.000Z',
      sign_in_organizations: null, deleted_by: 'mb_admin', purge_after: '2026-11-30T10:11:00.000Z', purged_at: '2026-11-30T10:11:00.000Z',
    },
    'the tombstone: every column of the row, nothing but id, status, deletion and purge facts left',
  );
  t.same(api.runtime.control.statement('SELECT count(*) AS n FROM invitations WHERE tenant_id = ?').get(tenant.id), { n: 0 });
  const platform = api.runtime.control.statement('SELECT action, actor_type, actor_id, actor_role, request_id, ip, after FROM audit_events WHERE tenant_id = ? ORDER BY seq').all(tenant.id);
  t.same(platform, [
    { action: 'tenant.created', actor_type: 'operator', actor_id: null, actor_role: null, request_id: null, ip: null, after: JSON.stringify({ id: tenant.id, adminInvited: false }) },
    { action: 'tenant.deleted', actor_type: 'user', actor_id: 'mb_admin', actor_role: 'admin', request_id: deleted.headers['x-request-id'], ip: '127.0.0.1', after: JSON.stringify({ by: 'mb_admin', purgeAfter: '2026-11-30T10:11:00.000Z' }) },
    { action: 'tenant.purged', actor_type: 'system', actor_id: null, actor_role: null, request_id: null, ip: null, after: JSON.stringify({ purgedAt: '2026-11-30T10:11:00.000Z', keyringCopy: { ok: true, rewritten: false } }) },
  ], 'the admin who deleted it (id, role, request), the job that purged it');
  t.ok(verifyPlatformAudit(api.runtime).ok, 'the platform chain is intact');
  await t.rejects(purgeTenant(api.runtime, tenant.id, 'operator'), { code: 'already_purged' });
  t.throws(() => deleteTenant(api.runtime, tenant.id, { actor: 'operator' }), { message: 'tenant not found' });
});

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

t.test('after the purge no canary of the workspace remains in any file of the data dir; another workspace keeps all of its own', async (t) => {
  const api = await build(t);
  // One of every kind of record (test/export/seed.ts): contact with sensitive fields, vault and
  // system secrets, invitation, member and identity, sign-in organisations (a column of the
  // tenants row in control.db), a session, an integration, webhook endpoint, subscription, queued
  // delivery and inbound receipt; each holding the workspace's unique marker.
  const seed = async (label: string) => {
    const marker = canary(label);
    const tenant = api.tenant(`${marker} name`);
    const seeded = await seedWorkspace(api, tenant, label);
    // Plain text on disk before the purge: the markers, the tenant's name. Values stored encrypted
    // (sensitive fields, secrets) are scanned too, in case one were ever written in clear.
    const plain = [marker, seeded.marker, seeded.organization];
    return { tenant, seeded, plain, all: [...plain, seeded.taxId, seeded.bankDetails, seeded.secretName, ...seeded.secretValues] };
  };
  const gone = await seed('zebra');
  const kept = await seed('otter');
  const files = () => filesUnder(api.config.dataDir);
  const holding = (needle: string) => files().filter((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8')));
  for (const needle of gone.plain) t.not(holding(needle).length, 0, `before: ${needle} is on disk, so the scan can find it`);
  t.ok(holding(gone.seeded.organization).some((file) => file.endsWith('control.db') || file.endsWith('control.db-wal')), 'the sign-in organisation is in control.db');
  t.ok(
    api.runtime.control.statement('SELECT count(*) FROM webhook_endpoints WHERE tenant_id = ?').pluck().get(gone.tenant.id) as number > 0,
    'control.db holds its webhook endpoint routing row',
  );

  // A damaged live file that a restore kept aside for inspection is plaintext of its workspace too.
  for (const { tenant, seeded } of [gone, kept]) {
    const damaged = damagedCopyDir(api.config.dataDir, tenant.id, 1_700_000_000_000);
    mkdirSync(damaged, { recursive: true });
    writeFileSync(join(damaged, 'tenant.db'), `a damaged copy holding ${seeded.marker}`);
  }

  const outcome = await deleteTenantNow(api.runtime, gone.tenant.id, 'operator');
  t.match(outcome, { tenantId: gone.tenant.id, keyringCopy: { ok: true } });
  t.notOk(existsSync(damagedCopyDir(api.config.dataDir, gone.tenant.id, 1_700_000_000_000)), "the purge removed the workspace's damaged copy");
  t.ok(existsSync(damagedCopyDir(api.config.dataDir, kept.tenant.id, 1_700_000_000_000)), "and left the other workspace's");
  const leaks = gone.all.flatMap((needle) => holding(needle).map((file) => `${needle} in ${file}`));
  t.same(leaks, [], 'after the purge: not one of them, in any file of the data dir (databases, WAL files, keyring, backups)');
  for (const needle of kept.plain) t.not(holding(needle).length, 0, `the other workspace keeps ${needle}`);
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token: kept.tenant.token() })).json().items.length, 1);
});

t.test('the tombstone empties every column of the tenants row outside TOMBSTONE_COLUMNS, a column added later included', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('Later Columns Ltd');
  // What a future migration might add: a nullable column, and a NOT NULL one with a default.
  api.runtime.control.db.exec(`ALTER TABLE tenants ADD COLUMN billing_note TEXT; ALTER TABLE tenants ADD COLUMN plan TEXT NOT NULL DEFAULT 'standard'`);
  api.runtime.control.db.prepare(`UPDATE tenants SET billing_note = 'later-column-canary', plan = 'premium-canary', sign_in_organizations = '["org-canary.example"]' WHERE id = ?`).run(tenant.id);
  await deleteTenantNow(api.runtime, tenant.id, 'operator');
  const row = api.runtime.control.statement('SELECT * FROM tenants WHERE id = ?').get(tenant.id) as Record<string, unknown>;
  t.match(row, { billing_note: null, plan: 'standard', sign_in_organizations: null, name: '', slug: tenant.id, created_at: '' });
  const columns = (api.runtime.control.db.pragma('table_info(tenants)') as { name: string; notnull: number }[]);
  for (const { name, notnull } of columns) {
    if (TOMBSTONE_COLUMNS.has(name)) continue;
    t.ok(row[name] === null || name in NEUTRAL_VALUES || (notnull === 1 && name === 'plan'), `${name} holds nothing of the workspace`);
  }
  const left = ['later-column-canary', 'premium-canary', 'org-canary.example', 'Later Columns Ltd'].filter((needle) =>
    filesUnder(api.config.dataDir).some((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))),
  );
  t.same(left, [], 'and no byte of the old values is left on disk');
});

t.test('spinney tenant delete: the id typed twice, --now purges, a second delete is refused; the tenant-purge job handles what is due', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const a = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'A', '--json'], env)).stdout);
  const b = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'B', '--json'], env)).stdout);
  const mismatch = await spinneyInProcess(['tenant', 'delete', '--tenant', a.id, '--confirm', b.id], env);
  t.same([mismatch.code, mismatch.stderr], [1, 'spinney: --confirm must repeat the --tenant id exactly\n']);
  t.equal((await spinneyInProcess(['tenant', 'list', '--json'], env)).stdout.includes(a.id), true, 'nothing happened');

  const now = await spinney(['tenant', 'delete', '--tenant', a.id, '--confirm', a.id, '--now'], env);
  t.same([now.code, now.stdout], [0, `deleted and purged ${a.id} (no keyring copy on the backup target yet)\n`]);
  t.equal(now.stderr, `deleting ${a.id} now: every request refused and every session ended, then its database, files and backup key destroyed at once (no undo)\n`, 'says what it will do first');
  t.notOk(existsSync(join(dataDir, 'tenants', a.id)));
  const again = await spinneyInProcess(['tenant', 'delete', '--tenant', a.id, '--confirm', a.id], env);
  t.same([again.code, again.stderr], [1, `spinney: no workspace ${a.id} (or it is already deleted)\n`]);

  const graceful = await spinneyInProcess(['tenant', 'delete', '--tenant', b.id, '--confirm', b.id, '--json'], env);
  t.match(graceful.stderr, new RegExp(`^deleting ${b.id}: every request refused and every session ended now; database, files and backup key destroyed after 7 days`));
  const later = JSON.parse(graceful.stdout);
  t.match(later, { tenantId: b.id, purgedAt: null });
  t.equal(Date.parse(later.purgeAfter) - Date.parse(later.deletedAt), 7 * DAY, 'the default grace period');
  t.equal((await spinney(['jobs', 'run', 'tenant-purge'], env)).stdout, 'tenant-purge: ok (purged 0, failed 0)\n', 'not due yet');
  const listed = (await spinneyInProcess(['tenant', 'list'], env)).stdout;
  t.notOk(listed.includes(b.id), 'tenant list leaves a deleted workspace out');
  const all = (await spinneyInProcess(['tenant', 'list', '--all'], env)).stdout;
  t.match(all, new RegExp(`${b.id}  deleted .*  \\(purged after ${later.purgeAfter}\\)\n`), '--all shows it during its grace period, with the purge time');
  t.notOk(all.includes(a.id), 'a purged workspace is gone from --all too');
  t.ok(existsSync(join(dataDir, 'tenants', b.id, 'tenant.db')));

  // spinney tenant purge: only a deleted workspace, not yet purged; says what it will do, then does it.
  const c = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'C', '--json'], env)).stdout);
  const active = await spinneyInProcess(['tenant', 'purge', '--tenant', c.id, '--confirm', c.id], env);
  t.same([active.code, active.stdout, active.stderr], [1, '', `spinney: workspace ${c.id} is active, not deleted; only a deleted workspace can be purged\n`], 'an active workspace is refused');
  t.ok(existsSync(join(dataDir, 'tenants', c.id, 'tenant.db')));
  const unconfirmed = await spinneyInProcess(['tenant', 'purge', '--tenant', b.id, '--confirm', c.id], env);
  t.same([unconfirmed.code, unconfirmed.stderr], [1, 'spinney: --confirm must repeat the --tenant id exactly\n']);
  t.same((await spinneyInProcess(['tenant', 'purge', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--confirm', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa'], env)).stderr, 'spinney: no workspace tn_aaaaaaaaaaaaaaaaaaaaaaaa\n');
  const purged = await spinney(['tenant', 'purge', '--tenant', b.id, '--confirm', b.id], env);
  t.same(
    [purged.code, purged.stderr, purged.stdout],
    [0, `purging ${b.id} now: its database, files and backup key destroyed, the keyring copy on the backup target rewritten (no undo)\n`, `purged ${b.id} (no keyring copy on the backup target yet)\n`],
  );
  t.notOk(existsSync(join(dataDir, 'tenants', b.id)), 'purged before its grace period ended');
  const twice = await spinneyInProcess(['tenant', 'purge', '--tenant', b.id, '--confirm', b.id], env);
  t.same([twice.code, twice.stderr], [1, `spinney: workspace ${b.id} was purged at ${purgedAt(dataDir, b.id)}\n`]);
  const events = platformEvents(dataDir, [a.id, b.id, c.id]);
  t.same(events, [
    { action: 'tenant.created', target_id: a.id, actor_type: 'operator' },
    { action: 'tenant.created', target_id: b.id, actor_type: 'operator' },
    { action: 'tenant.deleted', target_id: a.id, actor_type: 'operator' },
    { action: 'tenant.purged', target_id: a.id, actor_type: 'operator' },
    { action: 'tenant.deleted', target_id: b.id, actor_type: 'operator' },
    { action: 'tenant.created', target_id: c.id, actor_type: 'operator' },
    { action: 'tenant.purged', target_id: b.id, actor_type: 'operator' },
  ], 'every step in the platform log, each by the operator');
});

const purgedAt = (dataDir: string, id: string): string => {
  const runtime = openRuntime(testConfig(dataDir));
  try {
    return runtime.control.statement('SELECT purged_at FROM tenants WHERE id = ?').pluck().get(id) as string;
  } finally {
    runtime.close();
  }
};

const platformEvents = (dataDir: string, ids: string[]): unknown[] => {
  const runtime = openRuntime(testConfig(dataDir));
  try {
    return runtime.control.statement(`SELECT action, target_id, actor_type FROM audit_events WHERE action LIKE 'tenant.%' ORDER BY seq`).all().filter((e) => ids.includes((e as { target_id: string }).target_id));
  } finally {
    runtime.close();
  }
};

t.test('spinney tenant delete --now: when the process has exited, the keyring copy on the backup target no longer holds the workspace key', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const doomed = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'Doomed', '--json'], env)).stdout);
  const kept = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'Kept', '--json'], env)).stdout);
  const backup = await spinneyInProcess(['backup', 'run', '--all'], env);
  t.equal(backup.code, 0, backup.stderr);
  const copyFile = join(dataDir, 'backups', ...KEYRING_OBJECT.split('/'));
  const before = readFileSync(copyFile);

  const holds = async (): Promise<{ doomed: boolean; kept: boolean }> => {
    const config = testConfig(dataDir);
    const target = await openTarget(config.backup);
    const copy = await KeyringCopy.open(config, systemClock, target, makeWorkDir(dataDir, 'check'));
    t.ok(copy, 'the target holds a keyring copy');
    try {
      return { doomed: copy?.hasBackupKey(doomed.id) ?? false, kept: copy?.hasBackupKey(kept.id) ?? false };
    } finally {
      await copy?.close();
      target.close();
    }
  };
  t.same(await holds(), { doomed: true, kept: true }, 'before: the copy holds both keys');

  const deleted = await spinney(['tenant', 'delete', '--tenant', doomed.id, '--confirm', doomed.id, '--now'], env);
  t.same([deleted.code, deleted.stdout], [0, `deleted and purged ${doomed.id} (keyring copy on the backup target rewritten)\n`]);
  t.not(readFileSync(copyFile).toString('hex'), before.toString('hex'), 'the copy was rewritten before the command exited');
  t.same(await holds(), { doomed: false, kept: true }, 'after: the destroyed key is gone from the copy, the other is still there');
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  const purged = runtime.control.statement(`SELECT actor_type, after FROM audit_events WHERE action = 'tenant.purged' AND tenant_id = ?`).get(doomed.id) as { actor_type: string; after: string };
  t.same({ ...purged, after: JSON.parse(purged.after) }, { actor_type: 'operator', after: { purgedAt: JSON.parse(purged.after).purgedAt, keyringCopy: { ok: true, rewritten: true } } }, 'tenant.purged records the rewrite');
});
