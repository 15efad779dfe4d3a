// One catalog of error codes (src/http/error-codes.ts): OpenAPI lists per route only catalog codes
// under their catalog status, docs/api.md documents each, and calls that fail answer a code their
// route documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import t from 'tap';
import { ERROR_CODES, isErrorCode } from '../../src/http/error-codes.js';
import { AppError } from '../../src/http/errors.js';
import { errorResponses } from '../../src/http/schemas.js';
import { build } from '../helpers/app.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }> }>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** The codes an operation documents under a status ([] when it lists none there). */
function documentedCodes(doc: OpenApi, method: string, path: string, status: number): string[] {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  const content = operation?.responses[String(status)]?.content ?? {};
  return Object.values(content).flatMap((media) => media.schema?.properties?.error?.properties?.code?.enum ?? []);
}

async function openApi(api: Awaited<ReturnType<typeof build>>): Promise<OpenApi> {
  return (await api.call({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
}

t.test('OpenAPI lists only catalog codes, each under its catalog status', async (t) => {
  const doc = await openApi(await build(t));
  let listed = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const status of Object.keys(operation.responses)) {
        for (const code of documentedCodes(doc, method, path, Number(status))) {
          listed += 1;
          if (!isErrorCode(code)) t.fail(`${method} ${path} ${status} lists ${code}, which is not in the catalog`);
          else if (String(ERROR_CODES[code].status) !== status) t.fail(`${method} ${path} lists ${code} under ${status}, the catalog says ${ERROR_CODES[code].status}`);
        }
      }
    }
  }
  t.ok(listed > 100, `every documented route lists its codes (${listed} listed)`);
  t.same(documentedCodes(doc, 'GET', '/api/v1/contacts/{contactId}', 404), ['not_found']);
  t.ok(documentedCodes(doc, 'POST', '/api/v1/contacts', 401).includes('token_expired'), 'tenant routes list the token refusals');
  t.same(documentedCodes(doc, 'POST', '/api/v1/auth/nonce', 401), [], 'a public route lists no token refusals');
  t.ok(documentedCodes(doc, 'GET', '/api/v1/contacts', 400).includes('invalid_cursor'), 'a paginated list lists invalid_cursor');
});

t.test('docs/api.md has one row per catalog code, with its status', async (t) => {
  const api = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const section = api.slice(api.indexOf('\n## Errors'), api.indexOf('\n## ', api.indexOf('\n## Errors') + 1));
  const rows = new Map([...section.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1] as string, Number(m[2])]));
  for (const [code, { status }] of Object.entries(ERROR_CODES)) t.equal(rows.get(code), status, `${code} is documented as ${status}`);
  t.same([...rows.keys()].filter((code) => !isErrorCode(code)), [], 'the table names no code the server does not answer');
});

t.test('every AppError thrown with a literal status uses its code\'s catalog status', async (t) => {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  let seen = 0;
  for (const file of files) {
    for (const m of readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/new AppError\((\d{3}), '([a-z_]+)'/g)) {
      seen += 1;
      const code = m[2] as keyof typeof ERROR_CODES;
      t.equal(ERROR_CODES[code]?.status, Number(m[1]), `${file}: ${code}`);
    }
  }
  t.ok(seen > 30, `${seen} AppErrors checked`);
});

t.test('failing calls answer a code their route documents', async (t) => {
  // A route that answers a code it does not declare: the walk below must catch it.
  const planted: FastifyPluginAsync = async (app) => {
    app.post('/planted/:contactId', {
      config: { permission: 'contacts:write' },
      schema: { params: { type: 'object', properties: { contactId: { type: 'string', pattern: '^ct_[a-z2-7]{24}$' } }, additionalProperties: false }, body: { type: 'object', additionalProperties: false }, response: errorResponses },
      handler: async () => {
        throw new AppError(409, 'conflict', 'planted');
      },
    });
  };
  // The same route declaring the code: now documented.
  const declared: FastifyPluginAsync = async (app) => {
    app.post('/declared/:contactId', {
      config: { permission: 'contacts:write', errors: ['conflict'] },
      schema: { params: { type: 'object', properties: { contactId: { type: 'string', pattern: '^ct_[a-z2-7]{24}$' } }, additionalProperties: false }, body: { type: 'object', additionalProperties: false }, response: errorResponses },
      handler: async () => {
        throw new AppError(409, 'conflict', 'declared');
      },
    });
  };
  const api = await build(t, {}, [planted, declared]);
  const doc = await openApi(api);
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const json = { 'content-type': 'application/json' };
  const rows: { name: string; method: 'GET' | 'POST' | 'PATCH'; url: string; path: string; token?: string; body?: string; headers?: Record<string, string>; code: string; documented?: boolean }[] = [
    { name: 'malformed contact id', method: 'GET', url: '/api/v1/contacts/not-an-id', path: '/api/v1/contacts/{contactId}', token: admin, code: 'not_found' },
    { name: 'unknown contact id', method: 'PATCH', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa', path: '/api/v1/contacts/{contactId}', token: admin, body: '{"name":"x"}', headers: json, code: 'not_found' },
    { name: 'no name', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', token: admin, body: '{}', headers: json, code: 'missing_field' },
    { name: 'unknown field', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', token: admin, body: '{"name":"x","tenantId":"t"}', headers: json, code: 'unknown_field' },
    { name: 'not JSON', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', token: admin, body: '{', headers: json, code: 'invalid_json' },
    { name: 'text body', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', token: admin, body: 'x', headers: { 'content-type': 'text/plain' }, code: 'unsupported_media_type' },
    { name: 'no token', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', body: '{}', headers: json, code: 'unauthenticated' },
    { name: 'forged token', method: 'GET', url: '/api/v1/contacts', path: '/api/v1/contacts', token: 'a.b.c', code: 'invalid_token' },
    { name: 'viewer writes', method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', token: tenant.token('viewer'), body: '{"name":"x"}', headers: json, code: 'forbidden' },
    { name: 'foreign cursor', method: 'GET', url: '/api/v1/contacts?cursor=bogus', path: '/api/v1/contacts', token: admin, code: 'invalid_cursor' },
    { name: 'limit out of range', method: 'GET', url: '/api/v1/contacts?limit=0', path: '/api/v1/contacts', token: admin, code: 'invalid_field' },
    { name: 'declared code', method: 'POST', url: '/api/v1/declared/ct_aaaaaaaaaaaaaaaaaaaaaaaa', path: '/api/v1/declared/{contactId}', token: admin, body: '{}', headers: json, code: 'conflict' },
    { name: 'planted undeclared code', method: 'POST', url: '/api/v1/planted/ct_aaaaaaaaaaaaaaaaaaaaaaaa', path: '/api/v1/planted/{contactId}', token: admin, body: '{}', headers: json, code: 'conflict', documented: false },
  ];
  for (const row of rows) {
    const res = await api.call({ method: row.method, url: row.url, ...(row.token ? { token: row.token } : {}), ...(row.headers ? { headers: row.headers } : {}), ...(row.body !== undefined ? { payload: row.body } : {}) });
    const code = (res.json() as { error?: { code?: string } }).error?.code;
    t.equal(code, row.code, `${row.name}: answers ${row.code}`);
    t.equal(res.statusCode, ERROR_CODES[row.code as keyof typeof ERROR_CODES].status, `${row.name}: with the catalog's status`);
    const listed = documentedCodes(doc, row.method, row.path, res.statusCode);
    t.equal(listed.includes(code as string), row.documented ?? true, `${row.name}: ${code} ${row.documented === false ? 'is caught as undocumented' : `is documented`} for ${row.method} ${row.path}`);
  }
});
