// Security notices: a member whose access someone else changed hears of it by email, through the
// outbox (kind 'notice'), at the real SMTP server: role changed, a session ended by an admin,
// archived, removed; and a session ended because its refresh token was replayed. What, who and
// when; never a token or session id.
import t from 'tap';
import { simpleParser } from 'mailparser';
import { newId } from '../../src/http/ids.js';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { insertMember } from '../../src/members/members.repo.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { requireTools } from '../deploy/tools.js';
import type { TestApp } from '../helpers/app.js';
import { mailApp } from './smtp.js';

const skip = requireTools(t, ['openssl']);

/** A member of the workspace since an hour before the tests' clock starts. */
const addMember = (api: TestApp, tenantId: string, id: string, email: string, role: 'admin' | 'member') =>
  insertMember(api.runtime.control, { id, tenantId, email, identityId: null, role, now: '2026-12-01T08:00:00.000Z', createdBy: 'system', updatedBy: 'system' });

t.test("a member is told by email when an admin changes their role, ends their session, archives or removes them; no token in it", { skip }, async (t) => {
  const { smtp, api, workspace } = await mailApp(t);
  const member = (id: string, email: string, role: 'admin' | 'member') => addMember(api, workspace.id, id, email, role);
  const [ada, bob] = [newId('membership'), newId('membership')];
  member(ada, 'ada@whitfield.test', 'admin');
  member(bob, 'bob@whitfield.test', 'member');
  const admin = workspace.token('admin', ada);
  const bobSession = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () =>
    api.runtime.sessions.start({ userId: bob, role: 'member', provider: 'google', clientKind: 'browser', device: 'Firefox on Linux', ip: '203.0.113.7' }),
  );
  const secrets = [bobSession.accessToken, bobSession.refreshToken, bobSession.session.id];
  const pass = () => runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 10_000 })]);
  const lastReceived = async () => {
    t.match(await pass(), { delivered: 1 });
    const raw = smtp.received.at(-1)!;
    for (const secret of secrets) t.notOk(raw.raw.includes(Buffer.from(secret)), 'no token or session id in it');
    return { envelopeTo: raw.to, message: await simpleParser(raw.raw) };
  };

  // Bob ending his own session is not news to him: no notice.
  const own = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => api.runtime.sessions.start({ userId: bob, role: 'member', provider: 'google', clientKind: 'browser', device: null, ip: null }));
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${own.session.id}`, token: own.accessToken })).statusCode, 204);
  t.match(await pass(), { attempted: 0 }, 'nothing queued when a member ends their own session');

  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${bobSession.session.id}`, token: admin })).statusCode, 204);
  const revoked = await lastReceived();
  t.same(revoked.envelopeTo, ['bob@whitfield.test'], 'to the member whose session it was');
  t.equal(revoked.message.subject, 'Security notice from Whitfield Roofing on Spinney: A session of yours in Whitfield Roofing was ended');
  t.match(revoked.message.text, /The session started 2026-12-01 09:00 UTC on Firefox on Linux from 203\.0\.113\.7 was signed out\./);
  t.match(revoked.message.text, /Done by an admin \(ada@whitfield\.test\) at 2026-12-01 09:00 UTC\./);

  t.equal((await api.call({ method: 'PATCH', url: `/api/v1/members/${bob}`, token: admin, payload: { role: 'viewer' } })).statusCode, 200);
  const role = await lastReceived();
  t.same(role.envelopeTo, ['bob@whitfield.test']);
  t.match(role.message.text, /^Your role in Whitfield Roofing changed to viewer\.\n\nIt was member; it is now viewer\.\nYour sessions in this workspace were ended; sign in again to go on\./);

  t.equal((await api.call({ method: 'POST', url: `/api/v1/members/${bob}/archive`, token: admin, payload: {} })).statusCode, 200);
  t.match((await lastReceived()).message.text, /^Your access to Whitfield Roofing was suspended\./);

  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/members/${bob}`, token: admin })).statusCode, 204);
  const removed = await lastReceived();
  t.same(removed.envelopeTo, ['bob@whitfield.test']);
  t.match(removed.message.text, /^You were removed from Whitfield Roofing\./);

  const notices = (await api.call({ method: 'GET', url: '/api/v1/mail', token: admin })).json() as { items: { kind: string; to: string; state: string }[] };
  t.same(notices.items.map((m) => [m.kind, m.to, m.state]), Array(4).fill(['notice', 'bob@whitfield.test', 'sent']), 'each in the outbox as a notice, sent');
});

t.test('a replayed refresh token ends the session and its owner is told, with where the replay came from; a grace retry tells no one', { skip }, async (t) => {
  const { smtp, clock, api, workspace } = await mailApp(t);
  const carol = newId('membership');
  addMember(api, workspace.id, carol, 'carol@whitfield.test', 'member');
  const started = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () =>
    api.runtime.sessions.start({ userId: carol, role: 'member', provider: 'google', clientKind: 'native', device: 'iPhone app', ip: '198.51.100.4' }),
  );
  const refresh = (refreshToken: string) => api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken }, remoteAddress: '203.0.113.99' });
  const pass = () => runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 10_000 })]);

  const rotated = await refresh(started.refreshToken);
  t.equal(rotated.statusCode, 200);
  clock.advance(5_000);
  t.equal((await refresh(started.refreshToken)).statusCode, 200, 'a retry within the grace window is no replay');
  t.match(await pass(), { attempted: 0 }, 'and tells no one');

  clock.advance(60_000);
  const replay = await refresh(started.refreshToken);
  t.equal(replay.statusCode, 401);
  t.equal(replay.json().error.code, 'refresh_token_reused');
  t.match(await pass(), { delivered: 1 });
  const raw = smtp.received.at(-1)!;
  t.same(raw.to, ['carol@whitfield.test'], 'to the member whose session it was');
  for (const secret of [started.refreshToken, (rotated.json() as { refreshToken: string }).refreshToken, started.session.id]) t.notOk(raw.raw.includes(Buffer.from(secret)), 'no token or session id in it');
  const message = await simpleParser(raw.raw);
  t.equal(message.subject, 'Security notice from Whitfield Roofing on Spinney: A session of yours in Whitfield Roofing was ended for safety');
  t.match(message.text, /The session started 2026-12-01 09:00 UTC on iPhone app from 198\.51\.100\.4 presented a sign-in token that had already been used \(this time from 203\.0\.113\.99\)\./);
  t.match(message.text, /Done by Spinney at 2026-12-01 09:01 UTC\./);
  t.equal((await refresh(started.refreshToken)).json().error.code, 'session_ended', 'the session is over');
  t.match(await pass(), { attempted: 0 }, 'a second replay of an ended session sends nothing more');
});
