// The audit log: what is recorded, that the database refuses to change it, and that verification
// finds every kind of tampering done to the file behind the application's back.
import t, { type Test } from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashAuditRow, type AuditRow } from '../../src/audit/audit-chain.js';
import { verifyPlatformAudit, verifyTenantAudit } from '../../src/audit/audit.service.js';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';

interface Event {
  seq: number;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  before: string | null;
  after: string | null;
}

const events = (api: TestApp, tenantId: string): Event[] =>
  api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().statement('SELECT * FROM audit_events ORDER BY seq').all() as Event[]);

t.test('contact changes are recorded with actor, request, client and before/after values', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('member', 'us_maria');
  const headers = { 'user-agent': 'SpinneyTest/1.0' };
  const created = await api.call({ method: 'POST', url: '/api/v1/contacts', token, headers, payload: { name: 'Dana' } });
  const id = created.json().id;
  const patched = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${id}`, token, headers, payload: { phone: '+1 555 0100' } });
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/nonexistent`, token, payload: { phone: 'x' } });
  await api.call({ method: 'DELETE', url: `/api/v1/contacts/${id}`, token, headers });

  const log = events(api, tenant.id);
  t.same(log.map((e) => e.action), ['contact.created', 'contact.updated', 'contact.deleted'], 'exactly these, in order; a failed request records nothing');
  t.match(log[0], { actor_type: 'user', actor_id: 'us_maria', actor_role: 'member', target_type: 'contact', target_id: id, ip: '127.0.0.1', user_agent: 'SpinneyTest/1.0', before: null });
  t.equal(log[0]?.request_id, created.headers['x-request-id'], 'the request id ties the event to the request log line');
  t.equal(log[1]?.request_id, patched.headers['x-request-id']);
  t.match(JSON.parse(log[1]?.before ?? '{}'), { phone: null, name: 'Dana' });
  t.match(JSON.parse(log[1]?.after ?? '{}'), { phone: '+1 555 0100' });
  t.match(JSON.parse(log[2]?.before ?? '{}'), { id, phone: '+1 555 0100' });
  t.equal(log[2]?.after, null);
  t.same(verifyTenantAudit(api.runtime, tenant.id, 'operator'), { ok: true, rows: 3 });
});

t.test('the database refuses to change or remove audit rows', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: 'Dana' } });
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => {
    t.throws(() => tenantDb().statement(`UPDATE audit_events SET actor_id = 'us_someone_else'`).run(), /append-only/);
    t.throws(() => tenantDb().statement('DELETE FROM audit_events').run(), /append-only/);
  });
  t.equal(events(api, tenant.id).length, 1);
});

t.test('operator actions go to the platform log, naming the tenant', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('Acme');
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  setTenantStatus(api.runtime, tenant.id, 'active');
  const rows = api.runtime.control.statement('SELECT action, actor_type, tenant_id, before, after FROM audit_events ORDER BY seq').all() as (Event & { tenant_id: string })[];
  t.same(rows.map((r) => [r.action, r.actor_type, r.tenant_id]), [
    ['tenant.created', 'operator', tenant.id],
    ['tenant.suspended', 'operator', tenant.id],
    ['tenant.resumed', 'operator', tenant.id],
  ]);
  t.same(JSON.parse(rows[1]?.before ?? '{}'), { status: 'active' });
  t.same(verifyPlatformAudit(api.runtime), { ok: true, rows: 3 });
});

// Tampering happens outside Spinney: an attacker or a careless operator with the file and the
// sqlite3 API. Each case starts from a fresh workspace with five events.
async function tampered(t: Test, sql: string): Promise<ReturnType<typeof verifyTenantAudit>> {
  const api = await build(t);
  const tenant = api.tenant();
  for (let i = 0; i < 5; i += 1) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: `Contact ${i}` } });
  t.same(verifyTenantAudit(api.runtime, tenant.id, 'operator'), { ok: true, rows: 5 }, 'intact before');
  const file = new Database(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  file.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  file.exec(sql);
  file.close();
  return verifyTenantAudit(api.runtime, tenant.id, 'operator');
}

