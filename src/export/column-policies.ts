// What the export writes for each column of each table: the value as stored, except for the few
// columns declared below. Binary columns are where sealed values live (secrets, wrapped keys,
// sensitive fields, token hashes), so a BLOB column without a declared policy stops the export:
// a sealed column added later can neither leak raw nor silently vanish from exports.
import { SENSITIVE_COLUMNS } from '../contacts/contact-sensitive.js';
import type { Runtime } from '../runtime.js';
import type { SnapshotRow, SnapshotTable } from '../tenancy/tenant-snapshot.js';

export type ColumnPolicy =
  | { kind: 'omit'; reason: string }
  | { kind: 'decrypt'; exportAs: string; open: (runtime: Runtime, row: SnapshotRow, sealed: Buffer) => string };

const omit = (reason: string): ColumnPolicy => ({ kind: 'omit', reason });

/** A contact's sealed sensitive field, opened for the admin (or operator) who exports. */
const sensitiveContactField = (column: string): ColumnPolicy => ({
  kind: 'decrypt',
  exportAs: column,
  open: (runtime, row, sealed) => runtime.vault.openField('contacts', String(row.id), column, sealed),
});

/** The declared exceptions, by table and column. docs/export-format.md explains each. */
export const COLUMN_POLICIES: Readonly<Record<string, Readonly<Record<string, ColumnPolicy>>>> = {
  contacts: Object.fromEntries(Object.values(SENSITIVE_COLUMNS).map((column) => [`${column}_sealed`, sensitiveContactField(column)])),
  vault_secrets: { sealed: omit('a secret value never leaves the vault; name, fingerprint, last four characters and dates are exported') },
  vault_keys: { wrapped: omit('data keys never leave the server, not even wrapped by the root key') },
  refresh_tokens: { token_hash: omit('token hashes identify live sessions and are of no use outside this server') },
};

/** How one column is written: under which key, and whether it is opened first. Omitted columns have no plan. */
export type ColumnPlan =
  | { column: string; key: string; kind: 'as-is' }
  | { column: string; key: string; kind: 'decrypt'; open: (runtime: Runtime, row: SnapshotRow, sealed: Buffer) => string };

export interface TablePlan {
  table: string;
  columns: ColumnPlan[];
}

export class UnexportableColumn extends Error {
  override name = 'UnexportableColumn';
  constructor(table: string, column: string) {
    super(`${table}.${column} holds binary data and has no export policy; declare one in src/export/column-policies.ts`);
  }
}

/** The plan for every table, decided before a byte is written; throws UnexportableColumn. */
export function planExport(tables: SnapshotTable[]): TablePlan[] {
  return tables.map(({ name, columns }) => {
    const plans = columns.flatMap((column): ColumnPlan[] => {
      const policy = COLUMN_POLICIES[name]?.[column.name];
      if (!policy) {
        if (column.type.toUpperCase() === 'BLOB') throw new UnexportableColumn(name, column.name);
        return [{ column: column.name, key: column.name, kind: 'as-is' }];
      }
      if (policy.kind === 'omit') return [];
      return [{ column: column.name, key: policy.exportAs, kind: 'decrypt', open: policy.open }];
    });
    const keys = new Set(plans.map((plan) => plan.key));
    if (keys.size !== plans.length) throw new Error(`${name}: two columns would be exported under one key; rename an exportAs in src/export/column-policies.ts`);
    return { table: name, columns: plans };
  });
}
