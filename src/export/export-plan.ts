// What the export writes for each column of each table: the value as stored, except for the columns
// whose data policy (src/data-policy/tables.ts) says otherwise. Binary columns are where sealed
// values live (secrets, wrapped keys, sensitive fields, token hashes), so a BLOB column without a
// column policy stops the export: a sealed column added later can neither leak raw nor silently
// vanish from exports. Derived tables (FTS indexes) and their shadow tables are never exported.
import { DATA_POLICIES } from '../data-policy/tables.js';
import type { DataPolicies } from '../data-policy/data-policy.js';
import type { SnapshotRow, SnapshotTable } from '../tenancy/tenant-snapshot.js';
import type { Vault } from '../vault/vault.js';

type Open = (vault: Vault, row: SnapshotRow, sealed: Buffer) => string;

/** How one column is written: under which key, and whether it is opened first. Omitted columns have no plan. */
export type ColumnPlan = { column: string; key: string; kind: 'as-is' } | { column: string; key: string; kind: 'decrypt'; open: Open };

export interface TablePlan {
  table: string;
  columns: ColumnPlan[];
}

export class UnexportableColumn extends Error {
  override name = 'UnexportableColumn';
  constructor(table: string, column: string) {
    super(`${table}.${column} holds binary data and has no export policy; declare one in src/data-policy/tables.ts`);
  }
}

/** A sensitive field sealed for its row and column, opened for the admin (or operator) who exports. */
const openSensitive =
  (table: string, recordIdColumn: string, contextColumn: string): Open =>
  (vault, row, sealed) =>
    vault.openField(table, String(row[recordIdColumn]), contextColumn, sealed);

/**
 * The plan for every exported table, decided before a byte is written; throws UnexportableColumn.
 * A table without a data policy is exported as stored (the coverage test names it); its BLOB
 * columns still stop the export.
 */
export function planExport(tables: SnapshotTable[], policies: DataPolicies = DATA_POLICIES): TablePlan[] {
  return tables.flatMap(({ name, columns }): TablePlan[] => {
    const kind = policies.classify('tenant', name).kind;
    if (kind === 'derived' || kind === 'shadow') return [];
    const declared = policies.tenantTable(name)?.columns ?? {};
    const plans = columns.flatMap((column): ColumnPlan[] => {
      const policy = declared[column.name];
      if (!policy) {
        if (column.type.toUpperCase() === 'BLOB') throw new UnexportableColumn(name, column.name);
        return [{ column: column.name, key: column.name, kind: 'as-is' }];
      }
      if (policy.kind !== 'sealed' || policy.exportAs === undefined) return [];
      if (policy.purpose !== 'sensitive' || !policy.contextColumn) throw new Error(`${name}.${column.name}: only sensitive fields sealed per column can be exported opened`);
      return [{ column: column.name, key: policy.exportAs, kind: 'decrypt', open: openSensitive(name, policy.recordIdColumn, policy.contextColumn) }];
    });
    const keys = new Set(plans.map((plan) => plan.key));
    if (keys.size !== plans.length) throw new Error(`${name}: two columns would be exported under one key; rename an exportAs in src/data-policy/tables.ts`);
    return [{ table: name, columns: plans }];
  });
}
