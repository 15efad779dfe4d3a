// The platform audit log in control.db: who each event names as its actor, that the database
// refuses to change or remove a row, that verification finds a row deleted or reordered behind
// the application's back, and that `spinney audit verify --all` reports every workspace.
import t, { type Test } from 'tap';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyPlatformAudit } from '../../src/audit/audit.service.js';
import { deleteTenant, deleteTenantNow } from '../../src/tenants/tenant-deletion.js';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import { auditVerifyJob } from '../../src/jobs/audit-verify.job.js';
import { runJob } from '../../src/jobs/runner.js';
import { admit } from '../../src/signin/signin.service.js';
import { build, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { captureLog } from '../jobs/helpers.js';
import { securityEvents } from '../helpers/security-events.js';

interface PlatformEvent {
  seq: number;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  tenant_id: string | null;
  request_id: string | null;
  ip: string | null;
}

const platformEvents = (api: TestApp, action: string): PlatformEvent[] =>
  api.runtime.control.statement('SELECT seq, action, actor_type, actor_id, actor_role, tenant_id, request_id, ip FROM audit_events WHERE action = ? ORDER BY seq').all(action) as PlatformEvent[];

t.test('actors: an anonymous client refused (rate limit, failed sign-in) is counted outside the chain; a job is the system; a CLI command the operator', async (t) => {
  const api = await build(t, { SPINNEY_RATE_LIMIT: '3' });
  let refused;
  for (let i = 0; i < 4; i += 1) refused = await api.call({ method: 'GET', url: '/healthz', remoteAddress: '203.0.113.7' });
  t.equal(refused?.statusCode, 429);
  t.same(platformEvents(api, 'rate_limit.exceeded'), [], 'a refused anonymous request adds nothing to the audit chain');

  const request = { workspace: null, requestId: 'rq_signin_0001', client: { ip: '198.51.100.4', userAgent: null } };
  t.throws(() => admit(api.runtime, { provider: 'google', subject: 'g-nobody', email: 'nobody@nowhere.example', emailVerified: true }, request), { code: 'no_workspace' });
  t.same(platformEvents(api, 'auth.sign_in_failed'), [], 'nor does a failed anonymous sign-in');
  t.same(securityEvents(api.runtime), [
    { clientKey: '203.0.113.7', kind: 'rate_limited', reason: 'global', count: 1 },
    { clientKey: '198.51.100.4', kind: 'sign_in_failed', reason: 'google:no_membership', count: 1 },
  ], 'both are counted, with the client address');

  const tenant = api.tenant();
  await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: 'Dana' } });
  t.equal((await runJob(api.runtime, auditVerifyJob, { trigger: 'schedule', log: captureLog().log })).status, 'ok');
  t.match(platformEvents(api, 'audit.anchored'), [{ actor_type: 'system', tenant_id: tenant.id }], 'the scheduled verify anchors as the system');
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  t.match(platformEvents(api, 'tenant.suspended'), [{ actor_type: 'operator', actor_id: null, tenant_id: tenant.id }], 'tenant lifecycle is the operator (CLI)');
});

t.test('control.db refuses to update or delete a platform audit event', async (t) => {
  const api = await build(t);
  api.tenant();
  const before = api.runtime.control.statement('SELECT * FROM audit_events').all();
  t.equal(before.length, 1);
  t.throws(() => api.runtime.control.db.prepare(`UPDATE audit_events SET actor_type = 'system'`).run(), { message: 'audit_events is append-only' });
  t.throws(() => api.runtime.control.db.prepare('DELETE FROM audit_events').run(), { message: 'audit_events is append-only' });
  t.same(api.runtime.control.statement('SELECT * FROM audit_events').all(), before, 'unchanged');
});

/** Four platform events, then `sql` run on control.db by another program with the triggers dropped. */
async function tamperedPlatform(t: Test, sql: string): Promise<TestApp> {
  const api = await build(t);
  const tenant = api.tenant();
  api.tenant();
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  setTenantStatus(api.runtime, tenant.id, 'active');
  t.same(verifyPlatformAudit(api.runtime), { ok: true, rows: 4 }, 'intact before');
  const file = new Database(join(api.config.dataDir, 'control.db'));
  file.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  file.exec(sql);
  file.close();
  return api;
}

