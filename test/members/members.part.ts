// Members and invitations through the admin API, with real sign-ins: invitations bind at the first
// sign-in, every change ends the member's sessions at once, the last admin is protected, and every
// change is in the tenant's audit log.
import t from 'tap';
import type { Role } from '../../src/auth/permissions.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { AppError } from '../../src/http/errors.js';
import { signIn, type SignedIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock, type Clock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';

interface Event {
  seq: number;
  action: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  before: string | null;
  after: string | null;
}

interface Workspace {
  api: TestApp;
  tenantId: string;
  admin: { id: string; token: string };
  /** Signs a person in through a verified Google identity (throws the sign-in's AppError). */
  signInAs(email: string, subject: string): SignedIn;
  /** Invites an email as the first admin (201 expected). */
  invite(email: string, role: Role): Promise<{ id: string; email: string; role: Role; expiresAt: string }>;
  /** Invites and signs in: a real member with a live session. */
  join(email: string, subject: string, role: Role): Promise<{ id: string; token: string }>;
  events(): Event[];
  controlRows(sql: string, ...params: unknown[]): unknown[];
}

const ADMIN_EMAIL = 'admin@acme.example';

async function setup(t: Teardown, options: { clock?: Clock } = {}): Promise<Workspace> {
  const api = await build(t, {}, [], options);
  const { id: tenantId } = createTenant(api.runtime, { name: 'Acme', adminEmail: ADMIN_EMAIL });
  let n = 0;
  // An admin's invitation waits for the person's yes (invitation_pending); this person says yes.
  const signInAs = (email: string, subject: string): SignedIn => {
    const identity = { provider: 'google', subject, email, emailVerified: true };
    const request = { workspace: null, clientKind: 'native' as const, requestId: `req-${++n}`, client: { ip: '127.0.0.1', userAgent: 'test' } };
    try {
      return signIn(api.runtime, identity, request);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'invitation_pending') throw err;
      return signIn(api.runtime, identity, request, { acceptInvitation: (err.details?.invitation as { id: string }).id });
    }
  };
  const first = signInAs(ADMIN_EMAIL, 'sub-admin');
  const admin = { id: first.member.id, token: first.tokens.accessToken };
  const ws: Workspace = {
    api,
    tenantId,
    admin,
    signInAs,
    async invite(email, role) {
      const res = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email, role } });
      if (res.statusCode !== 201) throw new Error(`invite ${email}: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async join(email, subject, role) {
      await ws.invite(email, role);
      const signedIn = signInAs(email, subject);
      return { id: signedIn.member.id, token: signedIn.tokens.accessToken };
    },
    events: () =>
      api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
        tenantDb().statement('SELECT seq, action, actor_id, target_type, target_id, before, after FROM audit_events ORDER BY seq').all() as Event[],
      ),
    controlRows: (sql, ...params) => api.runtime.control.statement(sql).all(...params),
  };
  return ws;
}

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const contacts = (ws: Workspace, token: string) => ws.api.call({ method: 'GET', url: '/api/v1/contacts', token });
const signInCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

t.test("invite, list, and the invited person's first sign-in binds them as a member", async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const before = Date.now();
  const created = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email: 'Ann@X.Example', role: 'member' } });
  t.equal(created.statusCode, 201);
  const invitation = created.json();
  t.match(invitation, { email: 'ann@x.example', role: 'member', createdBy: admin.id });
  t.match(invitation.id, /^iv_[a-z2-7]{24}$/);
  const days = (Date.parse(invitation.expiresAt) - before) / 86_400_000;
  t.ok(days > 6.99 && days < 7.01, `expires in about 7 days (${days})`);

  const pending = await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token });
  t.equal(pending.statusCode, 200);
  t.same(pending.json(), { items: [invitation], nextCursor: null }, 'the admin\'s own invitation was accepted; only this one is pending');

  const asked = signInCode(() => signIn(api.runtime, { provider: 'google', subject: 'sub-ann', email: 'ann@x.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r-ann', client: { ip: '127.0.0.1', userAgent: 'test' } }));
  t.equal(asked, 'invitation_pending', 'signing in alone does not join: the invited person must accept');
  t.equal((api.runtime.control.statement('SELECT count(*) FROM memberships WHERE email = ?').pluck().get('ann@x.example') as number), 0, 'no membership before the yes');
  const ann = ws.signInAs('ann@x.example', 'sub-ann');
  t.equal(ann.member.role, 'member');
  t.match(ann.member.id, /^mb_/);
  t.equal(ann.tenant.id, ws.tenantId);
  t.equal((await contacts(ws, ann.tokens.accessToken)).statusCode, 200, 'the new member\'s token works');

  const members = (await api.call({ method: 'GET', url: '/api/v1/members', token: admin.token })).json();
  t.equal(members.items.length, 2);
  t.match(members.items.find((m: { id: string }) => m.id === ann.member.id), { email: 'ann@x.example', role: 'member', status: 'active', identity: { provider: 'google' }, createdBy: admin.id, updatedBy: ann.member.id });
  t.match(members.items.find((m: { id: string }) => m.id === admin.id), { email: ADMIN_EMAIL, role: 'admin', status: 'active', identity: { provider: 'google' } });
  const one = await api.call({ method: 'GET', url: `/api/v1/members/${ann.member.id}`, token: admin.token });
  t.equal(one.statusCode, 200);
  t.same(one.json(), members.items.find((m: { id: string }) => m.id === ann.member.id));
  t.same((await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token })).json().items, [], 'the invitation is no longer pending');

  const log = ws.events();
  const invited = log.find((e) => e.action === 'member.invited' && e.target_id === invitation.id);
  t.ok(invited, 'member.invited');
  t.equal(invited?.actor_id, admin.id);
  t.match(json(invited?.after ?? null), { role: 'member', expiresAt: invitation.expiresAt });
  const forAnn = log.filter((e) => e.seq > (invited?.seq ?? 0)).map((e) => e.action);
  t.same(forAnn, ['member.joined', 'member.identity_bound', 'auth.signed_in']);
  t.match(json(log.find((e) => e.action === 'member.joined' && e.target_id === ann.member.id)?.after ?? null), { role: 'member', invitationId: invitation.id });
  t.match(json(log.find((e) => e.action === 'member.identity_bound' && e.target_id === ann.member.id)?.after ?? null), { provider: 'google' });
  t.equal(log.find((e) => e.action === 'auth.signed_in' && e.target_id === ann.tokens.session.id)?.actor_id, ann.member.id);
});

t.test('bad input is refused with a clear error and writes nothing', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  await ws.join('bob@x.example', 'sub-bob', 'member');
  await ws.invite('carol@x.example', 'viewer');
  const count = () => (ws.controlRows('SELECT count(*) AS n FROM invitations WHERE tenant_id = ?', ws.tenantId)[0] as { n: number }).n;
  const auditCount = () => ws.events().length;
  const invitations = count();
  const audited = auditCount();

  const cases: { name: string; payload: unknown; code: string; field?: string }[] = [
    { name: 'invalid email', payload: { email: 'not-an-email', role: 'member' }, code: 'invalid_field', field: 'email' },
    { name: 'email without a domain dot', payload: { email: 'ann@localhost', role: 'member' }, code: 'invalid_field', field: 'email' },
    { name: 'unknown role', payload: { email: 'dan@x.example', role: 'owner' }, code: 'invalid_field', field: 'role' },
    { name: 'missing role', payload: { email: 'dan@x.example' }, code: 'missing_field', field: 'role' },
    { name: 'unknown field', payload: { email: 'dan@x.example', role: 'member', tenantId: 'tn_x' }, code: 'unknown_field', field: 'tenantId' },
    { name: 'expiry too long', payload: { email: 'dan@x.example', role: 'member', expiresInDays: 365 }, code: 'invalid_field', field: 'expiresInDays' },
  ];
  for (const c of cases) {
    const res = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: c.payload as Record<string, unknown> });
    t.equal(res.statusCode, 400, `${c.name}: status`);
    t.equal(res.json().error.code, c.code, `${c.name}: code`);
    if (c.field) t.equal(res.json().error.field, c.field, `${c.name}: field`);
  }
  t.equal(count(), invitations, 'no invitation was written on a 400');
  t.equal(auditCount(), audited, 'nothing was audited on a 400');

  const member = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email: 'BOB@x.example', role: 'admin' } });
  t.equal(member.statusCode, 409);
  t.equal(member.json().error.code, 'already_member');
  const twice = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email: 'carol@x.example', role: 'member' } });
  t.equal(twice.statusCode, 409);
  t.equal(twice.json().error.code, 'already_invited');
  t.equal(count(), invitations, 'no invitation was written on a 409');
  t.equal(auditCount(), audited, 'nothing was audited on a 409');

  const badRole = await api.call({ method: 'PATCH', url: `/api/v1/members/${admin.id}`, token: admin.token, payload: { role: 'owner' } });
  t.equal(badRole.statusCode, 400);
  const unknownMember = await api.call({ method: 'PATCH', url: '/api/v1/members/mb_aaaaaaaaaaaaaaaaaaaaaaaa', token: admin.token, payload: { role: 'viewer' } });
  t.equal(unknownMember.statusCode, 404);
  const malformed = await api.call({ method: 'GET', url: '/api/v1/members/not-an-id', token: admin.token });
  t.equal(malformed.statusCode, 404);
});

t.test('members and viewers get 403 on every members and invitations route', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const member = await ws.join('bob@x.example', 'sub-bob', 'member');
  const viewer = await ws.join('vic@x.example', 'sub-vic', 'viewer');
  const pending = await ws.invite('carol@x.example', 'member');
  const audited = ws.events().length;
  const membersBefore = (await api.call({ method: 'GET', url: '/api/v1/members', token: admin.token })).json();

  const routes: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }[] = [
    { method: 'GET', url: '/api/v1/members' },
    { method: 'GET', url: `/api/v1/members/${admin.id}` },
    { method: 'PATCH', url: `/api/v1/members/${admin.id}`, payload: { role: 'viewer' } },
    { method: 'POST', url: `/api/v1/members/${admin.id}/archive`, payload: {} },
    { method: 'POST', url: `/api/v1/members/${admin.id}/reset-identity`, payload: {} },
    { method: 'DELETE', url: `/api/v1/members/${admin.id}` },
    { method: 'GET', url: '/api/v1/invitations' },
    { method: 'POST', url: '/api/v1/invitations', payload: { email: 'eve@x.example', role: 'admin' } },
    { method: 'DELETE', url: `/api/v1/invitations/${pending.id}` },
  ];
  for (const [who, token] of [['member', member.token], ['viewer', viewer.token]] as const) {
    for (const r of routes) {
      const res = await api.call({ ...r, token });
      t.equal(res.statusCode, 403, `${who}: ${r.method} ${r.url}`);
      t.equal(res.json().error.code, 'forbidden', `${who}: ${r.method} ${r.url}: code`);
    }
  }
  t.equal(ws.events().length, audited, 'nothing was audited');
  t.same((await api.call({ method: 'GET', url: '/api/v1/members', token: admin.token })).json(), membersBefore, 'no member changed');
  t.same((await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token })).json().items.map((i: { id: string }) => i.id), [pending.id], 'no invitation changed');
  t.equal((await contacts(ws, member.token)).statusCode, 200, 'the refusals did not end anyone\'s session');
});

t.test('every role sees the workspace\'s people by name, without sign-in details or attribution', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const member = await ws.join('bob@x.example', 'sub-bob', 'member');
  const viewer = await ws.join('vic@x.example', 'sub-vic', 'viewer');
  await ws.invite('carol@x.example', 'member');
  const other = await setup(t);
  for (const [who, token] of [['admin', admin.token], ['member', member.token], ['viewer', viewer.token]] as const) {
    const res = await api.call({ method: 'GET', url: '/api/v1/people', token });
    t.equal(res.statusCode, 200, `${who}: 200`);
    t.same(
      res.json().items.map((p: Record<string, unknown>) => p).sort((a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email)),
      [
        { id: admin.id, email: ADMIN_EMAIL, role: 'admin', status: 'active' },
        { id: member.id, email: 'bob@x.example', role: 'member', status: 'active' },
        { id: viewer.id, email: 'vic@x.example', role: 'viewer', status: 'active' },
      ],
      `${who}: exactly the members (no pending invitation), with id, email, role and status only`,
    );
  }
  const theirs = (await other.api.call({ method: 'GET', url: '/api/v1/people', token: other.admin.token })).json().items.map((p: { email: string }) => p.email);
  t.same(theirs, [ADMIN_EMAIL], 'another workspace lists only its own people');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/people' })).statusCode, 401, 'no token: 401');
});

t.test("changing a role ends the member's sessions at once, is audited and attributed", async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const bob = await ws.join('bob@x.example', 'sub-bob', 'member');
  t.equal((await contacts(ws, bob.token)).statusCode, 200);

  const res = await api.call({ method: 'PATCH', url: `/api/v1/members/${bob.id}`, token: admin.token, payload: { role: 'viewer' } });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { id: bob.id, role: 'viewer', status: 'active', identity: { provider: 'google' }, createdBy: admin.id, updatedBy: admin.id });
  const attribution = api.runtime.control.statement('SELECT created_by, updated_by FROM memberships WHERE id = ?').get(bob.id);
  t.same(attribution, { created_by: admin.id, updated_by: admin.id }, 'the row names who made and who changed it');
  const forged = await api.call({ method: 'PATCH', url: `/api/v1/members/${bob.id}`, token: admin.token, payload: { role: 'member', updatedBy: 'us_someone_else' } });
  t.equal(forged.statusCode, 400, 'attribution is never accepted from the client');
  t.match(forged.json(), { error: { field: 'updatedBy' } });
  const after = await contacts(ws, bob.token);
  t.equal(after.statusCode, 401, 'the old token is dead');
  t.equal(after.json().error.code, 'session_ended');

  const changed = ws.events().filter((e) => e.action === 'member.role_changed');
  t.equal(changed.length, 1);
  t.match(changed[0], { target_type: 'member', target_id: bob.id, actor_id: admin.id });
  t.same(json(changed[0]?.before ?? null), { role: 'member' });
  t.same(json(changed[0]?.after ?? null), { role: 'viewer', sessionsEnded: 1 });
  t.ok(ws.events().some((e) => e.action === 'session.revoked' && json(e.after) !== null && (json(e.after) as { userId: string }).userId === bob.id), 'the session end is audited');

  const again = ws.signInAs('bob@x.example', 'sub-bob');
  t.equal(again.member.role, 'viewer', 'the next sign-in carries the new role');
  t.equal((await contacts(ws, again.tokens.accessToken)).statusCode, 200);

  const same = await api.call({ method: 'PATCH', url: `/api/v1/members/${bob.id}`, token: admin.token, payload: { role: 'viewer' } });
  t.equal(same.statusCode, 200, 'setting the same role is a no-op');
  t.equal((await contacts(ws, again.tokens.accessToken)).statusCode, 200, 'a no-op change ends nothing');
  t.equal(ws.events().filter((e) => e.action === 'member.role_changed').length, 1, 'and is not audited');
});

t.test('the last admin can be neither demoted, archived nor removed', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const bob = await ws.join('bob@x.example', 'sub-bob', 'member');
  const refusals = [
    { method: 'PATCH' as const, url: `/api/v1/members/${admin.id}`, payload: { role: 'member' } },
    { method: 'PATCH' as const, url: `/api/v1/members/${admin.id}`, payload: { role: 'viewer' } },
    { method: 'POST' as const, url: `/api/v1/members/${admin.id}/archive`, payload: {} },
    { method: 'DELETE' as const, url: `/api/v1/members/${admin.id}` },
  ];
  for (const r of refusals) {
    const res = await api.call({ ...r, token: admin.token });
    t.equal(res.statusCode, 409, `${r.method} ${r.url} ${JSON.stringify(r.payload ?? '')}`);
    t.equal(res.json().error.code, 'last_admin');
  }
  t.match((await api.call({ method: 'GET', url: `/api/v1/members/${admin.id}`, token: admin.token })).json(), { role: 'admin', status: 'active' }, 'unchanged');
  t.equal((await contacts(ws, admin.token)).statusCode, 200, 'and still signed in');

  const promoted = await api.call({ method: 'PATCH', url: `/api/v1/members/${bob.id}`, token: admin.token, payload: { role: 'admin' } });
  t.equal(promoted.statusCode, 200);
  t.equal(promoted.json().role, 'admin');
  const demoted = await api.call({ method: 'PATCH', url: `/api/v1/members/${admin.id}`, token: admin.token, payload: { role: 'member' } });
  t.equal(demoted.statusCode, 200, 'with a second admin, the first can step down');
  t.equal(demoted.json().role, 'member');
  t.equal((await contacts(ws, admin.token)).statusCode, 401, 'stepping down ended the former admin\'s own session');

  // Bob's session ended with his promotion; he signs in again as the admin, and is now the last one.
  const bobAdmin = ws.signInAs('bob@x.example', 'sub-bob');
  t.equal(bobAdmin.member.role, 'admin');
  const last = await api.call({ method: 'DELETE', url: `/api/v1/members/${bob.id}`, token: bobAdmin.tokens.accessToken });
  t.equal(last.statusCode, 409);
  t.equal(last.json().error.code, 'last_admin');
});

t.test('removing a member ends their sessions, deletes membership and identity, and a new sign-in is refused', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const bob = await ws.join('bob@x.example', 'sub-bob', 'member');
  const identityId = (ws.controlRows('SELECT identity_id FROM memberships WHERE id = ?', bob.id)[0] as { identity_id: string }).identity_id;
  t.match(identityId, /^id_/);

  const res = await api.call({ method: 'DELETE', url: `/api/v1/members/${bob.id}`, token: admin.token });
  t.equal(res.statusCode, 204);
  t.equal(res.body, '');
  t.equal((await contacts(ws, bob.token)).statusCode, 401, 'the removed member\'s token is dead');
  t.same(ws.controlRows('SELECT id FROM memberships WHERE id = ? OR email = ?', bob.id, 'bob@x.example'), [], 'membership gone');
  t.same(ws.controlRows('SELECT id FROM identities WHERE id = ? OR subject = ?', identityId, 'sub-bob'), [], 'identity gone');
  t.equal((await api.call({ method: 'GET', url: `/api/v1/members/${bob.id}`, token: admin.token })).statusCode, 404);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/members/${bob.id}`, token: admin.token })).statusCode, 404, 'removing twice is a 404');

  const removed = ws.events().filter((e) => e.action === 'member.removed');
  t.equal(removed.length, 1);
  t.equal(removed[0]?.target_id, bob.id);
  t.same(json(removed[0]?.before ?? null), { role: 'member', status: 'active' });
  t.same(json(removed[0]?.after ?? null), { sessionsEnded: 1 });

  t.throws(() => ws.signInAs('bob@x.example', 'sub-bob'), { code: 'no_workspace', statusCode: 403 }, 'no membership, no invitation: no workspace');
});

