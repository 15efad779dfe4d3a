// Sensitive routes (`config.sensitive`, the table's `sensitive`) need a sign-in, step-up or
// sensitive request within the re-auth window: walked from app.routeTable, every sensitive route
// refuses a lapsed window with 401 `reauth_required` and lets a fresh one through; no other route
// ever asks for re-auth.
import t from 'tap';
import { AccessTokens } from '../../src/auth/access-token.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, startSession } from '../helpers/app.js';
import { callOptions, reseed, seedFixtures, walkRoutes } from '../helpers/route-walker.js';

t.test('sensitive routes refuse a lapsed re-auth window with reauth_required, and only they do', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const workspace = api.tenant('Sensitive');
  // Signed in when used: the clock moves past the re-auth window below.
  const owner = () => workspace.token('admin', 'us_owner');
  const ids = await seedFixtures(api, owner(), 'sensitive');
  const accessTokens = new AccessTokens(api.config);
  const tenantRoutes = api.app.routeTable.filter((route) => route.realm === 'tenant');
  const sensitive = tenantRoutes.filter((route) => route.sensitive);
  t.ok(sensitive.length >= 10, `${sensitive.length} of ${tenantRoutes.length} tenant routes are sensitive`);

  // One admin session per route, signed in now; then the window lapses (the session stays alive:
  // the idle end is further off) and each route is called once with a freshly signed access token.
  const sessions = new Map(tenantRoutes.map((route) => [route, startSession(api.runtime, workspace.id, 'admin', 'us_lapsed').session.id]));
  clock.advance((api.config.sessions.reauthSeconds + 60) * 1000);
  const wrong: string[] = [];
  await walkRoutes(tenantRoutes, ids, async (request) => {
    const token = accessTokens.sign({ tid: workspace.id, sub: 'us_lapsed', role: 'admin', sid: sessions.get(request.route) as string }, clock.now());
    const res = await api.call(callOptions(request, token));
    const refused = res.statusCode === 401 && (res.json() as { error?: { code?: string } }).error?.code === 'reauth_required';
    if (request.route.sensitive && !refused) wrong.push(`${request.name}: sensitive, but a lapsed window got ${res.statusCode} ${res.body.slice(0, 120)}`);
    if (!request.route.sensitive && refused) wrong.push(`${request.name}: asks for re-auth but does not declare it (config.sensitive)`);
    if (request.method === 'DELETE' && !refused) await reseed(api, owner(), 'sensitive', request.route, ids);
  });
  t.same(wrong, [], 'a lapsed window: reauth_required on exactly the sensitive routes');

  // Inside a fresh window (a new sign-in) the same calls get past the check.
  const fresh: string[] = [];
  await walkRoutes(sensitive, ids, async (request) => {
    const token = startSession(api.runtime, workspace.id, 'admin', 'us_fresh').accessToken;
    const res = await api.call(callOptions(request, token));
    if (res.statusCode === 401 || res.statusCode === 403) fresh.push(`${request.name}: a fresh window got ${res.statusCode} ${res.body.slice(0, 120)}`);
    if (request.method === 'DELETE') await reseed(api, owner(), 'sensitive', request.route, ids);
  });
  t.same(fresh, [], 'a fresh window: no sensitive route refuses');
});
