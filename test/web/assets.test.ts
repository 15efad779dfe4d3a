// The page and its script: the page is never cached and names the script by a hash of its content;
// the script is cached for a year as immutable; no other asset name answers.
import t from 'tap';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ASSET_CACHE_CONTROL } from '../../src/web/web.routes.js';
import { build } from '../helpers/app.js';

t.test('the page names its script by content hash; the script is immutable for a year; other names are 404', async (t) => {
  const api = await build(t);
  const page = await api.call({ method: 'GET', url: '/' });
  t.equal(page.statusCode, 200);
  t.equal(page.headers['cache-control'], 'no-store', 'the page itself is never cached, so an upgrade is seen at once');
  const src = /<script type="module" src="(\/assets\/app\.([0-9a-f]{16})\.js)"><\/script>/.exec(page.body);
  t.ok(src, 'the script tag names a hashed file');
  const [, path, hash] = src as RegExpExecArray;
  const source = readFileSync(new URL('../../web/app.js', import.meta.url));
  t.equal(hash, createHash('sha256').update(source).digest('hex').slice(0, 16), 'the hash is of the script served');

  const script = await api.call({ method: 'GET', url: path });
  t.equal(script.statusCode, 200);
  t.equal(script.headers['cache-control'], ASSET_CACHE_CONTROL);
  t.equal(ASSET_CACHE_CONTROL, 'public, max-age=31536000, immutable');
  t.match(script.headers['content-type'], /^text\/javascript/);
  t.equal(script.body, source.toString('utf8'));
  t.match(script.headers['content-security-policy'], /script-src 'self'/);
  t.equal(script.headers['x-content-type-options'], 'nosniff');

  for (const url of ['/app.js', `/assets/app.${'0'.repeat(16)}.js`, '/assets/..%2Fpackage.json', '/assets/app.js']) {
    const res = await api.call({ method: 'GET', url });
    t.equal(res.statusCode, 404, `${url} is not served`);
    t.equal(res.json().error.code, 'not_found');
    t.not(res.headers['cache-control'], ASSET_CACHE_CONTROL, 'a miss is not cached for a year');
  }
});
