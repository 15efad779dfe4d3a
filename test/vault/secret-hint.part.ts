// A secret's hint: the last four characters of a value of at least 16, never a short value whole,
// and never in the export (issue 14, item 3: a 4-character secret used to come back whole).
import t from 'tap';
import { applyMigrations, loadMigrations } from '../../src/tenancy/migrations.js';
import { openSqlite } from '../../src/tenancy/sqlite.js';
import { secretHint } from '../../src/vault/secret-hint.js';
import { build } from '../helpers/app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

t.test('the hint rule: at least 16 characters, counted as characters, four of them shown', async (t) => {
  t.equal(secretHint('abcd'), null, 'four characters: no hint');
  t.equal(secretHint('x'.repeat(15)), null, 'fifteen: none');
  t.equal(secretHint(`${'x'.repeat(12)}WXYZ`), 'WXYZ', 'sixteen: the last four');
  t.equal(secretHint(`${'🔑'.repeat(15)}Z`), '🔑🔑🔑Z', 'characters, not UTF-16 units or bytes');
  t.equal(secretHint('🔑'.repeat(8)), null, 'eight emoji are 16 UTF-16 units but 8 characters: none');
});

t.test('a short secret comes back whole nowhere: not in the answer, the list or the export', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const short = 'Q7z!';
  const created = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'short.pin', value: short } });
  t.equal(created.statusCode, 201, created.body);
  t.equal(created.json().last4, null, 'no hint in the create answer');
  t.notMatch(created.body, short);
  const long = 'long-api-key-0123456789-TAIL';
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'long.key', value: long } });
  const list = await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token });
  t.same(list.json().items.map((i: { name: string; last4: string | null }) => [i.name, i.last4]), [['long.key', 'TAIL'], ['short.pin', null]]);
  t.notMatch(list.body, short, 'the list never holds the short value');
  const exported = await api.call({ method: 'POST', url: '/api/v1/export', token, payload: {} });
  t.equal(exported.statusCode, 200, 'the export runs');
  const tarBytes = gunzipSync(exported.rawPayload);
  t.notOk(tarBytes.includes(Buffer.from('TAIL')), 'not even the hint of a long secret is in the archive');
  t.notOk(tarBytes.includes(Buffer.from(short)), 'nor the short value');
  t.ok(tarBytes.includes(Buffer.from('"long.key"')), 'while the secret itself is listed');
});

t.test('migration 0009 keeps an old hint only where the value surely had 16 characters', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'spinney-hint-'));
  const db = openSqlite(join(dir, 'tenant.db'), { synchronous: 'NORMAL', mustExist: false });
  t.teardown(() => db.close());
  const migrations = loadMigrations('tenant');
  applyMigrations(db, migrations.filter((m) => m.version < 9));
  const insert = db.prepare("INSERT INTO vault_secrets VALUES (?, ?, 'f', ?, 't', 'u', 't', 'u')");
  insert.run('short', Buffer.alloc(33 + 4), 'Q7z!');
  insert.run('middling', Buffer.alloc(33 + 40), 'mmmm');
  insert.run('long', Buffer.alloc(33 + 64), 'TAIL');
  applyMigrations(db, migrations);
  t.same(db.prepare('SELECT name, hint FROM vault_secrets ORDER BY name').all(), [
    { name: 'long', hint: 'TAIL' },
    { name: 'middling', hint: null },
    { name: 'short', hint: null },
  ]);
  t.notOk(db.prepare('PRAGMA table_info(vault_secrets)').all().some((c) => (c as { name: string }).name === 'last4'), 'the old column is gone');
});
