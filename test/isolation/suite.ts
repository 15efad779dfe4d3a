// The cross-tenant isolation suite. It reads the route table from the app itself, seeds tenants A
// and B with one record per fixture, then calls every route as A:
//  - without a token, every tenant route must answer 401;
//  - with B's ids in the path, every route must answer 404 and leave B's database byte-for-byte
//    unchanged; B's ids also go into every body or query field that names an id;
//  - every list must contain nothing of B's, every write must leave B unchanged, and public
//    routes (called with B's ids in their path) must show nothing of B's;
//  - credential routes, called with A's credential, show nothing of B's and leave B unchanged
//    (test/routes/credential-routes.part.ts walks them further: expired, revoked, crossed);
//  - A's workspace API key (member role) with B's ids is refused by role (403) or answered 404, and
//    B's secret presented under A's workspace id is refused with 401 everywhere;
//  - platform routes refuse A's admin token with 401;
//  - the same call with A's own ids must succeed (DELETE included), or the 404 proves nothing.
// It returns violations instead of asserting, so a test can also prove it catches broken routes.
import { AccessTokens } from '../../src/auth/access-token.js';
import { startSession, type TestApp } from '../helpers/app.js';
import { callOptions, fixtureFor, fixturesNeeded, idFieldsOf, requestFor, reseed, routeName, tenantScopedControlTables, unwalkable, workspaceSnapshot } from '../helpers/route-walker.js';

export const MARKER_B = 'TENANT-B-CANARY-7f3e';
const MARKER_A = 'tenant-a-record';

export interface SuiteResult {
  violations: string[];
  /** What was exercised, so a test can assert the suite did not silently skip everything. */
  checked: { route: string; probes: string[] }[];
}

