// The cross-tenant isolation suite. It reads the route table from the app itself, seeds tenants A
// and B with one record per fixture, then calls every route as A:
//  - without a token, every non-public route must answer 401;
//  - with B's ids in the path, every route must answer 404 and leave B's database byte-for-byte
//    unchanged; B's ids also go into every body or query field that names an id;
//  - every list must contain nothing of B's, every write must leave B unchanged, and public
//    routes must show nothing of B's;
//  - the same call with A's own ids must succeed (DELETE included), or the 404 proves nothing.
// It returns violations instead of asserting, so a test can also prove it catches broken routes.
import { tenantDb } from '../../src/tenancy/context.js';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import { AccessTokens } from '../../src/auth/access-token.js';
import { startSession, type TestApp } from '../helpers/app.js';
import { FIXTURES } from './fixtures.js';

export const MARKER_B = 'TENANT-B-CANARY-7f3e';
const MARKER_A = 'tenant-a-record';

interface JsonSchema {
  type?: string | string[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  examples?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  items?: JsonSchema;
  minItems?: number;
}

/** A valid body built from the route's own schema: examples first, then simple values by type. */
export function sampleFromSchema(schema: JsonSchema, where: string): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return sampleFromSchema(schema.anyOf.find((s) => s.type !== 'null') ?? (schema.anyOf[0] as JsonSchema), where);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleFromSchema(value, `${where}.${key}`)]));
    case 'string':
      if (schema.format === 'email') return 'sample@example.com';
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sampleFromSchema(schema.items ?? {}, `${where}[]`)] : [];
    default:
      throw new Error(`cannot build a sample for ${where}; give its schema "examples"`);
  }
}

/** B's database file, plus B's rows in control.db (its tenant row, members, invitations, identities, sign-in codes). */
function snapshot(api: TestApp, tenantId: string): Buffer {
  const file = api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().serialize());
  const control = ['memberships', 'invitations', 'identities', 'native_handoffs'].map((table) =>
    JSON.stringify(api.runtime.control.statement(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY 1`).all(tenantId)),
  );
  control.push(JSON.stringify(api.runtime.control.statement('SELECT * FROM tenants WHERE id = ?').get(tenantId)));
  return Buffer.concat([file, Buffer.from(control.join('\n'))]);
}

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

  const routes = api.app.routeTable;
  const needed = new Set(routes.flatMap((r) => r.params));
  const idsB: Record<string, string> = {};
  const idsA: Record<string, string> = {};
  for (const param of needed) {
    const seed = FIXTURES[param];
    if (!seed) continue; // reported per route below
    idsB[param] = await seed(api, tokenB, MARKER_B);
    idsA[param] = await seed(api, seedTokenA, MARKER_A);
  }
  const secretsOfB = [...Object.values(idsB), MARKER_B];

  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    const probes: string[] = [];
    // A fresh session per route: a route may end the caller's session (sign out).
    const { accessToken: tokenA, session: sessionA } = startSession(api.runtime, a.id, 'admin', 'us_alice');
    checked.push({ route: name, probes });
    if (route.public) {
      probes.push('public');
      const res = await api.call({ method: route.method as 'GET', url: route.url });
      const leaked = secretsOfB.filter((secret) => res.body.includes(secret));
      if (leaked.length > 0) violations.push(`${name}: public response contains tenant B's data (${leaked.join(', ')})`);
      continue;
    }

    const schema = route.schema as { body?: JsonSchema; querystring?: JsonSchema } | undefined;
    const idFields = [...idFieldsOf(schema?.body), ...idFieldsOf(schema?.querystring)];
    const missing = [...route.params, ...idFields].filter((p) => !FIXTURES[p]);
    if (missing.length > 0) {
      violations.push(`${name}: no isolation fixture for ${missing.map((m) => `:${m}`).join(', ')} (add one to test/isolation/fixtures.ts)`);
      continue;
    }
    let sample: Record<string, unknown> | undefined;
    try {
      sample = schema?.body ? (sampleFromSchema(schema.body, `${name} body`) as Record<string, unknown>) : undefined;
    } catch (err) {
      violations.push((err as Error).message);
      continue;
    }
    // Every id the request can carry (path, body, query) comes from the same tenant's fixtures.
    const request = (token: string | undefined, ids: Record<string, string>) => {
      const payload = sample && { ...sample, ...pick(ids, idFieldsOf(schema?.body)) };
      const query = pick(ids, idFieldsOf(schema?.querystring));
      return api.call({ method: route.method as 'GET', url: fillPath(route, ids), query, ...(token ? { token } : {}), ...(payload ? { payload } : {}) });
    };
    const carriesIds = route.params.length > 0 || idFields.length > 0;

    const before = snapshot(api, b.id);
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
    const leaked = secretsOfB.filter((secret) => crossTenant.body.includes(secret));
    if (leaked.length > 0) violations.push(`${name}: response to tenant A contains tenant B's data (${leaked.join(', ')})`);
    if (!before.equals(snapshot(api, b.id))) violations.push(`${name}: a request by tenant A changed tenant B's database`);

    // The same call with A's own ids must work, or a 404 above proves nothing.
    if (carriesIds) {
      const own = await request(tokenA, idsA);
      probes.push('own ids as A');
      if (own.statusCode >= 300) violations.push(`${name}: tenant A's own ids answered ${own.statusCode}; the cross-tenant 404 proves nothing`);
      // A DELETE consumed A's record: seed a fresh one for the routes still to come.
      if (route.method === 'DELETE') {
        for (const param of route.params) idsA[param] = await (FIXTURES[param] as NonNullable<(typeof FIXTURES)[string]>)(api, seedTokenA, MARKER_A);
      }
    }
  }
  return { violations, checked };
}

const ID_PATTERN = /^\^[a-z]{2}_/;

/** Body or query fields that hold a record id (their pattern is a prefixed id). */
function idFieldsOf(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => [property, ...(property.anyOf ?? [])].some((s) => typeof s.pattern === 'string' && ID_PATTERN.test(s.pattern)))
    .map(([key]) => key);
}

function pick(ids: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, ids[key] as string]));
}

function fillPath(route: RegisteredRoute, ids: Record<string, string>): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, param: string) => encodeURIComponent(ids[param] ?? 'missing'));
}
