// The per-tenant vault: envelope encryption with data keys of the current tenant. Every method
// runs inside a tenant scope, so a secret can only ever be sealed, read or deleted in the tenant
// the request is bound to (and the sealing context names that tenant as well).
import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { recordTenantEvent } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import { AppError, notFound } from '../http/errors.js';
import { currentActorId, currentTenantId, tenantDb } from '../tenancy/context.js';
import type { Clock } from '../time/clock.js';
import { isoAt } from '../time/clock.js';
import { open, seal, sealedKeyVersion, type SealContext } from './envelope.js';
import type { RootKeySet } from './root-keys.js';
import { secretHint } from './secret-hint.js';

export type Purpose = 'app' | 'sensitive';

const DATA_KEY_CACHE_SIZE = 4096;

/** What the API may say about a secret: never its value. */
export interface SecretInfo {
  name: string;
  fingerprint: string;
  /** The last four characters of a value of at least 16, else null (src/vault/secret-hint.ts). */
  last4: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface SecretRow {
  name: string;
  sealed: Buffer;
  fingerprint: string;
  hint: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/**
 * A column whose values the vault sealed, and the context each was sealed with: the record id
 * comes from `recordIdColumn`, the context's column (if any) is `contextColumn`.
 */
export interface SealedColumn {
  table: string;
  storedColumn: string;
  purpose: Purpose;
  recordIdColumn: string;
  contextColumn?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function assertSystemName(name: string): void {
  if (!/^[a-z][a-z0-9_.-]*(:[A-Za-z0-9_.-]+)+$/.test(name) || name.length > 200) throw new RangeError(`not a system secret name: ${name}`);
}

const toInfo = (row: SecretRow): SecretInfo => ({
  name: row.name,
  fingerprint: row.fingerprint,
  last4: row.hint,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export class Vault {
  readonly #roots: Record<Purpose, RootKeySet>;
  readonly #clock: Clock;
  // Root keys are at least 32 bytes of any kind; an HMAC turns each version into exactly 256 bits.
  readonly #normalised = new WeakMap<Buffer, Buffer>();
  // Unwrapped data keys, so a seal or an open costs one AES-GCM operation rather than a query and
  // an unwrap as well. A data key never changes once made (rewrap changes only how it is wrapped),
  // so a cached copy cannot go stale; a workspace's purge evicts its keys (forgetTenant).
  readonly #newestKeys = new LRUCache<string, { version: number; key: Buffer }>({ max: DATA_KEY_CACHE_SIZE });
  readonly #keysByVersion = new LRUCache<string, Buffer>({ max: DATA_KEY_CACHE_SIZE });

  constructor(config: Config, clock: Clock) {
    this.#roots = { app: config.keys.app, sensitive: config.keys.sensitive };
    this.#clock = clock;
  }

  /** The newest data key of a purpose for the current tenant, created on first use. */
  #dataKey(purpose: Purpose): { version: number; key: Buffer } {
    const cacheKey = `${currentTenantId()}:${purpose}`;
    const cached = this.#newestKeys.get(cacheKey);
    if (cached) return cached;
    const db = tenantDb();
    const row = db.statement('SELECT version, wrapped FROM vault_keys WHERE purpose = ? ORDER BY version DESC LIMIT 1').get(purpose) as { version: number; wrapped: Buffer } | undefined;
    if (row) {
      const newest = { version: row.version, key: this.#unwrap(purpose, row.version, row.wrapped) };
      this.#newestKeys.set(cacheKey, newest);
      return newest;
    }
    // OR IGNORE: two processes creating the first key at once keep one of them, then both read it.
    const root = this.#roots[purpose].current();
    db.statement('INSERT OR IGNORE INTO vault_keys (purpose, version, wrapped, root_version, created_at) VALUES (?, 1, ?, ?, ?)').run(
      purpose,
      seal(this.#normalise(root.key), root.version, randomBytes(32), this.#wrapContext(purpose, 1)),
      root.version,
      isoAt(this.#clock.now()),
    );
    return this.#dataKey(purpose);
  }

  /**
   * Re-seals the current tenant's data keys of a purpose with the newest root key version. The
   * data keys themselves (and so every value they sealed) stay as they are. Returns how many moved.
   */
  rewrap(purpose: Purpose): number {
    const db = tenantDb();
    const root = this.#roots[purpose].current();
    return db.transaction(() => {
      const rows = db.statement('SELECT version, wrapped, root_version FROM vault_keys WHERE purpose = ? AND root_version <> ?').all(purpose, root.version) as { version: number; wrapped: Buffer; root_version: number }[];
      for (const row of rows) this.#rewrapRow(purpose, row.version, this.#unwrap(purpose, row.version, row.wrapped));
      return rows.length;
    });
  }

  /**
   * Makes a copy of another workspace's database, restored under the current tenant (`spinney
   * backup restore --as`), usable here: each data key is unwrapped under the original workspace's
   * id and wrapped under this one with the newest root key, and every value in `columns` is opened
   * under its original context and sealed again under this workspace's with the same data key
   * (so fingerprints stay valid). One transaction: a value that does not open changes nothing.
   */
  adoptCopyOf(originalTenantId: string, columns: readonly SealedColumn[]): { dataKeys: number; values: number } {
    const db = tenantDb();
    const tenantId = currentTenantId();
    return db.transaction(() => {
      const keys = new Map<string, Buffer>();
      const rows = db.statement('SELECT purpose, version, wrapped FROM vault_keys').all() as { purpose: Purpose; version: number; wrapped: Buffer }[];
      for (const row of rows) {
        const key = this.#unwrap(row.purpose, row.version, row.wrapped, originalTenantId);
        keys.set(`${row.purpose}:${row.version}`, key);
        this.#rewrapRow(row.purpose, row.version, key);
      }
      let values = 0;
      for (const c of columns) {
        if (![c.table, c.storedColumn, c.recordIdColumn].every((name) => IDENTIFIER.test(name))) throw new RangeError(`not a column: ${c.table}.${c.storedColumn}`);
        const sealedRows = db.statement(`SELECT ${c.recordIdColumn} AS record, ${c.storedColumn} AS sealed FROM ${c.table} WHERE ${c.storedColumn} IS NOT NULL`).all() as { record: string; sealed: Buffer }[];
        const update = db.statement(`UPDATE ${c.table} SET ${c.storedColumn} = ? WHERE ${c.recordIdColumn} = ?`);
        for (const { record, sealed } of sealedRows) {
          const context = (tenant: string): SealContext => ({ tenantId: tenant, purpose: c.purpose, table: c.table, recordId: String(record), ...(c.contextColumn ? { column: c.contextColumn } : {}) });
          const version = sealedKeyVersion(sealed);
          const plaintext = open((v) => keys.get(`${c.purpose}:${v}`), sealed, context(originalTenantId));
          update.run(seal(keys.get(`${c.purpose}:${version}`) as Buffer, version, plaintext, context(tenantId)), record);
          values += 1;
        }
      }
      return { dataKeys: rows.length, values };
    });
  }

  #dataKeyVersion(purpose: Purpose, version: number): Buffer | undefined {
    const cacheKey = `${currentTenantId()}:${purpose}:${version}`;
    const cached = this.#keysByVersion.get(cacheKey);
    if (cached) return cached;
    const row = tenantDb().statement('SELECT wrapped FROM vault_keys WHERE purpose = ? AND version = ?').get(purpose, version) as { wrapped: Buffer } | undefined;
    const key = row && this.#unwrap(purpose, version, row.wrapped);
    if (key) this.#keysByVersion.set(cacheKey, key);
    return key;
  }

  /** Drops a workspace's data keys from memory (its purge destroys them on disk). */
  forgetTenant(tenantId: string): void {
    for (const cache of [this.#newestKeys, this.#keysByVersion] as LRUCache<string, object>[]) {
      for (const key of [...cache.keys()]) if (key.startsWith(`${tenantId}:`)) cache.delete(key);
    }
  }

  #normalise(root: Buffer): Buffer {
    let key = this.#normalised.get(root);
    if (!key) {
      key = createHmac('sha256', root).update('spinney vault root v1').digest();
      this.#normalised.set(root, key);
    }
    return key;
  }

  #rootKey(purpose: Purpose, version: number): Buffer | undefined {
    const root = this.#roots[purpose].get(version);
    return root && this.#normalise(root);
  }

  #wrapContext(purpose: Purpose, version: number, tenantId = currentTenantId()) {
    return { tenantId, purpose: 'wrap', table: 'vault_keys', recordId: `${purpose}:${version}` };
  }

  /** A wrapped data key of the current tenant, or (restore --as) of the workspace a copy came from. */
  #unwrap(purpose: Purpose, version: number, wrapped: Buffer, tenantId = currentTenantId()): Buffer {
    return open((v) => this.#rootKey(purpose, v), wrapped, this.#wrapContext(purpose, version, tenantId));
  }

  /** Stores a data key of the current tenant wrapped by the newest root key version. */
  #rewrapRow(purpose: Purpose, version: number, key: Buffer): void {
    const root = this.#roots[purpose].current();
    tenantDb()
      .statement('UPDATE vault_keys SET wrapped = ?, root_version = ? WHERE purpose = ? AND version = ?')
      .run(seal(this.#normalise(root.key), root.version, key, this.#wrapContext(purpose, version)), root.version, purpose, version);
  }

  /** The data-key versions of the current tenant, with the root-key version each is sealed by. */
  keyVersions(): { purpose: Purpose; version: number; rootVersion: number; createdAt: string }[] {
    return (tenantDb().statement('SELECT purpose, version, root_version, created_at FROM vault_keys ORDER BY purpose, version').all() as {
      purpose: Purpose;
      version: number;
      root_version: number;
      created_at: string;
    }[]).map((r) => ({ purpose: r.purpose, version: r.version, rootVersion: r.root_version, createdAt: r.created_at }));
  }

  /** Seals a customer-sensitive field value for one column of one record of the current tenant. */
  sealField(table: string, recordId: string, column: string, value: string): Buffer {
    const { version, key } = this.#dataKey('sensitive');
    return seal(key, version, Buffer.from(value, 'utf8'), { tenantId: currentTenantId(), purpose: 'sensitive', table, recordId, column });
  }

  openField(table: string, recordId: string, column: string, sealed: Buffer): string {
    return open((v) => this.#dataKeyVersion('sensitive', v), sealed, { tenantId: currentTenantId(), purpose: 'sensitive', table, recordId, column }).toString('utf8');
  }

  /** The workspace's own secrets (admin routes); system secrets (names with a colon) are not listed. */
  list(): SecretInfo[] {
    return (tenantDb().statement("SELECT * FROM vault_secrets WHERE instr(name, ':') = 0 ORDER BY name").all() as SecretRow[]).map(toInfo);
  }

  /** Every secret name, system ones included (the export lists names, never values). */
  names(): string[] {
    return (tenantDb().statement('SELECT name FROM vault_secrets ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  }

  // System secrets: written and read by code (an integration's refresh token, a webhook endpoint's
  // signing secret), named `<owner>:<id>:<what>`. The admin routes cannot name them (their pattern
  // has no colon); the owning feature audits its own events, so these calls do not.

  /** Stores or replaces a system secret, sealed like any other. */
  putSystem(name: string, value: string): void {
    assertSystemName(name);
    const db = tenantDb();
    const existing = db.statement('SELECT created_at, created_by FROM vault_secrets WHERE name = ?').get(name) as Pick<SecretRow, 'created_at' | 'created_by'> | undefined;
    this.#upsert(this.#sealedRow(name, value, existing));
  }

  /** A system secret's value, or undefined when there is none. */
  getSystem(name: string): string | undefined {
    assertSystemName(name);
    const row = tenantDb().statement('SELECT sealed FROM vault_secrets WHERE name = ?').get(name) as Pick<SecretRow, 'sealed'> | undefined;
    return row ? this.#openSecret(name, row.sealed) : undefined;
  }

  /** Deletes a system secret; false when there was none. */
  deleteSystem(name: string): boolean {
    assertSystemName(name);
    return tenantDb().statement('DELETE FROM vault_secrets WHERE name = ?').run(name).changes === 1;
  }

  #sealedRow(name: string, value: string, existing: Pick<SecretRow, 'created_at' | 'created_by'> | undefined): SecretRow {
    const { version, key } = this.#dataKey('app');
    const now = isoAt(this.#clock.now());
    return {
      name,
      sealed: seal(key, version, Buffer.from(value, 'utf8'), { tenantId: currentTenantId(), purpose: 'app', table: 'vault_secrets', recordId: name }),
      // Keyed by the data key: recognisable by someone who holds the value, no offline guessing for anyone else.
      fingerprint: createHmac('sha256', key).update(`fingerprint:${value}`).digest('hex').slice(0, 16),
      hint: secretHint(value),
      created_at: existing?.created_at ?? now,
      created_by: existing?.created_by ?? currentActorId(),
      updated_at: now,
      updated_by: currentActorId(),
    };
  }

  #upsert(row: SecretRow): void {
    tenantDb()
      .statement(
        `INSERT INTO vault_secrets (name, sealed, fingerprint, hint, created_at, created_by, updated_at, updated_by)
         VALUES (@name, @sealed, @fingerprint, @hint, @created_at, @created_by, @updated_at, @updated_by)
         ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, fingerprint = excluded.fingerprint, hint = excluded.hint,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(row);
  }

  #openSecret(name: string, sealed: Buffer): string {
    return open((v) => this.#dataKeyVersion('app', v), sealed, { tenantId: currentTenantId(), purpose: 'app', table: 'vault_secrets', recordId: name }).toString('utf8');
  }

  /** Stores a new secret (409 if the name is taken); audited with its fingerprint, never its value. */
  create(name: string, value: string): SecretInfo {
    return this.#write(name, value, 'create');
  }

  /** Replaces an existing secret (404 if there is none). */
  replace(name: string, value: string): SecretInfo {
    return this.#write(name, value, 'replace');
  }

  #write(name: string, value: string, mode: 'create' | 'replace'): SecretInfo {
    const db = tenantDb();
    return db.transaction(() => {
      const existing = db.statement('SELECT * FROM vault_secrets WHERE name = ?').get(name) as SecretRow | undefined;
      if (mode === 'create' && existing) throw new AppError(409, 'conflict', 'a secret with this name exists; replace it instead');
      if (mode === 'replace' && !existing) throw notFound('secret');
      const row = this.#sealedRow(name, value, existing);
      this.#upsert(row);
      recordTenantEvent(existing ? 'vault.secret_replaced' : 'vault.secret_created', { type: 'secret', id: name }, {
        ...(existing ? { before: { fingerprint: existing.fingerprint } } : {}),
        after: { fingerprint: row.fingerprint },
      });
      return toInfo(row);
    });
  }

  /** The value, for code that uses it (an SMTP password, an API key). `person`: audit the read. */
  read(name: string, options: { person: boolean }): string {
    const row = tenantDb().statement('SELECT * FROM vault_secrets WHERE name = ?').get(name) as SecretRow | undefined;
    if (!row) throw notFound('secret');
    const value = this.#openSecret(name, row.sealed);
    if (options.person) recordTenantEvent('vault.secret_read', { type: 'secret', id: name }, { after: { fingerprint: row.fingerprint } });
    return value;
  }

  delete(name: string): void {
    const db = tenantDb();
    db.transaction(() => {
      const row = db.statement('SELECT fingerprint FROM vault_secrets WHERE name = ?').get(name) as { fingerprint: string } | undefined;
      if (!row) throw notFound('secret');
      db.statement('DELETE FROM vault_secrets WHERE name = ?').run(name);
      recordTenantEvent('vault.secret_deleted', { type: 'secret', id: name }, { before: { fingerprint: row.fingerprint } });
    });
  }
}
