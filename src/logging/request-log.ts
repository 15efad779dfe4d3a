// One log line per finished request, from an allow-list: request id (bound by Fastify), method,
// route pattern, path (only for a matched route and a found record: a path that matched nothing
// is whatever the client typed), status, time, tenant and user. Nothing the client sent as data.
import type { FastifyInstance } from 'fastify';

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? null;
    const url = request.url;
    const queryAt = url.indexOf('?');
    request.log.info(
      {
        method: request.method,
        route,
        path: route === null || reply.statusCode === 404 ? null : queryAt === -1 ? url : url.slice(0, queryAt),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        tenantId: request.auth?.tenantId ?? null,
        userId: request.auth?.userId ?? null,
      },
      'request',
    );
    done();
  });
}
