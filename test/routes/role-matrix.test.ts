// Every role against every tenant route, from the permission table (src/auth/permissions.ts): a
// role without the route's permission gets 403 `forbidden` and changes nothing; a role holding it
// gets past authorization (neither 401 nor 403). The routes come from app.routeTable through the
// route walker, so a route added tomorrow is in the matrix without editing this file.
import t from 'tap';
import type { FastifyPluginAsync } from 'fastify';
import { ROLES, roleHas, type Permission } from '../../src/auth/permissions.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, startSession, type TestApp } from '../helpers/app.js';
import { FIXTURES, realmOf, seedFixtures, walkRoutes, type Seed } from '../helpers/route-walker.js';
import { tenantScopedControlTables } from '../isolation/suite.js';

/** The workspace's database file and its rows in control.db: what "nothing changed" compares. */
function workspaceBytes(api: TestApp, tenantId: string, controlTables: string[]): Buffer {
  const file = api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().serialize());
  const rows = controlTables.map((table) => JSON.stringify(api.runtime.control.statement(`SELECT * FROM "${table}" WHERE tenant_id = ? ORDER BY 1`).all(tenantId)));
  return Buffer.concat([file, Buffer.from(rows.join('\n'))]);
}

/** Walks the matrix; returns the cells that disagree with the permission table, and the counts. */
async function runRoleMatrix(api: TestApp): Promise<{ wrong: string[]; allowed: number; refused: number; routes: number }> {
  const workspace = api.tenant('Matrix');
  const owner = workspace.token('admin', 'us_owner');
  const ids = await seedFixtures(api, owner, 'matrix');
  const controlTables = tenantScopedControlTables(api);
  const outcome = { wrong: [] as string[], allowed: 0, refused: 0, routes: 0 };
  const tenantRoutes = api.app.routeTable.filter((route) => realmOf(route) === 'tenant');
  outcome.routes = await walkRoutes(tenantRoutes, ids, async (request) => {
    const permission = request.route.permission as Permission;
    // Admins last, so their DELETE consumes the record only after the other roles were tried.
    for (const role of [...ROLES].reverse()) {
      // A fresh session per call: a route may end it.
      const token = startSession(api.runtime, workspace.id, role, `us_${role}`).accessToken;
      const before = workspaceBytes(api, workspace.id, controlTables);
      const res = await api.call({ method: request.method, url: request.url, query: request.query, token, ...(request.payload ? { payload: request.payload } : {}) });
      const cell = `${request.name} as ${role} (${permission})`;
      if (roleHas(role, permission)) {
        outcome.allowed += 1;
        if (res.statusCode === 401 || res.statusCode === 403) outcome.wrong.push(`${cell}: holds the permission but got ${res.statusCode} ${res.body.slice(0, 120)}`);
      } else {
        outcome.refused += 1;
        if (res.statusCode !== 403 || (res.json() as { error?: { code?: string } }).error?.code !== 'forbidden') outcome.wrong.push(`${cell}: lacks the permission but got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (!before.equals(workspaceBytes(api, workspace.id, controlTables))) outcome.wrong.push(`${cell}: a refused request changed the workspace`);
      }
    }
    // The admin's DELETE consumed the record: seed a fresh one for the routes still to come.
    if (request.method === 'DELETE') for (const param of request.route.params) ids[param] = await (FIXTURES[param] as Seed)(api, owner, 'matrix');
  });
  return outcome;
}

t.test('every role against every tenant route: allowed, or 403 forbidden and nothing changed', async (t) => {
  const api = await build(t);
  const { wrong, allowed, refused, routes } = await runRoleMatrix(api);
  t.same(wrong, [], 'every cell of the matrix matches the permission table');
  t.ok(routes >= 40, `${routes} tenant routes × ${ROLES.length} roles`);
  t.equal(allowed + refused, routes * ROLES.length, 'every cell was called');
  t.ok(refused > 0 && allowed > 0, `both sides of the matrix were exercised (${allowed} allowed, ${refused} refused)`);
});

t.test('the matrix catches a route that refuses a role its permission grants', async (t) => {
  const planted: FastifyPluginAsync = async (app) => {
    // Declares contacts:read (every role) but lets only admins through, by hand.
    app.get('/reports', { config: { permission: 'contacts:read' } }, async (request, reply) =>
      request.auth?.role === 'admin' ? {} : reply.code(403).send({ error: { code: 'forbidden', message: 'x' } }),
    );
  };
  const api = await build(t, {}, [planted]);
  const { wrong } = await runRoleMatrix(api);
  t.match(wrong.join('\n'), /GET \/api\/v1\/reports as member \(contacts:read\): holds the permission but got 403/);
  t.match(wrong.join('\n'), /GET \/api\/v1\/reports as viewer \(contacts:read\): holds the permission but got 403/);
  t.notMatch(wrong.join('\n'), /\/contacts/, 'the real routes stay clean beside it');
});
