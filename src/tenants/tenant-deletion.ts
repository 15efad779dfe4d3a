// Workspace deletion, in two steps:
//
//   delete  at once: the workspace is marked deleted (every request refused at once, no
//           sign-in admits anyone), every session ended, and a purge date set after the grace
//           period (SPINNEY_DELETION_GRACE_DAYS).
//   purge   when due (the `tenant-purge` job), at once with `tenant delete --now`, or by hand with
//           `spinney tenant purge`: the workspace's directory (database, WAL, files) is removed,
//           its backup key destroyed in keyring.db and in the backup target's keyring copy (awaited,
//           its outcome recorded) — so every backup of it becomes unreadable (crypto-shredding) —
//           its data keys dropped from memory, and every control-plane row that names it deleted.
//           What remains is the tombstone (TOMBSTONE_COLUMNS: id, status, deleted at and by, purge
//           times; every other column of its row emptied) and the platform audit log, which names
//           ids only. Every SQLite file runs with secure_delete, so deleted rows are zeroed on disk,
//           and control.db's WAL is truncated so no old page copy lingers there.
import { recordPlatformEvent, recordTenantEvent, type PlatformActor, type PlatformRequest } from '../audit/audit.service.js';
import { rewriteKeyringCopies, type KeyringRewrite } from '../backup/keyring-copies.js';
import { removeDamagedCopies } from '../backup/layout.js';
import { DATA_POLICIES } from '../data-policy/tables.js';
import { AppError, notFound } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { currentTenantId, hasScope } from '../tenancy/context.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { isoAt } from '../time/clock.js';
import type { ControlDb } from './control-db.js';
import { controlTablesWithTenantId, findTombstone, markTenantDeleted, purgeTenantRows, tenantColumns, tenantsDueForPurge, type TombstoneRow } from './tenants.repo.js';

const DAY_MS = 86_400_000;
// Control-plane tables that keep rows naming a purged workspace: the tombstone itself (`tenants`,
// whose own id is the workspace) and those whose data policy keeps them (the platform audit log,
// append-only, names the workspace by id and never holds its content). Every other table with a
// tenant_id loses the workspace's rows, declared or not.
const KEPT_TABLES = new Set(['tenants', ...DATA_POLICIES.all.flatMap((p) => (p.plane === 'control' && p.tenantRows === 'kept' ? [p.table] : []))]);

/**
 * The tombstone: the columns of a purged workspace's `tenants` row that keep their value. Every
 * other column, whenever it was added, is emptied at the purge (tombstoneAssignments below).
 */
export const TOMBSTONE_COLUMNS: ReadonlySet<string> = new Set(['id', 'status', 'deleted_at', 'deleted_by', 'purge_after', 'purged_at', 'updated_at']);
/**
 * What a NOT NULL column outside the tombstone holds after the purge, where NULL is not allowed
 * and the column has no default (SQL expressions over the row). slug is UNIQUE, so it takes the id.
 * A column added by a migration (ALTER TABLE ADD COLUMN) is nullable or has a default, so it needs
 * no entry here; a rebuilt table with a new NOT NULL column and no default makes the purge refuse.
 */
export const NEUTRAL_VALUES: Readonly<Record<string, string>> = { name: "''", slug: 'id', created_at: "''" };

export interface DeletionOutcome {
  tenantId: string;
  deletedAt: string;
  purgeAfter: string;
}

export interface PurgeOutcome {
  tenantId: string;
  purgedAt: string;
  /** The keyring copy on the backup target: rewritten without the destroyed key, or why not. */
  keyringCopy: KeyringRewrite;
}

const findRow = (control: ControlDb, tenantId: string): TombstoneRow | undefined => (isTenantId(tenantId) ? findTombstone(control, tenantId) : undefined);

/** What deleted_by records: the admin's user id, or `operator` / `system`. */
const actorName = (actor: PlatformActor): string => (typeof actor === 'string' ? actor : actor.userId);

/**
 * Deletes a workspace: refused from now on, purge due after the grace period (or at once with
 * `now`; the caller then runs purgeTenant). `actor` is the admin (with the request they sent) or
 * `operator` at the CLI.
 */
export function deleteTenant(runtime: Runtime, tenantId: string, options: { actor: PlatformActor; request?: PlatformRequest; now?: boolean }): DeletionOutcome {
  const row = findRow(runtime.control, tenantId);
  if (!row || row.status === 'deleted') throw notFound('tenant');
  const now = runtime.clock.now();
  const deletedAt = isoAt(now);
  const purgeAfter = isoAt(options.now ? now : now + runtime.config.deletionGraceDays * DAY_MS);
  const by = actorName(options.actor);

  // The workspace's own log records the request and the sessions it ended; the purge removes it
  // with the rest, and the platform log keeps the fact. An admin's request is already in the
  // workspace's scope (with its actor and request id); an operator's is not.
  const endSessions = (): void => {
    runtime.sessions.endEveryone('workspace_deleted');
    recordTenantEvent('workspace.deletion_requested', { type: 'tenant', id: tenantId }, { after: { by, purgeAfter } });
  };
  if (hasScope() && currentTenantId() === tenantId) endSessions();
  else runtime.tenancy.run(tenantId, { actor: null, operator: options.actor === 'operator', requestId: null }, endSessions);
  runtime.control.transaction(() => {
    markTenantDeleted(runtime.control, { id: tenantId, deletedAt, by, purgeAfter });
    recordPlatformEvent(runtime, 'tenant.deleted', tenantId, { after: { by, purgeAfter } }, options.actor, options.request);
  });
  return { tenantId, deletedAt, purgeAfter };
}

