// Numbered plain-SQL migrations (`0001_name.sql`), applied in order inside one transaction each and
// recorded in the database they changed, so every file knows its own schema version.
import { createHash } from 'node:crypto';
import { listAssets, readAsset } from '../config/assets.js';
import type { SqliteDatabase } from './sqlite.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The bookkeeping table every migrated file holds (not application data: the export leaves it out). */
export const MIGRATIONS_TABLE = 'schema_migrations';

/** Reads a migrations folder once; callers keep the result (tenant files are opened often). */
export function loadMigrations(plane: 'control' | 'tenant' | 'keyring'): Migration[] {
  const dir = `migrations/${plane}`;
  const migrations = listAssets(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file name must look like 0001_name.sql: ${dir}/${file}`);
      return { version: Number(match[1]), name: match[2] as string, sql: readAsset(`${dir}/${file}`).toString('utf8') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migrations in ${dir} must be numbered 1, 2, 3… without gaps`);
  });
  return migrations;
}

/**
 * Applies what is missing; returns the versions applied. Refuses a database newer than the code.
 * The version is read inside the same IMMEDIATE transaction that applies the migrations, so two
 * processes opening one file at once (PM2 workers after a deploy, `spinney migrate` beside the
 * server) apply each migration once: the second waits for the write lock, then finds nothing to do.
 */
export function applyMigrations(db: SqliteDatabase, migrations: Migration[]): number[] {
  // Fast path without the write lock: most opens find the file up to date.
  if (hasMigrationsTable(db) && currentVersion(db, migrations.length) === migrations.length) return [];
  // For SQL migrations that store a secret only as its hash (control 0012: webhook URLs → credentials).
  db.function('sha256', { deterministic: true }, (value: unknown) => createHash('sha256').update(String(value)).digest());
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      const applied: number[] = [];
      for (const migration of migrations.slice(currentVersion(db, migrations.length))) {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
        applied.push(migration.version);
      }
      return applied;
    })
    .immediate();
}

function hasMigrationsTable(db: SqliteDatabase): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
}

/** The recorded schema version; a database newer than this build is refused. */
function currentVersion(db: SqliteDatabase, latest: number): number {
  const current = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  if (current > latest) throw new Error(`database schema version ${current} is newer than this build knows (${latest})`);
  return current;
}
