// webhooks-purge (daily): in every workspace, inbound receipts older than the receipt retention
// and finished outbound deliveries (delivered, failed, cancelled) older than the delivery
// retention, with their attempt logs. Pending and in-flight deliveries are never touched.
// Which rows go is the data policy of each table (src/data-policy/tables.ts).
import { DATA_POLICIES } from '../data-policy/tables.js';
import { tenantDb } from '../tenancy/context.js';
import { JOB_SCOPE, type Job } from './job.js';
import { deleteExpiredRows } from './retention.repo.js';
import { addCounts, zeroCounts } from './retention.js';

/**
 * Receipts are the replay store: a delivery id must be remembered for at least as long as its
 * signed timestamp is accepted (TOLERANCE_SECONDS in src/webhooks/signatures.ts, either way), or
 * a captured delivery could be sent again after its receipt is gone (a test holds this). 30 days
 * is far beyond that and lets an admin trace recent inbound events.
 */
const JOB = 'webhooks-purge';

export const WEBHOOK_RECEIPT_RETENTION_DAYS = DATA_POLICIES.keepDays('tenant', 'webhook_receipts');
/** The delivery log admins read. */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = DATA_POLICIES.keepDays('tenant', 'outbox_items');

export const webhooksPurgeJob: Job = {
  name: JOB,
  schedule: '30 2 * * *',
  description: `delete inbound webhook receipts older than ${WEBHOOK_RECEIPT_RETENTION_DAYS} days and finished outbound deliveries older than ${WEBHOOK_DELIVERY_RETENTION_DAYS} days`,
  async run(runtime, context) {
    const now = runtime.clock.now();
    const counts = zeroCounts(DATA_POLICIES, 'tenant', JOB);
    await context.forEachTenant((tenantId) => {
      addCounts(counts, runtime.tenancy.run(tenantId, JOB_SCOPE, () => deleteExpiredRows(tenantDb(), DATA_POLICIES, 'tenant', JOB, now)));
    });
    return counts;
  },
};
