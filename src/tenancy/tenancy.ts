// The tenant plane: one SQLite file per tenant at <dataDir>/tenants/<tenantId>/tenant.db, the path
// derived only from a validated, server-generated tenant id. Open handles live in an LRU cache;
// evicted handles are closed. Migrations run the first time each file is opened by this process.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { recordTenantEvent } from '../audit/audit.service.js';
import type { SqliteSynchronous } from '../config/config.js';
import { currentScope, hasScope, runInScope, scopeIfAny, type Actor, type Client, type GroupCommitTicket, type TenantScope } from './context.js';
import { applyMigrations, loadMigrations, type Migration } from './migrations.js';
import { openSqlite, openSqliteReadOnly, type CheckpointResult } from './sqlite.js';
import { TenantHandle } from './tenant-handle.js';
import { isTenantId } from './tenant-id.js';
import { systemClock, type Clock } from '../time/clock.js';

export class InvalidTenantId extends Error {
  constructor() {
    super('not a valid tenant id');
    this.name = 'InvalidTenantId';
  }
}

export class TenantScopeNested extends Error {
  constructor() {
    super('a tenant scope is already active: one request or job, one tenant');
    this.name = 'TenantScopeNested';
  }
}

/** What Tenancy.runAs may carry out of another workspace: a number, or a record of numbers. */
export type CrossTenantNumbers = number | Readonly<Record<string, number>>;

export class CrossTenantResultRefused extends Error {
  constructor() {
    super('a cross-tenant read may return only a finite number or a plain record of finite numbers');
    this.name = 'CrossTenantResultRefused';
  }
}

/** A short machine name for why another workspace is read (e.g. `portfolio.totals`); it is audited. */
const PURPOSE = /^[a-z][a-z0-9_.-]{2,63}$/;

/** The result, copied into a fresh frozen record, if it is only numbers; throws otherwise. */
function plainNumbers(value: unknown): CrossTenantNumbers {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CrossTenantResultRefused();
  const prototype = Object.getPrototypeOf(value) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || Object.getOwnPropertySymbols(value).length > 0) throw new CrossTenantResultRefused();
  const copy: Record<string, number> = {};
  for (const [key, entry] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (!('value' in entry) || typeof entry.value !== 'number' || !Number.isFinite(entry.value)) throw new CrossTenantResultRefused();
    copy[key] = entry.value;
  }
  return Object.freeze(copy);
}

export class TenantDatabaseMissing extends Error {
  constructor(tenantId: string) {
    super(`tenant database for ${tenantId} does not exist`);
    this.name = 'TenantDatabaseMissing';
  }
}

export interface TenancyOptions {
  dataDir: string;
  handleCacheSize: number;
  synchronous: SqliteSynchronous;
  migrations?: Migration[];
  /** The runtime's clock: audit rows and record times in a scope take their time from it. */
  clock?: Clock;
}

export class Tenancy {
  readonly #tenantsDir: string;
  readonly #clock: Clock;
  readonly #synchronous: SqliteSynchronous;
  readonly #migrations: Migration[];
  readonly #handles: LRUCache<string, TenantHandle>;
  /** Tenants whose file this process has already brought up to date: reopening after an eviction skips the check. */
  readonly #migrated = new Set<string>();

