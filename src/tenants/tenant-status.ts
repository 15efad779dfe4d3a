// Tenant status on the request path. Every authenticated request needs it, and reading the row
// costs as much as the request's own query, so statuses are kept in memory — but only while
// nothing has been committed to control.db (ChangeWatch: any process's commit, or a write by this
// one). A suspension or deletion made anywhere (the CLI, another PM2 process) is seen by the very
// next request here; each request pays two tiny statements instead of the row read.
import type { ControlDb } from './control-db.js';
import { findTenantStatus, type TenantStatus } from './tenants.repo.js';

export class TenantStatusCache {
  readonly #entries = new Map<string, TenantStatus>();
  readonly #changes: ReturnType<ControlDb['watchChanges']>;

  constructor(
    private readonly control: ControlDb,
    private readonly maxEntries = 100_000,
  ) {
    this.#changes = control.watchChanges();
  }

  get(tenantId: string): TenantStatus | undefined {
    if (!this.#changes.unchanged()) this.#entries.clear();
    const kept = this.#entries.get(tenantId);
    if (kept !== undefined) return kept;
    const status = findTenantStatus(this.control, tenantId);
    // Unknown ids are not remembered: a flood of made-up ids must not fill the map.
    if (status === undefined) return undefined;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(tenantId, status);
    return status;
  }
}
