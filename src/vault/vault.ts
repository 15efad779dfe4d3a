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
import {
  allDataKeyRows,
  allSecretNames,
  dataKeyRow,
  dataKeysNotWrappedBy,
  deleteSecretRow,
  findSecretRow,
  insertFirstDataKey,
  newestDataKeyRow,
  ownSecretRows,
  sealedColumn,
  updateWrappedDataKey,
  upsertSecretRow,
  type Purpose,
  type SecretRow,
} from './vault.repo.js';

export type { Purpose } from './vault.repo.js';

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
    const row = newestDataKeyRow(db, purpose);
    if (row) {
      const newest = { version: row.version, key: this.#unwrap(purpose, row.version, row.wrapped) };
      this.#newestKeys.set(cacheKey, newest);
      return newest;
    }
    // Two processes creating the first key at once keep one of them, then both read it.
    const root = this.#roots[purpose].current();
    insertFirstDataKey(db, {
      purpose,
      wrapped: seal(this.#normalise(root.key), root.version, randomBytes(32), this.#wrapContext(purpose, 1)),
      root_version: root.version,
      created_at: isoAt(this.#clock.now()),
    });
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
      const rows = dataKeysNotWrappedBy(db, purpose, root.version);
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
      const rows = allDataKeyRows(db);
      for (const row of rows) {
        const key = this.#unwrap(row.purpose, row.version, row.wrapped, originalTenantId);
        keys.set(`${row.purpose}:${row.version}`, key);
        this.#rewrapRow(row.purpose, row.version, key);
      }
      let values = 0;
      for (const c of columns) {
        const column = sealedColumn(db, c.table, c.storedColumn, c.recordIdColumn);
        for (const { record, sealed } of column.values()) {
          const context = (tenant: string): SealContext => ({ tenantId: tenant, purpose: c.purpose, table: c.table, recordId: String(record), ...(c.contextColumn ? { column: c.contextColumn } : {}) });
          const version = sealedKeyVersion(sealed);
          const plaintext = open((v) => keys.get(`${c.purpose}:${v}`), sealed, context(originalTenantId));
          column.replace(record, seal(keys.get(`${c.purpose}:${version}`) as Buffer, version, plaintext, context(tenantId)));
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
    const row = dataKeyRow(tenantDb(), purpose, version);
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
    updateWrappedDataKey(tenantDb(), purpose, version, seal(this.#normalise(root.key), root.version, key, this.#wrapContext(purpose, version)), root.version);
  }

  /** The data-key versions of the current tenant, with the root-key version each is sealed by. */
  keyVersions(): { purpose: Purpose; version: number; rootVersion: number; createdAt: string }[] {
    return allDataKeyRows(tenantDb()).map((r) => ({ purpose: r.purpose, version: r.version, rootVersion: r.root_version, createdAt: r.created_at }));
  }

  /** Opens every wrapped data key of the current tenant; each that will not open (a wrong or lost root key) is named. */
  unopenableDataKeys(): string[] {
    const problems: string[] = [];
    for (const row of allDataKeyRows(tenantDb())) {
      try {
        this.#unwrap(row.purpose, row.version, row.wrapped);
      } catch (err) {
        problems.push(`${row.purpose} data key v${row.version} (sealed by root v${row.root_version}) does not open: ${(err as Error).message}`);
      }
    }
    return problems;
  }

  /** Seals a customer-sensitive field value for one column of one record of the current tenant. */
  sealField(table: string, recordId: string, column: string, value: string): Buffer {
    const { version, key } = this.#dataKey('sensitive');
    return seal(key, version, Buffer.from(value, 'utf8'), { tenantId: currentTenantId(), purpose: 'sensitive', table, recordId, column });
  }

  openField(table: string, recordId: string, column: string, sealed: Buffer): string {
    return open((v) => this.#dataKeyVersion('sensitive', v), sealed, { tenantId: currentTenantId(), purpose: 'sensitive', table, recordId, column }).toString('utf8');
  }

  /**
   * The current tenant's newest sensitive data key, for file blobs: src/files/file-cipher.ts derives
   * a key per file from it (HKDF) and binds tenant, file and chunk, so it never seals with it directly.
   */
  fileKey(): { version: number; key: Buffer } {
    return this.#dataKey('sensitive');
  }

  /** One version of the current tenant's sensitive data key (the one a stored file names), or undefined. */
  fileKeyVersion(version: number): Buffer | undefined {
    return this.#dataKeyVersion('sensitive', version);
  }

  /** The workspace's own secrets (admin routes); system secrets (names with a colon) are not listed. */
  list(): SecretInfo[] {
    return ownSecretRows(tenantDb()).map(toInfo);
  }

  /** Every secret name, system ones included (the export lists names, never values). */
  names(): string[] {
    return allSecretNames(tenantDb());
  }

  // System secrets: written and read by code (an integration's refresh token, a webhook endpoint's
  // signing secret), named `<owner>:<id>:<what>`. The admin routes cannot name them (their pattern
  // has no colon); the owning feature audits its own events, so these calls do not.

  /** Stores or replaces a system secret, sealed like any other. */
  putSystem(name: string, value: string): void {
    assertSystemName(name);
    upsertSecretRow(tenantDb(), this.#sealedRow(name, value, findSecretRow(tenantDb(), name)));
  }

  /** A system secret's value, or undefined when there is none. */
  getSystem(name: string): string | undefined {
    assertSystemName(name);
    const row = findSecretRow(tenantDb(), name);
    return row ? this.#openSecret(name, row.sealed) : undefined;
  }

  /** Deletes a system secret; false when there was none. */
  deleteSystem(name: string): boolean {
    assertSystemName(name);
    return deleteSecretRow(tenantDb(), name);
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
      const existing = findSecretRow(db, name);
      if (mode === 'create' && existing) throw new AppError(409, 'conflict', 'a secret with this name exists; replace it instead');
      if (mode === 'replace' && !existing) throw notFound('secret');
      const row = this.#sealedRow(name, value, existing);
      upsertSecretRow(db, row);
      recordTenantEvent(existing ? 'vault.secret_replaced' : 'vault.secret_created', { type: 'secret', id: name }, {
        ...(existing ? { before: { fingerprint: existing.fingerprint } } : {}),
        after: { fingerprint: row.fingerprint },
      });
      return toInfo(row);
    });
  }

  /** The value, for code that uses it (an SMTP password, an API key). `person`: audit the read. */
  read(name: string, options: { person: boolean }): string {
    const row = findSecretRow(tenantDb(), name);
    if (!row) throw notFound('secret');
    const value = this.#openSecret(name, row.sealed);
    if (options.person) recordTenantEvent('vault.secret_read', { type: 'secret', id: name }, { after: { fingerprint: row.fingerprint } });
    return value;
  }

  delete(name: string): void {
    const db = tenantDb();
    db.transaction(() => {
      const row = findSecretRow(db, name);
      if (!row) throw notFound('secret');
      deleteSecretRow(db, name);
      recordTenantEvent('vault.secret_deleted', { type: 'secret', id: name }, { before: { fingerprint: row.fingerprint } });
    });
  }
}
