// The API reference at /api/docs: every operation of the OpenAPI document on one page, who may
// call each, under a policy that allows no script and no other origin (its one inline style by hash).
import t from 'tap';
import { createHash } from 'node:crypto';
import { API_REFERENCE_CSP, renderApiReference } from '../../src/http/api-reference.js';
import { build } from '../helpers/app.js';

t.test('GET /api/docs lists every operation with who may call it, with no script, under its own CSP', async (t) => {
  const api = await build(t);
  const res = await api.call({ method: 'GET', url: '/api/docs' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/html/);
  t.equal(res.headers['content-security-policy'], API_REFERENCE_CSP);
  t.notMatch(res.body, /<script/i, 'no script at all');
  t.notMatch(res.body, /(?:src|href)="(?!\/|#)/i, 'every link stays on this server (no other origin is loaded or linked)');
  const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? '';
  t.match(API_REFERENCE_CSP, `'sha256-${createHash('sha256').update(style).digest('base64')}'`, 'the inline style is exactly the one the policy allows');
  const doc = (await api.call({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const missing: string[] = [];
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
      operations += 1;
      if (!res.body.includes(`<span class="method">${method.toUpperCase()}</span> ${path.replace(/&/g, '&#38;')}</h3>`)) missing.push(`${method} ${path}`);
    }
  }
  t.ok(operations > 60, `${operations} operations in the document`);
  t.same(missing, [], 'every one is on the page');
  t.match(res.body, /GET<\/span> \/api\/v1\/leads\/\{leadId\}<\/h3><p>Get a lead<\/p><p class="who">Who: a workspace access token with leads:read \(admin, member, viewer\)<\/p>/, 'who may call a workspace route: its permission and roles');
  t.match(res.body, /re-authenticated within the last minutes/, 'sensitive routes say they need a recent sign-in');
  t.match(res.body, /POST<\/span> \/api\/v1\/hooks\/\{credential\}<\/h3>(?:<p>[^<]*<\/p>)?<p class="who">Who: the holder of a inbound_webhook link \(no token\)/, 'credential routes say so');
  t.equal((await api.call({ method: 'HEAD', url: '/api/docs' })).statusCode, 200, 'HEAD too');
});

t.test('text from the document is escaped', async (t) => {
  const html = renderApiReference(
    { info: { title: 'Spinney <API>', version: '1' }, paths: { '/x/{id}': { get: { summary: '<script>alert(1)</script>', tags: ['"><img src=x>'], parameters: [{ name: '<b>', in: 'query' }] } } } },
    [],
  );
  t.notMatch(html, /<script>|<img|<b>/, 'no markup gets through');
  t.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  t.match(html, /<title>Spinney &#60;API&#62; reference<\/title>/);
});
