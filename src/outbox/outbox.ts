// Putting work in the outbox and deciding when to try again. enqueue() writes in the caller's
// transaction (the change and its outbox item commit or roll back together); the worker
// (worker.ts) claims, sends through the kind's handler, and records each attempt.
import type { ControlDb } from '../tenants/control-db.js';
import { currentScope, tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { cancelUnfinishedItems, insertItem, markOutboxTenant, requeueItem } from './outbox.repo.js';

export interface NewOutboxItem {
  /** The producer's own id for the item (its prefix says what it is: `wd_…` a webhook delivery). */
  id: string;
  /** Which handler sends it. */
  kind: string;
  /** Stored as JSON once: every attempt sends the same bytes. */
  payload: unknown;
  /** What the receiver may deduplicate on, the same on every attempt; unique per kind. Defaults to the id. */
  idempotencyKey?: string;
  /** Not before this time (ISO); due at once when absent. */
  dueAt?: string;
}

/**
 * Queues one item in the current workspace, inside the caller's transaction. The workspace must be
 * in the pending-work index for a worker to visit it: call markPendingWork() before (or make the
 * producer a handler's standing source, as webhook subscriptions are). Returns false, writing
 * nothing, when an item of the kind with the same idempotency key is already queued or sent.
 */
export function enqueue(item: NewOutboxItem): boolean {
  const now = isoAt(currentScope().clock.now());
  return insertItem(tenantDb(), {
    id: item.id,
    kind: item.kind,
    idempotency_key: item.idempotencyKey ?? item.id,
    payload: JSON.stringify(item.payload),
    next_attempt_at: item.dueAt ?? now,
    created_at: now,
  });
}

/** Puts the workspace in the index workers walk (control.db, committed at once; harmless if the work never comes). */
export function markPendingWork(control: ControlDb, tenantId: string, nowMs: number): void {
  markOutboxTenant(control, tenantId, isoAt(nowMs));
}

/** Up to a quarter more than the nominal delay, so items that failed together are not retried together. */
export const JITTER = 0.25;

/**
 * When attempt number `attempt` (1-based) failed at `failedAtMs`, the time of the next one, or null
 * when the schedule is used up (the item has failed). `random` is 0 ≤ x < 1.
 */
export function nextAttemptAt(retryDelaysMs: readonly number[], attempt: number, failedAtMs: number, random: () => number): string | null {
  const delay = retryDelaysMs[attempt - 1];
  if (delay === undefined) return null;
  return isoAt(failedAtMs + Math.round(delay * (1 + JITTER * random())));
}

/** Cancels the listed items of the current workspace that are not finished: they will never be sent. */
export function cancelUnfinished(ids: string[]): number {
  return cancelUnfinishedItems(tenantDb(), ids, isoAt(currentScope().clock.now()));
}

/**
 * Tries a failed or cancelled item of the current workspace once more, now (a person's "resend"): the
 * attempt is numbered after the last, and past the kind's schedule it is the only one. False when the
 * item is not failed or cancelled. The caller marks the workspace as having pending work.
 */
export function retryFinished(id: string): boolean {
  return requeueItem(tenantDb(), id, isoAt(currentScope().clock.now()));
}
