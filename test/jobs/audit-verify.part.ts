// The daily audit verification: intact logs make an ok run and no platform event; a log tampered
// with behind the server's back fails the run, is logged naming the log and the row, and is
// recorded in the platform log as audit.chain_broken.
import t from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyPlatformAudit } from '../../src/audit/audit.service.js';
import { auditVerifyJob } from '../../src/jobs/audit-verify.job.js';
import { runJob } from '../../src/jobs/runner.js';
import { captureLog, jobApp, jobRuns } from './helpers.js';

interface PlatformEvent {
  action: string;
  actor_type: string;
  tenant_id: string | null;
  after: string | null;
}

t.test('audit-verify finds a tampered workspace log, fails the run and records audit.chain_broken', async (t) => {
  const { api } = await jobApp(t);
  const intact = api.tenant('Intact');
  const tampered = api.tenant('Tampered');
  for (const tenant of [intact, tampered]) {
    for (let i = 0; i < 3; i += 1) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name: `Contact ${i}` } });
  }
  const platformEvents = (): PlatformEvent[] => api.runtime.control.statement('SELECT action, actor_type, tenant_id, after FROM audit_events ORDER BY seq').all() as PlatformEvent[];

  const { log, lines } = captureLog();
  const ok = await runJob(api.runtime, auditVerifyJob, { trigger: 'schedule', log });
  t.match(ok, { status: 'ok', error: null, counts: { logs: 3, events: platformEvents().length - 2 + 6, broken: 0, tenants: 2, tenantsFailed: 0 } });
  t.notOk(platformEvents().some((e) => e.action === 'audit.chain_broken'), 'an intact run records no audit.chain_broken');

  // An attacker with the file drops the trigger and rewrites who created a contact.
  const file = new Database(join(api.config.dataDir, 'tenants', tampered.id, 'tenant.db'));
  file.exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor_id = 'us_innocent' WHERE seq = 2`);
  file.close();

  const run = await runJob(api.runtime, auditVerifyJob, { trigger: 'schedule', log });
  t.match(run, { status: 'failed', counts: { logs: 3, broken: 1, tenants: 2, tenantsFailed: 0 } });
  t.equal(run.error, `${tampered.id} audit log broken at event 2: content does not match its hash (the row was edited)`);
  t.match(jobRuns(api.runtime, 'audit-verify').map((r) => r.status), ['ok', 'failed']);

  const broken = platformEvents().filter((e) => e.action === 'audit.chain_broken');
  t.equal(broken.length, 1, 'one event for the one broken log');
  t.match(broken[0], { actor_type: 'system', tenant_id: tampered.id });
  t.same(JSON.parse(broken[0]?.after ?? '{}'), { log: tampered.id, seq: 2, reason: 'content does not match its hash (the row was edited)' });
  t.ok(verifyPlatformAudit(api.runtime).ok, 'the platform chain stays intact with the new event');

  const errorLine = lines.find((l) => l.msg === 'audit chain broken');
  t.match(errorLine, { level: 50, log: tampered.id, seq: 2, runId: run.id });
  t.match(lines.filter((l) => l.runId === run.id).at(-1), { level: 50, msg: 'job finished', status: 'failed' });
});

t.test('audit-verify run from the CLI attributes a break to the operator and also checks the platform log', async (t) => {
  const { api } = await jobApp(t);
  api.tenant();
  const file = new Database(join(api.config.dataDir, 'control.db'));
  file.exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET action = 'tenant.resumed' WHERE seq = 1`);
  file.close();
  const run = await runJob(api.runtime, auditVerifyJob, { trigger: 'cli', log: captureLog().log });
  t.match(run, { status: 'failed', counts: { broken: 1 }, error: 'platform audit log broken at event 1: content does not match its hash (the row was edited)' });
  const event = api.runtime.control.statement(`SELECT actor_type, tenant_id, after FROM audit_events WHERE action = 'audit.chain_broken'`).get() as PlatformEvent;
  t.match(event, { actor_type: 'operator', tenant_id: null });
  t.same(JSON.parse(event.after ?? '{}'), { log: 'platform', seq: 1, reason: 'content does not match its hash (the row was edited)' });
});
