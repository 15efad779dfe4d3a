// A database's tables as the data policies see them, and what a schema lacks against them.
import type { SqliteStatement } from '../tenancy/sqlite.js';
import { MIGRATIONS_TABLE } from '../tenancy/migrations.js';
import type { DataPolicies, Plane } from './data-policy.js';

export interface SchemaTable {
  name: string;
  columns: { name: string; type: string }[];
}

/**
 * Every table of a database in creation order, virtual ones included, with declared column types.
 * Left out: SQLite's own tables and the migrations' bookkeeping. `prepare` is the connection's.
 */
export function readSchema(prepare: (sql: string) => SqliteStatement): SchemaTable[] {
  const names = prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name != ? ORDER BY rowid`).pluck().all(MIGRATIONS_TABLE) as string[];
  const columns = prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid');
  return names.map((name) => ({ name, columns: columns.all(name) as SchemaTable['columns'] }));
}

const isBlob = (type: string): boolean => type.toUpperCase() === 'BLOB';

/**
 * What the declarations miss for this plane's schema, one sentence each naming the table or
 * column: an undeclared table, a declaration naming no table, a BLOB column without a column
 * policy, a column policy naming no column, a control table with a tenant_id that does not say what
 * a purge does with its rows. Empty when every table is covered.
 */
export function policyGaps(policies: DataPolicies, plane: Plane, schema: SchemaTable[]): string[] {
  const gaps: string[] = [];
  const present = new Set(schema.map((t) => t.name));
  for (const table of schema) {
    const found = policies.classify(plane, table.name);
    if (found.kind === 'undeclared') {
      gaps.push(`${plane} table ${table.name} has no data policy: declare it in src/data-policy/tables.ts`);
      continue;
    }
    if (found.kind !== 'table') continue; // derived tables and their shadows are rebuilt, never copied or exported
    const { policy } = found;
    if (policy.plane === 'tenant') {
      for (const column of table.columns) {
        if (isBlob(column.type) && !policy.columns?.[column.name]) {
          gaps.push(`tenant column ${table.name}.${column.name} is BLOB without a column policy (sealed, wrapped-key or omit) in src/data-policy/tables.ts`);
        }
      }
      for (const name of Object.keys(policy.columns ?? {})) {
        if (!table.columns.some((c) => c.name === name)) gaps.push(`tenant column ${table.name}.${name} has a column policy but no such column exists`);
      }
    } else {
      const namesTenants = table.columns.some((c) => c.name === 'tenant_id');
      if (namesTenants && !policy.tenantRows) gaps.push(`control table ${table.name} has a tenant_id column: declare tenantRows (what a workspace purge does with its rows)`);
      if (!namesTenants && policy.tenantRows) gaps.push(`control table ${table.name} declares tenantRows but has no tenant_id column`);
    }
  }
  for (const policy of policies.all) {
    if (policy.plane === plane && !present.has(policy.table)) gaps.push(`${plane} table ${policy.table} is declared in src/data-policy/tables.ts but does not exist`);
  }
  return gaps;
}
