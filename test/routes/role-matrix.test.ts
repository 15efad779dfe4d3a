// Every role against every tenant route, from the permission table (src/auth/permissions.ts): a
// role without the route's permission gets 403 `forbidden` and changes nothing; a role holding it
// gets past authorization (neither 401 nor 403). A read-only support session (an admin's, the
// `support` claim) is one more row: it reads every route an admin reads, and every other route
// refuses it with 403 `read_only_session`, changing nothing. The routes come from app.routeTable
// through the route walker, so a route added tomorrow is in the matrix without editing this file.
// Workspace API keys of each role they can have (member, viewer) are two more rows: a key reaches
// what its role holds except sensitive routes and a person's own session (403 `api_key_not_allowed`).
import t from 'tap';
import type { FastifyPluginAsync } from 'fastify';
import { AccessTokens } from '../../src/auth/access-token.js';
import { ROLES, roleHas, SELF_SERVICE_PERMISSIONS, type Permission, type Role } from '../../src/auth/permissions.js';
import { READ_METHODS } from '../../src/http/methods.js';
import { build, startSession, type TestApp } from '../helpers/app.js';
import { callOptions, reseed, seedFixtures, tenantScopedControlTables, walkRoutes, workspaceSnapshot } from '../helpers/route-walker.js';

/** An admin's session with the `support` claim: what the platform will issue to support staff. */
function supportToken(api: TestApp, tenantId: string): string {
  const { session } = startSession(api.runtime, tenantId, 'admin', 'us_support');
  return new AccessTokens(api.config).sign({ tid: tenantId, sub: 'us_support', role: 'admin', sid: session.id, support: true }, api.runtime.clock.now());
}

/** A workspace API key of the role, made by the workspace's admin as the API makes them. */
async function apiKey(api: TestApp, admin: string, role: 'member' | 'viewer'): Promise<string> {
  const res = await api.call({ method: 'POST', url: '/api/v1/api-keys', token: admin, payload: { name: `matrix ${role} key`, role } });
  if (res.statusCode !== 201) throw new Error(`creating the ${role} key failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { apiKey: string }).apiKey;
}

/** Walks the matrix; returns the cells that disagree with the permission table, and the counts. */
async function runRoleMatrix(api: TestApp): Promise<{ wrong: string[]; allowed: number; refused: number; routes: number }> {
  const workspace = api.tenant('Matrix');
  const owner = workspace.token('admin', 'us_owner');
  const ids = await seedFixtures(api, owner, 'matrix');
  const keys = { 'key:member': await apiKey(api, owner, 'member'), 'key:viewer': await apiKey(api, owner, 'viewer') };
  const controlTables = tenantScopedControlTables(api);
  const outcome = { wrong: [] as string[], allowed: 0, refused: 0, routes: 0 };
  const tenantRoutes = api.app.routeTable.filter((route) => route.realm === 'tenant');
  const errorCode = (body: string): string | undefined => (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  outcome.routes = await walkRoutes(tenantRoutes, ids, async (request) => {
    const permission = request.route.permission as Permission;
    // The support session first (it must change nothing); admins last, so their DELETE consumes
    // the record only after the other callers were tried.
    for (const role of ['support', 'key:viewer', 'key:member', ...[...ROLES].reverse()] as const) {
      // A fresh session per call: a route may end it. (No route lets a key end itself.)
      const token = role === 'support' ? supportToken(api, workspace.id) : role.startsWith('key:') ? keys[role as keyof typeof keys] : startSession(api.runtime, workspace.id, role as Role, `us_${role}`).accessToken;
      const before = workspaceSnapshot(api, workspace.id, controlTables);
      const res = await api.call(callOptions(request, token));
      const cell = `${request.name} as ${role} (${permission})`;
      let allowed: boolean;
      let refusal = 'forbidden';
      if (role === 'support') {
        allowed = READ_METHODS.has(request.method) && roleHas('admin', permission);
        // The framework refuses a support session's write before it looks at the permission.
        if (!READ_METHODS.has(request.method)) refusal = 'read_only_session';
      } else if (role === 'key:member' || role === 'key:viewer') {
        const keyRole = role === 'key:member' ? 'member' : 'viewer';
        const personOnly = request.route.sensitive || SELF_SERVICE_PERMISSIONS.has(permission);
        allowed = roleHas(keyRole, permission) && !personOnly;
        if (roleHas(keyRole, permission)) refusal = 'api_key_not_allowed';
      } else {
        allowed = roleHas(role, permission);
      }
      if (allowed) {
        outcome.allowed += 1;
        if (res.statusCode === 401 || res.statusCode === 403) outcome.wrong.push(`${cell}: holds the permission but got ${res.statusCode} ${res.body.slice(0, 120)}`);
      } else {
        outcome.refused += 1;
        if (res.statusCode !== 403 || errorCode(res.body) !== refusal) outcome.wrong.push(`${cell}: expected 403 ${refusal} but got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (!before.equals(workspaceSnapshot(api, workspace.id, controlTables))) outcome.wrong.push(`${cell}: a refused request changed the workspace`);
      }
    }
    // The admin's DELETE consumed the record: seed a fresh one for the routes still to come.
    if (request.method === 'DELETE') await reseed(api, owner, 'matrix', request.route, ids);
  });
  return outcome;
}

t.test('every role against every tenant route: allowed, or 403 forbidden and nothing changed', async (t) => {
  const api = await build(t);
  const { wrong, allowed, refused, routes } = await runRoleMatrix(api);
  t.same(wrong, [], 'every cell of the matrix matches the permission table');
  t.ok(routes >= 40, `${routes} tenant routes × ${ROLES.length} roles, a support session and two API keys`);
  t.equal(allowed + refused, routes * (ROLES.length + 3), 'every cell was called (three roles, a support session, a member key and a viewer key)');
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
