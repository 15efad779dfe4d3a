// One data policy per table: a fresh tenant database and control.db, migrated by every migration
// there is, have no table without a declaration and no declaration without a table. Planted tables
// (a test-only migration) prove the failure names what was forgotten.
import t, { type Test } from 'tap';
import { join } from 'node:path';
import { DataPolicies, type TablePolicy } from '../../src/data-policy/data-policy.js';
import { policyGaps, readSchema, type SchemaTable } from '../../src/data-policy/schema.js';
import { DATA_POLICIES, TABLE_POLICIES } from '../../src/data-policy/tables.js';
import { applyMigrations, loadMigrations, type Migration } from '../../src/tenancy/migrations.js';
import { openSqlite } from '../../src/tenancy/sqlite.js';

/** The schema of a new database of the plane after all migrations, and after `extra` SQL as one more migration. */
function freshSchema(t: Test, plane: 'tenant' | 'control', extra?: string): SchemaTable[] {
  const db = openSqlite(join(t.testdir(), `${plane}.db`), { synchronous: 'NORMAL', mustExist: false });
  try {
    const migrations: Migration[] = loadMigrations(plane);
    if (extra) migrations.push({ version: migrations.length + 1, name: 'planted', sql: extra });
    applyMigrations(db, migrations);
    return readSchema((sql) => db.prepare(sql));
  } finally {
    db.close();
  }
}

const plantedPolicies = (extra: TablePolicy[]): DataPolicies => new DataPolicies([...TABLE_POLICIES, ...extra]);

t.test('every table of a fresh tenant database and control.db has a data policy, and every policy a table', async (t) => {
  const tenant = freshSchema(t, 'tenant');
  const control = freshSchema(t, 'control');
  t.ok(tenant.some((x) => x.name === 'contacts') && control.some((x) => x.name === 'tenants'), 'the schemas were read');
  t.same(policyGaps(DATA_POLICIES, 'tenant', tenant), [], 'tenant database');
  t.same(policyGaps(DATA_POLICIES, 'control', control), [], 'control.db');
});

t.test('a table a migration adds without a policy is named, in either plane', async (t) => {
  const sql = 'CREATE TABLE planted_notes (id TEXT PRIMARY KEY, body TEXT) STRICT;';
  t.same(policyGaps(DATA_POLICIES, 'tenant', freshSchema(t, 'tenant', sql)), ['tenant table planted_notes has no data policy: declare it in src/data-policy/tables.ts']);
  t.same(policyGaps(DATA_POLICIES, 'control', freshSchema(t, 'control', sql)), ['control table planted_notes has no data policy: declare it in src/data-policy/tables.ts']);
});

t.test('a declared BLOB column without a column policy, a policy naming no table or column, a control tenant_id without tenantRows: each named', async (t) => {
  const schema = freshSchema(t, 'tenant', 'CREATE TABLE scans (id TEXT PRIMARY KEY, image BLOB) STRICT;');
  const policies = plantedPolicies([
    { plane: 'tenant', table: 'scans', holds: 'planted', restoreAs: { action: 'keep' }, columns: { thumbnail: { kind: 'omit', why: 'test' } } },
    { plane: 'tenant', table: 'gone', holds: 'planted', restoreAs: { action: 'keep' } },
  ]);
  t.same(policyGaps(policies, 'tenant', schema), [
    'tenant column scans.image is BLOB without a column policy (sealed, wrapped-key or omit) in src/data-policy/tables.ts',
    'tenant column scans.thumbnail has a column policy but no such column exists',
    'tenant table gone is declared in src/data-policy/tables.ts but does not exist',
  ]);
  const control = freshSchema(t, 'control', 'CREATE TABLE grants (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL) STRICT;');
  t.same(policyGaps(plantedPolicies([{ plane: 'control', table: 'grants', holds: 'planted' }]), 'control', control), [
    'control table grants has a tenant_id column: declare tenantRows (what a workspace purge does with its rows)',
  ]);
});

t.test('an FTS5 index is declared once: its shadow tables (BLOB columns included) are recognised from it', async (t) => {
  const schema = freshSchema(t, 'tenant', 'CREATE VIRTUAL TABLE contacts_fts USING fts5(name, notes);');
  const shadows = schema.map((x) => x.name).filter((name) => name.startsWith('contacts_fts_'));
  t.same(shadows.sort(), ['contacts_fts_config', 'contacts_fts_content', 'contacts_fts_data', 'contacts_fts_docsize', 'contacts_fts_idx'], 'fts5 made its shadow tables');
  t.ok(schema.some((x) => x.name === 'contacts_fts_data' && x.columns.some((c) => c.type === 'BLOB')), 'with BLOB columns');
  t.same(policyGaps(plantedPolicies([{ plane: 'tenant', table: 'contacts_fts', holds: 'planted index', derived: 'fts5' }]), 'tenant', schema), []);
  const undeclared = policyGaps(DATA_POLICIES, 'tenant', schema);
  t.ok(undeclared.includes('tenant table contacts_fts has no data policy: declare it in src/data-policy/tables.ts'), 'undeclared, the index itself is named');
});

t.test('a table declared twice, or deleted with rows its retention job does not expire, is refused', async (t) => {
  t.throws(() => plantedPolicies([{ plane: 'tenant', table: 'contacts', holds: 'again', restoreAs: { action: 'keep' } }]), { message: 'tenant table contacts is declared twice' });
  const orphan: TablePolicy = { plane: 'tenant', table: 'notes', holds: 'planted', restoreAs: { action: 'keep' }, retention: { job: 'notes-purge', countAs: 'notes', goesWith: { table: 'contacts', via: 'contact_id' } } };
  t.throws(() => plantedPolicies([orphan]), { message: 'tenant table notes goes with contacts, which notes-purge does not expire by age' });
});
