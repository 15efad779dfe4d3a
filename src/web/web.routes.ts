// The browser page at / and its script, read once at start-up from web/. The page gets its own
// Content-Security-Policy (scripts, fetches and styles from this origin only); everything else
// keeps the API's default-src 'none'.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

const WEB_DIR = new URL('../../web/', import.meta.url);
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const webRoutes: FastifyPluginAsync = async (app) => {
  const page = readFileSync(new URL('index.html', WEB_DIR));
  const script = readFileSync(new URL('app.js', WEB_DIR));

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-security-policy', PAGE_CSP).type('text/html; charset=utf-8').send(page),
  );
  app.get('/app.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-security-policy', PAGE_CSP).type('text/javascript; charset=utf-8').send(script),
  );
};
