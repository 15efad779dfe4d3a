// control.db: tenants, identities, memberships, invitations. Opened once per process; the only
// place besides src/tenancy/ that holds an SQLite handle.
import { join } from 'node:path';
import type { SqliteSynchronous } from '../config/config.js';
import { applyMigrations, loadMigrations } from '../tenancy/migrations.js';
import { ChangeWatch, checkpointTruncate, immediateTransactions, openSqlite, StatementCache, type CheckpointResult, type SqliteDatabase, type SqliteStatement } from '../tenancy/sqlite.js';

export class ControlDb {
  readonly db: SqliteDatabase;
  readonly #statements: StatementCache;
  readonly #immediate: <T>(fn: () => T) => T;

  constructor(dataDir: string, synchronous: SqliteSynchronous) {
    this.db = openSqlite(join(dataDir, 'control.db'), { synchronous, mustExist: false });
    this.#statements = new StatementCache(this.db);
    this.#immediate = immediateTransactions(this.db);
  }

  /** Applies pending control-plane migrations; returns the versions applied. */
  migrate(): number[] {
    return applyMigrations(this.db, loadMigrations('control'));
  }

  statement(sql: string): SqliteStatement {
    return this.#statements.get(sql);
  }

  /** A new watch on control.db: has anything been committed (any process) since its previous look? */
  watchChanges(): ChangeWatch {
    return new ChangeWatch(this.db);
  }

  /** Whether control.db answers a query (readiness). */
  answers(): boolean {
    return this.statement('SELECT 1 AS ok').get() !== undefined;
  }

  /** Runs fn in one IMMEDIATE transaction (a savepoint inside another). */
  transaction<T>(fn: () => T): T {
    return this.#immediate(fn);
  }

  /** Folds the WAL into control.db and empties it (see checkpointTruncate). */
  checkpoint(): CheckpointResult {
    return checkpointTruncate(this.db);
  }

  close(): void {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }
}
