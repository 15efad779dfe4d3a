// Workspace deletion: refused at once, purged after the grace period, and after the purge not one
// byte of the workspace is left anywhere in the data dir, while another workspace is untouched.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { verifyPlatformAudit } from '../../src/audit/audit.service.js';
import { deleteTenant, purgeDueTenants, purgeTenant } from '../../src/control/tenant-deletion.js';
import { newId } from '../../src/http/ids.js';
import { insertIdentity, insertMember } from '../../src/members/members.repo.js';
import { admit } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, startSession, tempDataDir, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';

const DAY = 86_400_000;
const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const request = { workspace: null, requestId: 'rq_test_0001', client: { ip: '127.0.0.1', userAgent: null } };

t.test('an admin deletes the workspace: refused at once, sessions ended, purged after the grace period', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant('Harbour Roofing');
  const admin = startSession(api.runtime, tenant.id, 'admin', 'mb_admin');
  const member = startSession(api.runtime, tenant.id, 'member', 'mb_member');
  const invite = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.accessToken, payload: { email: 'new.person@harbour.example', role: 'member' } });
  t.equal(invite.statusCode, 201);
  const url = '/api/v1/workspace/deletion';

  t.equal((await api.call({ method: 'POST', url, token: member.accessToken, payload: { confirm: 'Harbour Roofing' } })).statusCode, 403, 'members cannot');
  const wrong = await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'harbour roofing' } });
  t.equal(wrong.statusCode, 400);
  t.same(wrong.json().error, { code: 'confirmation_mismatch', message: 'type the workspace name exactly to confirm', field: 'confirm' });
  t.equal((await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'Harbour Roofing', now: true } })).statusCode, 400, 'no other fields');
  t.equal(api.runtime.tenantStatus.get(tenant.id), 'active', 'nothing changed');
  clock.advance(11 * 60_000);
  t.equal((await api.call({ method: 'POST', url, token: admin.accessToken, payload: { confirm: 'Harbour Roofing' } })).json().error.code, 'reauth_required', 'a sensitive route');

  const fresh = startSession(api.runtime, tenant.id, 'admin', 'mb_admin');
  const deleted = await api.call({ method: 'POST', url, token: fresh.accessToken, payload: { confirm: 'Harbour Roofing' } });
  t.equal(deleted.statusCode, 202, deleted.body);
  t.same(deleted.json(), { status: 'deleted', deletedAt: '2026-11-23T10:11:00.000Z', purgeAfter: '2026-11-30T10:11:00.000Z' });

  for (const token of [fresh.accessToken, member.accessToken]) {
    const refused = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
    t.equal(refused.statusCode, 401, 'every token refused at once');
  }
  const refresh = await api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: member.refreshToken } });
  t.equal(refresh.statusCode, 401, 'no refresh either');
  t.throws(() => admit(api.runtime, { provider: 'google', subject: 'g-new', email: 'new.person@harbour.example', emailVerified: true }, request), { code: 'no_workspace' }, 'an invitation no longer admits');
  const sessions = inTenant(api, tenant.id, () => tenantDb().statement('SELECT end_reason FROM sessions ORDER BY created_at').all());
  t.same(sessions, [{ end_reason: 'workspace_deleted' }, { end_reason: 'workspace_deleted' }, { end_reason: 'workspace_deleted' }]);
  t.equal((await spinney(['tenant', 'list', '--json'], { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS })).stdout.includes(tenant.id), false, 'not listed');

  clock.advance(7 * DAY - 60_000);
  t.same(purgeDueTenants(api.runtime), { purged: [], failed: [] }, 'not before the grace period ends');
  t.ok(api.runtime.tenancy.databaseExists(tenant.id));
  clock.advance(60_000);
  t.same(purgeDueTenants(api.runtime), { purged: [tenant.id], failed: [] });
  t.notOk(existsSync(join(api.config.dataDir, 'tenants', tenant.id)), 'the workspace directory is gone');
  t.notOk(api.runtime.keyring.hasBackupKey(tenant.id), 'its backup key is destroyed');
  t.same(
    api.runtime.control.statement('SELECT id, name, slug, status, deleted_at, deleted_by, purge_after, purged_at FROM tenants WHERE id = ?').get(tenant.id),
    { id: tenant.id, name: '', slug: tenant.id, status: 'deleted', deleted_at: '2026-11-23T10:11:00.000Z', deleted_by: 'mb_admin', purge_after: '2026-11-30T10:11:00.000Z', purged_at: '2026-11-30T10:11:00.000Z' },
    'the tombstone',
  );
  t.same(api.runtime.control.statement('SELECT count(*) AS n FROM invitations WHERE tenant_id = ?').get(tenant.id), { n: 0 });
  const platform = api.runtime.control.statement('SELECT action FROM audit_events WHERE tenant_id = ? ORDER BY seq').pluck().all(tenant.id);
  t.same(platform, ['tenant.created', 'tenant.deleted', 'tenant.purged']);
  t.ok(verifyPlatformAudit(api.runtime).ok, 'the platform chain is intact');
  t.throws(() => purgeTenant(api.runtime, tenant.id), { code: 'already_purged' });
  t.throws(() => deleteTenant(api.runtime, tenant.id, { by: null }), { message: 'tenant not found' });
});

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

