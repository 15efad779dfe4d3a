// A full disk or a read-only database: a write answers 503 storage_unavailable (no internals in
// the body), the log names the SQLite code, nothing half-written stays behind, and the workspace
// works again once the disk does. The disk is made "full" with PRAGMA max_page_count and
// "read-only" with PRAGMA query_only on the server's own tenant connection: the same SQLite
// errors a full or read-only file system raises, without root-only tricks.
import t from 'tap';
import { verifyTenantAudit } from '../../src/audit/audit.service.js';
import { toAppError } from '../../src/http/errors.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { storageErrorCode } from '../../src/tenancy/storage-errors.js';
import { build, type TestApp } from '../helpers/app.js';

function inTenant<T>(api: TestApp, tenantId: string, fn: () => T): T {
  return api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
}

function logLines(api: TestApp, msg: string): Record<string, unknown>[] {
  return api.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}

const contactIds = (api: TestApp, tenantId: string): string[] =>
  inTenant(api, tenantId, () => (tenantDb().statement('SELECT id FROM contacts ORDER BY id').all() as { id: string }[]).map((r) => r.id));

t.test('a full disk answers 503 storage_unavailable, logs the sqlite code and corrupts nothing', async (t) => {
  const api = await build(t);
  const workspace = api.tenant();
  const token = workspace.token('admin', 'us_olga');
  const notes = 'n'.repeat(4000);
  const accepted: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: `Before ${i}`, notes } });
    t.equal(res.statusCode, 201);
    accepted.push(res.json().id);
  }

  // The file may not grow by a single page from here on.
  inTenant(api, workspace.id, () => {
    const pages = tenantDb().pragmaValue('page_count') as number;
    tenantDb().statement(`PRAGMA max_page_count = ${pages}`).get();
  });
  let refused: Awaited<ReturnType<TestApp['call']>> | undefined;
  for (let i = 0; i < 200 && !refused; i++) {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: `Filling ${i}`, notes } });
    if (res.statusCode === 201) accepted.push(res.json().id);
    else refused = res;
  }
  t.ok(refused, 'a write is refused once the file cannot grow');
  t.equal(refused?.statusCode, 503);
  t.same(refused?.json(), { error: { code: 'storage_unavailable', message: 'the server cannot store data right now; try again later' } }, 'a code, a sentence, no internals');
  t.notMatch(refused?.body ?? '', /SQLITE|at \w+ \(|\/src\//, 'no sqlite code, path or stack in the response');
  t.ok(refused?.headers['x-request-id'], 'the request id to quote');
  const logged = logLines(api, 'storage unavailable');
  t.equal(logged.length, 1, 'one log line');
  t.match(logged[0], { level: 50, reqId: refused?.headers['x-request-id'], err: { code: 'SQLITE_FULL' } }, 'at error level, naming SQLITE_FULL');

  t.same(contactIds(api, workspace.id), [...accepted].sort(), 'every accepted write is there and the refused one left nothing behind');
  t.equal(inTenant(api, workspace.id, () => tenantDb().pragmaValue('integrity_check')), 'ok', 'integrity_check ok');
  t.match(verifyTenantAudit(api.runtime, workspace.id, 'operator'), { ok: true }, 'the audit chain is unbroken: the refused write recorded no event');

  // Space again: the same handle writes without a restart.
  inTenant(api, workspace.id, () => tenantDb().statement('PRAGMA max_page_count = 1073741823').get());
  const after = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'After', notes } });
  t.equal(after.statusCode, 201, 'writes work again once there is space');
});

t.test('a read-only database answers 503 storage_unavailable and nothing is written', async (t) => {
  const api = await build(t);
  const workspace = api.tenant();
  const token = workspace.token('admin', 'us_olga');
  const before = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Before' } });
  t.equal(before.statusCode, 201);

  inTenant(api, workspace.id, () => tenantDb().statement('PRAGMA query_only = ON').run());
  const refused = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Refused' } });
  t.equal(refused.statusCode, 503);
  t.equal(refused.json().error.code, 'storage_unavailable');
  t.match(logLines(api, 'storage unavailable'), [{ level: 50, err: { code: 'SQLITE_READONLY' } }], 'logged with SQLITE_READONLY');
  const read = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
  t.equal(read.statusCode, 200, 'reading still works');
  inTenant(api, workspace.id, () => tenantDb().statement('PRAGMA query_only = OFF').run());

  t.same(contactIds(api, workspace.id), [before.json().id], 'nothing was written');
  t.equal(inTenant(api, workspace.id, () => tenantDb().pragmaValue('integrity_check')), 'ok');
  t.match(verifyTenantAudit(api.runtime, workspace.id, 'operator'), { ok: true });
  t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'After' } })).statusCode, 201, 'writable again');
});

t.test('storage failures from SQLite and the file system are told apart from other errors', async (t) => {
  const failure = (code: string, cause?: Error): Error => Object.assign(new Error('failed', cause ? { cause } : {}), { code });
  for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'ENOSPC', 'EROFS', 'EACCES', 'EDQUOT', 'EIO']) {
    t.equal(storageErrorCode(failure(code)), code, code);
  }
  t.equal(storageErrorCode(new Error('wrapped', { cause: failure('ENOSPC') })), 'ENOSPC', 'found through a cause');
  for (const code of ['SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_FULLY', 'ECONNRESET', 'FST_ERR_CTP_BODY_TOO_LARGE']) {
    t.equal(storageErrorCode(failure(code)), null, `${code} is not a storage failure`);
  }
  t.equal(storageErrorCode('ENOSPC'), null, 'only errors carry codes');
  t.match(toAppError(failure('ENOSPC') as never), { statusCode: 503, code: 'storage_unavailable' }, 'a full disk met by a file write is a 503 too');
});
