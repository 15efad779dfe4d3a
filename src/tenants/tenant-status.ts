// Tenant status on the request path. Every authenticated request needs it, and reading control.db
// costs a read transaction (file locks, WAL index) each time: as much as the request's own query.
// Statuses are kept for at most `maxAgeMs` (1 s by default), so a suspension made by another
// process (the CLI, another PM2 worker) takes effect within that second; one made through this
// process's runtime takes effect at once (setTenantStatus calls forget()).
import type { ControlDb } from './control-db.js';
import { findTenantStatus, type TenantStatus } from './tenants.repo.js';

export class TenantStatusCache {
  readonly #entries = new Map<string, { status: TenantStatus | undefined; readAt: number }>();

  constructor(
    private readonly control: ControlDb,
    private readonly maxAgeMs = 1000,
    private readonly maxEntries = 100_000,
  ) {}

  get(tenantId: string): TenantStatus | undefined {
    const now = Date.now();
    const entry = this.#entries.get(tenantId);
    if (entry && now - entry.readAt < this.maxAgeMs) return entry.status;
    const status = findTenantStatus(this.control, tenantId);
    // Unknown ids are not remembered: a flood of made-up ids must not fill the map.
    if (status === undefined) {
      this.#entries.delete(tenantId);
      return undefined;
    }
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(tenantId, { status, readAt: now });
    return status;
  }

  forget(tenantId: string): void {
    this.#entries.delete(tenantId);
  }
}
