// One log line per finished request, from an allow-list: request id (bound by Fastify), method, route pattern and
// path (without the query string), status, time, tenant and user. Nothing the client sent as data.
import type { FastifyInstance } from 'fastify';

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    const queryAt = url.indexOf('?');
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: (queryAt === -1 ? url : url.slice(0, queryAt)).slice(0, 200),
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
