// X-Forwarded-For next to the x-request-id case in conventions.part.ts ("forwarded headers are
// trusted only from a proxy on this host"): with SPINNEY_TRUST_PROXY on, the client address nginx
// forwards from loopback is the one the app uses, and a client reaching the port directly cannot
// choose its address with the header: not in the audit log, and not to dodge a rate limit.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build } from '../helpers/app.js';
import { securityEvents } from '../helpers/security-events.js';

const NGINX = '127.0.0.1';
const DIRECT = '203.0.113.5';

t.test('X-Forwarded-For from a peer that is not on loopback is ignored', async (t) => {
  const api = await build(t, { SPINNEY_TRUST_PROXY: 'true' });
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const create = async (remoteAddress: string, forwardedFor: string, name: string): Promise<string | null> => {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { name } });
    t.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    return api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
      tenantDb().statement(`SELECT ip FROM audit_events WHERE action = 'contact.created' AND target_id = ?`).pluck().get(id) as string | null,
    );
  };
  t.equal(await create(NGINX, '198.51.100.7', 'Via nginx'), '198.51.100.7', 'through nginx on loopback: the client nginx names');
  t.equal(await create(DIRECT, '198.51.100.7', 'Direct'), DIRECT, 'straight to the port: the peer, whatever the header says');
  t.equal(await create(DIRECT, `${NGINX}, 198.51.100.7`, 'Direct, chained'), DIRECT, 'a chain naming loopback does not help either');

  const plain = await build(t);
  const other = plain.tenant();
  const res = await plain.call({ method: 'POST', url: '/api/v1/contacts', token: other.token('admin'), remoteAddress: NGINX, headers: { 'x-forwarded-for': '198.51.100.7' }, payload: { name: 'Untrusted' } });
  const ip = plain.runtime.tenancy.run(other.id, { actor: null, requestId: null }, () =>
    tenantDb().statement(`SELECT ip FROM audit_events WHERE action = 'contact.created' AND target_id = ?`).pluck().get(res.json().id),
  );
  t.equal(ip, NGINX, 'without SPINNEY_TRUST_PROXY even loopback cannot speak for the client');
});

t.test('a direct client cannot dodge the rate limit by changing X-Forwarded-For', async (t) => {
  const api = await build(t, { SPINNEY_TRUST_PROXY: 'true', SPINNEY_RATE_LIMIT: '3' });
  const token = api.tenant().token();
  const get = (remoteAddress: string, forwardedFor: string) => api.call({ method: 'GET', url: '/api/v1/contacts', token, remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });

  const direct = [];
  for (let i = 1; i <= 4; i += 1) direct.push((await get(DIRECT, `198.51.100.${i}`)).statusCode);
  t.same(direct, [200, 200, 200, 429], 'one budget for the peer, whatever address each request claims');
  t.same(securityEvents(api.runtime), [{ clientKey: DIRECT, kind: 'rate_limited', reason: 'global', count: 1 }], 'and the refusal is counted against the peer');

  const viaNginx = [];
  for (let i = 1; i <= 4; i += 1) viaNginx.push((await get(NGINX, `192.0.2.${i}`)).statusCode);
  t.same(viaNginx, [200, 200, 200, 200], 'behind nginx each forwarded client has a budget of its own');
});
