// docs/export-format.md lists the tables of workspace.json and the column policies; both are
// checked against the data policies (src/data-policy/tables.ts), so the doc cannot drift from them.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { isDerived } from '../../src/data-policy/data-policy.js';
import { TABLE_POLICIES } from '../../src/data-policy/tables.js';
import { loadMigrations } from '../../src/tenancy/migrations.js';

const doc = readFileSync(new URL('../../docs/export-format.md', import.meta.url), 'utf8');
const exportedTables = TABLE_POLICIES.filter((p) => p.plane === 'tenant' && !isDerived(p));

t.test('the table list names every exported table, in declaration order, at the current schema version', async (t) => {
  const match = /Tables in schema version (\d+): ([^.]+)\./.exec(doc);
  t.ok(match, 'the doc has its table list');
  t.equal(Number(match?.[1]), loadMigrations('tenant').length, 'at the schema version of the migrations');
  const listed = [...(match?.[2] ?? '').matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
  t.same(listed, exportedTables.map((p) => p.table));
});

t.test('the column-policy table has one row per declared column policy that changes the export', async (t) => {
  const rows = [...doc.matchAll(/^\| `([a-z0-9_]+)` \| `([a-z0-9_]+)` \|/gm)].map((m) => `${m[1]}.${m[2]}`);
  const declared = exportedTables.flatMap((p) => ('columns' in p ? Object.keys(p.columns ?? {}).map((column) => `${p.table}.${column}`) : []));
  t.ok(declared.length > 0);
  t.same(rows.sort(), declared.sort());
});
