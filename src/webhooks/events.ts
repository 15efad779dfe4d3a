// Outbound events enter the outbox here. queueWebhookDeliveries listens to every tenant audit
// event (wired once, in src/background.ts; src/audit/audit.service.ts calls it inside the
// transaction that records the event, which is the transaction of the change itself): an event of
// a type some subscription asked for becomes one outbox item per subscription, committed or rolled
// back with the change. The workspace is already in the outbox's index: it has a subscription.
import type { AuditRow } from '../audit/audit-chain.js';
import { newId } from '../http/ids.js';
import { enqueue } from '../outbox/outbox.js';
import { tenantDb } from '../tenancy/context.js';
import { WEBHOOK_KIND } from './delivery.handler.js';
import { insertDelivery, subscriptionsFor } from './webhooks.repo.js';

/**
 * The events a subscription can ask for. Only these are ever sent: their audit rows hold the
 * record's ordinary fields (never secrets, tokens, emails of invitees, or the sealed contact
 * fields, which have their own admin-only events that are not on this list).
 */
export const WEBHOOK_EVENT_TYPES = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.archived',
  'member.removed',
  'invitation.revoked',
  'lead.created',
  'lead.stage_changed',
  'lead.won',
  'lead.lost',
  'estimate.sent',
  'estimate.viewed',
  'estimate.accepted',
  'estimate.declined',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const SENDABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/** What a receiver gets: the event as the audit log recorded it, minus who did it and from where. */
export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  tenantId: string;
  target: { type: string; id: string } | null;
  data: { before: unknown; after: unknown };
}

const parsed = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

export function queueWebhookDeliveries(event: AuditRow): void {
  if (!SENDABLE.has(event.action)) return;
  const db = tenantDb();
  const subscriptions = subscriptionsFor(db, event.action);
  if (subscriptions.length === 0) return;
  const payload: WebhookEvent = {
    id: event.id,
    type: event.action,
    occurredAt: event.at,
    tenantId: event.tenant_id as string,
    target: event.target_type && event.target_id ? { type: event.target_type, id: event.target_id } : null,
    data: { before: parsed(event.before), after: parsed(event.after) },
  };
  for (const subscriptionId of subscriptions) {
    const id = newId('webhookDelivery');
    // The delivery id is the idempotency key: receivers see it as Spinney-Webhook-Id on every attempt.
    enqueue({ id, kind: WEBHOOK_KIND, payload });
    insertDelivery(db, { id, subscription_id: subscriptionId, event_id: event.id, event_type: event.action, created_at: event.at });
  }
}
