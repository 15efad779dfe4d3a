// keyring.db (docs/architecture.md, "Keys"): one backup key per workspace, random,
// sealed by the app-secrets root key and bound to its tenant id. Kept apart from control.db and
// every tenant file so no backup of those holds it; the backup issue encrypts each workspace's
// backups with this key, and purging a workspace destroys it (crypto-shredding).
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { applyMigrations, loadMigrations } from '../tenancy/migrations.js';
import { openSqlite, type SqliteDatabase } from '../tenancy/sqlite.js';
import type { Clock } from '../time/clock.js';
import { isoAt } from '../time/clock.js';
import { open, seal, VaultOpenError } from './envelope.js';
import type { RootKeySet } from './root-keys.js';

export class Keyring {
  readonly #db: SqliteDatabase;
  readonly #roots: RootKeySet;
  readonly #clock: Clock;

  constructor(config: Config, clock: Clock) {
    this.#db = openSqlite(join(config.dataDir, 'keyring.db'), { synchronous: 'FULL', mustExist: false });
    applyMigrations(this.#db, loadMigrations('keyring'));
    this.#roots = config.keys.app;
    this.#clock = clock;
  }

  /** The keyring's own 256-bit key from a version of the app secrets root key. */
  #root(version: number): Buffer | undefined {
    const root = this.#roots.get(version);
    return root && createHmac('sha256', root).update('spinney keyring root v1').digest();
  }

  #context(tenantId: string) {
    return { tenantId, purpose: 'backup', table: 'backup_keys', recordId: tenantId };
  }

  /** Creates the workspace's backup key (once; a second call keeps the first key). */
  createBackupKey(tenantId: string): void {
    const { version } = this.#roots.current();
    this.#db
      .prepare('INSERT OR IGNORE INTO backup_keys (tenant_id, wrapped, root_version, created_at) VALUES (?, ?, ?, ?)')
      .run(tenantId, seal(this.#root(version) as Buffer, version, randomBytes(32), this.#context(tenantId)), version, isoAt(this.#clock.now()));
  }

  /** The workspace's backup key; throws if it was destroyed (or never made). */
  backupKey(tenantId: string): Buffer {
    const row = this.#db.prepare('SELECT wrapped FROM backup_keys WHERE tenant_id = ?').get(tenantId) as { wrapped: Buffer } | undefined;
    if (!row) throw new VaultOpenError(`workspace ${tenantId} has no backup key (destroyed or never created)`);
    return open((v) => this.#root(v), row.wrapped, this.#context(tenantId));
  }

  /** Re-seals every backup key with the newest app root key version; returns how many moved. */
  rewrap(): number {
    const { version } = this.#roots.current();
    const root = this.#root(version) as Buffer;
    const rows = this.#db.prepare('SELECT tenant_id, wrapped FROM backup_keys WHERE root_version <> ?').all(version) as { tenant_id: string; wrapped: Buffer }[];
    const update = this.#db.prepare('UPDATE backup_keys SET wrapped = ?, root_version = ? WHERE tenant_id = ?');
    this.#db.transaction(() => {
      for (const row of rows) {
        const key = open((v) => this.#root(v), row.wrapped, this.#context(row.tenant_id));
        update.run(seal(root, version, key, this.#context(row.tenant_id)), version, row.tenant_id);
      }
    })();
    return rows.length;
  }

  /** How many backup keys each app root key version seals. */
  rootVersionsInUse(): Map<number, number> {
    const rows = this.#db.prepare('SELECT root_version, count(*) AS n FROM backup_keys GROUP BY root_version').all() as { root_version: number; n: number }[];
    return new Map(rows.map((r) => [r.root_version, r.n]));
  }

  hasBackupKey(tenantId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM backup_keys WHERE tenant_id = ?').get(tenantId) !== undefined;
  }

  /** Destroys the workspace's backup key, then checkpoints so no copy lingers in the WAL. */
  destroyBackupKey(tenantId: string): boolean {
    const removed = this.#db.prepare('DELETE FROM backup_keys WHERE tenant_id = ?').run(tenantId).changes === 1;
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
