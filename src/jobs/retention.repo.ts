// SQL of the retention jobs: what each deletes, by table and column. Times are ISO strings from
// isoAt(), so they compare as text. Each function returns how many rows it deleted.
import type { ControlDb } from '../control/control-db.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

/** Sessions that ended, or passed their absolute end, before the cutoff, with their refresh-token families. */
export function deleteSessionsBefore(db: TenantHandle, cutoff: string): { sessions: number; refreshTokens: number } {
  const over = `(ended_at IS NOT NULL AND ended_at < @cutoff) OR expires_at < @cutoff`;
  return db.transaction(() => ({
    refreshTokens: db.statement(`DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE ${over})`).run({ cutoff }).changes,
    sessions: db.statement(`DELETE FROM sessions WHERE ${over}`).run({ cutoff }).changes,
  }));
}

/** Inbound receipts (the replay store) received before the cutoff. */
export function deleteWebhookReceiptsBefore(db: TenantHandle, cutoff: string): number {
  return db.statement('DELETE FROM webhook_receipts WHERE received_at < ?').run(cutoff).changes;
}

// Only finished deliveries: 'pending' and 'sending' ones are still owed to their receiver.
const FINISHED_DELIVERY = `state IN ('delivered', 'failed', 'cancelled') AND completed_at < @cutoff`;

/** Outbound deliveries that finished before the cutoff, with their attempt log. */
export function deleteFinishedDeliveriesBefore(db: TenantHandle, cutoff: string): { deliveries: number; deliveryAttempts: number } {
  return db.transaction(() => ({
    deliveryAttempts: db.statement(`DELETE FROM outbox_attempts WHERE item_id IN (SELECT id FROM outbox_items WHERE ${FINISHED_DELIVERY})`).run({ cutoff }).changes,
    deliveries: db.statement(`DELETE FROM outbox_items WHERE ${FINISHED_DELIVERY}`).run({ cutoff }).changes,
  }));
}

export interface ControlPurgeCounts {
  invitations: number;
  spentNonces: number;
  nativeHandoffs: number;
  integrationConnects: number;
  jobRuns: number;
}

/**
 * Control-plane rows that can no longer be used. Expiry follows each owner's own rule (a row is
 * dead once expires_at <= now, exactly as the code that reads it decides); pending invitations
 * only, since accepted and revoked ones are the membership's history. Finished job runs go after
 * their own, longer retention.
 */
export function deleteExpiredControlRows(control: ControlDb, now: string, jobRunsCutoff: string): ControlPurgeCounts {
  return control.transaction(() => ({
    invitations: control.statement('DELETE FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= ?').run(now).changes,
    spentNonces: control.statement('DELETE FROM spent_nonces WHERE expires_at <= ?').run(now).changes,
    nativeHandoffs: control.statement('DELETE FROM native_handoffs WHERE expires_at <= ?').run(now).changes,
    integrationConnects: control.statement('DELETE FROM integration_connects WHERE expires_at <= ?').run(now).changes,
    jobRuns: control.statement(`DELETE FROM job_runs WHERE status <> 'running' AND finished_at < ?`).run(jobRunsCutoff).changes,
  }));
}
