// Recording audit events. Tenant events take their actor, tenant and request from the tenant
// context (never from arguments), so a service cannot write an event as someone else or into
// another workspace. Platform events (operators, later platform admins) go to control.db.
import { newId } from '../http/ids.js';
import { isoAt } from '../time/clock.js';
import type { Runtime } from '../runtime.js';
import { currentScope, tenantDb } from '../tenancy/context.js';
import { verifyAuditChain, type AuditRow, type ChainReport } from './audit-chain.js';
import { appendAuditRow, appendAuditRowInTransaction, auditRowHash, iterateAuditRows, lastAuditRow, lastPlatformEventAfter } from './audit.repo.js';

export interface AuditTarget {
  type: string;
  id: string;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Appends an event to the current tenant's log, in the caller's transaction if it has one. */
export function recordTenantEvent(action: string, target: AuditTarget | null, change: { before?: unknown; after?: unknown } = {}): AuditRow {
  const scope = currentScope();
  return appendTenantEvent(scope.actor ? 'user' : scope.operator ? 'operator' : 'system', action, target, change);
}

/**
 * The same, for an action an operator took at the CLI (`spinney tenant export`): actor `operator`.
 * Refused inside a request, whose actor is the signed-in user and nobody else.
 */
export function recordOperatorTenantEvent(action: string, target: AuditTarget | null, change: { before?: unknown; after?: unknown } = {}): AuditRow {
  if (currentScope().actor) throw new Error('a signed-in user is acting here, not an operator');
  return appendTenantEvent('operator', action, target, change);
}

function appendTenantEvent(actorType: 'user' | 'system' | 'operator', action: string, target: AuditTarget | null, change: { before?: unknown; after?: unknown }): AuditRow {
  const scope = currentScope();
  const db = tenantDb();
  // One transaction (a savepoint in the caller's): the row and whatever its listeners write.
  return db.transaction(() => notifyTenantEventListeners(appendAuditRowInTransaction(db, {
    id: newId('auditEvent'),
    at: isoAt(scope.clock.now()),
    actor_type: actorType,
    actor_id: scope.actor?.userId ?? null,
    actor_role: scope.actor?.role ?? null,
    action,
    target_type: target?.type ?? null,
    target_id: target?.id ?? null,
    tenant_id: scope.tenantId,
    request_id: scope.requestId,
    ip: scope.client?.ip ?? null,
    user_agent: scope.client?.userAgent ?? null,
    before: json(change.before),
    after: json(change.after),
  })));
}

/** Sees every tenant event inside the transaction that records it (webhooks queue deliveries so). */
export type TenantEventListener = (event: AuditRow) => void;
const tenantEventListeners = new Set<TenantEventListener>();

/** Adds a listener; adding the same function again changes nothing. A listener that throws rolls the change back. */
export function onTenantEvent(listener: TenantEventListener): void {
  tenantEventListeners.add(listener);
}

function notifyTenantEventListeners(row: AuditRow): AuditRow {
  for (const listener of tenantEventListeners) listener(row);
  return row;
}

/**
 * Who a platform event names as its actor, always given by the caller (never defaulted, so no
 * event is ever put on somebody who did not act):
 *   `operator`  a person at the CLI (`spinney …`)
 *   `system`    the server acting by itself (a scheduled job); anonymous clients it refused are
 *               counted in security_events (src/security/), never chained here
 *   a user      a signed-in admin acting over the API (user id and role)
 */
export type PlatformActor = 'operator' | 'system' | { userId: string; role: string };

/** The request a platform event came from, when it came from one. */
export interface PlatformRequest {
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** Appends an event to the platform log in control.db, naming the tenant it touched. */
export function recordPlatformEvent(
  runtime: Runtime,
  action: string,
  tenantId: string | null,
  change: { before?: unknown; after?: unknown },
  actor: PlatformActor,
  request: PlatformRequest = {},
): AuditRow {
  return appendAuditRow(runtime.control, {
    id: newId('auditEvent'),
    at: isoAt(runtime.clock.now()),
    actor_type: typeof actor === 'string' ? actor : 'user',
    actor_id: typeof actor === 'string' ? null : actor.userId,
    actor_role: typeof actor === 'string' ? null : actor.role,
    action,
    target_type: tenantId ? 'tenant' : null,
    target_id: tenantId,
    tenant_id: tenantId,
    request_id: request.requestId ?? null,
    ip: request.ip ?? null,
    user_agent: request.userAgent ?? null,
    before: json(change.before),
    after: json(change.after),
  });
}

/** The platform actor of a job run: the schedule is the system, `spinney jobs run` an operator. */
export const jobActor = (trigger: 'schedule' | 'cli'): PlatformActor => (trigger === 'cli' ? 'operator' : 'system');

/**
 * Verifies a tenant's chain, then checks it against the last anchor (the head seq and hash that an
 * earlier verification recorded in the platform log): a log cut short, or rewritten with
 * recomputed hashes, still chains, but no longer contains the anchored row. On success the new
 * head is anchored, so each verification protects everything before it.
 */
export function verifyTenantAudit(runtime: Runtime, tenantId: string, actor: PlatformActor): ChainReport {
  const anchor = lastAnchor(runtime, tenantId);
  const { report, anchoredRow, head } = runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => {
    const db = tenantDb();
    const report = verifyAuditChain(iterateAuditRows(db));
    const anchoredRow = anchor ? auditRowHash(db, anchor.seq) : undefined;
    const head = lastAuditRow(db);
    return { report, anchoredRow, head };
  });
  if (!report.ok) return report;
  if (anchor && anchoredRow?.hash !== anchor.hash) {
    return { ok: false, rows: report.rows, broken: { seq: anchor.seq, reason: 'the log no longer holds the event anchored at the last verification (cut short or rewritten)' } };
  }
  if (head && (head.seq !== anchor?.seq || head.hash !== anchor.hash)) {
    recordPlatformEvent(runtime, 'audit.anchored', tenantId, { after: { seq: head.seq, hash: head.hash } }, actor);
  }
  return report;
}

interface AuditAnchor {
  seq: number;
  hash: string;
}

function lastAnchor(runtime: Runtime, tenantId: string): AuditAnchor | undefined {
  const after = lastPlatformEventAfter(runtime.control, 'audit.anchored', tenantId);
  return after ? (JSON.parse(after) as AuditAnchor) : undefined;
}

export function verifyPlatformAudit(runtime: Runtime): ChainReport {
  return verifyAuditChain(iterateAuditRows(runtime.control));
}
