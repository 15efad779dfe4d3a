// Every route passes through here as it is registered. A route must either be on the public list
// or declare a permission from the permission table; otherwise the server refuses to start. The
// collected table is what the isolation suite walks, so a new route is covered without a list.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { PUBLIC_ROUTES, routeKey } from '../auth/public-routes.js';
import { PERMISSIONS, SELF_SERVICE_PERMISSIONS, isPermission } from '../auth/permissions.js';
import { documentedResponses } from './error-docs.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: string | null;
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

const READ_METHODS = new Set(['GET', 'HEAD']);
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
function assertSchemas(key: string, method: string, url: string, schema: RouteSchema | undefined): void {
  const params = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  for (const param of params) {
    const property = schema?.params?.properties?.[param];
    if (!property?.pattern && !property?.enum) throw new RouteDeclarationError(`${key} has no pattern for :${param}`);
  }
  if (BODY_METHODS.has(method) && schema?.body?.additionalProperties !== false) {
    throw new RouteDeclarationError(`${key} needs a body schema with additionalProperties: false`);
  }
  for (const part of ['params', 'querystring', 'body'] as const) {
    const declared = schema?.[part];
    if (declared && declared.additionalProperties !== false) throw new RouteDeclarationError(`${key} ${part} schema must set additionalProperties: false`);
  }
}

export function registerRouteRegistry(app: FastifyInstance): void {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = routeKey(method, route.url);
      const config = (route.config ??= {}) as { permission?: unknown; public?: boolean };
      const isPublic = PUBLIC_ROUTES.has(key);
      if (isPublic) {
        config.public = true;
      } else {
        if (config.public) throw new RouteDeclarationError(`${key} claims to be public but is not on the public list`);
        if (!isPermission(config.permission)) throw new RouteDeclarationError(`${key} declares no valid permission`);
        // Viewers read only: a write route must need a permission viewers lack.
        if (!READ_METHODS.has(method) && !SELF_SERVICE_PERMISSIONS.has(config.permission) && (PERMISSIONS[config.permission] as readonly string[]).includes('viewer')) {
          throw new RouteDeclarationError(`${key} changes data but viewers hold its permission (${config.permission})`);
        }
        assertSchemas(key, method, route.url, route.schema as RouteSchema | undefined);
      }
      if (route.schema) route.schema.response = documentedResponses(route);
      table.push({
        method,
        url: route.url,
        permission: isPublic ? null : (config.permission as string),
        public: isPublic,
        params: [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string),
        schema: route.schema,
      });
    }
  });
}
