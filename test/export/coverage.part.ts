// The export covers the schema, not a list someone keeps: every table of a fresh tenant database
// (derived FTS indexes aside) is a key of workspace.json, and every binary column has a declared
// policy (test/data-policy/coverage.part.ts names a table without one; a BLOB column without one
// stops the export itself).
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordOperatorTenantEvent } from '../../src/audit/audit.service.js';
import { DataPolicies } from '../../src/data-policy/data-policy.js';
import { readSchema } from '../../src/data-policy/schema.js';
import { DATA_POLICIES, TABLE_POLICIES } from '../../src/data-policy/tables.js';
import { planExport } from '../../src/export/export-plan.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type TestApp } from '../helpers/app.js';
import { readArchive } from './archive.js';

const EXPORT = '/api/v1/export';
const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

interface SchemaColumn {
  table: string;
  name: string;
  type: string;
}

/** The tenant schema straight from sqlite_master, without SQLite's own tables, the migrations' bookkeeping and derived indexes. */
function tenantSchema(api: TestApp, tenantId: string): { tables: string[]; columns: SchemaColumn[] } {
  return inTenant(api, tenantId, () => {
    const db = tenantDb();
    const tables = (db.statement(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
      .map((r) => r.name)
      .filter((name) => !name.startsWith('sqlite_') && name !== 'schema_migrations')
      // Derived indexes (the search index) and their FTS5 shadow tables are rebuilt, never exported.
      .filter((name) => !['derived', 'shadow'].includes(DATA_POLICIES.classify('tenant', name).kind));
    const columns = tables.flatMap((table) => (db.statement('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[]).map((c) => ({ table, ...c })));
    return { tables, columns };
  });
}

t.test('every table of the tenant schema is a key of workspace.json and every BLOB column has a policy', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const schema = tenantSchema(api, tenant.id);
  t.ok(schema.tables.includes('contacts') && schema.tables.includes('audit_events'), 'the schema was read');
  t.notOk(schema.tables.includes('search_index'), 'the search index is derived, not exported');
  t.ok(inTenant(api, tenant.id, () => tenantDb().statement(`SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'`).get()), 'the bookkeeping table left out does exist');

  const res = await api.call({ method: 'POST', url: EXPORT, token: tenant.token('admin'), payload: {} });
  t.equal(res.statusCode, 200, res.statusCode === 200 ? '' : res.body);
  const { workspace, manifest } = await readArchive(res.rawPayload);
  t.same(Object.keys(workspace).sort(), schema.tables, 'one key per table, no table missing, nothing else');
  t.same(Object.keys(manifest.tables).sort(), schema.tables);

  for (const column of schema.columns.filter((c) => c.type.toUpperCase() === 'BLOB')) {
    t.ok(DATA_POLICIES.tenantTable(column.table)?.columns?.[column.name], `${column.table}.${column.name} (BLOB) has a declared policy`);
  }
});

t.test('a declared FTS5 index and its shadow tables are never exported and never stop the export', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const tables = inTenant(api, tenant.id, () => {
    tenantDb().statement('CREATE VIRTUAL TABLE contacts_fts USING fts5(name, notes)').run();
    tenantDb().statement(`INSERT INTO contacts_fts (name, notes) VALUES ('Dana', 'roof')`).run();
    return readSchema((sql) => tenantDb().statement(sql));
  });
  t.ok(tables.some((x) => x.name === 'contacts_fts_data'), 'the shadow tables exist');
  const declared = new DataPolicies([...TABLE_POLICIES, { plane: 'tenant', table: 'contacts_fts', holds: 'planted index', derived: 'fts5' }]);
  const planned = planExport(tables, declared).map((plan) => plan.table);
  t.notOk(planned.some((name) => name.startsWith('contacts_fts')), 'neither the index nor a shadow table is planned');
  t.ok(planned.includes('contacts'));
  t.throws(() => planExport(tables), { name: 'UnexportableColumn', message: /^contacts_fts_\w+\.\w+ holds binary data/ }, 'undeclared, its BLOB shadow columns stop the export');
});

t.test('a BLOB column without a policy stops the export before anything is written', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  inTenant(api, tenant.id, () => {
    tenantDb().statement('CREATE TABLE photos (id TEXT PRIMARY KEY, data BLOB) STRICT').run();
    tenantDb().statement(`INSERT INTO photos VALUES ('ph_1', x'cafebabe')`).run();
  });
  const res = await api.call({ method: 'POST', url: EXPORT, token: admin, payload: {} });
  t.equal(res.statusCode, 500);
  t.equal(res.json().error.code, 'export_incomplete');
  t.notMatch(res.body, 'photos', 'no internals for the client');
  t.ok(api.logs.some((line) => line.includes('photos.data holds binary data and has no export policy')), 'the log names the column for the operator');
  const exported = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT count(*) FROM audit_events WHERE action = 'workspace.exported'`).pluck().get());
  t.equal(exported, 0, 'nothing was exported, so nothing is audited');
  t.notOk(existsSync(join(api.config.dataDir, 'tmp')), 'refused before a temporary file was even made');
});

t.test('bytes in a column of another declared type are refused too', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  inTenant(api, tenant.id, () => {
    tenantDb().statement('CREATE TABLE attachments_meta (id TEXT PRIMARY KEY, extra ANY) STRICT').run();
    tenantDb().statement(`INSERT INTO attachments_meta VALUES ('a', 'text'), ('b', x'00ff')`).run();
  });
  const res = await api.call({ method: 'POST', url: EXPORT, token: tenant.token('admin'), payload: {} });
  t.equal(res.statusCode, 500);
  t.equal(res.json().error.code, 'export_incomplete');
  t.ok(api.logs.some((line) => line.includes('attachments_meta.extra holds binary data')));
});

t.test('two columns exported under one key are refused', async (t) => {
  t.throws(
    () => planExport([{ name: 'contacts', columns: [{ name: 'tax_id', type: 'TEXT' }, { name: 'tax_id_sealed', type: 'BLOB' }] }]),
    /contacts: two columns would be exported under one key/,
  );
});

t.test('an operator event cannot be recorded inside a request', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  t.throws(
    () => api.runtime.tenancy.run(tenant.id, { actor: { userId: 'us_x', role: 'admin', sessionId: 'ss_x' }, requestId: 'r' }, () => recordOperatorTenantEvent('workspace.exported', null)),
    /not an operator/,
  );
});
