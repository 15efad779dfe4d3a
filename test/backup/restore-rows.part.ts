// Backup → wipe the workspace → restore → every row of every table is back as it was. The only
// differences are the ones restore.ts makes on purpose, and those are asserted too: every session
// live at the backup is ended ('revoked', a backup brings back sessions revoked since), the
// workspace's audit log gains one `session.revoked` per such session and one `backup.restored`,
// and data keys are carried over from the live file (vault_keys as it was just before the restore,
// so values sealed since still open). Two wipes: changes after the backup and then the content
// deleted from every table, and the database file lost.
import t, { type Test } from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATA_POLICIES } from '../../src/data-policy/tables.js';
import { verifyTenantAudit } from '../../src/audit/audit.service.js';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { build, tempDataDir, type TestApp } from '../helpers/app.js';
import { seedWorkspace } from '../export/seed.js';
import { contactNames, rootKeyFiles } from './helpers.js';

type Row = Record<string, unknown>;
interface Contents {
  schema: string[];
  userVersion: number;
  tables: Record<string, Row[]>;
}

/** Every row of every table (blobs included), read through a connection of its own, in a stable order. */
function contents(path: string): Contents {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`).pluck().all() as string[];
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const tables: Record<string, Row[]> = {};
    for (const name of names) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Row[];
      tables[name] = rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
    }
    return { schema, userVersion: db.pragma('user_version', { simple: true }) as number, tables };
  } finally {
    db.close();
  }
}

/** Tables restore changes on purpose; each is checked on its own below. */
const CHANGED_ON_PURPOSE = new Set(['sessions', 'audit_events', 'vault_keys']);

function assertRestored(t: Test, before: Contents, after: Contents, expectedKeys: Row[], restoredAt: number): void {
  t.same(after.schema, before.schema, 'the same tables, indexes and their definitions');
  t.equal(after.userVersion, before.userVersion, 'the same schema version');
  t.same(Object.keys(after.tables), Object.keys(before.tables));
  for (const [name, rows] of Object.entries(before.tables)) {
    if (CHANGED_ON_PURPOSE.has(name)) continue;
    t.same(after.tables[name], rows, `${name}: every row equal (${rows.length})`);
  }

  // Sessions: the same rows; those live at the backup are now ended, nothing else about them changed.
  const sessions = before.tables.sessions as Row[];
  const live = sessions.filter((s) => s.ended_at === null);
  t.ok(live.length >= 1, 'the backup held a live session');
  const afterSessions = new Map((after.tables.sessions as Row[]).map((s) => [s.id, s]));
  t.equal(afterSessions.size, sessions.length);
  for (const session of sessions) {
    const restored = afterSessions.get(session.id) as Row;
    if (session.ended_at !== null) t.same(restored, session, `session ${String(session.id)} ended before: unchanged`);
    else {
      t.same({ ...restored, ended_at: null, end_reason: null }, { ...session, ended_at: null, end_reason: null }, 'a live session keeps every other column');
      t.equal(restored.end_reason, 'revoked', 'and is ended, revoked');
      t.ok(Date.parse(restored.ended_at as string) >= restoredAt - 1000, 'at the restore');
    }
  }

  // The audit log: the backup's rows unchanged and in order, then one row per ended session and the restore.
  const bySeq = (rows: Row[]): Row[] => [...rows].sort((a, b) => (a.seq as number) - (b.seq as number));
  const auditBefore = bySeq(before.tables.audit_events as Row[]);
  const auditAfter = bySeq(after.tables.audit_events as Row[]);
  t.same(auditAfter.slice(0, auditBefore.length), auditBefore, `audit_events: the ${auditBefore.length} rows of the backup unchanged`);
  const added = auditAfter.slice(auditBefore.length);
  t.same(added.map((e) => e.action), [...live.map(() => 'session.revoked'), 'backup.restored'], 'then one session.revoked per live session and backup.restored');
  t.same(added.slice(0, -1).map((e) => e.target_id).sort(), live.map((s) => s.id).sort());

  t.same(after.tables.vault_keys, expectedKeys, 'vault_keys: the live file\'s data keys just before the restore');
}

t.test('backup, wipe the workspace, restore: every row of every table equal', async (t) => {
  const api: TestApp = await build(t, rootKeyFiles(tempDataDir(t)));
  const tenant = api.tenant('Every row');
  const bystander = api.tenant('Bystander');
  const seeded = await seedWorkspace(api, tenant, 'rows');
  await seedWorkspace(api, bystander, 'other');
  const livePath = join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db');
  const inTenant = <T>(fn: () => T): T => api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, fn);

  const before = contents(livePath);
  const populated = Object.entries(before.tables).filter(([, rows]) => rows.length > 0).map(([name]) => name);
  t.ok(populated.length >= 10, `the seed fills many tables (${populated.join(', ')})`);
  const bystanderPath = join(api.config.dataDir, 'tenants', bystander.id, 'tenant.db');
  const bystanderBefore = contents(bystanderPath);
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });

  // After the backup the app root key is rotated and the data keys re-wrapped with the new version:
  // the live vault_keys now differ from the backup's, and that is what a restore must keep.
  api.config.keys.app.addVersion(new Date().toISOString());
  t.equal(inTenant(() => api.runtime.vault.rewrap('app')), 1, 'the app data key re-wrapped');
  const keysBeforeWipe = contents(livePath).tables.vault_keys as Row[];
  t.notSame(keysBeforeWipe, before.tables.vault_keys);

  t.test('changed after the backup, then the content deleted from every table', async (t) => {
    const admin = tenant.token('admin');
    t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Made after the backup' } })).statusCode, 201);
    t.equal((await api.call({ method: 'DELETE', url: `/api/v1/contacts/${seeded.contactId}`, token: admin })).statusCode, 204);
    // Everything but the audit log (append-only: its trigger refuses) and the data keys (the vault's);
    // the search index is emptied through itself (its FTS5 shadow tables are SQLite's to write).
    const db = new Database(livePath);
    db.transaction(() => {
      for (const name of Object.keys(before.tables)) {
        if (name !== 'vault_keys' && name !== 'audit_events' && DATA_POLICIES.classify('tenant', name).kind !== 'shadow') db.prepare(`DELETE FROM "${name}"`).run();
      }
    })();
    t.throws(() => db.prepare('DELETE FROM audit_events').run(), /append-only/);
    db.close();
    t.same(await contactNames(api, tenant.token()), [], 'the API shows the wipe');
    const restoredAt = Date.now();
    await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
    assertRestored(t, before, contents(livePath), keysBeforeWipe, restoredAt);
    t.equal(inTenant(() => api.runtime.vault.read(seeded.secretName, { person: false })), seeded.secretValue, 'a vault secret opens with the carried-over key');
    t.equal(inTenant(() => api.runtime.vault.getSystem(seeded.systemSecretName)), seeded.systemSecretValue);
    const fields = await api.call({ method: 'GET', url: `/api/v1/contacts/${seeded.contactId}/sensitive`, token: tenant.token('admin') });
    t.match(fields.json(), { taxId: seeded.taxId, bankDetails: seeded.bankDetails }, 'sensitive fields open');
    t.ok(verifyTenantAudit(api.runtime, tenant.id, 'operator').ok, 'the audit chain verifies (anchored at the restore)');
  });

  t.test('the database file lost', async (t) => {
    api.runtime.tenancy.removeDatabase(tenant.id);
    const restoredAt = Date.now();
    await restoreTenant(api.runtime, { tenantId: tenant.id, runId, settleMs: 0 });
    // No live file to carry keys from: the backup's own data keys, wrapped with root key version 1,
    // which the key file still holds.
    assertRestored(t, before, contents(livePath), before.tables.vault_keys as Row[], restoredAt);
    t.equal(inTenant(() => api.runtime.vault.read(seeded.secretName, { person: false })), seeded.secretValue, 'a vault secret opens');
    t.ok(verifyTenantAudit(api.runtime, tenant.id, 'operator').ok);
  });

  t.test('the other workspace never changed', async (t) => {
    t.same(contents(bystanderPath), bystanderBefore);
  });
});
