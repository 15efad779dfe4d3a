// The one outbox worker. A pass walks the workspaces in the pending-work index, claims each kind's
// due items under a lease, runs their handlers with that kind's concurrency and timeout, and
// records every attempt: delivered, retried after the kind's backoff with jitter, or failed after
// the last one. Several workers (PM2 siblings, a CLI pass) may run at once: claims keep each item
// with one of them, and a worker that died mid-send leaves an item that is retried when its lease
// runs out, under the same idempotency key.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { isoAt } from '../time/clock.js';
import { nextAttemptAt } from './outbox.js';
import { claimDueItems, countUnfinishedItems, finishAttempt, listOutboxTenants, unmarkOutboxTenant, type NextState, type OutboxItemRow } from './outbox.repo.js';

/** What one attempt came to. A handler never throws for a failed send: it says so here. */
export interface AttemptOutcome {
  delivered: boolean;
  /** No point trying again (the subscription is gone, the address is invalid): failed at once. */
  giveUp?: boolean;
  /** The other side's answer (HTTP status, SMTP code), or null when there was none. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** How one kind of item is sent. Registered once, in src/background.ts. */
export interface OutboxHandler<Prepared = unknown> {
  readonly kind: string;
  /** Waits before the 2nd, 3rd, … attempt; after the last one fails the item is marked failed. */
  readonly retryDelaysMs: readonly number[];
  /** Items of this kind in flight at once (per worker). */
  readonly concurrency: number;
  /** Items of this kind claimed per workspace and pass. */
  readonly batch: number;
  /** An attempt gives up after this; the lease outlives it by a margin (LEASE_MARGIN_MS). */
  readonly timeoutMs: number;
  /** Runs in the item's workspace, synchronously, right after the claim: reads what the send needs (a URL, a secret). */
  load(item: OutboxItemRow, runtime: Runtime): Prepared;
  /** The attempt, outside any workspace scope. Sends item.idempotency_key with it. */
  send(item: OutboxItemRow, prepared: Prepared, runtime: Runtime): Promise<AttemptOutcome>;
  /** True while the workspace may enqueue items of this kind at any moment (webhooks: it has a subscription): keeps it in the index. */
  hasStandingSource?(db: TenantHandle): boolean;
}

/** A claim outlives the longest attempt by this much; after that another worker may take the item over. */
export const LEASE_MARGIN_MS = 50_000;
/** A workspace's mark is removed only when older than this, so work being committed right now is never stranded. */
const MARK_GRACE_MS = 60_000;

export interface PassOptions {
  /** 0 ≤ x < 1, for the jitter. */
  random?: () => number;
  log?: Pick<Logger, 'warn' | 'error'>;
  /** The lease owner this pass claims as (a worker keeps one for its life). */
  owner?: string;
}

export interface PassSummary {
  tenants: number;
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** Workspaces that could not be processed (logged); the others were. */
  errors: number;
}

interface Claimed {
  tenantId: string;
  handler: OutboxHandler;
  item: OutboxItemRow;
  prepared: unknown;
}

/** A lease owner id: which host and process claimed an item, and which worker in it. */
export const newWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

const SYSTEM = { actor: null, requestId: null };

/** One pass over every workspace with outbox work. A failing workspace is logged and skipped; the others go on. */
export async function runOutboxPass(runtime: Runtime, handlers: readonly OutboxHandler[], options: PassOptions = {}): Promise<PassSummary> {
  const { random = Math.random, log, owner = newWorkerId() } = options;
  const summary: PassSummary = { tenants: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0, errors: 0 };
  const failedTenants = new Set<string>();
  const tenantFailed = (tenantId: string, err: unknown): void => {
    if (!failedTenants.has(tenantId)) summary.errors += 1;
    failedTenants.add(tenantId);
    log?.error({ err, tenantId }, 'outbox pass failed for a workspace');
  };

  const claimed: Claimed[] = [];
  for (const tenantId of listOutboxTenants(runtime.control)) {
    summary.tenants += 1;
    try {
      const now = runtime.clock.now();
      runtime.tenancy.run(tenantId, SYSTEM, () => {
        const db = tenantDb();
        for (const handler of handlers) {
          const claim = { kind: handler.kind, now: isoAt(now), leaseUntil: isoAt(now + handler.timeoutMs + LEASE_MARGIN_MS), owner, limit: handler.batch };
          for (const item of claimDueItems(db, claim)) claimed.push({ tenantId, handler, item, prepared: handler.load(item, runtime) });
        }
        if (countUnfinishedItems(db) === 0 && !handlers.some((h) => h.hasStandingSource?.(db))) unmarkOutboxTenant(runtime.control, tenantId, isoAt(now - MARK_GRACE_MS));
      });
    } catch (err) {
      tenantFailed(tenantId, err);
    }
  }

  const byKind = new Map<OutboxHandler, Claimed[]>();
  for (const entry of claimed) byKind.set(entry.handler, [...(byKind.get(entry.handler) ?? []), entry]);
  await Promise.all(
    [...byKind].map(([handler, entries]) =>
      inParallel(entries, handler.concurrency, async ({ tenantId, item, prepared }) => {
        // Waiting behind other sends ate the lease: another worker may take the item at any moment, so leave it to them.
        if (runtime.clock.now() + handler.timeoutMs > Date.parse(item.lease_until as string)) return;
        summary.attempted += 1;
        const startedAt = isoAt(runtime.clock.now());
        let outcome: AttemptOutcome;
        try {
          outcome = await handler.send(item, prepared, runtime);
        } catch (err) {
          log?.error({ err, tenantId, kind: handler.kind }, 'outbox handler threw');
          outcome = { delivered: false, status: null, error: 'handler_error', durationMs: 0 };
        }
        const finishedAt = runtime.clock.now();
        const retryAt = outcome.delivered || outcome.giveUp ? null : nextAttemptAt(handler.retryDelaysMs, item.attempts, finishedAt, random);
        const next: NextState = retryAt ? { state: 'pending', nextAttemptAt: retryAt } : { state: outcome.delivered ? 'delivered' : 'failed', completedAt: isoAt(finishedAt) };
        try {
          const recorded = runtime.tenancy.run(tenantId, SYSTEM, () =>
            finishAttempt(tenantDb(), owner, { item_id: item.id, attempt: item.attempts, started_at: startedAt, duration_ms: outcome.durationMs, status: outcome.status, error: outcome.error }, next),
          );
          if (!recorded) return; // another worker took this item over after our lease ran out
          if (next.state === 'delivered') summary.delivered += 1;
          else if (next.state === 'failed') summary.failed += 1;
          else summary.retrying += 1;
        } catch (err) {
          tenantFailed(tenantId, err);
        }
      }),
    ),
  );
  return summary;
}

export interface OutboxWorker {
  /** Stops the timer and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs a pass, waits `intervalMs` after it ends, runs the next: passes never overlap, the timer
 * does not keep the process alive, an unexpected error is logged and the next pass tries again.
 * Started only by src/background.ts (the server), never by CLI commands or tests' apps.
 */
export function startOutboxWorker(runtime: Runtime, handlers: readonly OutboxHandler[], log: Pick<Logger, 'info' | 'warn' | 'error'>, intervalMs = 5_000): OutboxWorker {
  const owner = newWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = (): void => {
    running = runOutboxPass(runtime, handlers, { log, owner })
      .then((summary) => {
        if (summary.attempted > 0 || summary.errors > 0) log.info({ outbox: summary }, 'outbox pass');
      })
      .catch((err: unknown) => log.error({ err }, 'outbox pass failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