t.test('after the purge no canary of the workspace remains in any file of the data dir; another workspace keeps all of its own', async (t) => {
  const api = await build(t);
  const seed = async (marker: string) => {
    const canary = (what: string) => `${marker}-${what}-canary`;
    const tenant = api.tenant(canary('name'));
    const token = tenant.token('admin', 'mb_admin');
    const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await api.call({ method, url, token, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const contact = await call('POST', '/api/v1/contacts', { name: canary('contact'), email: `${marker}.contact@canary.example`, notes: canary('notes') });
    await call('PATCH', `/api/v1/contacts/${contact.id}/sensitive`, { taxId: canary('tax'), bankDetails: canary('iban') });
    await call('POST', '/api/v1/vault/secrets', { name: `${marker}.secret`, value: canary('secret') });
    await call('POST', '/api/v1/invitations', { email: `${marker}.invited@canary.example`, role: 'viewer' });
    await call('POST', '/api/v1/webhooks/endpoints', { provider: 'generic', description: canary('hook') });
    const identityId = newId('identity');
    const now = new Date().toISOString();
    insertIdentity(api.runtime.control, { id: identityId, tenantId: tenant.id, provider: 'google', subject: canary('subject'), email: `${marker}.member@canary.example`, now });
    insertMember(api.runtime.control, { id: newId('membership'), tenantId: tenant.id, email: `${marker}.member@canary.example`, identityId, role: 'member', now });
    const canaries = [canary('name'), canary('contact'), canary('notes'), canary('hook'), canary('subject'), `${marker}.contact@canary`, `${marker}.invited@canary`, `${marker}.member@canary`, `${marker}.secret`];
    return { tenant, canaries };
  };
  const gone = await seed('zebra');
  const kept = await seed('otter');
  const scan = (needles: string[]) => {
    const files = filesUnder(api.config.dataDir);
    return needles.filter((needle) => files.some((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))));
  };
  t.same(scan(gone.canaries), gone.canaries, 'before: every canary is on disk, so the scan can find them');

  deleteTenant(api.runtime, gone.tenant.id, { by: null, now: true });
  t.same(scan(gone.canaries), [], 'after the purge: none of them, in any file (databases, WAL files, keyring)');
  t.same(scan(kept.canaries), kept.canaries, 'the other workspace is untouched');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token: kept.tenant.token() })).json().items.length, 1);
});

t.test('spinney tenant delete: the id typed twice, --now purges, a second delete is refused; the tenant-purge job handles what is due', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const a = JSON.parse((await spinney(['tenant', 'create', '--name', 'A', '--json'], env)).stdout);
  const b = JSON.parse((await spinney(['tenant', 'create', '--name', 'B', '--json'], env)).stdout);
  const mismatch = await spinney(['tenant', 'delete', '--tenant', a.id, '--confirm', b.id], env);
  t.same([mismatch.code, mismatch.stderr], [1, 'spinney: --confirm must repeat the --tenant id exactly\n']);
  t.equal((await spinney(['tenant', 'list', '--json'], env)).stdout.includes(a.id), true, 'nothing happened');

  const now = await spinney(['tenant', 'delete', '--tenant', a.id, '--confirm', a.id, '--now'], env);
  t.same([now.code, now.stdout], [0, `deleted and purged ${a.id}\n`]);
  t.notOk(existsSync(join(dataDir, 'tenants', a.id)));
  const again = await spinney(['tenant', 'delete', '--tenant', a.id, '--confirm', a.id], env);
  t.same([again.code, again.stderr], [1, `spinney: no workspace ${a.id} (or it is already deleted)\n`]);

  const later = JSON.parse((await spinney(['tenant', 'delete', '--tenant', b.id, '--confirm', b.id, '--json'], env)).stdout);
  t.match(later, { tenantId: b.id, purgedAt: null });
  t.equal(Date.parse(later.purgeAfter) - Date.parse(later.deletedAt), 7 * DAY, 'the default grace period');
  t.equal((await spinney(['jobs', 'run', 'tenant-purge'], env)).stdout, 'tenant-purge: ok (purged 0, failed 0)\n', 'not due yet');
  t.ok(existsSync(join(dataDir, 'tenants', b.id, 'tenant.db')));
});