t.test('archive keeps the identity lock; a re-invite restores the same member', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const bob = await ws.join('bob@x.example', 'sub-bob', 'member');

  const archived = await api.call({ method: 'POST', url: `/api/v1/members/${bob.id}/archive`, token: admin.token, payload: {} });
  t.equal(archived.statusCode, 200);
  t.match(archived.json(), { id: bob.id, status: 'archived', role: 'member', identity: { provider: 'google' } });
  t.equal((await contacts(ws, bob.token)).statusCode, 401, 'the archived member\'s token is dead');
  const listed = (await api.call({ method: 'GET', url: '/api/v1/members', token: admin.token })).json().items;
  t.match(listed.find((m: { id: string }) => m.id === bob.id), { status: 'archived' }, 'archived members are listed');
  t.equal(signInCode(() => ws.signInAs('bob@x.example', 'sub-bob')), 'no_workspace', 'an archived member without an invitation cannot sign in');
  const twice = await api.call({ method: 'POST', url: `/api/v1/members/${bob.id}/archive`, token: admin.token, payload: {} });
  t.equal(twice.statusCode, 409, 'archiving twice is a conflict');
  const archivedEvent = ws.events().find((e) => e.action === 'member.archived');
  t.same(json(archivedEvent?.after ?? null), { status: 'archived', sessionsEnded: 1 });

  const reinvite = await ws.invite('bob@x.example', 'viewer');
  t.equal(reinvite.role, 'viewer');

  t.equal(signInCode(() => ws.signInAs('bob@x.example', 'sub-somebody-else')), 'identity_mismatch', 'a different account cannot take over the archived member');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token })).json().items.length, 1, 'the refused sign-in did not use up the invitation');

  const back = ws.signInAs('bob@x.example', 'sub-bob');
  t.equal(back.member.id, bob.id, 'the same member');
  t.equal(back.member.role, 'viewer', 'with the role of the new invitation');
  t.match((await api.call({ method: 'GET', url: `/api/v1/members/${bob.id}`, token: admin.token })).json(), { status: 'active', role: 'viewer' });
  t.equal((await contacts(ws, back.tokens.accessToken)).statusCode, 200);
  t.same((await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token })).json().items, [], 'the invitation was accepted');
  t.equal(ws.controlRows('SELECT id FROM memberships WHERE email = ?', 'bob@x.example').length, 1, 'no second membership');
  const joined = ws.events().filter((e) => e.action === 'member.joined' && e.target_id === bob.id);
  t.equal(joined.length, 2, 'joining again is audited');
  t.match(json(joined[1]?.after ?? null), { role: 'viewer', invitationId: reinvite.id });
});

