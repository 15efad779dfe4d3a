// POST /api/v1/export: the complete workspace as a streamed archive, for admins only; every
// seeded record is in it, sealed fields opened, secret values, wrapped keys and token hashes never.
import t from 'tap';
import { readdirSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { createContact } from '../../src/contacts/contacts.service.js';
import { DATA_POLICIES } from '../../src/data-policy/tables.js';
import { prepareExport } from '../../src/export/export.service.js';
import { newId } from '../../src/http/ids.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type TestApp } from '../helpers/app.js';
import { readArchive, sha256 } from './archive.js';
import { canary, seedWorkspace } from './seed.js';

const EXPORT = '/api/v1/export';

const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const rowsOf = (api: TestApp, tenantId: string, table: string) => inTenant(api, tenantId, () => tenantDb().statement(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]);

async function exportAs(api: TestApp, token: string) {
  const res = await api.call({ method: 'POST', url: EXPORT, token, payload: {} });
  if (res.statusCode !== 200) throw new Error(`export failed: ${res.statusCode} ${res.body}`);
  return { res, archive: await readArchive(res.rawPayload) };
}

/** Open file descriptors of this process that point at a removed export spool. */
const openSpools = (): string[] =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      return /\/tmp\/export-[0-9a-f]+\.json \(deleted\)$/.test(target) ? [target] : [];
    } catch {
      return [];
    }
  });

const settle = async (until: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !until(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

t.test('every seeded record is in the export, sensitive fields decrypted', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('Export A');
  const seeded = await seedWorkspace(api, tenant, 'a');
  const { res, archive } = await exportAs(api, tenant.token('admin', 'us_admin'));

  t.equal(res.headers['content-type'], 'application/gzip');
  t.match(res.headers['content-disposition'], new RegExp(`^attachment; filename="spinney-export-${tenant.id}-\\d{4}-\\d{2}-\\d{2}\\.tar\\.gz"$`));
  t.equal(res.headers['cache-control'], 'no-store', 'never cached');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.match(res.headers['content-security-policy'], "default-src 'none'");
  t.same(archive.order, ['manifest.json', 'members.json', 'workspace.json', 'files/'], 'the documented layout, manifest first');
  t.equal(archive.entries.get('files/')?.type, 'directory', 'files/ is there, empty until the files feature lands');

  const { manifest, workspace } = archive;
  t.match(manifest, { format: 'spinney-workspace-export', formatVersion: 1, spinneyVersion: /^\d+\.\d+\.\d+/, tenantId: tenant.id, createdAt: /^\d{4}-\d{2}-\d{2}T/, files: [] });
  const workspaceBytes = archive.entries.get('workspace.json')?.body as Buffer;
  t.same(manifest.entries['workspace.json'], { bytes: workspaceBytes.length, sha256: sha256(workspaceBytes) }, 'the manifest holds the SHA-256 of workspace.json');
  const membersBytes = archive.entries.get('members.json')?.body as Buffer;
  t.same(manifest.entries['members.json'], { bytes: membersBytes.length, sha256: sha256(membersBytes) });
  t.same(Object.keys(manifest.tables), Object.keys(workspace), 'one count per table, in file order');
  for (const [table, rows] of Object.entries(workspace)) t.equal(manifest.tables[table], rows.length, `${table}: the count matches the rows`);

  // Every row of every table, as stored, apart from the declared column policies. The export's own
  // audit row was written after the snapshot and is not in it.
  for (const table of Object.keys(workspace)) {
    const policies = DATA_POLICIES.tenantTable(table)?.columns ?? {};
    const stored = rowsOf(api, tenant.id, table).filter((row) => row.action !== 'workspace.exported');
    const expected = stored.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !policies[column])));
    const exported = (workspace[table] ?? []).map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => Object.hasOwn(expected[0] ?? row, key))));
    t.same(exported, expected, `${table}: every stored row is exported`);
  }

  const contact = workspace.contacts?.find((c) => c.id === seeded.contactId);
  t.match(contact, { name: `${seeded.marker} name`, email: `${seeded.marker}@contacts.example`, notes: `${seeded.marker} notes\nsecond line` });
  t.equal(contact?.tax_id, seeded.taxId, 'the tax id, decrypted for the admin');
  t.equal(contact?.bank_details, seeded.bankDetails, 'the bank details, decrypted');
  t.notOk('tax_id_sealed' in (contact ?? {}), 'not the sealed bytes');
  const secretNames = workspace.vault_secrets?.map((s) => s.name);
  for (const name of [seeded.secretName, seeded.systemSecretName, `integration:${seeded.integrationId}:refresh_token`]) {
    t.ok(secretNames?.includes(name), `the secret ${name} is listed by name`);
  }
  t.same(Object.keys(workspace.vault_secrets?.[0] ?? {}), ['name', 'fingerprint', 'created_at', 'created_by', 'updated_at', 'updated_by']);
  t.same(Object.keys(workspace.vault_keys?.[0] ?? {}), ['purpose', 'version', 'root_version', 'created_at']);
  t.ok(workspace.sessions?.some((s) => s.id === seeded.sessionId && s.device === `${seeded.marker} device`), 'sessions');
  t.ok(workspace.refresh_tokens?.some((r) => r.session_id === seeded.sessionId), 'refresh-token generations, by session');
  t.ok(workspace.webhook_endpoints?.some((e) => e.id === seeded.endpointId), 'inbound webhook endpoints');
  t.ok(workspace.webhook_receipts?.some((r) => r.endpoint_id === seeded.endpointId && String(r.payload).includes(`${seeded.marker} inbound`)), 'received deliveries, payload as received');
  t.ok(workspace.webhook_subscriptions?.some((s) => s.id === seeded.subscriptionId), 'outbound subscriptions');
  t.ok(workspace.webhook_deliveries?.some((d) => d.subscription_id === seeded.subscriptionId && d.event_type === 'contact.created'), 'the outbox');
  t.ok(workspace.integrations?.some((i) => i.id === seeded.integrationId), 'integrations');
  const actions = workspace.audit_events?.map((e) => e.action);
  for (const action of ['contact.created', 'contact.sensitive_changed', 'vault.secret_created', 'member.invited', 'settings.sign_in_changed']) t.ok(actions?.includes(action), `audit: ${action}`);

  t.match(archive.members.workspace, { id: tenant.id, name: 'Export A', signIn: { allowedOrganizations: [seeded.organization] } });
  t.ok(archive.members.members.some((m) => m.id === seeded.memberId), 'members (from the control plane)');
  t.ok(archive.members.invitations.some((i) => i.id === seeded.invitationId && i.email === `${seeded.marker}-invite@people.example`), 'pending invitations');
  t.same(manifest.members, { members: archive.members.members.length, invitations: archive.members.invitations.length });
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [], 'no temporary file is left in the data directory');
  await settle(() => openSpools().length === 0);
  t.same(openSpools(), [], 'and none is held open');
});

