// `backup restore --as`: a run's copy of a workspace becomes a new workspace beside the original.
// Its sealed values open under the new id (and only there), what belongs to the original's outside
// connections stays behind, the original does not change, and every refusal creates nothing.
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenantAs } from '../../src/backup/restore-as.js';
import { verifyTenantAudit } from '../../src/audit/audit.service.js';
import { deleteTenant } from '../../src/tenants/tenant-deletion.js';
import { DataPolicies, type TablePolicy } from '../../src/data-policy/data-policy.js';
import { TABLE_POLICIES } from '../../src/data-policy/tables.js';
import { listTenants } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, startSession, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { seedWorkspace } from '../export/seed.js';
import { addContact, contactNames } from './helpers.js';

const SCOPE = { actor: null, requestId: null };
const tokenFor = (api: TestApp, tenantId: string): string => startSession(api.runtime, tenantId, 'admin', 'us_restorer').accessToken;
const tenantCount = (api: TestApp): number => api.runtime.control.statement('SELECT count(*) FROM tenants').pluck().get() as number;

t.test('restore --as: a copy under a new id opens its sealed values, leaves the outside connections behind, and the original does not change', async (t) => {
  const api = await build(t);
  const original = api.tenant('Harbour Roofing');
  const seeded = await seedWorkspace(api, original, 'restore-as');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  await addContact(api, original.token(), 'Made after the backup');
  const originalContacts = await contactNames(api, original.token());

  const summary = await restoreTenantAs(api.runtime, { tenantId: original.id, runId, as: 'new', adminEmail: 'restorer@harbour.example' });
  t.match(summary, {
    tenantId: original.id,
    newTenantId: /^tn_/,
    name: /^Harbour Roofing \(restored from \d{4}-\d\d-\d\d\)$/,
    runId,
    invitation: { email: 'restorer@harbour.example', role: 'admin' },
    leftBehind: { integrations: 1, webhook_endpoints: 1, webhook_subscriptions: 1 },
    // The webhook delivery and the invitation's mail the original still owed.
    cancelled: { outbox_items: 2 },
  });
  t.ok((summary.leftBehind.sessions ?? 0) >= 1 && (summary.leftBehind.refresh_tokens ?? 0) >= 1, 'sessions and their refresh tokens stay behind');
  t.ok(summary.resealed.values >= 3 && summary.resealed.dataKeys >= 2, 'data keys re-wrapped, secret and both sensitive fields re-sealed');
  const copy = summary.newTenantId;
  t.match(listTenants(api.runtime).find((x) => x.id === copy), { status: 'active', name: summary.name });

  api.runtime.tenancy.run(copy, SCOPE, () => {
    const db = tenantDb();
    for (const table of ['sessions', 'refresh_tokens', 'integrations', 'webhook_endpoints', 'webhook_subscriptions']) {
      t.equal(db.statement(`SELECT count(*) FROM ${table}`).pluck().get(), 0, `no ${table} in the copy`);
    }
    t.same(db.statement("SELECT name FROM vault_secrets WHERE instr(name, ':') > 0").pluck().all(), [], 'no integration token nor webhook secret in the copy');
    t.equal(db.statement("SELECT count(*) FROM outbox_items WHERE state IN ('pending', 'sending')").pluck().get(), 0, 'nothing left to send');
    t.ok((db.statement('SELECT count(*) FROM webhook_receipts').pluck().get() as number) >= 1, 'received webhooks are history and stay');
    const last = db.statement('SELECT action, actor_type, after FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { action: string; actor_type: string; after: string };
    t.match(last, { action: 'backup.restored_as', actor_type: 'operator' });
    t.match(JSON.parse(last.after), { from: original.id, runId });
  });
  const token = tokenFor(api, copy);
  t.same(await contactNames(api, token), originalContacts.filter((n) => n !== 'Made after the backup'), 'the copy holds the run, not what came after');
  const sensitive = await api.call({ method: 'GET', url: `/api/v1/contacts/${seeded.contactId}/sensitive`, token });
  t.equal(sensitive.statusCode, 200, sensitive.body);
  t.same(sensitive.json(), { taxId: seeded.taxId, bankDetails: seeded.bankDetails }, 'sensitive fields open under the new id');
  const secrets = (await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token })).json().items as { name: string; fingerprint: string }[];
  const originalSecrets = (await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token: original.token() })).json().items as { name: string; fingerprint: string }[];
  t.same(secrets, originalSecrets, 'the workspace secrets, with the fingerprints they had');
  t.equal(api.runtime.tenancy.run(copy, SCOPE, () => api.runtime.vault.read(seeded.secretName, { person: false })), seeded.secretValue, 'the secret value opens in the copy');
  t.ok(verifyTenantAudit(api.runtime, copy, 'operator').ok, "the copy's audit chain (the original's history, then the restore) verifies");
  t.equal(api.runtime.control.statement("SELECT count(*) FROM audit_events WHERE action = 'backup.restored_as' AND tenant_id = ?").pluck().get(copy), 1, 'in the platform log');

  // The original is untouched: same contacts, its secrets still open there, its sessions alive.
  t.same(await contactNames(api, original.token()), originalContacts);
  const stillThere = await api.call({ method: 'GET', url: `/api/v1/contacts/${seeded.contactId}/sensitive`, token: original.token() });
  t.same(stillThere.json(), { taxId: seeded.taxId, bankDetails: seeded.bankDetails });
  api.runtime.tenancy.run(original.id, SCOPE, () => {
    t.equal(tenantDb().statement('SELECT count(*) FROM integrations').pluck().get(), 1, "the original keeps its integration");
  });

  // A sealed value of the copy moved back under the original id does not open there: the copy's
  // values are bound to the copy.
  const movedSealed = api.runtime.tenancy.run(copy, SCOPE, () => tenantDb().statement('SELECT tax_id_sealed FROM contacts WHERE id = ?').pluck().get(seeded.contactId)) as Buffer;
  api.runtime.tenancy.run(original.id, SCOPE, () => {
    t.throws(() => api.runtime.vault.openField('contacts', seeded.contactId, 'tax_id', movedSealed), 'bound to the new id');
  });
});

