// The web app as served: the page (never cached, strict CSP) at / and at each section's paths, and
// the content-hashed files Vite built (cached for a year as immutable); no other name answers.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { APP_SECTIONS } from '../../src/web/app-sections.js';
import { ASSET_CACHE_CONTROL, PAGE_CSP } from '../../src/web/web.routes.js';
import { build } from '../helpers/app.js';

const DIST = new URL('../../web/dist/', import.meta.url);

t.test('the page names its hashed script and stylesheet; each is immutable for a year; other names are 404', async (t) => {
  const api = await build(t);
  const page = await api.call({ method: 'GET', url: '/' });
  t.equal(page.statusCode, 200);
  t.equal(page.headers['cache-control'], 'no-store', 'the page itself is never cached, so an upgrade is seen at once');
  t.equal(page.headers['content-security-policy'], PAGE_CSP);
  t.notMatch(page.body, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style/, 'no inline script or style');
  const script = /<script type="module" crossorigin src="(\/assets\/[A-Za-z0-9_-]+-[A-Za-z0-9_-]{8}\.js)"><\/script>/.exec(page.body);
  const style = /<link rel="stylesheet" crossorigin href="(\/assets\/[A-Za-z0-9_-]+-[A-Za-z0-9_-]{8}\.css)">/.exec(page.body);
  t.ok(script && style, 'the page names a hashed script and stylesheet');

  for (const [path, type] of [[script?.[1], /^text\/javascript/], [style?.[1], /^text\/css/]] as const) {
    const res = await api.call({ method: 'GET', url: path as string });
    t.equal(res.statusCode, 200, String(path));
    t.equal(res.headers['cache-control'], ASSET_CACHE_CONTROL);
    t.match(res.headers['content-type'], type);
    t.equal(res.body, readFileSync(new URL(`.${path}`, DIST), 'utf8'), 'the bytes Vite wrote');
    t.equal(res.headers['x-content-type-options'], 'nosniff');
  }
  t.equal(ASSET_CACHE_CONTROL, 'public, max-age=31536000, immutable');

  const built = readdirSync(new URL('assets/', DIST));
  for (const url of ['/app.js', '/assets/index-00000000.js', '/assets/..%2Fpackage.json', '/assets/..%2Findex.html', '/assets/.hidden.js', `/assets/${built[0]}x`]) {
    const res = await api.call({ method: 'GET', url });
    t.equal(res.statusCode, 404, `${url} is not served`);
    t.equal(res.json().error.code, 'not_found');
    t.not(res.headers['cache-control'], ASSET_CACHE_CONTROL, 'a miss is not cached for a year');
  }
});

t.test('every section of the app answers with the page, so a screen\'s address survives a reload', async (t) => {
  const api = await build(t);
  const page = (await api.call({ method: 'GET', url: '/' })).body;
  for (const section of APP_SECTIONS) {
    for (const url of [`/${section}`, `/${section}/x_1/edit`]) {
      const res = await api.call({ method: 'GET', url });
      t.equal(res.statusCode, 200, url);
      t.equal(res.body, page);
      t.equal(res.headers['content-security-policy'], PAGE_CSP);
    }
  }
  const unknown = await api.call({ method: 'GET', url: '/nowhere' });
  t.equal(unknown.statusCode, 404, 'a path outside the app is still a 404');
});
