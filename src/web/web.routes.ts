// The web app (web/, built by Vite into web/dist/ by `npm run build`): the page at / and at every
// path of the app's sections, and its content-hashed files under /assets/, read once at start-up.
// The page gets its own Content-Security-Policy (scripts, styles, fetches and images from this
// origin only); everything else keeps the API's default-src 'none'.
//
// Asset names carry a hash of their content, so they are cached for a year as immutable: an
// upgrade changes the names, and the page, which is never cached, names the new ones. Any other
// name under /assets/ is a 404.
import { extname } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { listAssets, readAsset } from '../config/assets.js';
import { notFound } from '../http/errors.js';
import { APP_PAGE_ROUTES } from './app-sections.js';

const DIST_DIR = 'web/dist';
// Previews of a workspace's own files (src/files/) are object URLs of blobs the page fetched itself: images (img-src) and PDFs (frame-src), each typed by the server's checked type.
export const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' blob:; frame-src blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const AssetParams = Type.Object({ asset: Type.String({ pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+$', maxLength: 100 }) }, { additionalProperties: false });

export interface WebAssets {
  page: Buffer;
  assets: Map<string, { body: Buffer; type: string }>;
}

/** web/dist as built: the page and each file under assets/. A missing build is a start-up error that says what to run. */
export function loadWebAssets(): WebAssets {
  let page: Buffer;
  try {
    page = readAsset(`${DIST_DIR}/index.html`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`the web app is not built (${DIST_DIR}/index.html is missing): run npm run build`);
    throw err;
  }
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of listAssets(`${DIST_DIR}/assets`)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) assets.set(name, { body: readAsset(`${DIST_DIR}/assets/${name}`), type });
  }
  return { page, assets };
}

export const webRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { page, assets } = loadWebAssets();
  const sendPage = (reply: FastifyReply): FastifyReply => reply.header('content-security-policy', PAGE_CSP).type('text/html; charset=utf-8').send(page);

  for (const route of APP_PAGE_ROUTES) app.get(route.slice('GET '.length), { schema: { hide: true } }, async (_request, reply) => sendPage(reply));
  app.get('/assets/:asset', { schema: { hide: true, params: AssetParams } }, async (request, reply) => {
    const asset = assets.get(request.params.asset);
    if (!asset) throw notFound('asset');
    return reply.header('content-security-policy', PAGE_CSP).header('cache-control', ASSET_CACHE_CONTROL).type(asset.type).send(asset.body);
  });
};
