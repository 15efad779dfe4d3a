// mailbox-poll (every 5 minutes): imports new mail in every workspace with a connected mailbox.
// A mailbox that fails is recorded on the mailbox (its sync health) and counted; it never stops
// the others, and the run itself stays ok (the mailbox screen shows the failure to its admins).
import { JOB_SCOPE, type Job } from '../jobs/job.js';
import { tenantDb } from '../tenancy/context.js';
import { findMailbox } from './mailbox.repo.js';
import { syncMailbox } from './mailbox.service.js';

export const mailboxPollJob: Job = {
  name: 'mailbox-poll',
  schedule: '*/5 * * * *',
  description: 'import new mail from each connected mailbox (read-only) and file replies into contacts\' threads',
  async run(runtime, context) {
    const withMailbox: string[] = [];
    await context.forEachTenant((tenantId) => {
      if (runtime.tenancy.run(tenantId, JOB_SCOPE, () => findMailbox(tenantDb()) !== undefined)) withMailbox.push(tenantId);
    });
    const counts = { mailboxes: withMailbox.length, imported: 0, mailboxesFailing: 0 };
    for (const tenantId of withMailbox) {
      const outcome = await runtime.tenancy.run(tenantId, JOB_SCOPE, () => syncMailbox(runtime)).catch((err: unknown) => {
        context.log.error({ err, tenantId }, 'mailbox sync failed');
        return null;
      });
      if (!outcome || outcome.error !== null) counts.mailboxesFailing += 1;
      else counts.imported += outcome.imported;
    }
    return counts;
  },
};
