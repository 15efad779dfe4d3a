// Outbound subscriptions: a workspace admin registers a URL and the event types it wants; each
// subscription has its own signing secret (vault, shown once). Deliveries are queued by events.ts
// into the shared outbox and sent by delivery.handler.ts; their log is listed here.
import { recordTenantEvent } from '../audit/audit.service.js';
import { badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { cancelUnfinished, markPendingWork } from '../outbox/outbox.js';
import { AddressRefused, checkSubscriberUrl } from './address-policy.js';
import { generateSecret, secretName } from './secrets.js';
import type { Delivery, DeliveryListQuery, Subscription, SubscriptionCreate, SubscriptionCreated } from './webhooks.schemas.js';
import {
  deleteSubscriptionRow,
  findSubscription,
  insertSubscription,
  listDeliveryIds,
  listDeliveryRows,
  listSubscriptionRows,
  type SubscriptionRow,
} from './webhooks.repo.js';

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  url: row.url,
  eventTypes: JSON.parse(row.event_types) as string[],
  description: row.description,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export function listSubscriptions(): Subscription[] {
  return listSubscriptionRows(tenantDb()).map(toSubscription);
}

/**
 * Checks the URL against the SSRF policy (in production: https, and a host that resolves only to
 * public addresses), then stores the subscription and its secret. The secret is in this answer
 * and never again.
 */
export async function createSubscription(runtime: Runtime, input: SubscriptionCreate): Promise<SubscriptionCreated> {
  let url: string;
  try {
    url = await checkSubscriberUrl(input.url, { production: runtime.config.env === 'production' });
  } catch (err) {
    if (err instanceof AddressRefused) throw badRequest('url_not_allowed', err.reason, 'url');
    throw err;
  }
  const secret = generateSecret();
  const now = isoAt(runtime.clock.now());
  const actor = currentActorId();
  const row: SubscriptionRow = {
    id: newId('webhookSubscription'),
    url,
    event_types: JSON.stringify(input.eventTypes),
    description: input.description ?? null,
    created_at: now,
    created_by: actor,
    updated_at: now,
    updated_by: actor,
  };
  const db = tenantDb();
  db.transaction(() => {
    insertSubscription(db, row);
    runtime.vault.putSystem(secretName(row.id), secret);
    recordTenantEvent('webhook.subscription_created', { type: 'webhook_subscription', id: row.id }, { after: { url, eventTypes: input.eventTypes } });
    // A standing source of outbox work (delivery.handler.ts hasStandingSource): workers visit this workspace from now on.
    markPendingWork(runtime.control, currentTenantId(), runtime.clock.now());
  });
  return { ...toSubscription(row), secret };
}

/** Removes the subscription and its secret and cancels what it has not yet been sent; its log stays. */
export function deleteSubscription(runtime: Runtime, id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const row = findSubscription(db, id);
    if (!row || !deleteSubscriptionRow(db, id)) throw notFound('webhook subscription');
    cancelUnfinished(listDeliveryIds(db, id));
    runtime.vault.deleteSystem(secretName(id));
    recordTenantEvent('webhook.subscription_deleted', { type: 'webhook_subscription', id }, { before: { url: row.url, eventTypes: JSON.parse(row.event_types) as unknown } });
  });
}

/** The delivery log of one subscription, newest first, every attempt with what the receiver answered. */
export function listDeliveries(subscriptionId: string, query: DeliveryListQuery): { items: Delivery[]; nextCursor: string | null } {
  const db = tenantDb();
  if (!findSubscription(db, subscriptionId)) throw notFound('webhook subscription');
  const limit = query.limit ?? 50;
  const rows = listDeliveryRows(db, subscriptionId, decodeCursor(query.cursor), limit + 1);
  return page(
    rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      state: row.state,
      nextAttemptAt: row.next_attempt_at,
      createdAt: row.created_at,
      completedAt: row.completed_at,
      attempts: row.attemptRows.map((a) => ({ attempt: a.attempt, startedAt: a.started_at, durationMs: a.duration_ms, status: a.status, error: a.error })),
    })),
    limit,
  );
}