t.test('vault values, wrapped keys and token hashes never appear in the archive', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const seeded = await seedWorkspace(api, tenant, 'secrets');
  const { archive, res } = await exportAs(api, tenant.token('admin', 'us_admin'));
  const forms = (bytes: Buffer) => [bytes, Buffer.from(bytes.toString('hex')), Buffer.from(bytes.toString('base64'))];
  t.equal(seeded.secretValues.length, 6);
  for (const value of seeded.secretValues) {
    t.notOk(archive.tar.includes(Buffer.from(value)), `the secret value ${value} is nowhere in the archive`);
    t.notOk(res.rawPayload.includes(Buffer.from(value)));
  }
  const sealed = rowsOf(api, tenant.id, 'vault_secrets').map((r) => r.sealed as Buffer);
  const wrapped = rowsOf(api, tenant.id, 'vault_keys').map((r) => r.wrapped as Buffer);
  const hashes = rowsOf(api, tenant.id, 'refresh_tokens').map((r) => r.token_hash as Buffer);
  t.ok(sealed.length >= 2 && wrapped.length >= 2 && hashes.length >= 2, 'the seeded workspace has all three');
  for (const [what, values] of [['sealed secret', sealed], ['wrapped data key', wrapped], ['token hash', hashes]] as const) {
    for (const bytes of values) for (const form of forms(bytes)) t.notOk(archive.tar.includes(form), `no ${what}, raw, hex or base64`);
  }
  t.notOk(archive.workspace.refresh_tokens?.some((r) => 'token_hash' in r), 'refresh_tokens has no token_hash key');
  const sealedTax = rowsOf(api, tenant.id, 'contacts').map((r) => r.tax_id_sealed as Buffer);
  for (const bytes of sealedTax) for (const form of forms(bytes)) t.notOk(archive.tar.includes(form), 'no sealed tax id');
});

