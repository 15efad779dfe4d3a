// One log line per finished request, from an allow-list: request id (bound by Fastify), method,
// route pattern, path, status, time, tenant and user ids, and for a refused request (4xx/5xx) the
// API error code and the name of the field at fault. Nothing the client sent as data: no query
// string, no body, no header (user agent and IP included: the audit log keeps those where they
// matter), no email or name (the user id stands for the person).
//
// `path` is the route pattern with the parameters that are record ids filled in (ids are generated
// by the server, never chosen by the client); any other parameter (a vault secret's name, a
// provider) stays a placeholder, and a path that matched no route is not logged at all.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sentError } from '../http/errors.js';
import { isAnyId } from '../http/ids.js';

function loggedPath(request: FastifyRequest, route: string | null): string | null {
  if (route === null || route.includes('*')) return null;
  const params = (request.params ?? {}) as Record<string, unknown>;
  return route.replace(/:([A-Za-z0-9_]+)/g, (placeholder, name: string) => {
    const value = params[name];
    return isAnyId(value) ? value : placeholder;
  });
}

export function requestLine(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const route = request.routeOptions.url ?? null;
  const line: Record<string, unknown> = {
    method: request.method,
    route,
    path: loggedPath(request, route),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    tenantId: request.auth?.tenantId ?? null,
    userId: request.auth?.userId ?? null,
  };
  if (reply.statusCode >= 400) {
    const error = sentError(reply);
    // Every refusal carries its code; one that bypassed sendError (Fastify answering on its own,
    // e.g. a 503 while closing) is marked so it stands out.
    line.error = error?.code ?? 'unrecorded';
    if (error?.field) line.field = error.field;
  }
  return line;
}

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const line = requestLine(request, reply);
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else if (reply.statusCode >= 400) request.log.warn(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
}
