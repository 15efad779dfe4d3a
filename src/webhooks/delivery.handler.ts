// The outbox handler for outbound webhooks (kind 'webhook'): posts an item's payload to its
// subscription's URL, signed with the subscription's secret, with the item's idempotency key as
// Spinney-Webhook-Id (the same on every retry, so a receiver drops what it already has). A 2xx is
// delivered; anything else, including a redirect (never followed), is a failed attempt.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OutboxHandler, AttemptOutcome } from '../outbox/worker.js';
import { tenantDb } from '../tenancy/context.js';
import { AddressRefused, checkDeliveryUrl, guardedLookup, type AddressPolicy } from './address-policy.js';
import { secretName } from './secrets.js';
import { GENERIC_HEADERS, signGeneric } from './signatures.js';
import { countSubscriptions, findDeliverySubscription } from './webhooks.repo.js';

export const WEBHOOK_KIND = 'webhook';

/** Waits before the 2nd, 3rd, … attempt; after the last one fails the delivery is marked failed. */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const REQUEST_TIMEOUT_MS = 10_000;

/** One signed POST; never throws: every failure is an outcome for the log. */
export function postDelivery(target: string, body: Buffer, headers: Record<string, string>, policy: AddressPolicy, timeoutMs: number): Promise<Omit<AttemptOutcome, 'delivered'>> {
  const started = performance.now();
  const outcome = (status: number | null, error: string | null): Omit<AttemptOutcome, 'delivered'> => ({ status, error, durationMs: Math.round(performance.now() - started) });
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

interface Target {
  url: string;
  secret: string;
}

/** The webhook handler; tests shorten its timeout. */
export function webhookDeliveryHandler(options: { timeoutMs?: number; batch?: number; concurrency?: number } = {}): OutboxHandler<Target | null> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    kind: WEBHOOK_KIND,
    retryDelaysMs: RETRY_DELAYS_MS,
    concurrency: options.concurrency ?? 8,
    batch: options.batch ?? 20,
    timeoutMs,
    load(item, runtime) {
      const subscription = findDeliverySubscription(tenantDb(), item.id);
      const secret = subscription ? runtime.vault.getSystem(secretName(subscription.id)) : null;
      return subscription && secret ? { url: subscription.url, secret } : null;
    },
    async send(item, target, runtime) {
      // Deleting a subscription cancels its items; one claimed just before that has nowhere to go.
      if (target === null) return { delivered: false, giveUp: true, status: null, error: 'subscription_deleted', durationMs: 0 };
      const policy: AddressPolicy = { production: runtime.config.env === 'production' };
      const timestamp = Math.floor(runtime.clock.now() / 1000);
      const body = Buffer.from(item.payload, 'utf8');
      const headers = {
        [GENERIC_HEADERS.id]: item.idempotency_key,
        [GENERIC_HEADERS.timestamp]: String(timestamp),
        [GENERIC_HEADERS.signature]: signGeneric(target.secret, item.idempotency_key, timestamp, body),
      };
      const result = await postDelivery(target.url, body, headers, policy, timeoutMs);
      return { ...result, delivered: result.status !== null && result.status >= 200 && result.status < 300 };
    },
    hasStandingSource: (db) => countSubscriptions(db) > 0,
  };
}
