import type { FastifyPluginAsync } from 'fastify';
import type { Runtime } from '../runtime.js';

// /healthz: the process answers. /readyz: control.db answers a query and a signing key is loaded.
export const healthRoutes = (runtime: Runtime): FastifyPluginAsync => async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const checks = { controlDb: false, signingKey: runtime.config.keys.signing.current().key.length > 0 };
    try {
      checks.controlDb = runtime.control.answers();
    } catch {
      checks.controlDb = false;
    }
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
};
