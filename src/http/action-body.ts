import type { FastifyInstance } from 'fastify';

/**
 * For a plugin of action routes (send, withdraw, resend) whose body is {} or absent: a POST that
 * carries no body at all is read as {}, so `curl -X POST …/send` works; a body with fields is still
 * checked against the route's closed schema.
 */
export function readMissingBodyAsEmpty(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined && request.headers['content-type'] === undefined) request.body = {};
  });
}