  constructor(options: TenancyOptions) {
    this.#tenantsDir = join(options.dataDir, 'tenants');
    this.#synchronous = options.synchronous;
    this.#clock = options.clock ?? systemClock;
    this.#migrations = options.migrations ?? loadMigrations('tenant');
    this.#handles = new LRUCache<string, TenantHandle>({
      max: options.handleCacheSize,
      dispose: (handle) => handle.close(),
    });
  }

  /**
   * Runs fn bound to one tenant. The only way code outside src/tenancy/ reaches a tenant database.
   * Scopes do not nest: code already bound to a tenant (a request, a job) cannot rebind itself to
   * another one, whatever id it got hold of.
   */
  run<T>(
    tenantId: string,
    context: { actor: Actor | null; operator?: boolean; requestId: string | null; client?: Client | null; groupCommit?: GroupCommitTicket | null },
    fn: () => T,
  ): T {
    if (hasScope()) throw new TenantScopeNested();
    if (!isTenantId(tenantId)) throw new InvalidTenantId();
    const scope: TenantScope = {
      tenantId,
      actor: context.actor,
      operator: context.operator === true && context.actor === null,
      requestId: context.requestId,
      client: context.client ?? null,
      clock: this.#clock,
      ...(context.groupCommit ? { groupCommit: context.groupCommit } : {}),
      handle: () => this.#open(tenantId),
    };
    return runInScope(scope, fn);
  }

  /** Whether the code calling runs in this tenant's scope, opened for this request id (not a runAs scope). */
  isBoundTo(tenantId: string, requestId: string): boolean {
    const scope = scopeIfAny();
    return scope !== undefined && scope.tenantId === tenantId && scope.requestId === requestId && scope.crossTenant === undefined;
  }

  /**
   * The one way to read a second workspace while bound to one, for a narrow named purpose (portfolio
   * aggregates): fn runs in a read-only scope of otherTenantId (its own read-only connection) and
   * may return only plain numbers, so no record leaves that workspace. Both workspaces' audit logs
   * record the read before it happens. Callable only inside a scope; a runAs scope cannot open another.
   */
  runAs<T extends CrossTenantNumbers>(otherTenantId: string, purpose: string, fn: () => T): T {
    const scope = currentScope();
    if (scope.crossTenant) throw new TenantScopeNested();
    if (!isTenantId(otherTenantId)) throw new InvalidTenantId();
    if (otherTenantId === scope.tenantId) throw new Error('runAs reads another workspace, not the current one');
    if (!PURPOSE.test(purpose)) throw new Error(`not a cross-tenant read purpose: ${purpose}`);
    const crossTenant = { fromTenantId: scope.tenantId, purpose };
    const other = { ...scope, tenantId: otherTenantId, crossTenant };
    runInScope({ ...other, handle: () => this.#open(otherTenantId) }, () =>
      recordTenantEvent('tenancy.cross_tenant_read', { type: 'tenant', id: scope.tenantId }, { after: { purpose, direction: 'read_by' } }),
    );
    recordTenantEvent('tenancy.cross_tenant_read', { type: 'tenant', id: otherTenantId }, { after: { purpose, direction: 'read_of' } });
    const handle = new TenantHandle(otherTenantId, openSqliteReadOnly(this.#existingDatabasePath(otherTenantId)));
    try {
      return plainNumbers(runInScope({ ...other, handle: () => handle }, fn)) as T;
    } finally {
      handle.close();
    }
  }

  /** Creates and migrates a new tenant's database file. */
  createDatabase(tenantId: string): void {
    const dir = this.#directory(tenantId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.#handles.set(tenantId, this.#openFile(tenantId, false));
  }

  /** Opens the tenant's file so pending migrations run; returns the versions applied. */
  migrate(tenantId: string): number[] {
    this.#handles.delete(tenantId);
    const path = this.#existingDatabasePath(tenantId);
    const db = openSqlite(path, { synchronous: this.#synchronous, mustExist: true });
    try {
      const applied = applyMigrations(db, this.#migrations);
      this.#migrated.add(tenantId);
      return applied;
    } finally {
      db.close();
    }
  }

  /** Closes the tenant's handle and removes its directory (database, WAL, everything in it). */
  removeDatabase(tenantId: string): void {
    const dir = this.#directory(tenantId);
    this.#handles.delete(tenantId);
    this.#migrated.delete(tenantId);
    rmSync(dir, { recursive: true, force: true });
  }

  databaseExists(tenantId: string): boolean {
    return existsSync(this.#databasePath(tenantId));
  }

  get openHandles(): number {
    return this.#handles.size;
  }

  /** Checkpoints (TRUNCATE) every open tenant database; one result per database. */
  checkpointAll(): CheckpointResult[] {
    return [...this.#handles.values()].map((handle) => handle.checkpoint());
  }

  close(): void {
    this.#handles.clear(); // dispose closes each handle
  }

  #open(tenantId: string): TenantHandle {
    let handle = this.#handles.get(tenantId);
    if (!handle) {
      handle = this.#openFile(tenantId, true);
      this.#handles.set(tenantId, handle);
    }
    return handle;
  }

  #openFile(tenantId: string, mustExist: boolean): TenantHandle {
    const path = mustExist ? this.#existingDatabasePath(tenantId) : this.#databasePath(tenantId);
    const db = openSqlite(path, { synchronous: this.#synchronous, mustExist });
    try {
      if (!this.#migrated.has(tenantId)) {
        applyMigrations(db, this.#migrations);
        this.#migrated.add(tenantId);
      }
    } catch (err) {
      db.close();
      throw err;
    }
    return new TenantHandle(tenantId, db);
  }

  #existingDatabasePath(tenantId: string): string {
    const path = this.#databasePath(tenantId);
    if (!existsSync(path)) throw new TenantDatabaseMissing(tenantId);
    return path;
  }

  #directory(tenantId: string): string {
    if (!isTenantId(tenantId)) throw new InvalidTenantId();
    return join(this.#tenantsDir, tenantId);
  }

  #databasePath(tenantId: string): string {
    return join(this.#directory(tenantId), 'tenant.db');
  }
}
