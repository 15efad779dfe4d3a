// workspace.json: one key per table, each an array of row objects (columns in table order), one
// row per line. Written while the rows are read, so only one row is in memory at a time.
import type { Vault } from '../vault/vault.js';
import type { SnapshotRow, TenantSnapshot } from '../tenancy/tenant-snapshot.js';
import { UnexportableColumn, type TablePlan } from './export-plan.js';

export interface TextSink {
  write(text: string): Promise<void>;
}

export interface WriteOptions {
  /** Called after each row with the rows written so far, across all tables. */
  onRow?: (rowsDone: number) => void;
  /** Stops the writing between two rows (a client that went away). */
  signal?: AbortSignal;
}

/** Writes every planned table of the snapshot to `sink`; returns the rows written per table. */
export async function writeWorkspaceJson(vault: Vault, snapshot: TenantSnapshot, plans: TablePlan[], sink: TextSink, options: WriteOptions = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let rowsDone = 0;
  await sink.write('{');
  for (const [index, plan] of plans.entries()) {
    await sink.write(`${index === 0 ? '' : ','}\n${JSON.stringify(plan.table)}: [`);
    let rows = 0;
    for (const row of snapshot.rows(plan.table)) {
      options.signal?.throwIfAborted();
      await sink.write(`${rows === 0 ? '\n' : ',\n'}${encodeRow(vault, plan, row)}`);
      rows += 1;
      options.onRow?.((rowsDone += 1));
    }
    await sink.write(rows === 0 ? ']' : '\n]');
    counts[plan.table] = rows;
  }
  await sink.write('\n}\n');
  return counts;
}

function encodeRow(vault: Vault, plan: TablePlan, row: SnapshotRow): string {
  const fields = plan.columns.map((column) => {
    const value = row[column.column];
    const encoded =
      column.kind === 'decrypt' && value !== null ? JSON.stringify(column.open(vault, row, value as Buffer)) : encodeValue(plan.table, column.column, value);
    return `${JSON.stringify(column.key)}:${encoded}`;
  });
  return `{${fields.join(',')}}`;
}

/** Integers are written exactly (bigint digits, not a rounded double); bytes never pass unplanned. */
function encodeValue(table: string, column: string, value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  // A column declared ANY can hold bytes its declared type did not announce.
  if (Buffer.isBuffer(value)) throw new UnexportableColumn(table, column);
  return JSON.stringify(value);
}
