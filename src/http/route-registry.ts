// Every route passes through here as it is registered and declares its realm (docs/security.md):
//  tenant     (default) a verified access token binds one tenant scope; needs a permission.
//  credential an unguessable credential in the path binds the tenant by server-side lookup
//             (src/credentials/); needs a credentialKind and no permission.
//  platform   its own authentication, no tenant scope; never a tenant permission.
//  public     health, OpenAPI, sign-in: only routes on the explicit public list.
// An inconsistent declaration stops the server at start-up. The collected table is what the
// isolation suite walks, so a new route is covered without a list.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { PUBLIC_ROUTES, routeKey } from '../auth/public-routes.js';
import { PERMISSIONS, SELF_SERVICE_PERMISSIONS, isPermission } from '../auth/permissions.js';
import { isCredentialKind, type CredentialKind } from '../credentials/credential-kinds.js';
import { documentedResponses } from './error-docs.js';
import { READ_METHODS } from './methods.js';

export const REALMS = ['tenant', 'credential', 'platform', 'public'] as const;
export type Realm = (typeof REALMS)[number];
const isRealm = (value: unknown): value is Realm => (REALMS as readonly unknown[]).includes(value);

export interface RegisteredRoute {
  method: string;
  url: string;
  realm: Realm;
  /** The credential kind a credential-realm route accepts; null for every other realm. */
  credentialKind: CredentialKind | null;
  /** The tenant permission; null unless realm is 'tenant'. */
  permission: string | null;
  /** Asks for a recent sign-in (`config.sensitive`, reauth_required otherwise); only tenant routes do. */
  sensitive: boolean;
  /** Answers without an access token (every realm but 'tenant'). */
  public: boolean;
  /** Path parameter names, in order (e.g. ['contactId']). */
  params: string[];
  schema: RouteOptions['schema'];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

export class RouteDeclarationError extends Error {
  override name = 'RouteDeclarationError';
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface ObjectSchema {
  additionalProperties?: unknown;
  properties?: Record<string, { pattern?: string; enum?: unknown[] }>;
}
interface RouteSchema {
  params?: ObjectSchema;
  body?: ObjectSchema;
  querystring?: ObjectSchema;
}

/**
 * Input is validated by declaration, not by convention: every path parameter has a pattern (so a
 * malformed id is a 404 before any handler runs), and bodies and query strings are closed objects
 * (unknown fields are refused, never ignored).
 */
function assertSchemas(key: string, method: string, url: string, schema: RouteSchema | undefined, parsesBody: boolean): void {
  const params = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  for (const param of params) {
    const property = schema?.params?.properties?.[param];
    if (!property?.pattern && !property?.enum) throw new RouteDeclarationError(`${key} has no pattern for :${param}`);
  }
  if (parsesBody && BODY_METHODS.has(method) && schema?.body?.additionalProperties !== false) {
    throw new RouteDeclarationError(`${key} needs a body schema with additionalProperties: false`);
  }
  for (const part of ['params', 'querystring', 'body'] as const) {
    const declared = schema?.[part];
    if (declared && declared.additionalProperties !== false) throw new RouteDeclarationError(`${key} ${part} schema must set additionalProperties: false`);
  }
}

/** The route's realm: 'tenant' unless it says otherwise; 'public' exactly for the routes on the public list. */
function declaredRealm(key: string, config: { public?: boolean; realm?: unknown }): Realm {
  const listed = PUBLIC_ROUTES.has(key);
  if (config.realm !== undefined && !isRealm(config.realm)) throw new RouteDeclarationError(`${key} declares an unknown realm (${String(config.realm)})`);
  const realm = (config.realm as Realm | undefined) ?? (listed ? 'public' : 'tenant');
  if (config.public && realm !== 'public') throw new RouteDeclarationError(`${key} claims to be public but is not on the public list`);
  if (realm === 'public' && !listed) throw new RouteDeclarationError(`${key} claims to be public but is not on the public list`);
  if (realm !== 'public' && listed) throw new RouteDeclarationError(`${key} is on the public list but declares the ${realm} realm`);
  return realm;
}

export function registerRouteRegistry(app: FastifyInstance): void {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = routeKey(method, route.url);
      const config = (route.config ??= {}) as { permission?: unknown; public?: boolean; realm?: unknown; credentialKind?: unknown; sensitive?: boolean; groupCommit?: unknown };
      // Fastify answers HEAD wherever GET is answered (uptime monitors send it). The HEAD twin runs
      // the GET's handler and hooks under the GET's declaration, checked when the GET was
      // registered just before; the table lists the GET once.
      if (method === 'HEAD') {
        const twin = table.find((entry) => entry.method === 'GET' && entry.url === route.url);
        if (!twin) throw new RouteDeclarationError(`${key}: HEAD is answered only as the twin of a GET route`);
        Object.assign(config, { realm: twin.realm, public: twin.public });
        continue;
      }
      const realm = declaredRealm(key, config);
      if (realm !== 'credential' && config.credentialKind !== undefined) throw new RouteDeclarationError(`${key} declares a credentialKind outside the credential realm`);
      if (realm !== 'tenant' && config.permission !== undefined) throw new RouteDeclarationError(`${key} is in the ${realm} realm and cannot declare a tenant permission`);
      if (realm === 'tenant') {
        if (!isPermission(config.permission)) throw new RouteDeclarationError(`${key} declares no valid permission`);
        // Viewers read only: a write route must need a permission viewers lack.
        if (!READ_METHODS.has(method) && !SELF_SERVICE_PERMISSIONS.has(config.permission) && (PERMISSIONS[config.permission] as readonly string[]).includes('viewer')) {
          throw new RouteDeclarationError(`${key} changes data but viewers hold its permission (${config.permission})`);
        }
      }
      // A shared commit is for a signed-in member's writes; a read has nothing to commit.
      if (config.groupCommit !== undefined && (config.groupCommit !== true || realm !== 'tenant' || READ_METHODS.has(method))) {
        throw new RouteDeclarationError(`${key}: groupCommit is only for tenant routes that write`);
      }
      if (realm === 'credential') {
        if (!isCredentialKind(config.credentialKind)) throw new RouteDeclarationError(`${key} is a credential route without a valid credentialKind`);
        if (!/\/:credential(\/|$)/.test(route.url)) throw new RouteDeclarationError(`${key} is a credential route without a :credential path parameter`);
      }
      config.realm = realm;
      config.public = realm !== 'tenant';
      // Credential routes may take raw bytes (a signed webhook body); their path is still checked.
      if (realm !== 'public') assertSchemas(key, method, route.url, route.schema as RouteSchema | undefined, realm === 'tenant');
      if (route.schema) route.schema.response = documentedResponses(route);
      table.push({
        method,
        url: route.url,
        realm,
        credentialKind: realm === 'credential' ? (config.credentialKind as CredentialKind) : null,
        permission: realm === 'tenant' ? (config.permission as string) : null,
        sensitive: realm === 'tenant' && config.sensitive === true,
        public: realm !== 'tenant',
        params: [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string),
        schema: route.schema,
      });
    }
  });
}
