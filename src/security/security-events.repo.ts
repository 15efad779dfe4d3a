// SQL of the security_events table in control.db: counted anonymous refusals.
import type { ControlDb } from '../tenants/control-db.js';

export type SecurityEventKind = 'sign_in_failed' | 'rate_limited';

export interface SecurityEventCount {
  clientKey: string;
  kind: SecurityEventKind;
  reason: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** Adds one to the (client, kind, reason, window) count, creating the row on the first. */
export function countSecurityEvent(control: ControlDb, event: { clientKey: string; kind: SecurityEventKind; reason: string; windowStart: string; at: string }): void {
  control
    .statement(
      `INSERT INTO security_events (client_key, kind, reason, window_start, count, first_at, last_at)
       VALUES (@clientKey, @kind, @reason, @windowStart, 1, @at, @at)
       ON CONFLICT (client_key, kind, reason, window_start) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    )
    .run(event);
}

/** Which counts to report: null matches every kind or reason. */
export interface SecurityEventFilter {
  kind: SecurityEventKind | null;
  reason: string | null;
}

/** Counts since `since` (ISO), summed across windows per client, kind and reason; the busiest first. */
export function listSecurityEventCounts(control: ControlDb, since: string, filter: SecurityEventFilter): SecurityEventCount[] {
  return control
    .statement(
      `SELECT client_key AS clientKey, kind, reason, sum(count) AS count, min(first_at) AS firstAt, max(last_at) AS lastAt
       FROM security_events WHERE window_start >= @windowFloor AND last_at >= @since AND (@kind IS NULL OR kind = @kind) AND (@reason IS NULL OR reason = @reason)
       GROUP BY client_key, kind, reason ORDER BY count DESC, lastAt DESC`,
    )
    .all({ since, windowFloor: since.slice(0, 13), ...filter }) as SecurityEventCount[];
}
