// The cross-tenant isolation suite. It reads the route table from the app itself, seeds tenants A
// and B with one record per fixture, then calls every route as A:
//  - without a token, every non-public route must answer 401;
//  - with B's ids in the path, every route must answer 404 and leave B's database byte-for-byte
//    unchanged;
//  - every list must contain nothing of B's, and every create must land in A only.
// It returns violations instead of asserting, so a test can also prove it catches broken routes.
import { tenantDb } from '../../src/tenancy/context.js';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import type { TestApp } from '../helpers/app.js';
import { FIXTURES } from './fixtures.js';

export const MARKER_B = 'TENANT-B-CANARY-7f3e';
const MARKER_A = 'tenant-a-record';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  examples?: unknown[];
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

function snapshot(api: TestApp, tenantId: string): Buffer {
  return api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().serialize());
}

export interface SuiteResult {
  violations: string[];
  /** What was exercised, so a test can assert the suite did not silently skip everything. */
  checked: { route: string; probes: string[] }[];
}

export async function runIsolationSuite(api: TestApp): Promise<SuiteResult> {
  const a = api.tenant('Tenant A');
  const b = api.tenant('Tenant B');
  const tokenA = a.token('admin', 'us_alice');
  const tokenB = b.token('admin', 'us_bob');
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
    idsA[param] = await seed(api, tokenA, MARKER_A);
  }
  const secretsOfB = [...Object.values(idsB), MARKER_B];

  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    const probes: string[] = [];
    checked.push({ route: name, probes });
    if (route.public) {
      probes.push('public');
      continue;
    }

    let payload: unknown;
    try {
      payload = route.schema?.body ? sampleFromSchema(route.schema.body as JsonSchema, `${name} body`) : undefined;
    } catch (err) {
      violations.push((err as Error).message);
      continue;
    }
    const request = (token: string | undefined, ids: Record<string, string>) =>
      api.call({ method: route.method as 'GET', url: fillPath(route, ids), ...(token ? { token } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });

    const missing = route.params.filter((p) => !FIXTURES[p]);
    if (missing.length > 0) {
      violations.push(`${name}: no isolation fixture for :${missing.join(', :')} (add one to test/isolation/fixtures.ts)`);
      continue;
    }

    const before = snapshot(api, b.id);
    const anonymous = await request(undefined, idsB);
    probes.push('anonymous');
    if (anonymous.statusCode !== 401) violations.push(`${name}: answered ${anonymous.statusCode} without a token (expected 401)`);

    const crossTenant = await request(tokenA, idsB);
    if (route.params.length > 0) {
      probes.push('ids of B as A');
      if (crossTenant.statusCode !== 404) violations.push(`${name}: answered ${crossTenant.statusCode} to tenant A for tenant B's ids (expected 404)`);
    } else {
      probes.push(route.method === 'GET' ? 'list as A' : 'write as A');
      if (crossTenant.statusCode >= 500) violations.push(`${name}: answered ${crossTenant.statusCode} to tenant A`);
    }
    const leaked = secretsOfB.filter((secret) => crossTenant.body.includes(secret));
    if (leaked.length > 0) violations.push(`${name}: response to tenant A contains tenant B's data (${leaked.join(', ')})`);
    if (!before.equals(snapshot(api, b.id))) violations.push(`${name}: a request by tenant A changed tenant B's database`);

    // The same route with A's own ids must work, or a 404 above proves nothing.
    if (route.params.length > 0 && route.method !== 'DELETE') {
      const own = await request(tokenA, idsA);
      probes.push('own ids as A');
      if (own.statusCode >= 300) violations.push(`${name}: tenant A's own ids answered ${own.statusCode}; the cross-tenant 404 proves nothing`);
    }
  }
  return { violations, checked };
}

function fillPath(route: RegisteredRoute, ids: Record<string, string>): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, param: string) => encodeURIComponent(ids[param] ?? 'missing'));
}
