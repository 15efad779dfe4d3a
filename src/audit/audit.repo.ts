// SQL for audit_events, the same in every tenant database and in control.db.
import type { SqliteStatement } from '../tenancy/sqlite.js';
import { GENESIS, hashAuditRow, type AuditRow } from './audit-chain.js';

/** What both TenantHandle and ControlDb offer. */
export interface AuditStore {
  statement(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): T;
}

/**
 * Appends one row, chained to the current last row. Runs in an IMMEDIATE transaction (a savepoint
 * when the caller already holds one, so the business change and its audit row commit together):
 * two writers can never chain off the same previous row.
 */
export function appendAuditRow(store: AuditStore, row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): AuditRow {
  return store.transaction(() => appendAuditRowInTransaction(store, row));
}

/** The same, for a caller that already runs it inside its own transaction (no savepoint of its own). */
export function appendAuditRowInTransaction(store: AuditStore, row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): AuditRow {
  const last = lastAuditRow(store);
  const chained = { ...row, seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? GENESIS };
  const complete: AuditRow = { ...chained, hash: hashAuditRow(chained) };
  store
    .statement(
      `INSERT INTO audit_events (seq, id, at, actor_type, actor_id, actor_role, action, target_type, target_id, tenant_id,
         request_id, ip, user_agent, before, after, prev_hash, hash)
       VALUES (@seq, @id, @at, @actor_type, @actor_id, @actor_role, @action, @target_type, @target_id, @tenant_id,
         @request_id, @ip, @user_agent, @before, @after, @prev_hash, @hash)`,
    )
    .run(complete);
  return complete;
}

/** The head of the chain: the last row's seq and hash, or undefined for an empty log. */
export function lastAuditRow(store: AuditStore): { seq: number; hash: string } | undefined {
  return store.statement('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
}

/** Every row in chain order, streamed (a long log is never held in memory at once). */
export function iterateAuditRows(store: AuditStore): IterableIterator<AuditRow> {
  return store.statement('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>;
}

export interface AuditFilter {
  actor: string | null;
  /** An exact action, or a prefix when it ends with a dot. */
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  from: string | null;
  to: string | null;
}

const FILTER_SQL = `(@actor IS NULL OR actor_id = @actor)
  AND (@action IS NULL OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action) OR action = @action)
  AND (@targetType IS NULL OR target_type = @targetType)
  AND (@targetId IS NULL OR target_id = @targetId)
  AND (@from IS NULL OR at >= @from)
  AND (@to IS NULL OR at < @to)`;

/** Newest first, `limit` rows with seq below `beforeSeq`. */
export function findAuditRowsNewestFirst(store: AuditStore, filter: AuditFilter, beforeSeq: number | null, limit: number): AuditRow[] {
  return store
    .statement(`SELECT * FROM audit_events WHERE (@beforeSeq IS NULL OR seq < @beforeSeq) AND ${FILTER_SQL} ORDER BY seq DESC LIMIT @limit`)
    .all({ ...filter, beforeSeq, limit }) as AuditRow[];
}

/** Oldest first (chain order), `limit` rows with seq above `afterSeq`. */
export function findAuditRowsInOrder(store: AuditStore, filter: AuditFilter, afterSeq: number, limit: number): AuditRow[] {
  return store
    .statement(`SELECT * FROM audit_events WHERE seq > @afterSeq AND ${FILTER_SQL} ORDER BY seq LIMIT @limit`)
    .all({ ...filter, afterSeq, limit }) as AuditRow[];
}

/** The hash of the row at `seq`, or undefined when the log holds no such row. */
export function auditRowHash(store: AuditStore, seq: number): { hash: string } | undefined {
  return store.statement('SELECT hash FROM audit_events WHERE seq = ?').get(seq) as { hash: string } | undefined;
}

/** Every distinct `after.target` of the platform log's `backup.completed` events: the targets backup runs were written to. */
export function recordedBackupTargets(store: AuditStore): string[] {
  return store.statement(`SELECT DISTINCT json_extract(after, '$.target') FROM audit_events WHERE action = 'backup.completed' AND json_extract(after, '$.target') IS NOT NULL`).pluck().all() as string[];
}

/** The `after` JSON of the newest platform event of an action about one tenant. */
export function lastPlatformEventAfter(store: AuditStore, action: string, tenantId: string): string | undefined {
  const row = store.statement('SELECT after FROM audit_events WHERE action = ? AND tenant_id = ? ORDER BY seq DESC LIMIT 1').get(action, tenantId) as { after: string } | undefined;
  return row?.after;
}