t.test('a member bound to one account: another account is refused until an admin resets the binding', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const bob = await ws.join('bob@x.example', 'sub-a', 'member');

  t.throws(() => ws.signInAs('bob@x.example', 'sub-b'), { code: 'identity_mismatch', statusCode: 403 });
  const failed = ws.events().filter((e) => e.action === 'auth.sign_in_failed');
  t.equal(failed.length, 1);
  t.match(failed[0], { target_type: 'member', target_id: bob.id });
  t.match(json(failed[0]?.after ?? null), { provider: 'google', reason: 'identity_mismatch' });
  t.equal((await contacts(ws, bob.token)).statusCode, 200, 'a refused sign-in does not end the real member\'s session');

  const reset = await api.call({ method: 'POST', url: `/api/v1/members/${bob.id}/reset-identity`, token: admin.token, payload: {} });
  t.equal(reset.statusCode, 200);
  t.match(reset.json(), { id: bob.id, status: 'active', role: 'member', identity: null });
  t.equal((await contacts(ws, bob.token)).statusCode, 401, 'resetting the binding ends the member\'s sessions');
  t.same(ws.controlRows('SELECT id FROM identities WHERE subject = ?', 'sub-a'), [], 'the old identity is gone');
  const resetEvent = ws.events().find((e) => e.action === 'member.identity_reset');
  t.match(resetEvent, { target_id: bob.id, actor_id: admin.id });
  t.same(json(resetEvent?.before ?? null), { provider: 'google' });
  t.same(json(resetEvent?.after ?? null), { sessionsEnded: 1 });
  const again = await api.call({ method: 'POST', url: `/api/v1/members/${bob.id}/reset-identity`, token: admin.token, payload: {} });
  t.equal(again.statusCode, 409, 'nothing to reset');

  const viaB = ws.signInAs('bob@x.example', 'sub-b');
  t.equal(viaB.member.id, bob.id, 'the same member');
  t.equal(viaB.member.role, 'member');
  const bound = ws.controlRows('SELECT i.provider, i.subject FROM memberships m JOIN identities i ON i.id = m.identity_id WHERE m.id = ?', bob.id);
  t.same(bound, [{ provider: 'google', subject: 'sub-b' }], 'now bound to B');
  t.match((await api.call({ method: 'GET', url: `/api/v1/members/${bob.id}`, token: admin.token })).json(), { identity: { provider: 'google' } });
  t.equal(signInCode(() => ws.signInAs('bob@x.example', 'sub-a')), 'identity_mismatch', 'and A is now the stranger');
});

