import { checkpointTruncate, StatementCache, type CheckpointResult, type SqliteDatabase, type SqliteStatement } from './sqlite.js';

/**
 * One open tenant database and its prepared statements. Get it from tenantDb() inside a tenant
 * context, use it synchronously, and do not keep it across an `await`: the handle cache may close
 * it once it is evicted. The connection itself stays private, so feature code can only run
 * statements (which refuse ATTACH and VACUUM INTO, see sqlite.ts) and transactions.
 */
export class TenantHandle {
  readonly #db: SqliteDatabase;
  readonly #statements: StatementCache;

  constructor(
    readonly tenantId: string,
    db: SqliteDatabase,
  ) {
    this.#db = db;
    this.#statements = new StatementCache(db);
  }

  /** A prepared statement, compiled once per handle. */
  statement(sql: string): SqliteStatement {
    return this.#statements.get(sql);
  }

  /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  /** Reads one pragma's value (journal_mode, synchronous …); never sets one. */
  pragmaValue(name: string): unknown {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`not a pragma name: ${name}`);
    return this.#db.pragma(name, { simple: true });
  }

  /** The whole database as bytes (for comparisons, and later for backups). */
  serialize(): Buffer {
    return this.#db.serialize();
  }

  /** Folds the WAL into the database file and empties it (shutdown does this for every open handle). */
  checkpoint(): CheckpointResult {
    return checkpointTruncate(this.#db);
  }

  get path(): string {
    return this.#db.name;
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  close(): void {
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }
}