t.test('members and viewers get 403; an admin needs a recent sign-in', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  for (const role of ['member', 'viewer'] as const) {
    const res = await api.call({ method: 'POST', url: EXPORT, token: tenant.token(role), payload: {} });
    t.equal(res.statusCode, 403, role);
    t.equal(res.json().error.code, 'forbidden');
  }
  const admin = tenant.token('admin');
  clock.advance(11 * 60_000);
  const stale = await api.call({ method: 'POST', url: EXPORT, token: admin, payload: {} });
  t.equal(stale.statusCode, 401);
  t.equal(stale.json().error.code, 'reauth_required');
  const fresh = await api.call({ method: 'POST', url: EXPORT, token: tenant.token('admin'), payload: {} });
  t.equal(fresh.statusCode, 200, 'a fresh sign-in exports');
  const actions = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT action FROM audit_events WHERE action = 'workspace.exported'`).pluck().all());
  t.equal(actions.length, 1, 'only the export that happened is audited');
});

t.test('bad requests export nothing', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const cases = [
    [{ method: 'POST', url: EXPORT, payload: {} }, 401, 'no token'],
    [{ method: 'POST', url: EXPORT, payload: {}, token: `${admin.slice(0, -4)}AAAA` }, 401, 'forged signature'],
    [{ method: 'POST', url: EXPORT, payload: { tables: ['contacts'] }, token: admin }, 400, 'unknown field'],
    [{ method: 'POST', url: EXPORT, payload: { x: 'y'.repeat(2_000_000) }, token: admin }, 413, 'huge body'],
    [{ method: 'GET', url: EXPORT, token: admin }, 404, 'GET'],
  ] as const;
  for (const [options, status, what] of cases) t.equal((await api.call({ ...options })).statusCode, status, what);
  const exported = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT count(*) FROM audit_events WHERE action = 'workspace.exported'`).pluck().get());
  t.equal(exported, 0, 'no export happened');
});

