// `spinney backup restore RUN --tenant ID --as NEW_ID|new --confirm ID`: the run's copy of a
// workspace becomes a new workspace beside the original, which does not change. The usual reason:
// getting back records deleted or changed since the run without rolling the live workspace back.
//
// Every vault value is sealed with additional data naming its workspace and the data keys are
// wrapped under that id, so the copy is moved to the new id rather than copied byte for byte: each
// data key is unwrapped under the original id and wrapped under the new one, and every sealed
// column is re-sealed (Vault.adoptCopyOf).
//
// What happens to each table is its data policy (src/data-policy/tables.ts): kept, dropped (what
// belongs to the original's connections to the outside world: sessions, integrations, webhook
// endpoints and subscriptions, with their vault system secrets), or kept with pending work
// cancelled (the copy sends nothing the original owed); derived tables (FTS indexes) are rebuilt.
// A table without a policy, or a BLOB column without a column policy, stops the restore before the
// new workspace exists: nothing is copied that nobody decided about. Members are not copied:
// `--admin EMAIL` invites the first admin, or `spinney member invite` later.
//
// The new workspace is created suspended and made active only once the copy is complete; if
// anything fails after it was created, it is deleted and purged at once (a tombstone and the
// platform audit events remain, as for every purge).
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { recordOperatorTenantEvent, recordPlatformEvent } from '../audit/audit.service.js';
import { deleteTenantNow } from '../tenants/tenant-deletion.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { createTenant, setTenantStatus } from '../tenants/tenants.service.js';
import type { DataPolicies } from '../data-policy/data-policy.js';
import { cancelPendingRows, deferForeignKeys, deleteAllRows, rebuildFts5, systemSecretNames } from '../data-policy/data-policy.repo.js';
import type { SchemaTable } from '../data-policy/schema.js';
import { DATA_POLICIES } from '../data-policy/tables.js';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { adoptFilesOf } from '../files/files.service.js';
import { newTenantId } from '../tenancy/tenant-id.js';
import type { SealedColumn } from '../vault/vault.js';
import { copyInto, schemaOf } from './database-files.js';
import { BackupRefused } from './errors.js';
import { fetchRestorable, withRestoreIo, type RestoreOptions } from './restore.js';

export interface RestoreAsOptions extends RestoreOptions {
  /** A free, well-formed workspace id, or 'new' for a generated one. */
  as: string;
  /** The new workspace's name; by default the original's with "(restored from <date>)". */
  name?: string;
  /** Invites this person as the new workspace's first admin. */
  adminEmail?: string;
}

export interface RestoreAsSummary {
  tenantId: string;
  newTenantId: string;
  name: string;
  runId: string;
  backupStartedAt: string;
  schemaVersion: number;
  invitation: { id: string; email: string; role: string } | null;
  /** How many data keys were re-wrapped and sealed values re-sealed under the new id. */
  resealed: { dataKeys: number; values: number };
  /** How many files were decrypted and sealed again for the new id. */
  files: number;
  /** Rows left behind (dropped from the copy), by table. */
  leftBehind: Record<string, number>;
  /** Rows whose pending work was cancelled, by table. */
  cancelled: Record<string, number>;
  seconds: number;
}

const SCOPE = { actor: null, requestId: null };

