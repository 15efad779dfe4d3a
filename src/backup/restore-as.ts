// `spinney backup restore RUN --tenant ID --as NEW_ID|new --confirm ID`: the run's copy of a
// workspace becomes a new workspace beside the original, which does not change. The usual reason:
// getting back records deleted or changed since the run without rolling the live workspace back.
//
// Every vault value is sealed with additional data naming its workspace and the data keys are
// wrapped under that id, so the copy is moved to the new id rather than copied byte for byte: each
// data key is unwrapped under the original id and wrapped under the new one, and every sealed
// column is re-sealed (Vault.adoptCopyOf). A BLOB column this module does not know stops the
// restore before the new workspace exists: a sealed column added later cannot slip through
// unreadable.
//
// What the copy keeps: contacts (sensitive fields included), the workspace's own vault secrets, its
// audit log (the original's history, rows naming the original id; the chain still verifies) and
// webhook receipts and delivery history. What it leaves behind, because it belongs to the
// original's connections to the outside world: sessions (the copy has no members yet), Google and
// Microsoft integrations (their grant and refresh token are the original's; two workspaces
// rotating one refresh token would break each other), inbound webhook endpoints (their ids route to
// the original) and outbound subscriptions (the copy must not send the original's receivers events
// a second time), each with its secrets; deliveries still pending are cancelled. Members are not
// copied: `--admin EMAIL` invites the first admin, or `spinney member invite` later.
//
// The new workspace is created suspended and made active only once the copy is complete; if
// anything fails after it was created, it is deleted and purged at once (a tombstone and the
// platform audit events remain, as for every purge).
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { recordOperatorTenantEvent, recordPlatformEvent } from '../audit/audit.service.js';
import { deleteTenantNow } from '../control/tenant-deletion.js';
import { findTenant } from '../control/tenants.repo.js';
import { createTenant, setTenantStatus } from '../control/tenants.service.js';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { newTenantId } from '../tenancy/tenant-id.js';
import type { SealedColumn } from '../vault/vault.js';
import { SENSITIVE_COLUMNS } from '../contacts/contact-sensitive.js';
import { blobColumns, copyInto } from './database-files.js';
import { BackupRefused } from './errors.js';
import { fetchRestorable, withRestoreIo, type RestoreOptions } from './restore.js';

/** Every column that holds vault-sealed values, with the context each was sealed in. */
const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'vault_secrets', storedColumn: 'sealed', purpose: 'app', recordIdColumn: 'name' },
  ...Object.values(SENSITIVE_COLUMNS).map((column) => ({ table: 'contacts', storedColumn: `${column}_sealed`, purpose: 'sensitive' as const, recordIdColumn: 'id', contextColumn: column })),
];

/** BLOB columns handled otherwise: wrapped data keys (re-wrapped by the vault), token hashes (their sessions are dropped). */
const OTHER_BLOB_COLUMNS = new Set(['vault_keys.wrapped', 'refresh_tokens.token_hash']);

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
  /** What was left behind, by kind. */
  leftBehind: { sessions: number; integrations: number; webhookEndpoints: number; webhookSubscriptions: number; pendingDeliveriesCancelled: number };
  seconds: number;
}

const SCOPE = { actor: null, requestId: null };

export async function restoreTenantAs(runtime: Runtime, options: RestoreAsOptions): Promise<RestoreAsSummary> {
  const started = performance.now();
  const newId = options.as === 'new' ? newTenantId() : options.as;
  if (newId === options.tenantId) throw new BackupRefused('--as names the workspace itself; to restore in place leave --as out');
  return withRestoreIo(runtime, 'restore-as', async (io) => {
    const { runId, manifest, row, check, restored } = await fetchRestorable(runtime, options, io);
    assertBlobColumnsKnown(restored);
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
          const leftBehind = leaveBehind(runtime);
          const resealed = runtime.vault.adoptCopyOf(options.tenantId, SEALED_COLUMNS);
          recordOperatorTenantEvent('backup.restored_as', { type: 'tenant', id: newId }, {
            after: { from: options.tenantId, runId, backupStartedAt: manifest.startedAt, resealed, leftBehind },
          });
          return { leftBehind, resealed };
        });
      });
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
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
    } catch (err) {
      if (findTenant(runtime.control, newId)) await deleteTenantNow(runtime, newId, 'operator');
      throw err;
    }
  });
}

/** Refuses a copy with a BLOB column this module does not know how to move (a sealed column added later). */
function assertBlobColumnsKnown(restored: string): void {
  const unknown = blobColumns(restored).filter((c) => !OTHER_BLOB_COLUMNS.has(c) && !SEALED_COLUMNS.some((s) => `${s.table}.${s.storedColumn}` === c));
  if (unknown.length > 0) throw new BackupRefused(`restore --as cannot move ${unknown.join(', ')}: a binary column without a policy in src/backup/restore-as.ts`);
}

/** Removes what belongs to the original's connections to the outside world (see the top of this file). */
function leaveBehind(runtime: Runtime): RestoreAsSummary['leftBehind'] {
  const db = tenantDb();
  const count = (sql: string): number => db.statement(sql).run().changes;
  const systemSecrets = (prefix: string): void => {
    for (const { name } of db.statement('SELECT name FROM vault_secrets WHERE name LIKE ?').all(`${prefix}:%`) as { name: string }[]) runtime.vault.deleteSystem(name);
  };
  count('DELETE FROM refresh_tokens');
  const sessions = count('DELETE FROM sessions');
  systemSecrets('integration');
  const integrations = count('DELETE FROM integrations');
  systemSecrets('webhook');
  const webhookEndpoints = count('DELETE FROM webhook_endpoints');
  const webhookSubscriptions = count('DELETE FROM webhook_subscriptions');
  const pendingDeliveriesCancelled = count("UPDATE outbox_items SET state = 'cancelled', lease_until = NULL, next_attempt_at = NULL WHERE state IN ('pending', 'sending')");
  return { sessions, integrations, webhookEndpoints, webhookSubscriptions, pendingDeliveriesCancelled };
}