t.test('restore --as refuses a taken, malformed or identical id and a deleted original, creating nothing', async (t) => {
  const api = await build(t);
  const a = api.tenant();
  const b = api.tenant();
  await addContact(api, a.token(), 'Kept');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const before = tenantCount(api);
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: a.id, runId, as: b.id }), { name: 'BackupRefused', message: `${b.id} is not a free workspace id` });
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: a.id, runId, as: 'tn_nope' }), { name: 'BackupRefused', message: 'tn_nope is not a free workspace id' });
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: a.id, runId, as: a.id }), { name: 'BackupRefused', message: /names the workspace itself/ });
  t.equal(tenantCount(api), before, 'no workspace was created');
  api.runtime.tenancy.run(b.id, SCOPE, () => t.equal(tenantDb().statement('SELECT count(*) FROM contacts').pluck().get(), 0, "b's file was not touched"));

  deleteTenant(api.runtime, a.id, { actor: 'operator' });
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: a.id, runId, as: 'new' }), { name: 'BackupRefused', message: /is deleted/ });
  t.equal(tenantCount(api), before);
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', 'new')));
});

t.test('spinney backup restore --as through the built executable', async (t) => {
  const api = await build(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };
  const tenant = api.tenant('Oak Joinery');
  await addContact(api, tenant.token(), 'In the run');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  await addContact(api, tenant.token(), 'Only live');

  const res = await spinney(['backup', 'restore', runId, '--tenant', tenant.id, '--confirm', tenant.id, '--as', 'new', '--name', 'Oak Joinery (recovered)'], env);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stderr, new RegExp(`restoring ${tenant.id} from run ${runId} as a new workspace \\(new\\); ${tenant.id} itself does not change`), 'it says what it will do first');
  const newId = /as (tn_\w+) "Oak Joinery \(recovered\)"/.exec(res.stdout)?.[1] as string;
  t.ok(newId, res.stdout);
  t.match(res.stdout, /no members yet: spinney member invite --tenant tn_\w+ --email EMAIL --role admin/);
  t.same(await contactNames(api, tokenFor(api, newId)), ['In the run']);
  t.same(await contactNames(api, tenant.token()), ['In the run', 'Only live']);
});

// Tables planted in the original's database (as a later migration would add them), with or
// without declarations added to tables.ts's for this test.
const planted = (extra: TablePolicy[]): DataPolicies => new DataPolicies([...TABLE_POLICIES, ...extra]);
const notes: TablePolicy = { plane: 'tenant', table: 'notes', holds: 'planted notes', restoreAs: { action: 'keep' } };

t.test('restore --as refuses a table without a data policy, or a binary column without a column policy, creating nothing', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  api.runtime.tenancy.run(tenant.id, SCOPE, () => {
    tenantDb().statement('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, scan BLOB) STRICT').run();
    tenantDb().statement(`INSERT INTO notes VALUES ('n1', 'planted', x'cafe')`).run();
  });
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const before = tenantCount(api);
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: tenant.id, runId, as: 'new' }), {
    name: 'BackupRefused',
    message: 'restore --as cannot copy notes: a table without a data policy in src/data-policy/tables.ts',
  });
  await t.rejects(restoreTenantAs(api.runtime, { tenantId: tenant.id, runId, as: 'new' }, planted([notes])), {
    name: 'BackupRefused',
    message: 'restore --as cannot move notes.scan: a binary column without a column policy in src/data-policy/tables.ts',
  });
  t.equal(tenantCount(api), before, 'no workspace was created');
});

t.test('restore --as follows each declared policy: a dropped table is empty, an FTS index is rebuilt, its shadow tables refuse nothing', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  api.runtime.tenancy.run(tenant.id, SCOPE, () => {
    const db = tenantDb();
    db.statement('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT').run();
    db.statement('CREATE TABLE drafts (id TEXT PRIMARY KEY) STRICT').run();
    // External content and no triggers: the original's index never saw the row, so only a rebuild finds it.
    db.statement(`CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='rowid')`).run();
    db.statement(`INSERT INTO notes VALUES ('n1', 'roof flashing quote')`).run();
    db.statement(`INSERT INTO drafts VALUES ('d1')`).run();
  });
  const search = (id: string): unknown[] => api.runtime.tenancy.run(id, SCOPE, () => tenantDb().statement(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'flashing'`).all());
  t.same(search(tenant.id), [], 'the original index is stale');
  const { runId } = await runBackup(api.runtime, { actor: 'operator' });
  const policies = planted([
    notes,
    { plane: 'tenant', table: 'drafts', holds: 'planted drafts', restoreAs: { action: 'drop', why: 'test' } },
    { plane: 'tenant', table: 'notes_fts', holds: 'planted index', derived: 'fts5' },
  ]);
  const summary = await restoreTenantAs(api.runtime, { tenantId: tenant.id, runId, as: 'new' }, policies);
  t.match(summary.leftBehind, { drafts: 1 });
  t.equal(search(summary.newTenantId).length, 1, 'the copy index was rebuilt from its content');
  api.runtime.tenancy.run(summary.newTenantId, SCOPE, () => {
    t.equal(tenantDb().statement('SELECT count(*) FROM drafts').pluck().get(), 0, 'the dropped table is empty');
    t.equal(tenantDb().statement('SELECT count(*) FROM notes').pluck().get(), 1, 'the kept table is kept');
  });
});
