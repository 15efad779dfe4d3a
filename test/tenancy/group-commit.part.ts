// Group commit: the writes of group-commit requests to one workspace in one event-loop turn share
// one COMMIT at the end of the turn; nothing else ever sees them uncommitted, and no request hears
// "done" before its write is committed (src/tenancy/tenant-handle.ts).
import t, { type Test } from 'tap';
import type { FastifyPluginAsync } from 'fastify';
import { join } from 'node:path';
import { createContact, listContacts } from '../../src/contacts/contacts.service.js';
import { GroupCommitTicket, tenantDb } from '../../src/tenancy/context.js';
import { openSqliteReadOnly } from '../../src/tenancy/sqlite.js';
import { Tenancy } from '../../src/tenancy/tenancy.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { build, startSession, tempDataDir } from '../helpers/app.js';

const member = { userId: 'us_member', role: 'member', sessionId: 'se_test' };

function setUp(t: Test, handleCacheSize = 4) {
  const dataDir = tempDataDir(t);
  const tenancy = new Tenancy({ dataDir, handleCacheSize, synchronous: 'NORMAL' });
  const id = newTenantId();
  tenancy.createDatabase(id);
  // Another connection, as another process would read the file: it sees only what is committed.
  const other = openSqliteReadOnly(join(dataDir, 'tenants', id, 'tenant.db'));
  t.teardown(() => {
    other.close();
    tenancy.close();
  });
  const committedNames = (): string[] => (other.prepare('SELECT name FROM contacts ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  // Every request in these tests shares one ticket: settled() is then "the group has committed".
  const ticket = new GroupCommitTicket();
  const inGroup = <T>(requestId: string, fn: () => T): T => tenancy.run(id, { actor: member, requestId, groupCommit: ticket }, fn);
  return { tenancy, id, committedNames, inGroup, ticket };
}

t.test('writes of one turn are committed together at its end, and only then reported committed', async (t) => {
  const { tenancy, id, committedNames, inGroup, ticket } = setUp(t);
  inGroup('rq_1', () => createContact({ name: 'Ada' }));
  inGroup('rq_2', () => createContact({ name: 'Bo' }));
  t.same(committedNames(), [], 'nothing is visible to another connection during the turn');
  let reported = false;
  const committed = ticket.settled().then(() => {
    reported = true;
  });
  t.equal(reported, false);
  await committed;
  t.same(committedNames(), ['Ada', 'Bo'], 'both rows arrive in the same commit');
  t.same(
    tenancy.run(id, { actor: null, requestId: null }, () => tenantDb().statement("SELECT action FROM audit_events WHERE action = 'contact.created'").all()),
    [{ action: 'contact.created' }, { action: 'contact.created' }],
    'each write kept its audit row',
  );
});

t.test('a failed write leaves the group; the others still commit', async (t) => {
  const { committedNames, inGroup, ticket } = setUp(t);
  inGroup('rq_1', () => createContact({ name: 'Ada' }));
  // The second request fails after it has written: its savepoint is rolled back, nothing else.
  const failing = () =>
    tenantDb().transaction(() => {
      createContact({ name: 'Bo' });
      throw new Error('refused after writing');
    });
  t.throws(() => inGroup('rq_2', failing), /refused after writing/);
  inGroup('rq_3', () => createContact({ name: 'Cy' }));
  await ticket.settled();
  t.same(committedNames(), ['Ada', 'Cy']);
});

t.test('any other use of the handle commits the open group first', async (t) => {
  const { id, tenancy, committedNames, inGroup, ticket } = setUp(t);
  inGroup('rq_1', () => createContact({ name: 'Ada' }));
  // A request on another route (or a job) reads: it must never see an uncommitted row.
  const listed = tenancy.run(id, { actor: null, requestId: 'rq_2' }, () => listContacts({}).items.map((c) => c.name));
  t.same(listed, ['Ada']);
  t.same(committedNames(), ['Ada'], 'committed before that read, not at the end of the turn');
  // Its own transaction is its own, not folded into the group.
  tenancy.run(id, { actor: null, requestId: 'rq_3' }, () => createContact({ name: 'Bo' }));
  t.same(committedNames(), ['Ada', 'Bo']);
  await ticket.settled();
});

t.test('closing the workspace (eviction, shutdown) commits the open group', async (t) => {
  const { tenancy, committedNames, inGroup, ticket } = setUp(t);
  inGroup('rq_1', () => createContact({ name: 'Ada' }));
  tenancy.close();
  t.same(committedNames(), ['Ada']);
  await ticket.settled();
});

t.test('a commit that fails when the handle is evicted still reaches the requests of its group', async (t) => {
  const { tenancy, committedNames, inGroup, ticket } = setUp(t, 1);
  inGroup('rq_1', () => {
    createContact({ name: 'Ada' });
    tenantDb().statement('PRAGMA defer_foreign_keys = ON').run();
    tenantDb().statement("INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (x'01', 'se_none', 0, '2026-01-01')").run();
  });
  // Another workspace takes the only slot of the cache: the first handle closes, and its commit fails.
  tenancy.createDatabase(newTenantId());
  await t.rejects(ticket.settled(), /FOREIGN KEY/);
  t.same(committedNames(), []);
});

t.test('a failed commit fails every request of the group and keeps none of their rows', async (t) => {
  const { tenancy, id, committedNames, inGroup, ticket } = setUp(t);
  inGroup('rq_1', () => createContact({ name: 'Ada' }));
  // A foreign-key violation checked only at COMMIT stands in for a commit that fails (disk full, I/O error).
  inGroup('rq_2', () => {
    tenantDb().statement('PRAGMA defer_foreign_keys = ON').run();
    tenantDb().statement("INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (x'00', 'se_none', 0, '2026-01-01')").run();
  });
  await t.rejects(ticket.settled(), /FOREIGN KEY/);
  t.same(committedNames(), [], 'nothing of the group reached the file');
  // The handle is usable afterwards.
  tenancy.run(id, { actor: null, requestId: null }, () => createContact({ name: 'Bo' }));
  t.same(committedNames(), ['Bo']);
});

t.test('over HTTP: each of 20 concurrent contact writes answers 201 only once its row is committed', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('member');
  const other = openSqliteReadOnly(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  t.teardown(() => other.close());
  const visible = other.prepare('SELECT count(*) FROM contacts WHERE id = ?').pluck();
  const names = Array.from({ length: 20 }, (_, i) => `Contact ${i}`);
  const seenAtArrival = await Promise.all(
    names.map(async (name) => {
      const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name } });
      t.equal(res.statusCode, 201, name);
      return visible.get(res.json().id);
    }),
  );
  t.same(seenAtArrival, names.map(() => 1), 'every acknowledged contact was in the file when its answer arrived');
  const after = await api.call({ method: 'GET', url: '/api/v1/contacts?limit=50', token });
  t.equal(after.json().items.length, 20);
});

