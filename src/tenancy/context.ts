// The tenant context: every piece of code that touches tenant data runs inside exactly one scope,
// bound by the auth layer from a verified access token (or by a CLI/job naming a tenant id it got
// from the control plane). Outside a scope, tenantDb() throws; nothing ever falls back to a default.
import { AsyncLocalStorage } from 'node:async_hooks';
import { isoAt, type Clock } from '../time/clock.js';
import type { TenantHandle } from './tenant-handle.js';

export interface Actor {
  userId: string;
  role: string;
  sessionId: string;
}

/** Where a request came from, for the audit log. */
export interface Client {
  ip: string;
  userAgent: string | null;
}

export interface TenantScope {
  readonly tenantId: string;
  /** Who acts: a signed-in user, or null for the CLI and jobs. */
  readonly actor: Actor | null;
  /** No user, but an operator at the CLI (`spinney member invite`): audit rows and createdBy say `operator`, not `system`. */
  readonly operator?: boolean;
  readonly requestId: string | null;
  readonly client?: Client | null;
  /** The runtime's clock (tests move a ManualClock). */
  readonly clock: Clock;
  /**
   * Set only inside Tenancy.runAs: this scope reads another workspace (read-only) for the named
   * purpose on behalf of fromTenantId, and cannot open a further one.
   */
  readonly crossTenant?: { readonly fromTenantId: string; readonly purpose: string };
  /**
   * A request on a route that declares `groupCommit`: its transactions join the turn's shared
   * commit (TenantHandle.transaction), and the ticket collects every shared commit it wrote to or
   * read from, for its answer to wait on.
   */
  readonly groupCommit?: GroupCommitTicket;
  /** Opens (or reuses) this tenant's handle; supplied by Tenancy, never by callers. */
  readonly handle: () => TenantHandle;
}

/**
 * One request's claim on the shared commits it joined (src/tenancy/tenant-handle.ts): settled()
 * resolves once each of them is committed and rejects if any failed. Taken per request, so what
 * the request waits on never depends on which handle the cache holds when it answers.
 */
export class GroupCommitTicket {
  readonly #joined = new Set<Promise<void>>();

  join(committed: Promise<void>): void {
    this.#joined.add(committed);
  }

  /** Waits for the commits joined so far, once: the answer sent for a failure does not wait again. */
  async settled(): Promise<void> {
    const joined = [...this.#joined];
    this.#joined.clear();
    for (const committed of joined) await committed;
  }
}

export class TenantContextMissing extends Error {
  constructor() {
    super('tenant data was reached outside a tenant context');
    this.name = 'TenantContextMissing';
  }
}

const storage = new AsyncLocalStorage<TenantScope>();

export function currentScope(): TenantScope {
  const scope = storage.getStore();
  if (!scope) throw new TenantContextMissing();
  return scope;
}

/** The current tenant's database handle. Throws TenantContextMissing outside a scope. */
export function tenantDb(): TenantHandle {
  return currentScope().handle();
}

export function currentTenantId(): string {
  return currentScope().tenantId;
}

/** Now, as an ISO timestamp, by the runtime's clock: for audit rows and record times. */
export function currentTimestamp(): string {
  return isoAt(currentScope().clock.now());
}

/** The acting user's id, `operator` for a CLI command that says so, or `system` for jobs. */
export function currentActorId(): string {
  const scope = currentScope();
  return scope.actor?.userId ?? (scope.operator ? 'operator' : 'system');
}

/** The current scope, or undefined outside one (for code that checks which scope it is in). */
export function scopeIfAny(): TenantScope | undefined {
  return storage.getStore();
}

export function hasScope(): boolean {
  return storage.getStore() !== undefined;
}

/** Internal to src/tenancy/: Tenancy.run() builds the scope. */
export function runInScope<T>(scope: TenantScope, fn: () => T): T {
  return storage.run(scope, fn);
}
