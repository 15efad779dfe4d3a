import { StatementCache, type SqliteDatabase, type SqliteStatement } from './sqlite.js';

/**
 * One open tenant database and its prepared statements. Get it from tenantDb() inside a tenant
 * context, use it synchronously, and do not keep it across an `await`: the handle cache may close
 * it once it is evicted.
 */
export class TenantHandle {
  readonly #statements: StatementCache;

  constructor(
    readonly tenantId: string,
    readonly db: SqliteDatabase,
  ) {
    this.#statements = new StatementCache(db);
  }

  /** A prepared statement, compiled once per handle. */
  statement(sql: string): SqliteStatement {
    return this.#statements.get(sql);
  }

  /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }
}
