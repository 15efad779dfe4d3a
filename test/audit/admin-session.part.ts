// A scripted admin session, start to finish, and the exact sequence of actions it leaves in the
// workspace's audit log: what an investigator would read afterwards.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { PUBLIC_URL, refreshCookieOf, signInRig } from '../helpers/signin.js';

t.test('a scripted admin session leaves exactly this sequence of audit events', async (t) => {
  const rig = await signInRig(t);
  const { api } = rig;
  const tenant = createTenant(api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  const client = { ip: '127.0.0.1', userAgent: 'script' };

  // The admin signs in through the browser flow and gets an access token.
  const done = await rig.signIn('g-ann');
  const admin = (await api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie: refreshCookieOf(done), origin: PUBLIC_URL } })).json();
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => api.call({ method, url, token: admin.accessToken, ...(payload ? { payload } : {}) });

  const invitation = (await call('POST', '/api/v1/invitations', { email: 'mo@acme.example', role: 'member' })).json();
  const mo = signIn(api.runtime, { provider: 'google', subject: 'g-mo', email: 'mo@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r-mo', client }, { acceptInvitation: invitation.id });
  const contact = (await call('POST', '/api/v1/contacts', { name: 'Dana' })).json();
  await call('PATCH', `/api/v1/contacts/${contact.id}`, { phone: '+1 555 0100' });
  await call('PATCH', `/api/v1/members/${mo.member.id}`, { role: 'viewer' });
  const stray = (await call('POST', '/api/v1/invitations', { email: 'x@acme.example', role: 'viewer' })).json();
  await call('DELETE', `/api/v1/invitations/${stray.id}`);
  await call('DELETE', `/api/v1/members/${mo.member.id}`);
  await call('DELETE', `/api/v1/contacts/${contact.id}`);
  await call('POST', '/api/v1/auth/signout', {});

  const rows = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement('SELECT action, actor_id, target_type, target_id FROM audit_events ORDER BY seq').all(),
  ) as { action: string; actor_id: string | null; target_type: string | null; target_id: string | null }[];
  t.same(
    rows.map((r) => r.action),
    [
      'member.joined',
      'member.identity_bound',
      'auth.signed_in',
      'member.invited',
      'member.joined',
      'member.identity_bound',
      'auth.signed_in',
      'contact.created',
      'contact.updated',
      'session.revoked',
      'member.role_changed',
      'member.invited',
      'invitation.revoked',
      'member.removed',
      'contact.deleted',
      'auth.signed_out',
    ],
  );
  const adminId = rows[2]?.actor_id;
  t.match(adminId, /^mb_/);
  t.same(
    rows.filter((r) => r.actor_id === adminId).map((r) => r.action),
    ['member.joined', 'member.identity_bound', 'auth.signed_in', 'member.invited', 'contact.created', 'contact.updated', 'session.revoked', 'member.role_changed', 'member.invited', 'invitation.revoked', 'member.removed', 'contact.deleted', 'auth.signed_out'],
    'everything the admin did is attributed to the admin',
  );
  t.same(rows[3], { action: 'member.invited', actor_id: adminId, target_type: 'invitation', target_id: invitation.id });
  t.same(rows[9], { action: 'session.revoked', actor_id: adminId, target_type: 'session', target_id: mo.tokens.session.id }, 'the role change ended Mo\u2019s session');
  t.equal(rows.filter((r) => r.action === 'member.removed')[0]?.target_id, mo.member.id);
});

