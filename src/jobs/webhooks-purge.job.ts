// webhooks-purge (daily): in every workspace, inbound receipts older than the receipt retention
// and finished outbound deliveries (delivered, failed, cancelled) older than the delivery
// retention, with their attempt logs. Pending and in-flight deliveries are never touched.
import { tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { DAY_MS, JOB_SCOPE, type Job } from './job.js';
import { deleteFinishedDeliveriesBefore, deleteWebhookReceiptsBefore } from './retention.repo.js';

/**
 * Receipts are the replay store: a delivery id must be remembered for at least as long as its
 * signed timestamp is accepted (TOLERANCE_SECONDS in src/webhooks/signatures.ts, either way), or
 * a captured delivery could be sent again after its receipt is gone (a test holds this). 30 days
 * is far beyond that and lets an admin trace recent inbound events.
 */
export const WEBHOOK_RECEIPT_RETENTION_DAYS = 30;
/** The delivery log admins read. */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

export const webhooksPurgeJob: Job = {
  name: 'webhooks-purge',
  schedule: '30 2 * * *',
  description: `delete inbound webhook receipts older than ${WEBHOOK_RECEIPT_RETENTION_DAYS} days and finished outbound deliveries older than ${WEBHOOK_DELIVERY_RETENTION_DAYS} days`,
  async run(runtime, context) {
    const now = runtime.clock.now();
    const receiptsCutoff = isoAt(now - WEBHOOK_RECEIPT_RETENTION_DAYS * DAY_MS);
    const deliveriesCutoff = isoAt(now - WEBHOOK_DELIVERY_RETENTION_DAYS * DAY_MS);
    const counts = { receipts: 0, deliveries: 0, deliveryAttempts: 0 };
    await context.forEachTenant((tenantId) => {
      const deleted = runtime.tenancy.run(tenantId, JOB_SCOPE, () =>
        tenantDb().transaction(() => ({ receipts: deleteWebhookReceiptsBefore(tenantDb(), receiptsCutoff), ...deleteFinishedDeliveriesBefore(tenantDb(), deliveriesCutoff) })),
      );
      counts.receipts += deleted.receipts;
      counts.deliveries += deleted.deliveries;
      counts.deliveryAttempts += deleted.deliveryAttempts;
    });
    return counts;
  },
};
