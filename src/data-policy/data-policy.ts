// One data policy per table: what export, `restore --as`, sealing, retention and purge do with it.
// The declarations live in tables.ts; test/data-policy/coverage.part.ts fails for a table of a
// freshly migrated database without one (and for a declaration naming no table), so a migration
// cannot add a table nobody decided about.
import type { Purpose } from '../vault/vault.js';

export type Plane = 'tenant' | 'control';

/** A column that is not exported as stored. Every BLOB column needs one (sealed values live there). */
export type ColumnPolicy =
  /** Not exported; `restore --as` copies it as is (nothing in it names the workspace). */
  | { kind: 'omit'; why: string }
  /** Sealed by the vault for this row: re-sealed by `restore --as`; exported opened under `exportAs`, or left out without it. */
  | { kind: 'sealed'; purpose: Purpose; recordIdColumn: string; contextColumn?: string; exportAs?: string; why: string }
  /** A data key wrapped by a root key: re-wrapped by `restore --as` (Vault.adoptCopyOf), never exported. */
  | { kind: 'wrapped-key'; why: string };

/** What `restore --as` does with the table's rows in the copy. */
export type RestoreAsPolicy =
  | { action: 'keep' }
  /** Deleted from the copy, with the vault system secrets named `<systemSecrets>:<id>:…` its rows own. */
  | { action: 'drop'; why: string; systemSecrets?: string }
  /** Kept, but rows matching `pending` (SQL over the row) are changed by `cancel` (SQL assignments) so the copy sends nothing. */
  | { action: 'cancel-pending'; why: string; pending: string; cancel: string };

/** Which retention job deletes the table's rows, and when. */
export type RetentionPolicy = { job: string; countAs: string } & (
  /** Rows for which `expiredWhen` (SQL over the row, `@cutoff` = now − keepDays) holds. */
  | { keepDays: number; expiredWhen: string }
  /** Rows whose `via` column names (by id) a row the same job deletes from `table`; deleted first. */
  | { goesWith: { table: string; via: string } }
);

export interface TenantTablePolicy {
  plane: 'tenant';
  table: string;
  holds: string;
  /** Columns exported otherwise than as stored; the rest are exported as they are. */
  columns?: Readonly<Record<string, ColumnPolicy>>;
  restoreAs: RestoreAsPolicy;
  retention?: RetentionPolicy;
}

/**
 * A derived table (an FTS5 index): its shadow tables (`<table>_data`, `_idx`, `_content`,
 * `_docsize`, `_config`) are recognised from it. Never exported, never a reason to refuse,
 * rebuilt in a `restore --as` copy.
 */
export interface DerivedTablePolicy {
  plane: 'tenant';
  table: string;
  holds: string;
  derived: 'fts5';
}

export interface ControlTablePolicy {
  plane: 'control';
  table: string;
  holds: string;
  /** For a table with a tenant_id column: are a purged workspace's rows deleted, or kept (ids only)? */
  tenantRows?: 'deleted-at-purge' | 'kept';
  retention?: RetentionPolicy;
}

export type TablePolicy = TenantTablePolicy | DerivedTablePolicy | ControlTablePolicy;

const FTS5_SHADOW_SUFFIXES = ['_data', '_idx', '_content', '_docsize', '_config'] as const;

type Classified =
  | { kind: 'table'; policy: TenantTablePolicy | ControlTablePolicy }
  | { kind: 'derived'; policy: DerivedTablePolicy }
  | { kind: 'shadow'; of: DerivedTablePolicy }
  | { kind: 'undeclared' };

export const isDerived = (policy: TablePolicy): policy is DerivedTablePolicy => 'derived' in policy;

/** A set of declarations (tables.ts's, or a test's with planted tables added) and the questions asked of it. */
export class DataPolicies {
  readonly all: readonly TablePolicy[];
  readonly #byKey: Map<string, TablePolicy>;

  constructor(policies: readonly TablePolicy[]) {
    this.all = policies;
    this.#byKey = new Map();
    for (const policy of policies) {
      const key = `${policy.plane}:${policy.table}`;
      if (this.#byKey.has(key)) throw new Error(`${policy.plane} table ${policy.table} is declared twice`);
      this.#byKey.set(key, policy);
    }
    for (const policy of policies) {
      const retention = 'retention' in policy ? policy.retention : undefined;
      if (!retention || !('goesWith' in retention)) continue;
      const parent = this.#byKey.get(`${policy.plane}:${retention.goesWith.table}`);
      const parentRetention = parent && 'retention' in parent ? parent.retention : undefined;
      if (parentRetention?.job !== retention.job || !('expiredWhen' in parentRetention)) {
        throw new Error(`${policy.plane} table ${policy.table} goes with ${retention.goesWith.table}, which ${retention.job} does not expire by age`);
      }
    }
  }

  /** What a table of the given plane is: declared, derived, a derived table's shadow, or undeclared. */
  classify(plane: Plane, table: string): Classified {
    const policy = this.#byKey.get(`${plane}:${table}`);
    if (policy) return isDerived(policy) ? { kind: 'derived', policy } : { kind: 'table', policy };
    for (const suffix of FTS5_SHADOW_SUFFIXES) {
      const owner = table.endsWith(suffix) ? this.#byKey.get(`${plane}:${table.slice(0, -suffix.length)}`) : undefined;
      if (owner && isDerived(owner)) return { kind: 'shadow', of: owner };
    }
    return { kind: 'undeclared' };
  }

  /** The declared policy of an ordinary table, or undefined. */
  tenantTable(table: string): TenantTablePolicy | undefined {
    const found = this.classify('tenant', table);
    return found.kind === 'table' && found.policy.plane === 'tenant' ? found.policy : undefined;
  }

  /** A sealed column's declaration; throws when there is none (code that seals relies on it). */
  sealedColumn(table: string, storedColumn: string): Extract<ColumnPolicy, { kind: 'sealed' }> {
    const policy = this.tenantTable(table)?.columns?.[storedColumn];
    if (policy?.kind !== 'sealed') throw new Error(`${table}.${storedColumn} is not declared sealed in src/data-policy/tables.ts`);
    return policy;
  }

  /** The tables (with their plane) whose rows a retention job deletes. */
  retainedBy(job: string): { plane: Plane; table: string; retention: RetentionPolicy }[] {
    return this.all.flatMap((p) => ('retention' in p && p.retention?.job === job ? [{ plane: p.plane, table: p.table, retention: p.retention }] : []));
  }

  /** How long a table's rows are kept by its retention job (in days). */
  keepDays(plane: Plane, table: string): number {
    const policy = this.#byKey.get(`${plane}:${table}`);
    const retention = policy && 'retention' in policy ? policy.retention : undefined;
    if (!retention || !('keepDays' in retention)) throw new Error(`${plane} table ${table} declares no retention age`);
    return retention.keepDays;
  }
}
