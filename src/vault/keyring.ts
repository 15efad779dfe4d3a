// keyring.db (ARCHITECTURE.md, "Keys and the vault"): one backup key per workspace, random,
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

const ROOT_VERSION = 1;

export class Keyring {
  readonly #db: SqliteDatabase;
  readonly #root: Buffer;
  readonly #clock: Clock;

  constructor(config: Config, clock: Clock) {
    this.#db = openSqlite(join(config.dataDir, 'keyring.db'), { synchronous: 'FULL', mustExist: false });
    applyMigrations(this.#db, loadMigrations('keyring'));
    this.#root = createHmac('sha256', config.vault.appSecretsKey).update('spinney keyring root v1').digest();
    this.#clock = clock;
  }

  #context(tenantId: string) {
    return { tenantId, purpose: 'backup', table: 'backup_keys', recordId: tenantId };
  }

  /** Creates the workspace's backup key (once; a second call keeps the first key). */
  createBackupKey(tenantId: string): void {
    this.#db
      .prepare('INSERT OR IGNORE INTO backup_keys (tenant_id, wrapped, root_version, created_at) VALUES (?, ?, ?, ?)')
      .run(tenantId, seal(this.#root, ROOT_VERSION, randomBytes(32), this.#context(tenantId)), ROOT_VERSION, isoAt(this.#clock.now()));
  }

  /** The workspace's backup key; throws if it was destroyed (or never made). */
  backupKey(tenantId: string): Buffer {
    const row = this.#db.prepare('SELECT wrapped FROM backup_keys WHERE tenant_id = ?').get(tenantId) as { wrapped: Buffer } | undefined;
    if (!row) throw new VaultOpenError(`workspace ${tenantId} has no backup key (destroyed or never created)`);
    return open(() => this.#root, row.wrapped, this.#context(tenantId));
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
