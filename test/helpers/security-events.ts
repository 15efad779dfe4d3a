// The counted anonymous refusals in control.db (src/security/), as tests read them.
import type { Runtime } from '../../src/runtime.js';

export interface SecurityEventRow {
  clientKey: string;
  kind: string;
  reason: string;
  count: number;
}

export const securityEvents = (runtime: Runtime): SecurityEventRow[] =>
  runtime.control.statement('SELECT client_key AS clientKey, kind, reason, sum(count) AS count FROM security_events GROUP BY client_key, kind, reason ORDER BY kind, reason, client_key').all() as SecurityEventRow[];

export const platformAuditCount = (runtime: Runtime): number => runtime.control.statement('SELECT count(*) FROM audit_events').pluck().get() as number;
