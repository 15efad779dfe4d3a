// The error answers each route documents in OpenAPI: the codes the route declares itself
// (`config.errors`) plus those every route of its kind can answer (authentication for tenant
// routes, validation for routes with input, not_found for routes with ids, the server's own).
// Each status lists its codes as an enum of `error.code`, with their meanings as the description.
import { isPermission, SELF_SERVICE_PERMISSIONS } from '../auth/permissions.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { ErrorResponse } from './schemas.js';
import { READ_METHODS } from './methods.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The codes this route answers beyond its realm's defaults (see routeErrorCodes). */
    errors?: ErrorCode[];
  }
}

/** Any route, public or not: the server's own failures and the rate limit. */
const EVERY_ROUTE: ErrorCode[] = ['rate_limited', 'internal_error', 'storage_unavailable'];
/** Routes that need an access token: every way a token or its session can be refused. */
const TENANT_ROUTE: ErrorCode[] = ['unauthenticated', 'invalid_token', 'token_expired', 'session_ended', 'session_expired', 'forbidden', 'tenant_suspended', 'tenant_unavailable', 'invalid_api_key', 'api_key_expired', 'api_key_revoked'];
/** Routes that check for a recent sign-in (`config.sensitive`). */
const SENSITIVE_ROUTE: ErrorCode[] = ['reauth_required', 'api_key_not_allowed'];
/** A path parameter: a malformed or unknown id is a 404. */
const WITH_PARAMS: ErrorCode[] = ['not_found'];
const WITH_QUERY: ErrorCode[] = ['missing_field', 'unknown_field', 'invalid_field', 'invalid_request'];
/** A paginated list (a `cursor` query parameter, src/http/pagination.ts). */
const PAGINATED: ErrorCode[] = ['invalid_cursor'];
const WITH_BODY: ErrorCode[] = ['invalid_json', 'missing_field', 'unknown_field', 'invalid_field', 'invalid_request', 'payload_too_large', 'unsupported_media_type'];

interface DocumentedRoute {
  method?: string | string[];
  url: string;
  config?: { public?: boolean; sensitive?: boolean; permission?: string; errors?: ErrorCode[] } | undefined;
  schema?: { hide?: boolean; params?: unknown; querystring?: unknown; body?: unknown; response?: unknown } | undefined;
}

/** Every code a route can answer: its realm's defaults and its own declared ones, in catalog order. */
export function routeErrorCodes(route: DocumentedRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>([...EVERY_ROUTE, ...(route.config?.errors ?? [])]);
  const add = (list: ErrorCode[]): void => list.forEach((code) => codes.add(code));
  if (!route.config?.public) add(TENANT_ROUTE);
  // A read-only support session is refused on every tenant route that is not a read.
  if (!route.config?.public && [route.method ?? []].flat().some((m) => !READ_METHODS.has(m))) add(['read_only_session']);
  if (route.config?.sensitive) add(SENSITIVE_ROUTE);
  // A person's own session (or feed) is never an API key's (src/auth/auth.plugin.ts).
  if (isPermission(route.config?.permission) && SELF_SERVICE_PERMISSIONS.has(route.config.permission)) add(['api_key_not_allowed']);
  if (route.url.includes(':') || route.schema?.params) add(WITH_PARAMS);
  if (route.schema?.querystring) add(WITH_QUERY);
  if ((route.schema?.querystring as { properties?: Record<string, unknown> } | undefined)?.properties?.cursor) add(PAGINATED);
  if (route.schema?.body) add(WITH_BODY);
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => codes.has(code));
}

/** The Error shape with `code` narrowed to the given codes (the serializer writes it like Error). */
function errorSchema(codes: ErrorCode[]): Record<string, unknown> {
  const shape = structuredClone(ErrorResponse) as unknown as { $id?: string; description?: string; properties: { error: { properties: Record<string, unknown> } } };
  delete shape.$id; // a copy, not the shared component
  shape.properties.error.properties.code = { type: 'string', enum: codes };
  shape.description = codes.map((code) => `- \`${code}\`: ${ERROR_CODES[code].meaning}`).join('\n');
  return shape;
}

/**
 * The route's response schemas with one entry per error status it can answer. Only routes that
 * already document responses (and are not hidden) get them; a status the route declares itself
 * is left as it is.
 */
export function documentedResponses(route: DocumentedRoute): unknown {
  const declared = route.schema?.response as Record<string, unknown> | undefined;
  if (!declared || route.schema?.hide) return declared;
  const byStatus = new Map<string, ErrorCode[]>();
  for (const code of routeErrorCodes(route)) {
    const status = String(ERROR_CODES[code].status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = { ...declared };
  for (const [status, codes] of byStatus) responses[status] ??= errorSchema(codes);
  return responses;
}