/** `policies`: the declarations to follow; tests add planted tables to tables.ts's. */
export async function restoreTenantAs(runtime: Runtime, options: RestoreAsOptions, policies: DataPolicies = DATA_POLICIES): Promise<RestoreAsSummary> {
  const started = performance.now();
  const newId = options.as === 'new' ? newTenantId() : options.as;
  if (newId === options.tenantId) throw new BackupRefused('--as names the workspace itself; to restore in place leave --as out');
  return withRestoreIo(runtime, 'restore-as', async (io) => {
    const { runId, manifest, row, check, restored, files } = await fetchRestorable(runtime, options, io);
    const plan = planCopy(policies, schemaOf(restored));
    const name = options.name ?? `${row.name ?? 'Workspace'} (restored from ${manifest.startedAt.slice(0, 10)})`;
    const created = (() => {
      try {
        return createTenant(runtime, { id: newId, name, ...(options.adminEmail ? { adminEmail: options.adminEmail } : {}) });
      } catch (err) {
        throw new BackupRefused((err as Error).message);
      }
    })();
    try {
      // No request reaches it until the copy is complete (an invitation could be accepted meanwhile).
      setTenantStatus(runtime, newId, 'suspended');
      await copyInto(restored, join(runtime.config.dataDir, 'tenants', newId, 'tenant.db'));
      const moved = runtime.tenancy.run(newId, SCOPE, () => {
        const db = tenantDb();
        return db.transaction(() => {
          const { leftBehind, cancelled } = leaveBehind(runtime, plan);
          const resealed = runtime.vault.adoptCopyOf(options.tenantId, plan.sealed);
          for (const table of plan.rebuild) rebuildFts5(db, table);
          recordOperatorTenantEvent('backup.restored_as', { type: 'tenant', id: newId }, {
            after: { from: options.tenantId, runId, backupStartedAt: manifest.startedAt, resealed, leftBehind, cancelled },
          });
          return { leftBehind, cancelled, resealed };
        });
      });
      // Every blob is bound to its workspace's id: each is re-encrypted for the new one.
      const movedFiles = await runtime.tenancy.run(newId, SCOPE, () => adoptFilesOf(runtime, options.tenantId, files));
      runtime.control.transaction(() => {
        recordPlatformEvent(runtime, 'backup.restored_as', newId, { after: { from: options.tenantId, runId, backupStartedAt: manifest.startedAt } }, 'operator');
      });
      setTenantStatus(runtime, newId, 'active');
      return {
        tenantId: options.tenantId,
        newTenantId: newId,
        name: created.name,
        runId,
        backupStartedAt: manifest.startedAt,
        schemaVersion: check.schemaVersion,
        invitation: created.invitation,
        ...moved,
        files: movedFiles,
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
    } catch (err) {
      if (findTenant(runtime.control, newId)) await deleteTenantNow(runtime, newId, 'operator');
      throw err;
    }
  });
}

/** What the copy's tables need, by their data policies. */
interface CopyPlan {
  drop: { table: string; systemSecrets?: string }[];
  cancel: { table: string; pending: string; cancel: string }[];
  /** Sealed columns of the tables that stay, re-sealed for the new id. */
  sealed: SealedColumn[];
  /** Derived tables (FTS5), rebuilt from their content. */
  rebuild: string[];
}

/** Refuses a copy with a table without a data policy or a BLOB column without a column policy (fail closed). */
function planCopy(policies: DataPolicies, schema: SchemaTable[]): CopyPlan {
  const plan: CopyPlan = { drop: [], cancel: [], sealed: [], rebuild: [] };
  const undeclared: string[] = [];
  const unplannedBlobs: string[] = [];
  for (const { name, columns } of schema) {
    const found = policies.classify('tenant', name);
    if (found.kind === 'undeclared') undeclared.push(name);
    if (found.kind === 'derived') plan.rebuild.push(name);
    if (found.kind !== 'table' || found.policy.plane !== 'tenant') continue;
    const { restoreAs, columns: declared = {} } = found.policy;
    for (const column of columns) if (column.type.toUpperCase() === 'BLOB' && !declared[column.name]) unplannedBlobs.push(`${name}.${column.name}`);
    if (restoreAs.action === 'drop') {
      plan.drop.push({ table: name, ...(restoreAs.systemSecrets ? { systemSecrets: restoreAs.systemSecrets } : {}) });
      continue;
    }
    if (restoreAs.action === 'cancel-pending') plan.cancel.push({ table: name, pending: restoreAs.pending, cancel: restoreAs.cancel });
    for (const [storedColumn, policy] of Object.entries(declared)) {
      if (policy.kind !== 'sealed') continue;
      plan.sealed.push({ table: name, storedColumn, purpose: policy.purpose, recordIdColumn: policy.recordIdColumn, ...(policy.contextColumn ? { contextColumn: policy.contextColumn } : {}) });
    }
  }
  if (undeclared.length > 0) throw new BackupRefused(`restore --as cannot copy ${undeclared.join(', ')}: a table without a data policy in src/data-policy/tables.ts`);
  if (unplannedBlobs.length > 0) throw new BackupRefused(`restore --as cannot move ${unplannedBlobs.join(', ')}: a binary column without a column policy in src/data-policy/tables.ts`);
  return plan;
}

/** Drops and cancels what the plan says (see the top of this file), with the dropped rows' system secrets. */
function leaveBehind(runtime: Runtime, plan: CopyPlan): Pick<RestoreAsSummary, 'leftBehind' | 'cancelled'> {
  const db = tenantDb();
  deferForeignKeys(db);
  const leftBehind: Record<string, number> = {};
  for (const { table, systemSecrets } of plan.drop) {
    if (systemSecrets) for (const name of systemSecretNames(db, systemSecrets)) runtime.vault.deleteSystem(name);
    leftBehind[table] = deleteAllRows(db, table);
  }
  const cancelled: Record<string, number> = {};
  for (const { table, pending, cancel } of plan.cancel) cancelled[table] = cancelPendingRows(db, table, pending, cancel);
  return { leftBehind, cancelled };
}
