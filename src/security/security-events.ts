// Anonymous refusals — a sign-in that failed before anyone was known, a request over a rate
// limit — are counted per client (IPv4 address or IPv6 /64), kind, reason and hour in
// control.db's security_events, not appended one by one to the platform audit chain, which keeps
// only what an authenticated person or an operator did. A flood from one address therefore adds
// one row an hour, not one per request; rows go after SPINNEY_SECURITY_EVENTS_RETENTION_DAYS
// (the control-purge job). `spinney security events` reports them.
import type { Runtime } from '../runtime.js';
import { rateLimitKey } from '../signin/client-key.js';
import { isoAt } from '../time/clock.js';
import { countSecurityEvent, listSecurityEventCounts, type SecurityEventCount, type SecurityEventKind } from './security-events.repo.js';

const HOUR_MS = 3_600_000;

export function recordSecurityEvent(runtime: Pick<Runtime, 'control' | 'clock'>, kind: SecurityEventKind, reason: string, ip: string | null): void {
  const now = runtime.clock.now();
  countSecurityEvent(runtime.control, { clientKey: ip ? rateLimitKey(ip) : 'unknown', kind, reason, windowStart: isoAt(now - (now % HOUR_MS)), at: isoAt(now) });
}

/** The counts of the last `hours` hours (whole windows that overlap them), optionally of one kind. */
export function securityEventsSince(runtime: Pick<Runtime, 'control' | 'clock'>, hours: number, kind: SecurityEventKind | null = null): SecurityEventCount[] {
  return listSecurityEventCounts(runtime.control, isoAt(runtime.clock.now() - hours * HOUR_MS), kind);
}