t.test('the export of one workspace holds nothing of another', async (t) => {
  const api = await build(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  await seedWorkspace(api, a, 'tenant-a');
  const other = await seedWorkspace(api, b, 'tenant-b');
  const { archive } = await exportAs(api, a.token('admin', 'us_admin'));
  t.equal(archive.manifest.tenantId, a.id);
  for (const value of [other.marker, other.contactId, other.secretName, other.taxId, other.invitationId, other.memberId, other.sessionId, b.id]) {
    t.notOk(archive.tar.includes(Buffer.from(value)), `nothing of B (${value})`);
  }
  const ofB = await exportAs(api, b.token('admin', 'us_admin'));
  t.equal(ofB.archive.manifest.tenantId, b.id, 'a token of B exports B, whatever else it sends');
  t.ok(ofB.archive.tar.includes(Buffer.from(other.taxId)));
});

t.test('the export is audited with counts, never content', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const seeded = await seedWorkspace(api, tenant, 'audit');
  const { archive, res } = await exportAs(api, tenant.token('admin', 'us_exporter'));
  const event = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT * FROM audit_events WHERE action = 'workspace.exported'`).get()) as Record<string, string>;
  t.match(event, { actor_type: 'user', actor_id: 'us_exporter', actor_role: 'admin', target_type: 'tenant', target_id: tenant.id, request_id: res.headers['x-request-id'] });
  const after = JSON.parse(event.after as string);
  t.same(after, {
    formatVersion: 1,
    tables: archive.manifest.tables,
    rows: Object.values(archive.manifest.tables).reduce((sum, n) => sum + n, 0),
    files: 0,
    bytes: archive.manifest.entries['workspace.json']?.bytes,
  });
  t.notMatch(event.after, seeded.marker, 'no content in the audit row');
});

t.test('a streamed export stays consistent while the server writes', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin', 'us_admin');
  const notes = 'n'.repeat(2000);
  for (let i = 0; i < 300; i++) await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: `seed ${i}`, notes } });
  let exported = false;
  const exporting = api.call({ method: 'POST', url: EXPORT, token: admin, payload: {} }).finally(() => (exported = true));
  let during = 0;
  while (!exported) {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: `during ${during}`, notes } });
    t.equal(res.statusCode, 201);
    during += 1;
  }
  const res = await exporting;
  t.ok(during > 1, `the server kept writing during the export (${during} contacts)`);
  const { manifest, workspace } = await readArchive(res.rawPayload);
  const contacts = workspace.contacts ?? [];
  const created = (workspace.audit_events ?? []).filter((e) => e.action === 'contact.created');
  t.equal(manifest.tables.contacts, contacts.length, 'the manifest counts the rows that are there');
  t.equal(manifest.tables.audit_events, workspace.audit_events?.length);
  // contacts is read before audit_events: only one snapshot for both keeps them in step.
  t.equal(created.length, contacts.length, 'each exported contact has its creation event, and no event is from a later moment');
  t.ok(contacts.length >= 300 && contacts.length < 300 + during, 'contacts written later are not in it');

  // The same, made certain: a contact (and its audit event) written between two rows of the export.
  const prepared = await inTenant(api, tenant.id, () =>
    prepareExport(api.runtime, {
      onProgress: (done) => {
        if (done === 1) createContact({ name: 'written mid-export' });
      },
    }),
  );
  const archive = await readArchive(await buffer(prepared.archive()));
  t.notOk(archive.workspace.contacts?.some((c) => c.name === 'written mid-export'), 'the contact written mid-export is not in it');
  t.equal(archive.workspace.audit_events?.filter((e) => e.action === 'contact.created').length, archive.workspace.contacts?.length, 'nor its audit event');
  t.equal(rowsOf(api, tenant.id, 'contacts').length, (archive.workspace.contacts?.length ?? 0) + 1, 'though it was written');
});

t.test('a client that disconnects mid-stream leaves no temporary file behind', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  // Enough incompressible data that the archive cannot fit in the socket buffers at once.
  inTenant(api, tenant.id, () => {
    const insert = tenantDb().statement(`INSERT INTO contacts (id, name, notes, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', 'us_x', '2026-01-01T00:00:00.000Z', 'us_x')`);
    tenantDb().transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(newId('contact'), `bulk ${i}`, canary('x').repeat(200));
    });
  });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.server.address() as AddressInfo;
  const heldWhileStreaming = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: EXPORT, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.once('data', () => {
        const held = openSpools().length;
        req.destroy();
        resolve(held);
      });
    });
    req.on('error', () => undefined);
    req.end('{}');
  });
  t.equal(heldWhileStreaming, 1, 'the archive had started streaming from its temporary file');
  await settle(() => openSpools().length === 0);
  t.same(openSpools(), [], 'the temporary file is released');
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [], 'and nothing is in the data directory');
  const again = await api.call({ method: 'POST', url: EXPORT, token: admin, payload: {} });
  t.equal(again.statusCode, 200, 'the next export works');
  t.equal((await readArchive(again.rawPayload)).manifest.tables.contacts, 3000);
});

t.test('a client that leaves before the archive starts stops the export', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  inTenant(api, tenant.id, () => {
    const insert = tenantDb().statement(`INSERT INTO contacts (id, name, notes, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', 'us_x', '2026-01-01T00:00:00.000Z', 'us_x')`);
    tenantDb().transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(newId('contact'), `bulk ${i}`, canary('x').repeat(20));
    });
  });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.server.address() as AddressInfo;
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: EXPORT, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' } });
  req.on('error', () => undefined);
  // Gone as soon as the request is out, while the server is still reading rows.
  req.end('{}', () => setImmediate(() => req.destroy()));
  const stopped = () => api.logs.some((line) => line.includes('export stopped: the client left before the archive was ready'));
  await settle(stopped);
  t.ok(stopped(), 'the server stopped reading for a client that left, and says so');
  await settle(() => openSpools().length === 0);
  t.same(openSpools(), [], 'the temporary file is released');
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [], 'and nothing is in the data directory');
  const exported = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT count(*) FROM audit_events WHERE action = 'workspace.exported'`).pluck().get());
  t.equal(exported, 0, 'nothing left the server, so nothing is audited');
});
