// SQL for webhooks: the tenant tables (endpoints, receipts, subscriptions, the outbox and its
// attempt log) take the tenant handle explicitly; the control-plane mapping takes control.db.
import type { ControlDb } from '../control/control-db.js';
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export type Provider = 'generic' | 'stripe';
export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';

interface Attributed {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface EndpointRow extends Attributed {
  id: string;
  provider: Provider;
  description: string | null;
}

export interface SubscriptionRow extends Attributed {
  id: string;
  url: string;
  /** A JSON array of event types. */
  event_types: string;
  description: string | null;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  started_at: string;
  duration_ms: number;
  status: number | null;
  error: string | null;
}

// Inbound endpoints -------------------------------------------------------------------------

export function insertEndpoint(db: TenantHandle, row: EndpointRow): void {
  db.statement(
    `INSERT INTO webhook_endpoints (id, provider, description, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @provider, @description, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function findEndpoint(db: TenantHandle, id: string): EndpointRow | undefined {
  return db.statement('SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
}

export function listEndpointRows(db: TenantHandle): EndpointRow[] {
  return db.statement('SELECT * FROM webhook_endpoints ORDER BY created_at, id').all() as EndpointRow[];
}

export function deleteEndpointRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM webhook_endpoints WHERE id = ?').run(id).changes === 1;
}

/** Records an accepted delivery; false when (endpoint, delivery id) was seen before: a replay. */
export function insertReceipt(db: TenantHandle, row: { id: string; endpoint_id: string; delivery_id: string; received_at: string; payload: string }): boolean {
  return (
    db
      .statement(
        `INSERT INTO webhook_receipts (id, endpoint_id, delivery_id, received_at, payload)
         VALUES (@id, @endpoint_id, @delivery_id, @received_at, @payload)
         ON CONFLICT (endpoint_id, delivery_id) DO NOTHING`,
      )
      .run(row).changes === 1
  );
}

// The control-plane mapping ------------------------------------------------------------------

export function insertEndpointMapping(control: ControlDb, row: { id: string; tenant_id: string; provider: Provider; created_at: string }): void {
  control.statement('INSERT INTO webhook_endpoints (id, tenant_id, provider, created_at) VALUES (@id, @tenant_id, @provider, @created_at)').run(row);
}

export function findEndpointMapping(control: ControlDb, id: string): { tenant_id: string; provider: Provider } | undefined {
  return control.statement('SELECT tenant_id, provider FROM webhook_endpoints WHERE id = ?').get(id) as { tenant_id: string; provider: Provider } | undefined;
}

/** Deletes the mapping only if it belongs to this tenant. */
export function deleteEndpointMapping(control: ControlDb, id: string, tenantId: string): void {
  control.statement('DELETE FROM webhook_endpoints WHERE id = ? AND tenant_id = ?').run(id, tenantId);
}

export function markSendingTenant(control: ControlDb, tenantId: string, sending: boolean): void {
  if (sending) control.statement('INSERT OR IGNORE INTO webhook_sending_tenants (tenant_id) VALUES (?)').run(tenantId);
  else control.statement('DELETE FROM webhook_sending_tenants WHERE tenant_id = ?').run(tenantId);
}

/** Active workspaces with outbound subscriptions, the only ones a sender run opens. */
export function listSendingTenants(control: ControlDb): string[] {
  return control
    .statement(
      `SELECT s.tenant_id FROM webhook_sending_tenants s JOIN tenants t ON t.id = s.tenant_id
       WHERE t.status = 'active' ORDER BY s.tenant_id`,
    )
    .pluck()
    .all() as string[];
}

// Outbound subscriptions ----------------------------------------------------------------------

export function insertSubscription(db: TenantHandle, row: SubscriptionRow): void {
  db.statement(
    `INSERT INTO webhook_subscriptions (id, url, event_types, description, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @url, @event_types, @description, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function findSubscription(db: TenantHandle, id: string): SubscriptionRow | undefined {
  return db.statement('SELECT * FROM webhook_subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
}

export function listSubscriptionRows(db: TenantHandle): SubscriptionRow[] {
  return db.statement('SELECT * FROM webhook_subscriptions ORDER BY created_at, id').all() as SubscriptionRow[];
}

export function countSubscriptions(db: TenantHandle): number {
  return db.statement('SELECT count(*) FROM webhook_subscriptions').pluck().get() as number;
}

export function deleteSubscriptionRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM webhook_subscriptions WHERE id = ?').run(id).changes === 1;
}

/** The ids of subscriptions that asked for this event type. */
export function subscriptionsFor(db: TenantHandle, eventType: string): string[] {
  return db
    .statement('SELECT s.id FROM webhook_subscriptions s WHERE EXISTS (SELECT 1 FROM json_each(s.event_types) e WHERE e.value = ?) ORDER BY s.id')
    .pluck()
    .all(eventType) as string[];
}

// The outbox ----------------------------------------------------------------------------------

export function insertDelivery(db: TenantHandle, row: Omit<DeliveryRow, 'lease_until' | 'completed_at' | 'attempts' | 'state'>): void {
  db.statement(
    `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, state, attempts, next_attempt_at, created_at)
     VALUES (@id, @subscription_id, @event_id, @event_type, @payload, 'pending', 0, @next_attempt_at, @created_at)`,
  ).run(row);
}

/**
 * Claims up to `limit` due deliveries for one sender: pending ones whose time has come, and
 * 'sending' ones whose lease ran out (their sender died). One UPDATE whose WHERE repeats the
 * condition, in the handle's write transaction: a second sender, in this process or another,
 * finds the rows already 'sending' and takes none of them.
 */
export function claimDueDeliveries(db: TenantHandle, now: string, leaseUntil: string, limit: number): DeliveryRow[] {
  const due = `((state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until <= @now))`;
  return db.transaction(
    () =>
      db
        .statement(
          `UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1, lease_until = @leaseUntil
           WHERE id IN (SELECT id FROM webhook_deliveries WHERE ${due} ORDER BY next_attempt_at, id LIMIT @limit) AND ${due}
           RETURNING *`,
        )
        .all({ now, leaseUntil, limit }) as DeliveryRow[],
  );
}

/**
 * Records one attempt and the delivery's next state. Only the sender still holding the claim
 * (same attempt number, still 'sending') may: a sender whose lease ran out and was overtaken
 * changes nothing.
 */
export function finishAttempt(
  db: TenantHandle,
  attempt: AttemptRow,
  next: { state: 'pending'; nextAttemptAt: string } | { state: 'delivered' | 'failed'; completedAt: string },
): boolean {
  return db.transaction(() => {
    const changed = db
      .statement(
        `UPDATE webhook_deliveries SET state = @state, next_attempt_at = @nextAttemptAt, completed_at = @completedAt, lease_until = NULL
         WHERE id = @id AND state = 'sending' AND attempts = @attempt`,
      )
      .run({
        id: attempt.delivery_id,
        attempt: attempt.attempt,
        state: next.state,
        nextAttemptAt: next.state === 'pending' ? next.nextAttemptAt : null,
        completedAt: next.state === 'pending' ? null : next.completedAt,
      }).changes;
    if (changed !== 1) return false;
    db.statement(
      `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, started_at, duration_ms, status, error)
       VALUES (@delivery_id, @attempt, @started_at, @duration_ms, @status, @error)`,
    ).run(attempt);
    return true;
  });
}

/** A deleted subscription's undelivered events are never sent. */
export function cancelPendingDeliveries(db: TenantHandle, subscriptionId: string, now: string): void {
  db.statement(
    `UPDATE webhook_deliveries SET state = 'cancelled', completed_at = @now, next_attempt_at = NULL, lease_until = NULL
     WHERE subscription_id = @subscriptionId AND state IN ('pending', 'sending')`,
  ).run({ subscriptionId, now });
}

/** A page of one subscription's deliveries, newest first, with their attempts. */
export function listDeliveryRows(db: TenantHandle, subscriptionId: string, before: Position | null, limit: number): (DeliveryRow & { attemptRows: AttemptRow[] })[] {
  const rows = db
    .statement(
      `SELECT * FROM webhook_deliveries
       WHERE subscription_id = @subscriptionId AND (@beforeAt IS NULL OR (created_at, id) < (@beforeAt, @beforeId))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ subscriptionId, beforeAt: before?.createdAt ?? null, beforeId: before?.id ?? null, limit }) as DeliveryRow[];
  const attempts = db.statement('SELECT * FROM webhook_delivery_attempts WHERE delivery_id = ? ORDER BY attempt');
  return rows.map((row) => ({ ...row, attemptRows: attempts.all(row.id) as AttemptRow[] }));
}
