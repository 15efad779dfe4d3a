// The one module that opens SQLite files and sets their pragmas (control.db and every tenant.db).
// The lint rule `no-restricted-imports` keeps better-sqlite3 out of every other module.
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from '../config/config.js';

export type SqliteDatabase = Database.Database;
export type SqliteStatement = Database.Statement;

export interface OpenOptions {
  synchronous: SqliteSynchronous;
  /** Fail instead of creating a new file. */
  mustExist: boolean;
}

export function openSqlite(path: string, options: OpenOptions): SqliteDatabase {
  const db = new Database(path, { fileMustExist: options.mustExist });
  try {
    // WAL: readers never block the writer. With synchronous=NORMAL a committed transaction survives
    // a process crash (kill -9) but the last few may roll back on power loss; FULL trades write
    // latency for surviving that too.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
    // Deleted rows are overwritten with zeros, not left in free pages: a deleted contact, member or
    // key is gone from the file, not only from query results (workspace purge relies on this).
    db.pragma('secure_delete = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A second, read-only connection to an existing file, for long reads beside the file's own handle
 * (the workspace export): it can never write, and its reads never block the writer (WAL).
 */
export function openSqliteReadOnly(path: string): SqliteDatabase {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export interface CheckpointResult {
  /** Another connection was reading or writing, so the WAL could not be emptied entirely. */
  busy: boolean;
  /** Frames the WAL held, and how many of them are now in the database file. */
  walFrames: number;
  checkpointed: number;
}

/**
 * Copies every committed WAL frame into the database file and truncates the WAL to zero bytes.
 * Closing the last connection does this anyway; an explicit checkpoint also empties the WAL when
 * another process (a PM2 sibling, a CLI command) still has the file open.
 */
export function checkpointTruncate(db: SqliteDatabase): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { busy: row?.busy === 1, walFrames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
}

/**
 * Tells whether anything may have been committed to a database file since the previous look, for
 * caches that must never serve a row another process has changed: `PRAGMA data_version` moves on
 * every commit by any other connection (another PM2 process, the CLI), `total_changes()` on every
 * row this connection writes (even one later rolled back: that only costs a re-read). Both are
 * cheaper than reading the row again (about 1.5 µs together against 4–15 µs for a row).
 */
export class ChangeWatch {
  readonly #dataVersion: SqliteStatement;
  readonly #ownChanges: SqliteStatement;
  #version = -1;
  #changes = -1;

  constructor(db: SqliteDatabase) {
    this.#dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.#ownChanges = db.prepare('SELECT total_changes()').pluck();
  }

  /** False on the first call and whenever a commit or own write happened since the previous call. */
  unchanged(): boolean {
    const version = this.#dataVersion.get() as number;
    const changes = this.#ownChanges.get() as number;
    const same = version === this.#version && changes === this.#changes;
    this.#version = version;
    this.#changes = changes;
    return same;
  }
}

/**
 * Runs a function in one IMMEDIATE transaction (a savepoint inside an open one). better-sqlite3
 * builds new wrapper functions for every `db.transaction(fn)`, about 10 µs each; this builds one
 * per connection and passes each call's function through it. Building it prepares the
 * connection's nine BEGIN/COMMIT/SAVEPOINT… statements, so do it when the first transaction runs.
 */
export function immediateTransactions(db: SqliteDatabase): <T>(fn: () => T) => T {
  const wrapper = db.transaction((fn: () => unknown) => fn());
  return <T>(fn: () => T): T => wrapper.immediate(fn) as T;
}

export class ForbiddenStatement extends Error {
  override name = 'ForbiddenStatement';
}

// One connection, one database: attaching another file (or copying this one elsewhere with
// VACUUM INTO) would step around the tenant scope, so no statement prepared here may do it.
const CROSSES_FILES = /\b(ATTACH|DETACH)\b|\bVACUUM\b/i;

/**
 * Prepares each SQL text once per connection and hands back the same statement after that.
 * Refuses statements that would reach another database file.
 */
export class StatementCache {
  readonly #statements = new Map<string, SqliteStatement>();

  constructor(private readonly db: SqliteDatabase) {}

  get(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (CROSSES_FILES.test(sql)) throw new ForbiddenStatement('ATTACH, DETACH and VACUUM are not allowed through a handle');
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  clear(): void {
    this.#statements.clear();
  }
}