/** Deletes and purges at once (`spinney tenant delete --now`): resolves when the keyring copy has been rewritten too. */
export async function deleteTenantNow(runtime: Runtime, tenantId: string, actor: PlatformActor): Promise<DeletionOutcome & PurgeOutcome> {
  const deleted = deleteTenant(runtime, tenantId, { actor, now: true });
  return { ...deleted, ...(await purgeTenant(runtime, tenantId, actor)) };
}

/** Why a workspace cannot be purged now, or null when it can (the CLI says it before acting). */
export function purgeRefusal(runtime: Runtime, tenantId: string): AppError | null {
  const row = findRow(runtime.control, tenantId);
  if (!row) return notFound('tenant');
  if (row.status !== 'deleted') return new AppError(409, 'not_deleted', `workspace ${tenantId} is ${row.status}, not deleted; only a deleted workspace can be purged`);
  if (row.purged_at) return new AppError(409, 'already_purged', `workspace ${tenantId} was purged at ${row.purged_at}`);
  return null;
}

const purgesInFlight = new Set<string>();

/**
 * Purges a deleted workspace now. Refuses one that is not deleted, already purged, or being
 * purged. The destruction comes first (data keys, directory, backup key), then the target's
 * keyring copy is rewritten and awaited, then one control.db transaction deletes the rows naming
 * the workspace, leaves only the tombstone and records `tenant.purged` with the keyring copy's
 * outcome. Every step repeats harmlessly, so a crash part-way leaves a workspace still due
 * (purged_at NULL) that the next tenant-purge run finishes.
 */
export async function purgeTenant(runtime: Runtime, tenantId: string, actor: PlatformActor): Promise<PurgeOutcome> {
  const refusal = purgeRefusal(runtime, tenantId);
  if (refusal) throw refusal;
  if (purgesInFlight.has(tenantId)) throw new AppError(409, 'purge_running', `workspace ${tenantId} is being purged already`);
  purgesInFlight.add(tenantId);
  try {
    const { control } = runtime;
    // Checked before anything is destroyed: a tombstone this code cannot write refuses the purge.
    const assignments = tombstoneAssignments(control);

    runtime.vault.forgetTenant(tenantId);
    runtime.tenancy.removeDatabase(tenantId);
    // A damaged file a restore kept aside is this workspace's plaintext too.
    removeDamagedCopies(runtime.config.dataDir, tenantId);
    runtime.keyring.destroyBackupKey(tenantId);
    // …and from the keyring copy on the backup target (never rejects; a failure is its outcome).
    const keyringCopy = await rewriteKeyringCopies(runtime.config);

    const purgedAt = isoAt(runtime.clock.now());
    const recorded = control.transaction((): string => {
      const now = findRow(control, tenantId);
      if (now?.purged_at) return now.purged_at; // another process finished the same purge meanwhile
      purgeTenantRows(control, tenantId, tablesNamingTenants(control), assignments, purgedAt);
      recordPlatformEvent(runtime, 'tenant.purged', tenantId, { after: { purgedAt, keyringCopy } }, actor);
      return purgedAt;
    });
    // Old page images of the deleted rows live in the WAL until a checkpoint copies the zeroed pages back.
    control.db.pragma('wal_checkpoint(TRUNCATE)');
    return { tenantId, purgedAt: recorded, keyringCopy };
  } finally {
    purgesInFlight.delete(tenantId);
  }
}

export interface DuePurges {
  purged: PurgeOutcome[];
  failed: { tenantId: string; reason: string }[];
}

/** Purges every deleted workspace whose grace period is over. One failing does not stop the rest. */
export async function purgeDueTenants(runtime: Runtime, actor: PlatformActor): Promise<DuePurges> {
  const due = tenantsDueForPurge(runtime.control, isoAt(runtime.clock.now()));
  const result: DuePurges = { purged: [], failed: [] };
  for (const tenantId of due) {
    try {
      result.purged.push(await purgeTenant(runtime, tenantId, actor));
    } catch (err) {
      result.failed.push({ tenantId, reason: (err as Error).message });
    }
  }
  return result;
}

/**
 * `col = value` for every column of `tenants` outside the tombstone, read from the table itself so
 * a column added later is emptied without anyone remembering to: NULL where allowed, otherwise
 * NEUTRAL_VALUES or the column's default. Throws, before anything is destroyed, for a NOT NULL
 * column it has no value for.
 */
export function tombstoneAssignments(control: ControlDb): string[] {
  return tenantColumns(control)
    .filter((column) => !TOMBSTONE_COLUMNS.has(column.name))
    .map((column) => {
      const value = NEUTRAL_VALUES[column.name] ?? (column.notnull === 0 ? 'NULL' : column.dflt_value);
      if (value === null) throw new Error(`tenants.${column.name} is NOT NULL without a default: give it a neutral value in NEUTRAL_VALUES (src/tenants/tenant-deletion.ts) before purging`);
      return `"${column.name}" = ${value}`;
    });
}

/** Every control-plane table with a tenant_id column, except the tombstone and the audit log: new tables are covered by themselves. */
function tablesNamingTenants(control: ControlDb): string[] {
  return controlTablesWithTenantId(control).filter((table) => !KEPT_TABLES.has(table));
}