export async function runIsolationSuite(api: TestApp): Promise<SuiteResult> {
  const a = api.tenant('Tenant A');
  const b = api.tenant('Tenant B');
  const tokenB = b.token('admin', 'us_bob');
  const seedTokenA = a.token('admin', 'us_alice');
  const accessTokens = new AccessTokens(api.config);
  const violations: string[] = [];
  const checked: SuiteResult['checked'] = [];
  const controlTables = tenantScopedControlTables(api);

  const routes = api.app.routeTable;
  const idsB: Record<string, string> = {};
  const idsA: Record<string, string> = {};
  for (const key of new Set(routes.flatMap(fixturesNeeded))) {
    const seed = fixtureFor(key);
    if (!seed) continue; // reported per route below
    idsB[key] = await seed(api, tokenB, MARKER_B);
    idsA[key] = await seed(api, seedTokenA, MARKER_A);
  }
  // B's records' ids (not the values every tenant shares, such as a provider name or the script's name).
  // A's API key, and B's key's secret presented as if it were A's (spk_<A>_<B's secret>).
  const createKey = async (token: string, marker: string): Promise<string> => {
    const res = await api.call({ method: 'POST', url: '/api/v1/api-keys', token, payload: { name: `${marker} key`, role: 'member' } });
    if (res.statusCode !== 201) throw new Error(`creating an API key failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { apiKey: string }).apiKey;
  };
  const apiKeyA = await createKey(seedTokenA, MARKER_A);
  const secretOfKeyB = (await createKey(tokenB, MARKER_B)).slice(-43);
  const forgedKey = `spk_${a.id}_${secretOfKeyB}`;
  const secretsOfB = [...Object.entries(idsB).filter(([param, id]) => id !== idsA[param]).map(([, id]) => id), MARKER_B];

  for (const route of routes) {
    const name = routeName(route);
    const probes: string[] = [];
    checked.push({ route: name, probes });
    const problems = unwalkable([route]);
    if (problems.length > 0) {
      violations.push(...problems);
      continue;
    }
    // A fresh session per route: a route may end the caller's session (sign out).
    const { accessToken: tokenA, session: sessionA } = startSession(api.runtime, a.id, 'admin', 'us_alice');
    // Every id the request can carry (path, body, query) comes from the same tenant's fixtures.
    const request = (token: string | undefined, ids: Record<string, string>) => api.call(callOptions(requestFor(route, ids), token));
    if (route.realm === 'platform') {
      probes.push("A's admin token");
      const res = await request(tokenA, idsA);
      if (res.statusCode !== 401) violations.push(`${name}: a platform route answered ${res.statusCode} to a tenant admin's token (expected 401)`);
      continue;
    }
    if (route.realm === 'credential') {
      probes.push("A's credential");
      const before = workspaceSnapshot(api, b.id, controlTables);
      const res = await request(undefined, idsA);
      if (res.statusCode >= 400) violations.push(`${name}: A's own credential answered ${res.statusCode}; the checks below prove nothing`);
      const leaked = secretsOfB.filter((secret) => res.body.includes(secret));
      if (leaked.length > 0) violations.push(`${name}: response to A's credential contains tenant B's data (${leaked.join(', ')})`);
      if (!before.equals(workspaceSnapshot(api, b.id, controlTables))) violations.push(`${name}: A's credential changed tenant B's database`);
      continue;
    }
    if (route.realm === 'public') {
      // Called with B's ids and no token, they show nothing of B's.
      probes.push(route.params.length > 0 ? "public, with B's ids" : 'public');
      const res = await request(undefined, idsB);
      const leaked = secretsOfB.filter((secret) => res.body.includes(secret));
      if (leaked.length > 0) violations.push(`${name}: public response contains tenant B's data (${leaked.join(', ')})`);
      continue;
    }

    const schema = route.schema as { body?: Parameters<typeof idFieldsOf>[0]; querystring?: Parameters<typeof idFieldsOf>[0] } | undefined;
    const idFields = [...idFieldsOf(schema?.body), ...idFieldsOf(schema?.querystring)];
    const carriesIds = route.params.length > 0 || idFields.length > 0;

    const before = workspaceSnapshot(api, b.id, controlTables);
    const anonymous = await request(undefined, idsB);
    probes.push('anonymous');
    if (anonymous.statusCode !== 401) violations.push(`${name}: answered ${anonymous.statusCode} without a token (expected 401)`);

    // A correctly signed token that names B but carries A's session: sessions belong to one
    // workspace, so it is refused everywhere.
    const forged = await request(accessTokens.sign({ tid: b.id, sub: 'us_alice', role: 'admin', sid: sessionA.id }, api.runtime.clock.now()), idsB);
    probes.push("A's session as B");
    if (forged.statusCode !== 401) violations.push(`${name}: answered ${forged.statusCode} to a token naming B with A's session (expected 401)`);

    const crossTenant = await request(tokenA, idsB);
    if (route.params.length > 0) {
      probes.push('ids of B as A');
      if (crossTenant.statusCode !== 404) violations.push(`${name}: answered ${crossTenant.statusCode} to tenant A for tenant B's ids (expected 404)`);
    } else {
      probes.push(carriesIds ? "B's ids in body or query as A" : route.method === 'GET' ? 'list as A' : 'write as A');
      if (crossTenant.statusCode >= 500) violations.push(`${name}: answered ${crossTenant.statusCode} to tenant A`);
    }
    const byKey = await request(apiKeyA, idsB);
    probes.push("A's API key with B's ids");
    if (route.params.length > 0 ? ![403, 404].includes(byKey.statusCode) : byKey.statusCode >= 500) {
      violations.push(`${name}: answered ${byKey.statusCode} to A's API key for tenant B's ids (expected 403 or 404)`);
    }
    const byForgedKey = await request(forgedKey, idsB);
    probes.push("B's key secret under A's id");
    if (byForgedKey.statusCode !== 401) violations.push(`${name}: answered ${byForgedKey.statusCode} to B's API key secret under A's workspace id (expected 401)`);
    const leaked = secretsOfB.filter((secret) => crossTenant.body.includes(secret) || byKey.body.includes(secret));
    if (leaked.length > 0) violations.push(`${name}: response to tenant A contains tenant B's data (${leaked.join(', ')})`);
    if (!before.equals(workspaceSnapshot(api, b.id, controlTables))) violations.push(`${name}: a request by tenant A changed tenant B's database`);

    // The same call with A's own ids must work, or a 404 above proves nothing.
    if (carriesIds) {
      const own = await request(tokenA, idsA);
      probes.push('own ids as A');
      if (own.statusCode >= 300) violations.push(`${name}: tenant A's own ids answered ${own.statusCode}; the cross-tenant 404 proves nothing`);
      // A DELETE consumed A's record: seed a fresh one for the routes still to come.
      if (route.method === 'DELETE') await reseed(api, seedTokenA, MARKER_A, route, idsA);
    }
  }
  return { violations, checked };
}
