import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tenantDb } from '../../src/tenancy/context.js';
import { applyMigrations, loadMigrations } from '../../src/tenancy/migrations.js';
import { Tenancy, TenantScopeNested } from '../../src/tenancy/tenancy.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { tempDataDir } from '../helpers/app.js';

const scope = { actor: null, requestId: null };

t.test('each tenant is one SQLite file with WAL, foreign keys, busy timeout and the chosen synchronous level', async (t) => {
  for (const [synchronous, level] of [['NORMAL', 1], ['FULL', 2]] as const) {
    const dataDir = tempDataDir(t);
    const tenancy = new Tenancy({ dataDir, handleCacheSize: 4, synchronous });
    const id = newTenantId();
    tenancy.createDatabase(id);
    const pragmas = tenancy.run(id, scope, () => {
      const handle = tenantDb();
      return {
        file: handle.path,
        journal: handle.pragmaValue('journal_mode'),
        foreignKeys: handle.pragmaValue('foreign_keys'),
        busy: handle.pragmaValue('busy_timeout'),
        synchronous: handle.pragmaValue('synchronous'),
      };
    });
    tenancy.close();
    t.same(pragmas, { file: join(dataDir, 'tenants', id, 'tenant.db'), journal: 'wal', foreignKeys: 1, busy: 5000, synchronous: level }, synchronous);
  }
});

t.test('migrations run on first open and are recorded in the file', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const id = newTenantId();
  tenancy.createDatabase(id);
  const versions = tenancy.run(id, scope, () => tenantDb().statement('SELECT version, name FROM schema_migrations ORDER BY version').all());
  const expected = loadMigrations('tenant').map((m) => ({ version: m.version, name: m.name }));
  t.same(versions, expected);
  t.same(tenancy.migrate(id), [], 'nothing is pending afterwards');
});

t.test('a database newer than the code is refused', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const id = newTenantId();
  tenancy.createDatabase(id);
  tenancy.run(id, scope, () => tenantDb().statement(`INSERT INTO schema_migrations VALUES (999, 'future', 'x')`).run());
  t.throws(() => tenancy.migrate(id), /newer than this build/);
});

function tenancyDb(tenancy: Tenancy, id: string) {
  return tenancy.run(id, scope, () => tenantDb());
}

t.test('the handle cache is bounded and closes what it evicts', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 2, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const ids = [newTenantId(), newTenantId(), newTenantId()];
  for (const id of ids) tenancy.createDatabase(id);
  const first = tenancyDb(tenancy, ids[0] as string);
  tenancyDb(tenancy, ids[1] as string);
  tenancyDb(tenancy, ids[2] as string);
  t.equal(tenancy.openHandles, 2);
  t.equal(first.isOpen, false, 'the least recently used handle was closed');
  const reopened = tenancyDb(tenancy, ids[0] as string);
  t.equal(reopened.isOpen, true, 'and reopens on demand');
  tenancy.close();
  t.equal(reopened.isOpen, false, 'close() closes every handle');
});

t.test('prepared statements are cached per handle', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 2, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const id = newTenantId();
  tenancy.createDatabase(id);
  tenancy.run(id, scope, () => {
    const handle = tenantDb();
    t.equal(handle.statement('SELECT 1'), handle.statement('SELECT 1'));
    t.not(handle.statement('SELECT 1'), handle.statement('SELECT 2'));
  });
});

t.test('two processes migrating one file at once apply each migration once', async (t) => {
  const { openSqlite } = await import('../../src/tenancy/sqlite.js');
  const path = join(tempDataDir(t), 'race.db');
  const migrations = loadMigrations('tenant');
  const first = openSqlite(path, { synchronous: 'NORMAL', mustExist: false });
  const second = openSqlite(path, { synchronous: 'NORMAL', mustExist: false });
  t.teardown(() => {
    first.close();
    second.close();
  });
  // The second connection finds the file empty; just before it takes the write lock, the first
  // connection migrates the file completely.
  let raced: number[] | null = null;
  const racing = new Proxy(second, {
    get(target, prop) {
      if (prop === 'transaction' && raced === null) raced = applyMigrations(first, migrations);
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  t.same(applyMigrations(racing, migrations), [], 'the second re-reads the version under the lock and applies nothing');
  t.same(raced, migrations.map((m) => m.version), 'the first applied everything');
  t.equal((second.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n, migrations.length);
});

t.test('a handle refuses statements that reach another database file', async (t) => {
  const dataDir = tempDataDir(t);
  const tenancy = new Tenancy({ dataDir, handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const [a, b] = [newTenantId(), newTenantId()];
  tenancy.createDatabase(a);
  tenancy.createDatabase(b);
  const other = join(dataDir, 'tenants', b, 'tenant.db');
  for (const sql of [`ATTACH DATABASE '${other}' AS b`, `attach '${other}' as b`, `/* x */ ATTACH '${join(dataDir, 'new.db')}' AS n`, 'DETACH b', `VACUUM INTO '${join(dataDir, 'copy.db')}'`]) {
    t.throws(() => tenancy.run(a, scope, () => tenantDb().statement(sql)), { name: 'ForbiddenStatement' }, sql);
  }
  t.notOk(existsSync(join(dataDir, 'new.db')) || existsSync(join(dataDir, 'copy.db')), 'no file was created');
});

t.test('tenant scopes do not nest: code bound to one tenant cannot rebind itself to another', async (t) => {
  const tenancy = new Tenancy({ dataDir: tempDataDir(t), handleCacheSize: 4, synchronous: 'NORMAL' });
  t.teardown(() => tenancy.close());
  const [a, b] = [newTenantId(), newTenantId()];
  tenancy.createDatabase(a);
  tenancy.createDatabase(b);
  t.throws(() => tenancy.run(a, scope, () => tenancy.run(b, scope, () => tenantDb())), TenantScopeNested);
  await t.rejects(tenancy.run(a, scope, async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return tenancy.run(b, scope, () => tenantDb());
  }), TenantScopeNested, 'not after an await either');
});