t.test('over HTTP: concurrent refresh-token rotations answer only once their rotation is committed', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const sessions = Array.from({ length: 20 }, (_, i) => startSession(api.runtime, tenant.id, 'member', `us_member${i}`));
  const other = openSqliteReadOnly(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  t.teardown(() => other.close());
  const committedRotations = other.prepare('SELECT count(*) FROM refresh_tokens WHERE rotated_at IS NOT NULL').pluck();
  let answered = 0;
  const seen = await Promise.all(
    sessions.map(async ({ refreshToken }) => {
      const res = await api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
      t.equal(res.statusCode, 200);
      answered += 1;
      return (committedRotations.get() as number) >= answered;
    }),
  );
  t.same(seen, sessions.map(() => true), 'when each answer arrived, at least as many rotations were in the file');
});

t.test('over HTTP: a shared COMMIT that fails answers 500 with the error shape, and its writes are gone', async (t) => {
  // A route that writes a contact, then a row whose foreign key is checked only at COMMIT: the
  // shared commit fails as a full disk or an I/O error would make it fail.
  const failingCommit: FastifyPluginAsync = async (app) => {
    app.post('/probe/failing-commit', {
      config: { permission: 'contacts:write', groupCommit: true },
      schema: { body: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false } },
      handler: async (request) => {
        const { name } = request.body as { name: string };
        const contact = createContact({ name });
        tenantDb().statement('PRAGMA defer_foreign_keys = ON').run();
        tenantDb().statement("INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (randomblob(16), 'se_none', 0, '2026-01-01')").run();
        return contact;
      },
    });
  };
  const api = await build(t, {}, [failingCommit]);
  const tenant = api.tenant();
  const token = tenant.token('member');
  const res = await api.call({ method: 'POST', url: '/api/v1/probe/failing-commit', token, payload: { name: 'Never saved' } });
  t.equal(res.statusCode, 500);
  t.equal(res.json().error.code, 'internal_error');
  const list = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
  t.same(list.json().items, [], 'the contact written before the failed COMMIT is not there');
});
