// Hostile input on every route, walked from the route table (test/helpers/route-walker.ts): real
// records behind the path parameters and mutations of each route's valid body, so the input reaches
// the handlers (on a credential route that checks signatures, most bodies are signed as its sender
// would sign them, so they get past the signature). Nothing a client sends may produce a 5xx or a
// stack trace, and every refusal has the documented error shape.
import t from 'tap';
import { build } from '../helpers/app.js';
import { fixtureKey, issuedCredential, reseed, seedFixtures, walkRoutes } from '../helpers/route-walker.js';

// A small deterministic generator, so a failure can be reproduced from its seed.
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STRINGS = ['', ' ', '\u0000', '../../etc/passwd', '%00', '%2e%2e%2f', '"', "'; DROP TABLE contacts; --", '%', '_', '\\', '\u202e', '😀'.repeat(50), 'a'.repeat(70_000), '__proto__', 'constructor', '{"a":1}', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', 'ct_aaaaaaaaaaaaaaaaaaaaaaaa'];

function value(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 10);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return [0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, Number.MAX_SAFE_INTEGER][Math.floor(random() * 7)];
    case 3:
    case 4:
      return STRINGS[Math.floor(random() * STRINGS.length)];
    case 5:
      return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => value(random, depth + 1));
    default:
      return depth > 3 ? {} : Object.fromEntries(['name', 'email', 'phone', 'company', 'notes', 'id', 'createdBy', 'tenantId'].filter(() => random() < 0.5).map((k) => [k, value(random, depth + 1)]));
  }
}

const RAW_BODIES = ['{', '[]', 'null', '"x"', '1', '{"name": "x", "name": "y"}', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {"x": 1}}}', '\u0000', `{"name": "${'['.repeat(5000)}"}`, '[' .repeat(10_000) + ']'.repeat(10_000)];

/** The valid body with one field (or a new one) set to a hostile value: gets past the parser to the handler. */
function mutate(random: () => number, body: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(body);
  const key = keys.length > 0 && random() < 0.8 ? (keys[Math.floor(random() * keys.length)] as string) : ['id', 'tenantId', '__proto__', 'constructor'][Math.floor(random() * 4)] as string;
  return { ...body, [key]: value(random) };
}

t.test('random and malformed input never yields a 5xx, on any route, with or without a token', async (t) => {
  const api = await build(t);
  const workspace = api.tenant();
  // Real records behind every path parameter, so the input reaches handlers, not only the router.
  const ids = await seedFixtures(api, workspace.token('admin'), 'hostile');
  const random = rng(20261123);
  let calls = 0;
  const statuses = new Map<number, number>();
  /** Credential routes whose signed hostile bodies got past the signature check (any answer but its 401). */
  const pastSignature = new Set<string>();
  const walked = await walkRoutes(api.app.routeTable, ids, async (request) => {
    const { route } = request;
    // A fresh session per route: a route may end it (sign out).
    const token = workspace.token('admin');
    const signed = route.realm === 'credential' ? issuedCredential(ids[fixtureKey(route, 'credential')] as string).signed : undefined;
    const hostilePath = route.url.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(String(STRINGS[Math.floor(random() * STRINGS.length)]).slice(0, 300)));
    for (let i = 0; i < 25; i += 1) {
      const path = route.params.length > 0 && random() < 0.5 ? hostilePath : request.url;
      const url = path + (random() < 0.3 ? `?${['limit', 'cursor', 'q', 'x'][Math.floor(random() * 4)]}=${encodeURIComponent(String(value(random)))}` : '');
      const shape = random();
      const valid = request.payload;
      const payload = shape < 0.3 ? (RAW_BODIES[Math.floor(random() * RAW_BODIES.length)] as string) : JSON.stringify(shape < 0.6 && typeof valid === 'object' && !Buffer.isBuffer(valid) ? mutate(random, valid) : value(random));
      const contentType = ['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''][Math.floor(random() * 7)] as string;
      const headers: Record<string, string> = { ...(signed && random() < 0.7 ? signed(payload) : {}), ...(contentType ? { 'content-type': contentType } : {}) };
      if (random() < 0.8) headers.authorization = random() < 0.9 ? `Bearer ${token}` : `Bearer ${token.slice(0, -2)}xx`;
      const res = await api.app.inject({ method: request.method, url, headers, ...(request.method === 'GET' || request.method === 'DELETE' ? {} : { payload }) });
      calls += 1;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (signed && res.statusCode !== 401 && res.statusCode !== 404) pastSignature.add(request.name);
      if (res.statusCode >= 500) t.fail(`${request.method} ${url.slice(0, 80)} with ${String(payload).slice(0, 80)} → ${res.statusCode} ${res.body}`);
      // The customer's pages (/e/…) refuse with a page of their own, not JSON; the rest answer JSON.
      const page = route.realm === 'credential' && String(res.headers['content-type']).startsWith('text/html');
      if (res.statusCode >= 400 && !page) {
        const body = res.json();
        if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') t.fail(`${request.method} ${url.slice(0, 80)}: error without the documented shape: ${res.body.slice(0, 200)}`);
        if (/\bat .+:\d+:\d+/.test(res.body)) t.fail(`${request.method} ${url.slice(0, 80)}: stack trace in the body`);
      }
      // A DELETE that succeeded consumed its record: seed a fresh one for the calls still to come.
      if (request.method === 'DELETE' && res.statusCode < 300) await reseed(api, workspace.token('admin'), 'hostile', route, ids);
    }
  });
  t.equal(walked, api.app.routeTable.length, `every route was walked (${walked})`);
  t.ok(calls >= 25 * walked, `${calls} hostile requests, none answered 5xx`);
  const seen = [...statuses.keys()].sort();
  for (const status of [200, 400, 401, 404, 415]) t.ok(statuses.has(status), `the input reached the ${status} path (statuses seen: ${seen.join(', ')})`);
  const signing = api.app.routeTable.filter((route) => route.realm === 'credential' && issuedCredential(ids[fixtureKey(route, 'credential')] as string).signed);
  t.same(signing.map((route) => `${route.method} ${route.url}`).filter((name) => !pastSignature.has(name)), [], `signed hostile bodies reached the handler of every credential route that checks a signature (${signing.length})`);
  t.notOk(({} as Record<string, unknown>).x, 'no prototype was polluted');
});
