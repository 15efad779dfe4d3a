// The route walker: every route in app.routeTable turned into a concrete request, so suites that
// must cover every route (isolation, log and secret canaries, role matrix, hostile input) read the
// table instead of a hand-kept list. A route added tomorrow is walked without editing any test, and
// a route the walker cannot fill (a path parameter or id field with no fixture, a body field it
// cannot sample) fails loudly, naming the route.
import { randomBytes } from 'node:crypto';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import { newId } from '../../src/http/ids.js';
import { upsertIntegrationRow } from '../../src/integrations/integrations.repo.js';
import { insertIdentity, insertMember } from '../../src/members/members.repo.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { startSession, type TestApp } from './app.js';

/** The tenant an access token names (the fixtures get tokens, not tenant ids). */
const tenantOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { tid: string }).tid;
const unique = (marker: string): string => `${marker.toLowerCase()}-${randomBytes(4).toString('hex')}`;

/** Creates one record of a kind in the token's tenant and returns the value its path parameter takes. */
export type Seed = (api: TestApp, token: string, marker: string) => Promise<string>;

async function created(api: TestApp, token: string, url: string, payload: object): Promise<string> {
  const res = await api.call({ method: 'POST', url, token, payload });
  if (res.statusCode !== 201) throw new Error(`seeding ${url} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * One fixture per path parameter (and per id field in a body or query). The walker refuses a route
 * with a parameter missing here, so a new resource cannot ship without its cross-tenant test.
 */
export const FIXTURES: Record<string, Seed> = {
  contactId: (api, token, marker) => created(api, token, '/api/v1/contacts', { name: `${marker} contact`, email: 'canary@b.example', notes: marker }),
  invitationId: (api, token, marker) => created(api, token, '/api/v1/invitations', { email: `${unique(marker)}@b.example`, role: 'viewer' }),
  // Memberships come into being at a first sign-in; the fixture writes one as that would.
  // Each comes with a second admin (so last-admin protection does not refuse the own-id calls) and
  // a bound identity (so there is a binding to reset).
  memberId: async (api, token, marker) => {
    const tenantId = tenantOf(token);
    const now = new Date().toISOString();
    const identityId = newId('identity');
    insertIdentity(api.runtime.control, { id: identityId, tenantId, provider: 'google', subject: unique(marker), email: `${unique(marker)}@b.example`, now });
    const id = newId('membership');
    insertMember(api.runtime.control, { id, tenantId, email: `${unique(marker)}@b.example`, identityId, role: 'member', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    insertMember(api.runtime.control, { id: newId('membership'), tenantId, email: `${unique(marker)}@b.example`, identityId: null, role: 'admin', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    return id;
  },
  secretName: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: `s-${unique(marker)}`, value: `${marker} secret value` } });
    if (res.statusCode !== 201) throw new Error(`seeding a secret failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { name: string }).name;
  },
  sessionId: async (api, token) => startSession(api.runtime, tenantOf(token), 'member', `mb_${randomBytes(4).toString('hex')}`).session.id,
  endpointId: (api, token, marker) => created(api, token, '/api/v1/webhooks/endpoints', { provider: 'generic', description: `${marker} endpoint` }),
  subscriptionId: (api, token, marker) =>
    created(api, token, '/api/v1/webhooks/subscriptions', { url: `https://hooks.example.com/${unique(marker)}`, eventTypes: ['contact.created'], description: `${marker} subscription` }),
  // Integrations come into being at a provider's callback; the fixture writes one as that would
  // (the row, and its tokens in the vault). No provider is configured here, so a disconnect skips revocation.
  integrationId: async (api, token, marker) =>
    api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () => {
      const id = newId('integration');
      const now = new Date().toISOString();
      upsertIntegrationRow(tenantDb(), {
        id,
        provider: 'google',
        account_subject: unique(marker),
        account_email: `${unique(marker)}@b.example`,
        scopes: 'openid email',
        status: 'active',
        connected_by: 'us_fixture',
        connected_at: now,
        access_expires_at: now,
        updated_at: now,
      });
      api.runtime.vault.putSystem(`integration:${id}:refresh_token`, `${marker} refresh token`);
      api.runtime.vault.putSystem(`integration:${id}:access_token`, `${marker} access token`);
      return id;
    }),
  // Not tenant records: a sign-in provider the test config enables, and the hashed script the page names.
  provider: async () => 'google',
  asset: async (api) => {
    const page = await api.call({ method: 'GET', url: '/' });
    const name = /\/assets\/([a-z]+\.[0-9a-f]{16}\.js)/.exec(page.body)?.[1];
    if (!name) throw new Error('the page names no hashed script to use as the :asset fixture');
    return name;
  },
};

/** Which credential a route expects (set by the route registry once realms land; until then public or tenant). */
export type Realm = 'tenant' | 'credential' | 'platform' | 'public';
export const realmOf = (route: RegisteredRoute): Realm => (route as RegisteredRoute & { realm?: Realm }).realm ?? (route.public ? 'public' : 'tenant');

/**
 * Whether the route asks for a recent sign-in (`config.sensitive`): the table's own flag once it
 * carries one, else the `reauth_required` answer the route documents.
 */
