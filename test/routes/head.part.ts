// HEAD is answered wherever GET is (uptime monitors and link checkers send it): walked from the
// route table, every GET route answers HEAD with GET's status and content type and an empty body,
// behind the same authentication; a route without GET has no HEAD.
import t from 'tap';
import { build } from '../helpers/app.js';
import { callOptions, seedFixtures, walkRoutes } from '../helpers/route-walker.js';

t.test('every GET route answers HEAD as GET would, with no body; anonymous HEAD on a workspace route is 401', async (t) => {
  const api = await build(t);
  const workspace = api.tenant('Head');
  const token = workspace.token('admin', 'us_head');
  const gets = api.app.routeTable.filter((route) => route.method === 'GET');
  t.notOk(api.app.routeTable.some((route) => route.method === 'HEAD'), 'the route table lists each GET once, not its HEAD');
  const ids = await seedFixtures(api, token, 'head', gets);
  const wrong: string[] = [];
  let walked = 0;
  await walkRoutes(gets, ids, async (request) => {
    walked += 1;
    const as = request.route.realm === 'tenant' ? token : undefined;
    const get = await api.call(callOptions(request, as));
    const head = await api.call({ ...callOptions(request, as), method: 'HEAD' });
    if (head.statusCode !== get.statusCode) wrong.push(`${request.name}: GET ${get.statusCode}, HEAD ${head.statusCode}`);
    if (head.body !== '') wrong.push(`${request.name}: HEAD sent a body`);
    if (head.headers['content-type'] !== get.headers['content-type']) wrong.push(`${request.name}: HEAD content-type ${String(head.headers['content-type'])}, GET ${String(get.headers['content-type'])}`);
    if (request.route.realm === 'tenant') {
      const anonymous = await api.call({ ...callOptions(request), method: 'HEAD' });
      if (anonymous.statusCode !== 401) wrong.push(`${request.name}: anonymous HEAD got ${anonymous.statusCode}`);
    }
  });
  t.ok(walked === gets.length && walked > 40, `${walked} GET routes walked`);
  t.same(wrong, [], 'HEAD mirrors GET on every route');
  const health = await api.call({ method: 'HEAD', url: '/healthz' });
  t.same([health.statusCode, health.body], [200, ''], 'HEAD /healthz: 200 for uptime monitors');
  t.equal((await api.call({ method: 'HEAD', url: '/api/v1/auth/refresh' })).statusCode, 404, 'a POST-only route has no HEAD');
});
