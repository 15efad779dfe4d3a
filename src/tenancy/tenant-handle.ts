import { ChangeWatch, checkpointTruncate, immediateTransactions, StatementCache, type CheckpointResult, type SqliteDatabase, type SqliteStatement } from './sqlite.js';

/** Rows kept by remembered() per open handle; past this the memory starts again. */
const REMEMBERED_MAX = 1000;

/**
 * One open tenant database and its prepared statements. Get it from tenantDb() inside a tenant
 * context, use it synchronously, and do not keep it across an `await`: the handle cache may close
 * it once it is evicted. The connection itself stays private, so feature code can only run
 * statements (which refuse ATTACH and VACUUM INTO, see sqlite.ts) and transactions.
 */
export class TenantHandle {
  readonly #db: SqliteDatabase;
  readonly #statements: StatementCache;
  readonly #changes: ChangeWatch;
  readonly #immediate: <T>(fn: () => T) => T;
  readonly #remembered = new Map<string, object>();

  constructor(
    readonly tenantId: string,
    db: SqliteDatabase,
  ) {
    this.#db = db;
    this.#statements = new StatementCache(db);
    this.#changes = new ChangeWatch(db);
    this.#immediate = immediateTransactions(db);
  }

  /**
   * A row read through a memory that is forgotten the moment anything is committed to this file,
   * by this process or any other (see ChangeWatch): what it returns is what `read` would return
   * now. For rows read on every request (the session check). Misses (undefined) are not kept.
   */
  remembered<T extends object>(key: string, read: () => T | undefined): T | undefined {
    if (!this.#changes.unchanged()) this.#remembered.clear();
    const kept = this.#remembered.get(key);
    if (kept !== undefined) return kept as T;
    const row = read();
    if (row === undefined) return undefined;
    if (this.#remembered.size >= REMEMBERED_MAX) this.#remembered.clear();
    this.#remembered.set(key, Object.freeze(row));
    return row;
  }

  /** A prepared statement, compiled once per handle. */
  statement(sql: string): SqliteStatement {
    return this.#statements.get(sql);
  }

  /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
  transaction<T>(fn: () => T): T {
    return this.#immediate(fn);
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
    this.#remembered.clear();
    if (this.#db.open) this.#db.close();
  }
}