export function isSensitive(route: RegisteredRoute): boolean {
  const flag = (route as RegisteredRoute & { sensitive?: boolean }).sensitive;
  if (typeof flag === 'boolean') return flag;
  return JSON.stringify((route.schema as { response?: unknown } | undefined)?.response ?? {}).includes('"reauth_required"');
}

export const routeName = (route: RegisteredRoute): string => `${route.method} ${route.url}`;

export interface JsonSchema {
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

/**
 * A valid value built from a schema: examples first, then simple values by type. `text` fills free
 * strings (a canary, say), so every string field a client can send carries it.
 */
export function sampleBody(schema: JsonSchema, where: string, text?: (field: string) => string): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return sampleBody(schema.anyOf.find((s) => s.type !== 'null') ?? (schema.anyOf[0] as JsonSchema), where, text);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleBody(value, `${where}.${key}`, text)]));
    case 'string':
      if (schema.format === 'email') return 'sample@example.com';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (text && !schema.pattern && !schema.format) return text(where);
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sampleBody(schema.items ?? {}, `${where}[]`, text)] : [];
    default:
      throw new Error(`${where}: cannot build a sample; give its schema "examples"`);
  }
}

const ID_PATTERN = /^\^[a-z]{2}_/;

/** Body or query fields that hold a record id (their pattern is a prefixed id). */
export function idFieldsOf(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => [property, ...(property.anyOf ?? [])].some((s) => typeof s.pattern === 'string' && ID_PATTERN.test(s.pattern)))
    .map(([key]) => key);
}

const schemaOf = (route: RegisteredRoute) => route.schema as { body?: JsonSchema; querystring?: JsonSchema } | undefined;

/** Every fixture a route needs: its path parameters and the id fields of its body and query. */
export const fixturesNeeded = (route: RegisteredRoute): string[] => [...new Set([...route.params, ...idFieldsOf(schemaOf(route)?.body), ...idFieldsOf(schemaOf(route)?.querystring)])];

export class WalkerError extends Error {
  override name = 'WalkerError';
}

/** Routes the walker cannot fill, each named with what it lacks ([] when every route is covered). */
export function unwalkable(routes: readonly RegisteredRoute[]): string[] {
  const problems: string[] = [];
  for (const route of routes) {
    const missing = fixturesNeeded(route).filter((param) => !FIXTURES[param]);
    if (missing.length > 0) problems.push(`${routeName(route)}: no route-walker fixture for ${missing.map((m) => `:${m}`).join(', ')} (add one to FIXTURES in test/helpers/route-walker.ts)`);
    const body = schemaOf(route)?.body;
    if (body) {
      try {
        sampleBody(body, `${routeName(route)} body`);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  return problems;
}

/** The route's path with each parameter filled from `ids`; throws naming the route when one is missing. */
export function fillPath(route: RegisteredRoute, ids: Record<string, string>): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, param: string) => {
    const value = ids[param];
    if (value === undefined) throw new WalkerError(`${routeName(route)}: no value for :${param} (add a fixture to test/helpers/route-walker.ts)`);
    return encodeURIComponent(value);
  });
}

/** One record per fixture the routes need, in the token's tenant. Throws naming every route it cannot fill. */
export async function seedFixtures(api: TestApp, token: string, marker: string, routes: readonly RegisteredRoute[] = api.app.routeTable): Promise<Record<string, string>> {
  const problems = unwalkable(routes);
  if (problems.length > 0) throw new WalkerError(`the route walker cannot cover every route:\n${problems.join('\n')}`);
  const ids: Record<string, string> = {};
  for (const param of new Set(routes.flatMap(fixturesNeeded))) ids[param] = await (FIXTURES[param] as Seed)(api, token, marker);
  return ids;
}

export interface WalkedRequest {
  route: RegisteredRoute;
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  query: Record<string, string>;
  payload?: Record<string, unknown>;
}

/**
 * The route as a concrete, valid request: path and id fields from `ids`, the body sampled from its
 * schema (free strings from `text`, when given).
 */
export function requestFor(route: RegisteredRoute, ids: Record<string, string>, text?: (field: string) => string): WalkedRequest {
  const schema = schemaOf(route);
  const name = routeName(route);
  const pick = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, ids[key] as string]));
  const sample = schema?.body ? (sampleBody(schema.body, `${name} body`, text) as Record<string, unknown>) : undefined;
  return {
    route,
    name,
    method: route.method as WalkedRequest['method'],
    url: fillPath(route, ids),
    query: pick(idFieldsOf(schema?.querystring)),
    ...(sample ? { payload: { ...sample, ...pick(idFieldsOf(schema?.body)) } } : {}),
  };
}

/** Calls `visit` once per route with its request, in table order; refuses to start while a route cannot be filled. */
export async function walkRoutes(
  routes: readonly RegisteredRoute[],
  ids: Record<string, string>,
  visit: (request: WalkedRequest) => Promise<void>,
): Promise<number> {
  const problems = unwalkable(routes);
  if (problems.length > 0) throw new WalkerError(`the route walker cannot cover every route:\n${problems.join('\n')}`);
  for (const route of routes) await visit(requestFor(route, ids));
  return routes.length;
}
