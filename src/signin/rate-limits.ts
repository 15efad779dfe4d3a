// Per-client rate limits (@fastify/rate-limit), keyed by IPv4 address or IPv6 /64 (client-key.ts): each sign-in route (sign-in, callback, nonce,
// exchange, refresh) has a tight budget of its own, every other route a wider one. Counters live in this
// process; under PM2 cluster nginx's limit_req is the limit that holds across processes.
// A refusal is a 429 in the usual error shape with Retry-After, counted in security_events per
// client, limit and hour (src/security/), and logged once per client and window (so a flood
// floods neither the log nor the audit chain).
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { LRUCache } from 'lru-cache';
import { recordSecurityEvent } from '../security/security-events.js';
import { AppError } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { rateLimitKey } from './client-key.js';

const WINDOW_MS = 60_000;

export function rateLimitOptions(runtime: Runtime): RateLimitPluginOptions {
  const { rateLimits } = runtime.config;
  const reported = new LRUCache<string, true>({ max: 10_000, ttl: WINDOW_MS });
  return {
    global: rateLimits.global > 0,
    max: rateLimits.global || Number.MAX_SAFE_INTEGER,
    timeWindow: WINDOW_MS,
    hook: 'onRequest',
    keyGenerator: (request) => rateLimitKey(request.ip),
    errorResponseBuilder: (_request, context) => new AppError(429, 'rate_limited', `too many requests; retry in ${context.after}`),
    onExceeded: (request, key) => {
      const group = (request.routeOptions.config as { rateLimit?: { groupId?: string } }).rateLimit?.groupId ?? 'global';
      recordSecurityEvent(runtime, 'rate_limited', group, request.ip);
      const id = `${group}:${key}`;
      if (reported.has(id)) return;
      reported.set(id, true);
      request.log.warn({ group }, 'rate limit exceeded');
    },
  };
}

/** The route config of a customer's estimate link: the sign-in budget, counted on its own. */
export function estimateLinkRateLimit(runtime: Runtime): { max: number; timeWindow: number; groupId: string } | false {
  const max = runtime.config.rateLimits.signIn;
  return max > 0 ? { max, timeWindow: WINDOW_MS, groupId: 'estimate-link' } : false;
}

/** The route config of every sign-in route (the group id names them in the audit log). */
export function signInRateLimit(runtime: Runtime): { max: number; timeWindow: number; groupId: string } | false {
  const max = runtime.config.rateLimits.signIn;
  return max > 0 ? { max, timeWindow: WINDOW_MS, groupId: 'sign-in' } : false;
}
