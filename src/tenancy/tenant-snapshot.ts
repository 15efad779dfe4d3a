// A consistent, read-only view of the current tenant's database, for reads that take a while and
// yield to the event loop between rows (the workspace export). It has its own connection, not the
// tenant's cached handle: better-sqlite3 runs nothing else on a connection while an iterator is
// open on it, and the server goes on using the handle meanwhile. One read transaction covers every
// read, so all rows come from one moment however long the reading takes while others write.
// The price: while a snapshot is open, SQLite cannot checkpoint the WAL past that moment (the WAL
// file grows until the snapshot closes). Close it as soon as the reading is done.
import { tenantDb } from './context.js';
import { MIGRATIONS_TABLE } from './migrations.js';
import { openSqliteReadOnly, StatementCache, type SqliteDatabase } from './sqlite.js';

export interface SnapshotColumn {
  name: string;
  /** The declared type (tables are STRICT: INTEGER, REAL, TEXT, BLOB or ANY). */
  type: string;
}

export interface SnapshotTable {
  name: string;
  columns: SnapshotColumn[];
}

export type SnapshotRow = Record<string, unknown>;

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class TenantSnapshot {
  readonly #db: SqliteDatabase;
  readonly #statements: StatementCache;
  readonly #tables: SnapshotTable[];
  /** Iterations handed out; close() ends any still open (the connection refuses to close otherwise). */
  readonly #iterations: IterableIterator<SnapshotRow>[] = [];

  private constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#statements = new StatementCache(db);
    this.#tables = this.#readTables();
  }

  /**
   * Opens a snapshot of the tenant the current scope is bound to. The tenant's own handle is opened
   * first, so the file exists and is migrated before the snapshot is taken.
   */
  static open(): TenantSnapshot {
    const db = openSqliteReadOnly(tenantDb().path);
    try {
      db.exec('BEGIN');
      // In WAL mode a read transaction takes its snapshot at its first read, not at BEGIN.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return new TenantSnapshot(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /**
   * Every table the application keeps, in the order the migrations created them, with declared
   * column types. Left out: SQLite's own tables (`sqlite_*`) and the migrations' bookkeeping.
   */
  tables(): SnapshotTable[] {
    return this.#tables;
  }

  #readTables(): SnapshotTable[] {
    const names = this.#statements
      .get(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name != ? ORDER BY rowid`)
      .pluck()
      .all(MIGRATIONS_TABLE) as string[];
    const columns = this.#statements.get('SELECT name, type FROM pragma_table_info(?) ORDER BY cid');
    return names.map((name) => ({ name, columns: columns.all(name) as SnapshotColumn[] }));
  }

  /** The schema version the migrations recorded in this file. */
  schemaVersion(): number {
    return this.#statements.get(`SELECT coalesce(max(version), 0) FROM ${MIGRATIONS_TABLE}`).pluck().get() as number;
  }

  rowCount(table: string): number {
    return this.#statements.get(`SELECT count(*) FROM ${quoteIdentifier(this.#known(table))}`).pluck().get() as number;
  }

  /**
   * The rows of one table as stored, one at a time. Integers come as bigint so none loses precision.
   * Finish (or break out of) one iteration before starting another: the connection runs one at a time.
   */
  rows(table: string): IterableIterator<SnapshotRow> {
    const iteration = this.#statements.get(`SELECT * FROM ${quoteIdentifier(this.#known(table))}`).safeIntegers(true).iterate() as IterableIterator<SnapshotRow>;
    this.#iterations.push(iteration);
    return iteration;
  }

  #known(table: string): string {
    if (!this.#tables.some((t) => t.name === table)) throw new RangeError(`no table ${table} in this snapshot`);
    return table;
  }

  /** Ends the read transaction and closes the connection. */
  close(): void {
    for (const iteration of this.#iterations.splice(0)) iteration.return?.();
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }
}