t.test('verify finds a platform event deleted behind the application', async (t) => {
  const api = await tamperedPlatform(t, 'DELETE FROM audit_events WHERE seq = 2');
  t.same(verifyPlatformAudit(api.runtime), { ok: false, rows: 2, broken: { seq: 3, reason: 'expected row 2 next (rows missing or reordered)' } });
  const cli = await spinney(['audit', 'verify', '--all'], { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS });
  t.equal(cli.code, 1);
  t.match(cli.stdout, /^platform: BROKEN at event 3: expected row 2 next/m);
  t.match(cli.stderr, /^spinney: audit chain broken in platform\n$/);
});

t.test('verify finds platform events reordered behind the application (seq numbers kept in order)', async (t) => {
  const api = await tamperedPlatform(
    t,
    // Swap the content of rows 2 and 3 (hashes included), so the seq column still counts 1, 2, 3, 4.
    `CREATE TEMP TABLE swap AS SELECT * FROM audit_events WHERE seq IN (2, 3);
     UPDATE audit_events SET (id, at, actor_type, actor_id, actor_role, action, target_type, target_id, tenant_id, request_id, ip, user_agent, before, after, prev_hash, hash) =
       (SELECT id || '_', at, actor_type, actor_id, actor_role, action, target_type, target_id, tenant_id, request_id, ip, user_agent, before, after, prev_hash, hash FROM swap WHERE swap.seq = 5 - audit_events.seq)
     WHERE seq IN (2, 3);`,
  );
  const report = verifyPlatformAudit(api.runtime);
  t.equal(report.ok, false);
  t.same(report.broken, { seq: 2, reason: 'does not chain to the row before it (a row was removed or reordered)' });
});

t.test('spinney audit verify --all: a missing workspace database is reported and the others are still verified; deleted workspaces in their grace period are included, purged ones not', async (t) => {
  const api = await build(t);
  const [a, b, c, d] = [api.tenant('A'), api.tenant('B'), api.tenant('C'), api.tenant('D')];
  for (const tenant of [a, b, c]) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: 'Dana' } });
  deleteTenant(api.runtime, c.id, { actor: 'operator' });
  await deleteTenantNow(api.runtime, d.id, 'operator');
  api.runtime.tenancy.removeDatabase(a.id); // a file lost by hand, the control row still there
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };

  const text = await spinney(['audit', 'verify', '--all'], env);
  t.equal(text.code, 1);
  t.equal(text.stderr, `spinney: audit log not checked in ${a.id}\n`);
  const lines = text.stdout.trim().split('\n');
  t.match(lines[0], /^platform: ok \(\d+ events\)$/);
  t.same(lines.slice(1), [`${a.id}: NOT CHECKED: tenant database missing`, `${b.id}: ok (1 events)`, `${c.id}: ok (3 events)`], 'every workspace reported, in creation order; the deleted one (its deletion and ended sessions logged) too; the purged one not');

  const json = await spinney(['audit', 'verify', '--all', '--json'], env);
  t.match(JSON.parse(json.stdout), [{ log: 'platform', ok: true }, { log: a.id, ok: false, error: 'tenant database missing' }, { log: b.id, ok: true }, { log: c.id, ok: true }]);

  rmSync(join(api.config.dataDir, 'tenants', b.id), { recursive: true, force: true });
  const file = new Database(join(api.config.dataDir, 'tenants', c.id, 'tenant.db'));
  file.exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET action = 'contact.viewed' WHERE seq = 1`);
  file.close();
  const both = await spinney(['audit', 'verify', '--all'], env);
  t.equal(both.stderr, `spinney: audit chain broken in ${c.id}; audit log not checked in ${a.id}, ${b.id}\n`, 'a break and missing files, all named');
});
