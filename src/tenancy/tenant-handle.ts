import type { SqliteDatabase, SqliteStatement } from './sqlite.js';

/**
 * One open tenant database and its prepared statements. Get it from tenantDb() inside a tenant
 * context, use it synchronously, and do not keep it across an `await`: the handle cache may close
 * it once it is evicted.
 */
export class TenantHandle {
  readonly #statements = new Map<string, SqliteStatement>();

  constructor(
    readonly tenantId: string,
    readonly db: SqliteDatabase,
  ) {}

  /** A prepared statement, compiled once per handle. */
  statement(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
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
