// Sends the outbox. deliverDue() walks the workspaces that have subscriptions, claims their due
// deliveries (safe with several senders at once, see claimDueDeliveries), posts each one signed
// with its subscription's secret, and records the attempt: delivered on a 2xx, otherwise retried
// with exponential backoff and jitter, and marked failed after the last attempt. Redirects are not
// followed (a 3xx is a failed attempt). A failing workspace is logged and skipped; the others go on.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { AddressRefused, checkDeliveryUrl, guardedLookup, type AddressPolicy } from './address-policy.js';
import { secretName } from './secrets.js';
import { GENERIC_HEADERS, signGeneric } from './signatures.js';
import { claimDueDeliveries, findSubscription, finishAttempt, listSendingTenants, type DeliveryRow } from './webhooks.repo.js';

/** Waits before the 2nd, 3rd, … attempt; after the last one fails the delivery is marked failed. */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Up to a quarter more than the nominal delay, so receivers that failed together are not retried together. */
export const JITTER = 0.25;
export const REQUEST_TIMEOUT_MS = 10_000;
// A claim outlives the longest attempt by a margin; after that another sender may take it over.
const LEASE_MS = REQUEST_TIMEOUT_MS + 50_000;

export interface DeliverOptions {
  /** Deliveries claimed per workspace and run. */
  batch?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  /** 0 ≤ x < 1, for the jitter. */
  random?: () => number;
  log?: Pick<Logger, 'warn' | 'error'>;
}

export interface DeliverSummary {
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
  delivery: DeliveryRow;
  url: string | null;
  secret: string | null;
}

export interface AttemptOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST; never throws: every failure is an outcome for the log. */
export function postDelivery(target: string, body: Buffer, headers: Record<string, string>, policy: AddressPolicy, timeoutMs: number): Promise<AttemptOutcome> {
  const started = performance.now();
  const outcome = (status: number | null, error: string | null): AttemptOutcome => ({ status, error, durationMs: Math.round(performance.now() - started) });
  let url: URL;
  try {
    url = checkDeliveryUrl(target, policy);
  } catch (err) {
    return Promise.resolve(outcome(null, err instanceof AddressRefused ? `address_not_allowed: ${err.reason}` : 'invalid_url'));
  }
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': 'Spinney-Webhooks/1' },
      lookup: guardedLookup(policy),
      // A fresh connection each time: every delivery resolves and checks its addresses anew.
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('response', (res: IncomingMessage) => {
      res.resume(); // the receiver's body is not kept
      resolve(outcome(res.statusCode ?? null, null));
    });
    req.on('error', (err: Error & { code?: string; reason?: string }) => {
      if (err instanceof AddressRefused) return resolve(outcome(null, `address_not_allowed: ${err.reason}`));
      if (err.name === 'TimeoutError' || err.name === 'AbortError') return resolve(outcome(null, 'timeout'));
      resolve(outcome(null, err.code ?? 'request_failed'));
    });
    req.end(body);
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

export async function deliverDue(runtime: Runtime, options: DeliverOptions = {}): Promise<DeliverSummary> {
  const { batch = 20, concurrency = 8, timeoutMs = REQUEST_TIMEOUT_MS, random = Math.random, log } = options;
  const policy: AddressPolicy = { production: runtime.config.env === 'production' };
  const summary: DeliverSummary = { tenants: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0, errors: 0 };
  const system = { actor: null, requestId: null };
  const failedTenants = new Set<string>();
  const tenantFailed = (tenantId: string, err: unknown): void => {
    if (!failedTenants.has(tenantId)) summary.errors += 1;
    failedTenants.add(tenantId);
    log?.error({ err, tenantId }, 'webhook delivery run failed for a workspace');
  };

  const claimed: Claimed[] = [];
  for (const tenantId of listSendingTenants(runtime.control)) {
    summary.tenants += 1;
    try {
      const now = runtime.clock.now();
      runtime.tenancy.run(tenantId, system, () => {
        for (const delivery of claimDueDeliveries(tenantDb(), isoAt(now), isoAt(now + LEASE_MS), batch)) {
          const subscription = findSubscription(tenantDb(), delivery.subscription_id);
          const secret = subscription ? (runtime.vault.getSystem(secretName(subscription.id)) ?? null) : null;
          claimed.push({ tenantId, delivery, url: subscription?.url ?? null, secret });
        }
      });
    } catch (err) {
      tenantFailed(tenantId, err);
    }
  }

  await inParallel(claimed, concurrency, async ({ tenantId, delivery, url, secret }) => {
    summary.attempted += 1;
    const startedAt = isoAt(runtime.clock.now());
    const timestamp = Math.floor(runtime.clock.now() / 1000);
    const body = Buffer.from(delivery.payload, 'utf8');
    const result =
      url === null || secret === null
        ? { status: null, error: 'subscription_deleted', durationMs: 0 }
        : await postDelivery(url, body, { [GENERIC_HEADERS.id]: delivery.id, [GENERIC_HEADERS.timestamp]: String(timestamp), [GENERIC_HEADERS.signature]: signGeneric(secret, delivery.id, timestamp, body) }, policy, timeoutMs);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const finishedAt = runtime.clock.now();
    const attempt = delivery.attempts;
    const next =
      ok || attempt >= MAX_ATTEMPTS || url === null
        ? { state: ok ? ('delivered' as const) : ('failed' as const), completedAt: isoAt(finishedAt) }
        : { state: 'pending' as const, nextAttemptAt: isoAt(finishedAt + Math.round((RETRY_DELAYS_MS[attempt - 1] as number) * (1 + JITTER * random()))) };
    try {
      const recorded = runtime.tenancy.run(tenantId, system, () =>
        finishAttempt(tenantDb(), { delivery_id: delivery.id, attempt, started_at: startedAt, duration_ms: result.durationMs, status: result.status, error: result.error }, next),
      );
      if (!recorded) return; // another sender took this delivery over after our lease ran out
      if (next.state === 'delivered') summary.delivered += 1;
      else if (next.state === 'failed') summary.failed += 1;
      else summary.retrying += 1;
    } catch (err) {
      tenantFailed(tenantId, err);
    }
  });
  return summary;
}

export interface WebhookSender {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs deliverDue every `intervalMs` in the server process (never in CLI commands). Runs never
 * overlap; the timer does not keep the process alive; an unexpected error is logged and the next
 * run tries again. Several server processes may each run one: claims keep them from double-sending.
 */
export function startWebhookSender(runtime: Runtime, log: Pick<Logger, 'info' | 'warn' | 'error'>, intervalMs = 5_000): WebhookSender {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = deliverDue(runtime, { log })
      .then((summary) => {
        if (summary.attempted > 0 || summary.errors > 0) log.info({ webhooks: summary }, 'webhook deliveries');
      })
      .catch((err: unknown) => log.error({ err }, 'webhook delivery run failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
