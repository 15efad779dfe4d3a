// The web app's API types are generated from the server's OpenAPI document; a route schema that
// changed without `npm run web:types` fails here, naming the command. The first load of the app
// stays within its JavaScript budget (150 KB gzip), and the page's error sentences name only codes
// the server's catalog has (checked by the type of SENTENCES too).
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { API_TYPES_FILE, openApiDocument, renderApiTypes } from '../../tools/web-api-types.js';

const DIST = new URL('../../web/dist/', import.meta.url);

t.test('web/src/api/schema.d.ts matches the server\'s OpenAPI document', async (t) => {
  const fresh = await renderApiTypes(await openApiDocument());
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  t.ok(fresh === committed, 'up to date (run npm run web:types after changing a route schema)');
  t.match(committed, /"\/api\/v1\/contacts": \{/, 'and it holds the API paths');
});

t.test('the first load of the app is at most 150 KB of JavaScript, gzip', async (t) => {
  const page = readFileSync(new URL('index.html', DIST), 'utf8');
  const scripts = [...page.matchAll(/src="\/assets\/([^"]+\.js)"/g), ...page.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  t.ok(scripts.length > 0, 'the page loads a script');
  const bytes = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(new URL(`assets/${name}`, DIST))).length, 0);
  t.ok(bytes <= 150 * 1024, `first-load JavaScript is ${(bytes / 1024).toFixed(1)} KB gzip`);
  const all = readdirSync(new URL('assets/', DIST)).filter((name) => name.endsWith('.js'));
  t.ok(all.length >= scripts.length, 'every script the page names was built');
});
