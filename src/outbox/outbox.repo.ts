// SQL of the shared outbox: items and their attempt log in the tenant database (the handle is the
// scope), and the control-plane index of workspaces with outbox work.
import type { ControlDb } from '../tenants/control-db.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export type OutboxState = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';

export interface OutboxItemRow {
  id: string;
  kind: string;
  idempotency_key: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface OutboxAttemptRow {
  item_id: string;
  attempt: number;
  started_at: string;
  duration_ms: number;
  status: number | null;
  error: string | null;
}

/** False when an item of this kind with this idempotency key is already there (nothing is written). */
export function insertItem(db: TenantHandle, row: Pick<OutboxItemRow, 'id' | 'kind' | 'idempotency_key' | 'payload' | 'next_attempt_at' | 'created_at'>): boolean {
  return (
    db
      .statement(
        `INSERT INTO outbox_items (id, kind, idempotency_key, payload, state, attempts, next_attempt_at, created_at)
         VALUES (@id, @kind, @idempotency_key, @payload, 'pending', 0, @next_attempt_at, @created_at)
         ON CONFLICT (kind, idempotency_key) DO NOTHING`,
      )
      .run(row).changes === 1
  );
}

/**
 * Claims up to `limit` due items of one kind for one worker: pending ones whose time has come, and
 * 'sending' ones whose lease ran out (their worker died). Chosen and updated in one IMMEDIATE
 * transaction (the write lock is held from the start): a second worker, in this process or
 * another, finds the rows already 'sending' under a live lease and takes none of them.
 */
export function claimDueItems(db: TenantHandle, claim: { kind: string; now: string; leaseUntil: string; owner: string; limit: number }): OutboxItemRow[] {
  return db.transaction(() => {
    const ids = JSON.stringify(
      db
        .statement(
          `SELECT id FROM outbox_items WHERE kind = @kind AND ((state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until <= @now))
           ORDER BY next_attempt_at, id LIMIT @limit`,
        )
        .pluck()
        .all(claim),
    );
    // A claimed item still 'sending' lost its attempt with its worker (kill -9, power loss): the log says so, noticed now.
    db.statement(
      `INSERT OR IGNORE INTO outbox_attempts (item_id, attempt, started_at, duration_ms, status, error)
       SELECT id, attempts, @now, 0, NULL, 'lease_expired' FROM outbox_items WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'sending'`,
    ).run({ ids, now: claim.now });
    return db
      .statement(
        `UPDATE outbox_items SET state = 'sending', attempts = attempts + 1, lease_owner = @owner, lease_until = @leaseUntil
         WHERE id IN (SELECT value FROM json_each(@ids)) RETURNING *`,
      )
      .all({ ids, owner: claim.owner, leaseUntil: claim.leaseUntil }) as OutboxItemRow[];
  });
}

export type NextState = { state: 'pending'; nextAttemptAt: string } | { state: 'delivered' | 'failed'; completedAt: string };

/**
 * Records one attempt and the item's next state. Only the worker still holding the claim (its
 * owner id, same attempt number, still 'sending') may: one whose lease ran out and was overtaken
 * changes nothing and gets false.
 */
export function finishAttempt(db: TenantHandle, owner: string, attempt: OutboxAttemptRow, next: NextState): boolean {
  return db.transaction(() => {
    const changed = db
      .statement(
        `UPDATE outbox_items SET state = @state, next_attempt_at = @nextAttemptAt, completed_at = @completedAt, last_error = @lastError,
           lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND state = 'sending' AND attempts = @attempt AND lease_owner = @owner`,
      )
      .run({
        id: attempt.item_id,
        attempt: attempt.attempt,
        owner,
        state: next.state,
        nextAttemptAt: next.state === 'pending' ? next.nextAttemptAt : null,
        completedAt: next.state === 'pending' ? null : next.completedAt,
        lastError: next.state === 'delivered' ? null : (attempt.error ?? `status ${attempt.status}`),
      }).changes;
    if (changed !== 1) return false;
    db.statement(
      `INSERT INTO outbox_attempts (item_id, attempt, started_at, duration_ms, status, error)
       VALUES (@item_id, @attempt, @started_at, @duration_ms, @status, @error)`,
    ).run(attempt);
    return true;
  });
}

/** Cancels the listed items that are not finished yet (they will never be sent); returns how many. */
export function cancelUnfinishedItems(db: TenantHandle, ids: string[], now: string): number {
  return db
    .statement(
      `UPDATE outbox_items SET state = 'cancelled', completed_at = @now, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL
       WHERE id IN (SELECT value FROM json_each(@ids)) AND state IN ('pending', 'sending')`,
    )
    .run({ ids: JSON.stringify(ids), now }).changes;
}

/** Makes a failed or cancelled item due again (one more attempt, numbered after the last); false when it is not finished that way. */
export function requeueItem(db: TenantHandle, id: string, now: string): boolean {
  return (
    db
      .statement(
        `UPDATE outbox_items SET state = 'pending', next_attempt_at = @now, completed_at = NULL, lease_owner = NULL, lease_until = NULL
         WHERE id = @id AND state IN ('failed', 'cancelled')`,
      )
      .run({ id, now }).changes === 1
  );
}

export function countUnfinishedItems(db: TenantHandle): number {
  return db.statement(`SELECT count(*) FROM outbox_items WHERE state IN ('pending', 'sending')`).pluck().get() as number;
}

export function findItem(db: TenantHandle, id: string): OutboxItemRow | undefined {
  return db.statement('SELECT * FROM outbox_items WHERE id = ?').get(id) as OutboxItemRow | undefined;
}

export function listAttemptRows(db: TenantHandle, itemId: string): OutboxAttemptRow[] {
  return db.statement('SELECT * FROM outbox_attempts WHERE item_id = ? ORDER BY attempt').all(itemId) as OutboxAttemptRow[];
}

// The control-plane index ----------------------------------------------------------------------

/** Puts the workspace in the index (or refreshes its mark). */
export function markOutboxTenant(control: ControlDb, tenantId: string, now: string): void {
  control.statement('INSERT INTO outbox_tenants (tenant_id, marked_at) VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET marked_at = excluded.marked_at').run(tenantId, now);
}

/** Removes the workspace unless it was marked after `markedBefore` (work may be on its way). */
export function unmarkOutboxTenant(control: ControlDb, tenantId: string, markedBefore: string): boolean {
  return control.statement('DELETE FROM outbox_tenants WHERE tenant_id = ? AND marked_at < ?').run(tenantId, markedBefore).changes === 1;
}

/** Active workspaces in the index, the only ones a worker pass opens. */
export function listOutboxTenants(control: ControlDb): string[] {
  return control
    .statement(
      `SELECT o.tenant_id FROM outbox_tenants o JOIN tenants t ON t.id = o.tenant_id
       WHERE t.status = 'active' ORDER BY o.tenant_id`,
    )
    .pluck()
    .all() as string[];
}