t.test('revoking an invitation', async (t) => {
  const ws = await setup(t);
  const { api, admin } = ws;
  const invitation = await ws.invite('dan@x.example', 'member');
  const res = await api.call({ method: 'DELETE', url: `/api/v1/invitations/${invitation.id}`, token: admin.token });
  t.equal(res.statusCode, 204);
  t.equal(res.body, '');
  t.same((await api.call({ method: 'GET', url: '/api/v1/invitations', token: admin.token })).json().items, []);
  const twice = await api.call({ method: 'DELETE', url: `/api/v1/invitations/${invitation.id}`, token: admin.token });
  t.equal(twice.statusCode, 404);
  t.equal(twice.json().error.code, 'not_found');
  const revoked = ws.events().filter((e) => e.action === 'invitation.revoked');
  t.equal(revoked.length, 1);
  t.match(revoked[0], { target_type: 'invitation', target_id: invitation.id });
  t.throws(() => ws.signInAs('dan@x.example', 'sub-dan'), { code: 'no_workspace' });
  t.same(ws.controlRows('SELECT id FROM memberships WHERE email = ?', 'dan@x.example'), [], 'no membership was created');

  const fresh = await ws.invite('dan@x.example', 'viewer');
  t.not(fresh.id, invitation.id, 'a revoked invitation does not block a new one');
  t.equal(ws.signInAs('dan@x.example', 'sub-dan').member.role, 'viewer');
});

t.test('sensitive routes need a sign-in or sensitive activity within the re-auth window; a read does not reopen them', async (t) => {
  const clock = new ManualClock();
  const ws = await setup(t, { clock });
  const { api, admin } = ws;
  clock.advance(11 * 60_000);

  const refused = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email: 'ann@x.example', role: 'member' } });
  t.equal(refused.statusCode, 401);
  t.equal(refused.json().error.code, 'reauth_required');
  t.same(ws.controlRows('SELECT id FROM invitations WHERE email = ?', 'ann@x.example'), [], 'nothing was written');

  const read = await api.call({ method: 'GET', url: '/api/v1/members', token: admin.token });
  t.equal(read.statusCode, 200, 'a read is not sensitive, and the session is still alive');

  const afterRead = await api.call({ method: 'POST', url: '/api/v1/invitations', token: admin.token, payload: { email: 'ann@x.example', role: 'member' } });
  t.equal(afterRead.statusCode, 401, 'the read did not reopen the window for the same token');
  t.equal(afterRead.json().error.code, 'reauth_required');
  t.same(ws.controlRows('SELECT id FROM invitations WHERE email = ?', 'ann@x.example'), [], 'still nothing written');
});