t.test('verify finds an edited row', async (t) => {
  const report = await tampered(t, `UPDATE audit_events SET actor_id = 'us_innocent' WHERE seq = 3`);
  t.same(report.broken, { seq: 3, reason: 'content does not match its hash (the row was edited)' });
});

t.test('verify finds an edited row whose own hash was recomputed: the next row no longer chains', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  for (let i = 0; i < 3; i += 1) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: `Contact ${i}` } });
  const file = new Database(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  file.exec('DROP TRIGGER audit_events_no_update');
  // An attacker who knows the algorithm rewrites row 2 and gives it a correct hash.
  const row = file.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as AuditRow;
  const forged = { ...row, actor_id: 'us_innocent' };
  file.prepare('UPDATE audit_events SET actor_id = ?, hash = ? WHERE seq = 2').run(forged.actor_id, hashAuditRow(forged));
  file.close();
  t.same(verifyTenantAudit(api.runtime, tenant.id, 'operator').broken, { seq: 3, reason: 'does not chain to the row before it (a row was removed or reordered)' });
});

t.test('verify finds a deleted row', async (t) => {
  const report = await tampered(t, 'DELETE FROM audit_events WHERE seq = 2');
  t.same(report.broken?.seq, 3);
  t.match(report.broken?.reason ?? '', /missing or reordered/);
});

t.test('verify finds reordered rows', async (t) => {
  const report = await tampered(t, 'UPDATE audit_events SET seq = -seq WHERE seq IN (2, 3); UPDATE audit_events SET seq = 3 WHERE seq = -2; UPDATE audit_events SET seq = 2 WHERE seq = -3;');
  t.same(report.broken?.seq, 2);
  t.match(report.broken?.reason ?? '', /does not chain/);
});

t.test('verify finds a log cut short after the last verification (the anchored row is gone)', async (t) => {
  const report = await tampered(t, 'DELETE FROM audit_events WHERE seq >= 4');
  t.same(report.broken, { seq: 5, reason: 'the log no longer holds the event anchored at the last verification (cut short or rewritten)' });
});

t.test('verify finds a log rewritten from the start with every hash recomputed', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  for (let i = 0; i < 3; i += 1) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: `Contact ${i}` } });
  t.ok(verifyTenantAudit(api.runtime, tenant.id, 'operator').ok, 'verified (and anchored) once');
  const file = new Database(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  file.exec('DROP TRIGGER audit_events_no_update');
  // The attacker rewrites row 1 and re-chains everything after it: the chain itself is valid again.
  let previous = '0'.repeat(64);
  for (const row of file.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditRow[]) {
    const forged = { ...row, actor_id: row.seq === 1 ? 'us_innocent' : row.actor_id, prev_hash: previous };
    const hash = hashAuditRow(forged);
    file.prepare('UPDATE audit_events SET actor_id = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(forged.actor_id, previous, hash, row.seq);
    previous = hash;
  }
  file.close();
  const report = verifyTenantAudit(api.runtime, tenant.id, 'operator');
  t.same(report.broken, { seq: 3, reason: 'the log no longer holds the event anchored at the last verification (cut short or rewritten)' });
});

t.test('spinney audit verify reports each log and exits 1 on a break', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: 'Dana' } });
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, SPINNEY_TOKEN_SIGNING_KEY: 'x'.repeat(48) };
  const ok = await spinney(['audit', 'verify', '--all'], env);
  t.equal(ok.code, 0, ok.stderr);
  t.equal(ok.stdout, `platform: ok (1 events)\n${tenant.id}: ok (1 events)\n`);
  const file = new Database(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  file.exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET action = 'contact.viewed'`);
  file.close();
  const broken = await spinney(['audit', 'verify', '--tenant', tenant.id, '--json'], env);
  t.equal(broken.code, 1);
  t.match(JSON.parse(broken.stdout), [{ log: tenant.id, ok: false, broken: { seq: 1 } }]);
  t.equal(broken.stderr, `spinney: audit chain broken in ${tenant.id}\n`);
  const usage = await spinney(['audit', 'verify'], env);
  t.equal(usage.stderr, 'spinney: give either --tenant ID or --all\n');
});
