// "Revocation stops a token at once", with two `spinney serve` processes over one data dir (as PM2
// runs them): each server keeps sessions and workspace statuses in memory between requests, so
// this proves that a sign-out, an admin's revocation, a role change, a suspension and a deletion
// made through one process (or by the operator's CLI, a third) refuse the token on the other
// process's very next request — no waiting, no retry.
import t from 'tap';
import { newId } from '../../src/http/ids.js';
import { insertMember } from '../../src/members/members.repo.js';
import { openRuntime } from '../../src/runtime.js';
import { deleteTenant } from '../../src/tenants/tenant-deletion.js';
import { createTenant, setTenantStatus } from '../../src/tenants/tenants.service.js';
import { startSession, tempDataDir, testConfig } from '../helpers/app.js';
import { freePort } from '../helpers/cli.js';
import { serverEnv, startServer, type ServerProcess } from './server-process.js';

interface Answer {
  status: number;
  code: string | undefined;
}

async function call(server: ServerProcess, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as { error?: { code?: string } }) : {};
  return { status: res.status, code: parsed.error?.code };
}

t.test('a token revoked through one server process is refused by the other on its next request', async (t) => {
  const dataDir = tempDataDir(t);
  const [portA, portB] = [await freePort(), await freePort()];
  // One public URL for both, as behind one proxy: it names the tokens' issuer and audience.
  const shared = { SPINNEY_LOG_LEVEL: 'warn', SPINNEY_PUBLIC_URL: `http://127.0.0.1:${portA}` };
  const envA = serverEnv(dataDir, portA, shared);
  const envB = serverEnv(dataDir, portB, shared);

  const setup = openRuntime(testConfig(dataDir, envA));
  const { id: tenantId } = createTenant(setup, { name: 'Two Processes' });
  const now = new Date().toISOString();
  const member = (id: string, role: 'admin' | 'member') =>
    insertMember(setup.control, { id, tenantId, email: `${id}@two-processes.example`, identityId: null, role, now, createdBy: 'system', updatedBy: 'system' });
  const [adminId, mariaId, olaId] = [newId('membership'), newId('membership'), newId('membership')];
  member(adminId, 'admin');
  member(mariaId, 'member');
  member(olaId, 'member');
  const admin = startSession(setup, tenantId, 'admin', adminId);
  const mariaSignsOut = startSession(setup, tenantId, 'member', mariaId);
  const mariaRevoked = startSession(setup, tenantId, 'member', mariaId);
  const ola = startSession(setup, tenantId, 'member', olaId);
  setup.close();

  const [a, b] = await Promise.all([startServer(t, envA), startServer(t, envB)]);
  const readOnB = (token: string) => call(b, token, 'GET', '/contacts');
  // Each token is used on B twice first, so B has read (and kept) its session and the workspace's status.
  for (const token of [admin.accessToken, mariaSignsOut.accessToken, mariaRevoked.accessToken, ola.accessToken]) {
    t.equal((await readOnB(token)).status, 200);
    t.equal((await readOnB(token)).status, 200);
  }

  t.equal((await call(a, mariaSignsOut.accessToken, 'POST', '/auth/signout', {})).status, 204, 'Maria signs out through A');
  t.same(await readOnB(mariaSignsOut.accessToken), { status: 401, code: 'session_ended' }, 'B refuses the signed-out token at once');
  t.equal((await readOnB(mariaRevoked.accessToken)).status, 200, 'her other session still works on B');

  t.equal((await call(a, admin.accessToken, 'DELETE', `/sessions/${mariaRevoked.session.id}`)).status, 204, 'the admin revokes her other session through A');
  t.same(await readOnB(mariaRevoked.accessToken), { status: 401, code: 'session_ended' }, 'B refuses the revoked token at once');

  t.equal((await call(a, admin.accessToken, 'PATCH', `/members/${olaId}`, { role: 'viewer' })).status, 200, "the admin changes Ola's role through A");
  t.same(await readOnB(ola.accessToken), { status: 401, code: 'session_ended' }, "B refuses Ola's token, minted for the old role, at once");

  // The operator's CLI is a third process: its own connections to control.db and the workspace's file.
  const operator = openRuntime(testConfig(dataDir, envA));
  t.teardown(() => operator.close());
  setTenantStatus(operator, tenantId, 'suspended');
  t.same(await readOnB(admin.accessToken), { status: 403, code: 'tenant_suspended' }, 'B refuses every token of a suspended workspace at once');
  t.same(await call(a, admin.accessToken, 'GET', '/contacts'), { status: 403, code: 'tenant_suspended' }, 'and so does A');
  setTenantStatus(operator, tenantId, 'active');
  t.equal((await readOnB(admin.accessToken)).status, 200, 'resumed: the admin reads again on B');

  deleteTenant(operator, tenantId, { actor: 'operator' });
  t.same(await readOnB(admin.accessToken), { status: 401, code: 'invalid_token' }, 'B refuses every token of a deleted workspace at once');
  t.same(await call(a, admin.accessToken, 'GET', '/contacts'), { status: 401, code: 'invalid_token' }, 'and so does A');
});
