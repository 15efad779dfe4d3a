// SQL for webhooks: the tenant tables (endpoints, receipts, subscriptions, which outbox item is
// which subscription's delivery) take the tenant handle explicitly; the control-plane mapping
// takes control.db. Delivery state and attempts are the outbox's (src/outbox/outbox.repo.ts).
import type { ControlDb } from '../tenants/control-db.js';
import type { Position } from '../http/pagination.js';
import type { OutboxAttemptRow, OutboxState } from '../outbox/outbox.repo.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export type Provider = 'generic' | 'stripe';

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

/** One delivery as the log shows it: the webhook's own columns and its outbox item's state. */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  state: OutboxState;
  next_attempt_at: string | null;
  created_at: string;
  completed_at: string | null;
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

/** Deletes the mapping only if it belongs to this tenant. */
export function deleteEndpointMapping(control: ControlDb, id: string, tenantId: string): void {
  control.statement('DELETE FROM webhook_endpoints WHERE id = ? AND tenant_id = ?').run(id, tenantId);
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

// Deliveries: the webhook side of outbox items -------------------------------------------------

/** Records which subscription and event an outbox item (same id) delivers. */
export function insertDelivery(db: TenantHandle, row: { id: string; subscription_id: string; event_id: string; event_type: string; created_at: string }): void {
  db.statement(
    `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, created_at)
     VALUES (@id, @subscription_id, @event_id, @event_type, @created_at)`,
  ).run(row);
}

/** The subscription an outbox item delivers to, if it still exists. */
export function findDeliverySubscription(db: TenantHandle, deliveryId: string): SubscriptionRow | undefined {
  return db.statement('SELECT s.* FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = ?').get(deliveryId) as SubscriptionRow | undefined;
}

export function listDeliveryIds(db: TenantHandle, subscriptionId: string): string[] {
  return db.statement('SELECT id FROM webhook_deliveries WHERE subscription_id = ?').pluck().all(subscriptionId) as string[];
}

/** A page of one subscription's deliveries, newest first, with their attempts. */
export function listDeliveryRows(db: TenantHandle, subscriptionId: string, before: Position | null, limit: number): (DeliveryRow & { attemptRows: OutboxAttemptRow[] })[] {
  const rows = db
    .statement(
      `SELECT d.id, d.subscription_id, d.event_id, d.event_type, i.state, i.next_attempt_at, d.created_at, i.completed_at
       FROM webhook_deliveries d JOIN outbox_items i ON i.id = d.id
       WHERE d.subscription_id = @subscriptionId AND (@beforeAt IS NULL OR (d.created_at, d.id) < (@beforeAt, @beforeId))
       ORDER BY d.created_at DESC, d.id DESC LIMIT @limit`,
    )
    .all({ subscriptionId, beforeAt: before?.createdAt ?? null, beforeId: before?.id ?? null, limit }) as DeliveryRow[];
  const attempts = db.statement('SELECT * FROM outbox_attempts WHERE item_id = ? ORDER BY attempt');
  return rows.map((row) => ({ ...row, attemptRows: attempts.all(row.id) as OutboxAttemptRow[] }));
}
