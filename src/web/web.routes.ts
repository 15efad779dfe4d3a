// The browser page at / and its script, read once at start-up from web/. The page gets its own
// Content-Security-Policy (scripts, fetches and styles from this origin only); everything else
// keeps the API's default-src 'none'.
//
// The script is served under a name that carries a hash of its content (/assets/app.<hash>.js),
// so it can be cached for a year and marked immutable: an upgrade changes the name, and the page,
// which is never cached, names the new one. Any other name under /assets/ is a 404.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../http/errors.js';

const WEB_DIR = new URL('../../web/', import.meta.url);
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** The script tag's source in web/index.html, replaced by the hashed name at start-up. */
const SCRIPT_PLACEHOLDER = 'src="/app.js"';
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const AssetParams = Type.Object({ asset: Type.String({ pattern: '^[a-z]+\\.[0-9a-f]{16}\\.js$', maxLength: 64 }) }, { additionalProperties: false });

/** web/index.html naming the hashed script, and that script's file name. */
export function loadWebAssets(): { page: Buffer; script: Buffer; scriptName: string } {
  const script = readFileSync(new URL('app.js', WEB_DIR));
  const scriptName = `app.${createHash('sha256').update(script).digest('hex').slice(0, 16)}.js`;
  const html = readFileSync(new URL('index.html', WEB_DIR), 'utf8');
  if (!html.includes(SCRIPT_PLACEHOLDER)) throw new Error(`web/index.html must load its script with ${SCRIPT_PLACEHOLDER}`);
  return { page: Buffer.from(html.replace(SCRIPT_PLACEHOLDER, `src="/assets/${scriptName}"`)), script, scriptName };
}

export const webRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { page, script, scriptName } = loadWebAssets();

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-security-policy', PAGE_CSP).type('text/html; charset=utf-8').send(page),
  );
  app.get('/assets/:asset', { schema: { hide: true, params: AssetParams } }, async (request, reply) => {
    if (request.params.asset !== scriptName) throw notFound('asset');
    return reply.header('content-security-policy', PAGE_CSP).header('cache-control', ASSET_CACHE_CONTROL).type('text/javascript; charset=utf-8').send(script);
  });
};
