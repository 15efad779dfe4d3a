// What a process needs to serve tenants: the validated config, the control plane and the tenant
// plane. The server and every CLI command build it the same way, so they share one code path.
import { wireEventListeners } from './background.js';
import type { Config } from './config/config.js';
import { ControlDb } from './tenants/control-db.js';
import { TenantStatusCache } from './tenants/tenant-status.js';
import { Sessions } from './sessions/sessions.js';
import { Tenancy } from './tenancy/tenancy.js';
import { systemClock, type Clock } from './time/clock.js';
import { Keyring } from './vault/keyring.js';
import { Vault } from './vault/vault.js';

export interface Runtime {
  readonly config: Config;
  readonly control: ControlDb;
  readonly tenancy: Tenancy;
  /** Tenant statuses for the request path, re-read after any commit to control.db (see tenant-status.ts). */
  readonly tenantStatus: TenantStatusCache;
  readonly clock: Clock;
  readonly sessions: Sessions;
  readonly vault: Vault;
  /** keyring.db: per-workspace backup keys, outside every tenant and control-plane file. */
  readonly keyring: Keyring;
  close(): void;
}

export function openRuntime(config: Config, options: { clock?: Clock } = {}): Runtime {
  const clock = options.clock ?? systemClock;
  wireEventListeners();
  const control = new ControlDb(config.dataDir, config.sqliteSynchronous);
  try {
    control.migrate();
  } catch (err) {
    control.close();
    throw err;
  }
  let keyring: Keyring;
  try {
    keyring = new Keyring(config, clock);
  } catch (err) {
    control.close();
    throw err;
  }
  const tenancy = new Tenancy({
    dataDir: config.dataDir,
    handleCacheSize: config.tenantHandleCacheSize,
    synchronous: config.sqliteSynchronous,
    clock,
  });
  return {
    config,
    control,
    tenancy,
    tenantStatus: new TenantStatusCache(control),
    clock,
    sessions: new Sessions(config, clock),
    vault: new Vault(config, clock),
    keyring,
    close() {
      tenancy.close();
      keyring.close();
      control.close();
    },
  };
}
