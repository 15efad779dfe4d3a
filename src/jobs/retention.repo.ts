// SQL of the retention jobs. Which tables a job deletes from, and which rows, is each table's data
// policy (src/data-policy/tables.ts); this runs it. Times are ISO strings from isoAt(), so they
// compare as text.
import type { ControlDb } from '../tenants/control-db.js';
import type { DataPolicies, Plane, RetentionPolicy } from '../data-policy/data-policy.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { isoAt } from '../time/clock.js';
import { DAY_MS } from './job.js';

type Retained = { table: string; retention: RetentionPolicy };

const condition = (retained: Retained[], table: string): { expiredWhen: string; keepDays: number } => {
  const parent = retained.find((r) => r.table === table)?.retention;
  if (!parent || !('expiredWhen' in parent)) throw new Error(`${table}: rows go with it, but the same job declares no expiry for it`);
  return parent;
};

/**
 * Deletes, in one transaction, the rows past retention of every table of `plane` that the job's
 * data policies name; returns how many per policy's `countAs`. Rows that go with another table's
 * rows are deleted first, while those still exist to say which.
 */
export function deleteExpiredRows(
  db: TenantHandle | ControlDb,
  policies: DataPolicies,
  plane: Plane,
  job: string,
  nowMs: number,
  /** Tables whose age comes from a setting rather than their policy's keepDays. */
  keepDaysFromSettings: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const retained = policies.retainedBy(job).filter((r) => r.plane === plane);
  const statements = retained.map(({ table, retention }) => {
    if ('goesWith' in retention) {
      const { table: parent, via } = retention.goesWith;
      const { expiredWhen, keepDays } = condition(retained, parent);
      return { first: true, countAs: retention.countAs, keepDays, sql: `DELETE FROM "${table}" WHERE "${via}" IN (SELECT id FROM "${parent}" WHERE ${expiredWhen})` };
    }
    return { first: false, countAs: retention.countAs, keepDays: keepDaysFromSettings[table] ?? retention.keepDays, sql: `DELETE FROM "${table}" WHERE ${retention.expiredWhen}` };
  });
  statements.sort((a, b) => Number(b.first) - Number(a.first));
  return db.transaction(() => {
    const counts: Record<string, number> = {};
    for (const { countAs, keepDays, sql } of statements) counts[countAs] = db.statement(sql).run({ cutoff: isoAt(nowMs - keepDays * DAY_MS) }).changes;
    return counts;
  });
}
