// `backup restore --as`: a run's copy of a workspace becomes a new workspace beside the original.
// Its sealed values open under the new id (and only there), what belongs to the original's outside
// connections stays behind, the original does not change, and every refusal creates nothing.
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenantAs } from '../../src/backup/restore-as.js';
import { verifyTenantAudit } from '../../src/audit/audit.service.js';
import { deleteTenant } from '../../src/control/tenant-deletion.js';
import { listTenants } from '../../src/control/tenants.service.js';
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
    leftBehind: { integrations: 1, webhookEndpoints: 1, webhookSubscriptions: 1 },
  });
  t.ok(summary.leftBehind.sessions >= 1, 'sessions stay behind');
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
