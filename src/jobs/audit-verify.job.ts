// audit-verify (daily, 03:00 UTC): recomputes the platform audit chain and every workspace's
// (which also anchors each verified head, see verifyTenantAudit), so tampering is found within a
// day even when nobody runs `spinney audit verify`. A break fails the run, is logged as an error
// naming the log and the first broken row, and is recorded in the platform log as
// `audit.chain_broken`; a run that finds everything intact records nothing beyond its job_runs row.
import { jobActor, recordPlatformEvent, verifyPlatformAudit, verifyTenantAudit } from '../audit/audit.service.js';
import type { ChainReport } from '../audit/audit-chain.js';
import type { Job, JobContext } from './job.js';
import type { Runtime } from '../runtime.js';

function reportBreak(runtime: Runtime, context: JobContext, log: string, tenantId: string | null, report: ChainReport): void {
  const broken = report.broken as NonNullable<ChainReport['broken']>;
  context.log.error({ log, seq: broken.seq, reason: broken.reason }, 'audit chain broken');
  recordPlatformEvent(runtime, 'audit.chain_broken', tenantId, { after: { log, seq: broken.seq, reason: broken.reason } }, jobActor(context.trigger));
  context.fail(`${log} audit log broken at event ${broken.seq}: ${broken.reason}`);
}

export const auditVerifyJob: Job = {
  name: 'audit-verify',
  schedule: '0 3 * * *',
  description: 'verify the platform audit chain and every workspace audit chain; a break fails the run and is recorded as audit.chain_broken',
  async run(runtime, context) {
    const counts = { logs: 0, events: 0, broken: 0 };
    const check = (log: string, tenantId: string | null, report: ChainReport): void => {
      counts.logs += 1;
      counts.events += report.rows;
      if (report.ok) return;
      counts.broken += 1;
      reportBreak(runtime, context, log, tenantId, report);
    };
    check('platform', null, verifyPlatformAudit(runtime));
    await context.forEachTenant((tenantId) => check(tenantId, tenantId, verifyTenantAudit(runtime, tenantId, jobActor(context.trigger))));
    return counts;
  },
};
