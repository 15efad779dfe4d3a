// The SQLite side of backups, and the only file in src/backup/ that opens database files (the lint
// rule names it). It never binds a tenant scope and never reads rows of a workspace: it copies
// whole files with SQLite's online backup API, checks copies, and migrates a copy before a restore.
import { readSchema, type SchemaTable } from '../data-policy/schema.js';
import { applyMigrations, loadMigrations, MIGRATIONS_TABLE } from '../tenancy/migrations.js';
import { openSqlite, openSqliteReadOnly, type SqliteDatabase } from '../tenancy/sqlite.js';

export type Plane = 'control' | 'tenant' | 'keyring';

/** Pages copied per step of an online backup: small enough that a server keeps answering in between. */
const PAGES_PER_STEP = 1024;

/**
 * Copies a live database to a new file while others read and write it. One read transaction spans
 * every step, so the copy is the database at one moment (WAL: writers go on meanwhile; the backup
 * does not restart when they commit). The copy is left in rollback-journal mode: one
 * self-contained file, no -wal beside it.
 */
export async function snapshotDatabase(sourcePath: string, copyPath: string): Promise<void> {
  const source = openSqliteReadOnly(sourcePath);
  try {
    source.exec('BEGIN');
    // In WAL mode a read transaction takes its snapshot at its first read, not at BEGIN.
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    await source.backup(copyPath, { progress: () => PAGES_PER_STEP });
    source.exec('COMMIT');
  } finally {
    source.close();
  }
  withCopy(copyPath, (copy) => copy.pragma('journal_mode = DELETE'));
}

/** A copy opened for writing (a file of our own in tmp/, never a live one). */
function withCopy<T>(path: string, fn: (db: SqliteDatabase) => T): T {
  const db = openSqlite(path, { synchronous: 'FULL', mustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export interface DatabaseCheck {
  /** 'ok', or SQLite's first complaint. */
  integrity: string;
  /** The highest migration recorded in the file (0 without a migrations table). */
  schemaVersion: number;
}

/** PRAGMA integrity_check and the schema version of a copy (opened read-only, never changed). */
export function checkDatabase(path: string): DatabaseCheck {
  let db: SqliteDatabase;
  try {
    db = openSqliteReadOnly(path);
  } catch (err) {
    return { integrity: `not a database: ${(err as Error).message}`, schemaVersion: 0 };
  }
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE) !== undefined;
    const schemaVersion = hasTable ? (db.prepare(`SELECT coalesce(max(version), 0) FROM ${MIGRATIONS_TABLE}`).pluck().get() as number) : 0;
    return { integrity, schemaVersion };
  } catch (err) {
    return { integrity: `not a database: ${(err as Error).message}`, schemaVersion: 0 };
  } finally {
    db.close();
  }
}

/** The newest migration this build ships for a plane. */
export function shippedSchemaVersion(plane: Plane): number {
  return loadMigrations(plane).length;
}

/** Brings a restored copy up to this build's schema, as opening it in the server would. */
export function migrateCopy(path: string, plane: Plane): void {
  withCopy(path, (db) => applyMigrations(db, loadMigrations(plane)));
}

/**
 * Keeps the live database's vault data keys in a restored copy. Data keys are only ever added,
 * never changed (a rewrap changes only how they are wrapped), and a running server caches the
 * unwrapped ones: a key made after the backup must stay, or values a server seals with its cached
 * copy would not open after a restart; and a key wrapped by a root key version retired since the
 * backup must take the live, newer wrapping. Both files are on this build's schema.
 */
export function carryOverDataKeys(copyPath: string, livePath: string): number {
  return withCopy(copyPath, (db) => {
    db.prepare('ATTACH DATABASE ? AS live').run(livePath);
    try {
      return db.prepare('INSERT OR REPLACE INTO main.vault_keys SELECT * FROM live.vault_keys').run().changes;
    } finally {
      db.exec('DETACH DATABASE live');
    }
  });
}

/**
 * Writes a copy's content into a live database file through SQLite (one step, one write
 * transaction), so every connection that has the file open, in this process or another (the
 * server), sees the old content or the new one and never half of each, and no handle is left
 * pointing at a replaced file.
 */
export async function copyInto(sourcePath: string, livePath: string): Promise<void> {
  const source = openSqliteReadOnly(sourcePath);
  try {
    await source.backup(livePath, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/** Packs a small copy (the keyring) tight, so deleted rows leave no free page behind. */
export function compactCopy(path: string): void {
  withCopy(path, (db) => {
    db.exec('VACUUM');
    db.pragma('journal_mode = DELETE');
  });
}

/** The workspaces whose backup key a keyring file holds (live file or a copy). */
export function keyringTenantIds(path: string): string[] {
  const db = openSqliteReadOnly(path);
  try {
    return db.prepare('SELECT tenant_id FROM backup_keys ORDER BY tenant_id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The ids of the files a copy of a workspace's database holds (ids only: which blobs a backup carries with it). */
export function fileIdsOf(path: string): string[] {
  const db = openSqliteReadOnly(path);
  try {
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'`).get() !== undefined;
    return hasTable ? (db.prepare('SELECT id FROM files ORDER BY id').pluck().all() as string[]) : [];
  } finally {
    db.close();
  }
}

/** The tables and columns of a database file (restore --as plans the copy from them). */
export function schemaOf(path: string): SchemaTable[] {
  const db = openSqliteReadOnly(path);
  try {
    return readSchema((sql) => db.prepare(sql));
  } finally {
    db.close();
  }
}
