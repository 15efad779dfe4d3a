// deploy/nginx/spinney.conf.template, rendered by deploy/nginx/render, run by Debian's real nginx
// on loopback ports in front of the real app, with a self-signed certificate made here. The test's
// http {} block carries the Debian defaults that matter (TLS 1.0/1.1 allowed, gzip on), so the
// server block has to override them, as it must on a host.
import t from 'tap';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, tempDataDir, testConfig, type Teardown, type TestApp } from '../helpers/app.js';
import { freePort, waitForPort } from '../helpers/cli.js';
import { requireTools, TOOLS } from './tools.js';

const RENDER = fileURLToPath(new URL('../../deploy/nginx/render', import.meta.url));
const SERVER_NAME = 'spinney.test';
// Linux routes all of 127/8 to loopback: the client comes from an address other than nginx's own
// upstream connection, so the test can tell which address the app believes.
const CLIENT = '127.0.0.2';
const OTHER_CLIENT = '127.0.0.3';
const HSTS = 'max-age=63072000; includeSubDomains';
const run = promisify(execFile);

interface Edge {
  api: TestApp;
  dir: string;
  httpPort: number;
  httpsPort: number;
  ca: Buffer;
  accessLog: () => string;
  /** Request log lines the app wrote (one per request that reached it). */
  appRequests: () => { reqId: string; route: string | null; status: number }[];
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

const skip = requireTools(t, ['nginx', 'openssl', 'envsubst']);

function renderArgs(dir: string, appPort: number, httpPort: number, httpsPort: number): string[] {
  return [
    '--server-name', SERVER_NAME,
    '--cert', join(dir, 'cert.pem'),
    '--key', join(dir, 'key.pem'),
    '--port', String(appPort),
    '--acme-root', join(dir, 'acme'),
    '--log-dir', join(dir, 'logs'),
    '--http-listen', `127.0.0.1:${httpPort}`,
    '--https-listen', `127.0.0.1:${httpsPort}`,
  ];
}

/**
 * A real nginx in the foreground, prefixed at `dir`, with `httpLines` inside its http {} block:
 * checked with `nginx -t` first, stopped in teardown, returned once every port in `ports` answers.
 */
async function startNginx(t: Teardown, dir: string, httpLines: string[], ports: number[]): Promise<void> {
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const errorLog = join(dir, 'logs', 'error.log');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 128; }',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(dir, 'tmp', k)};`),
      ...httpLines,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog];
  const checked = await run(TOOLS.nginx, ['-t', ...args]);
  if (!/test is successful/.test(checked.stderr)) throw new Error(`nginx -t: ${checked.stderr}`);

  const nginx = spawn(TOOLS.nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  t.teardown(async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill('SIGTERM');
      await once(nginx, 'exit');
    }
  });
  for (const port of ports) await waitForPort(port, nginx, () => stderr + readFileSync(errorLog, 'utf8'));
}

/** The app (trusting its loopback proxy) on a free port, nginx in front of it; both stop in teardown. */
async function startEdge(t: Teardown): Promise<Edge> {
  const api = await build(t, { SPINNEY_TRUST_PROXY: 'true' });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const appPort = (api.app.server.address() as AddressInfo).port;

  const dir = tempDataDir(t);
  // nginx workers run as nobody when the test runs as root: they must reach the webroot.
  chmodSync(dir, 0o755);
  for (const sub of ['logs', 'tmp', 'acme/.well-known/acme-challenge']) mkdirSync(join(dir, sub), { recursive: true });
  await run(TOOLS.openssl, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-subj', `/CN=${SERVER_NAME}`, '-addext', `subjectAltName=DNS:${SERVER_NAME}`,
  ]);
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const rendered = await run(RENDER, renderArgs(dir, appPort, httpPort, httpsPort));
  writeFileSync(join(dir, 'spinney.conf'), rendered.stdout);
  await startNginx(
    t,
    dir,
    [
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  # as in Debian\'s /etc/nginx/nginx.conf',
      '  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;',
      '  ssl_prefer_server_ciphers on;',
      '  gzip on;',
      '  gzip_types application/json text/javascript;',
      `  include ${join(dir, 'spinney.conf')};`,
    ],
    [httpsPort, httpPort],
  );

  return {
    api,
    dir,
    httpPort,
    httpsPort,
    ca: readFileSync(join(dir, 'cert.pem')),
    accessLog: () => readFileSync(join(dir, 'logs', 'spinney.access.log'), 'utf8'),
    appRequests: () =>
      api.logs
        .map((line) => JSON.parse(line) as { msg: string; reqId: string; route: string | null; status: number })
        .filter((line) => line.msg === 'request'),
  };
}

/** One HTTPS request through nginx from a loopback address; a body given as parts goes chunked. */
function https(edge: Edge, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | Buffer[]; from?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: edge.httpsPort,
        servername: SERVER_NAME,
        ca: edge.ca,
        localAddress: options.from ?? CLIENT,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: SERVER_NAME, ...options.headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
      },
    );
    // nginx answers 413 as soon as it knows, and may close while the client still writes: only an
    // error before any answer is a failure.
    req.on('error', (err) => reject(err));
    const parts = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
    if (!Array.isArray(options.body) && options.body) req.setHeader('content-length', options.body.length);
    for (const part of parts) req.write(part);
    req.end();
  });
}

function http(edge: Edge, path: string, host = SERVER_NAME): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: edge.httpPort, path, headers: { host }, agent: false, localAddress: CLIENT }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const headerCount = (reply: Reply, name: string): number => reply.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === name).length;

/** openssl s_client forced to one protocol version; SECLEVEL=0 so the client side does offer TLS 1.1. */
async function handshake(port: number, version: 'tls1_1' | 'tls1_2' | 'tls1_3'): Promise<{ ok: boolean; output: string }> {
  const args = ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', SERVER_NAME, `-${version}`, '-cipher', 'DEFAULT:@SECLEVEL=0'];
  const child = spawn(TOOLS.openssl, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { ok: code === 0 && !/Cipher is \(NONE\)/.test(output), output };
}

t.test('nginx accepts the rendered config and its edge limits default to the app settings', { skip }, async (t) => {
  const edge = await startEdge(t);
  const conf = readFileSync(join(edge.dir, 'spinney.conf'), 'utf8');
  t.notMatch(conf, /\$\{[A-Z_]+\}/, 'every placeholder was filled in');
  // Rendered without --port/--body-limit, the config holds the app's own defaults.
  const defaults = (await run(RENDER, ['--server-name', SERVER_NAME, '--cert', '/etc/ssl/c.pem', '--key', '/etc/ssl/k.pem'])).stdout;
  const app = testConfig(tempDataDir(t));
  t.match(defaults, new RegExp(`client_max_body_size ${app.bodyLimitBytes};`), 'client_max_body_size is the app body limit');
  t.match(defaults, new RegExp(`server 127\\.0\\.0\\.1:${app.port};`), 'the upstream is the app default port on loopback');
  t.match(defaults, /listen 443 ssl http2;\n\s+listen \[::\]:443 ssl http2;/, 'HTTPS on 443, IPv4 and IPv6');
  t.match(defaults, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
  t.match(defaults, /server_tokens off;/);
  // A value that could end a directive is refused, not rendered.
  const refused = await run(RENDER, ['--server-name', 'x; include /etc/passwd', '--cert', '/c', '--key', '/k']).catch((err: { code: number; stderr: string }) => err);
  t.equal((refused as { code: number }).code, 2);
  t.match((refused as { stderr: string }).stderr, /--server-name must be a host name/);
});

t.test('HTTPS reaches the app end to end with HSTS, and the app sees the client address and request id nginx forwarded', { skip }, async (t) => {
  const edge = await startEdge(t);
  const health = await https(edge, { path: '/healthz', headers: { 'accept-encoding': 'gzip' } });
  t.equal(health.status, 200);
  t.same(JSON.parse(health.body), { status: 'ok' });
  t.equal(headerCount(health, 'strict-transport-security'), 1, 'one HSTS header: the app one is replaced');
  t.equal(health.headers['strict-transport-security'], HSTS, 'HSTS for two years, subdomains included');
  t.equal(health.headers.server, 'nginx', 'no version in the Server header');

  const tenant = edge.api.tenant();
  const token = tenant.token('admin');
  // The client claims another address; nginx replaces the header with the one it saw.
  const created = await https(edge, {
    method: 'POST',
    path: '/api/v1/contacts',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'client-chosen-id-1234', 'accept-encoding': 'gzip' },
    body: Buffer.from(JSON.stringify({ name: 'Dana Whitfield', notes: 'x'.repeat(2000) })),
  });
  t.equal(created.status, 201, created.body);
  t.equal(created.headers['content-encoding'], undefined, 'API responses are not compressed (BREACH)');
  t.equal(created.headers['strict-transport-security'], HSTS);
  const requestId = created.headers['x-request-id'] as string;
  t.match(requestId, /^[0-9a-f]{32}$/, 'the request id is nginx one, not the client one');

  const audit = await https(edge, { path: '/api/v1/audit-events?action=contact.created', headers: { authorization: `Bearer ${token}` } });
  t.equal(audit.status, 200, audit.body);
  const [event] = (JSON.parse(audit.body) as { items: { ip: string | null; requestId: string | null }[] }).items;
  t.equal(event?.ip, CLIENT, 'the audit log names the client address nginx saw, not the forged one or nginx itself');
  t.equal(event?.requestId, requestId, 'and the request id nginx assigned');

  const appLine = edge.appRequests().find((line) => line.route === '/api/v1/contacts' && line.status === 201);
  t.equal(appLine?.reqId, requestId, 'the app log line carries the same request id');
  await https(edge, { path: '/api/v1/contacts?q=private-search-words', headers: { authorization: `Bearer ${token}` } });
  const log = edge.accessLog();
  t.match(log, new RegExp(`^${CLIENT.replace(/\./g, '\\.')} .*"POST /api/v1/contacts" 201 .* rid=${requestId} TLSv1\\.3$`, 'm'), 'nginx logs the same id');
  t.notMatch(log, /private-search-words/, 'query strings never reach the nginx log');

  t.notMatch(edge.api.logs.join(''), /203\.0\.113\.9/, 'the forged address reached the app nowhere');
  const page = await https(edge, { path: '/' });
  t.equal(page.status, 200);
  t.equal(page.headers['cache-control'], 'no-store', 'the page is never cached');
  const scriptPath = /src="(\/assets\/index-[A-Za-z0-9_-]{8}\.js)"/.exec(page.body)?.[1] as string;
  const script = await https(edge, { path: scriptPath });
  t.equal(script.status, 200, 'the web script is served through nginx');
  t.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable', 'under its content-hashed name, cached for a year');
  t.equal(script.headers['strict-transport-security'], HSTS, 'with HSTS');
  t.match(script.headers['content-security-policy'] as string, /script-src 'self'/, 'with the page policy set by the app');
  const zipped = await https(edge, { path: scriptPath, headers: { 'accept-encoding': 'gzip' } });
  t.equal(zipped.headers['content-encoding'], 'gzip', 'the script is gzipped for a browser that accepts it');
  t.equal(zipped.headers.vary, 'Accept-Encoding', 'and says it varies by Accept-Encoding');
  const api = await https(edge, { path: '/api/v1/contacts', headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
  t.equal(api.status, 200);
  t.equal(api.headers['content-encoding'], undefined, 'an API answer is never compressed (BREACH), even when asked');
  const shown = await https(edge, { path: '/', headers: { 'accept-encoding': 'gzip' } });
  t.equal(shown.headers['content-encoding'], undefined, 'nor is the page');
  const posted = await https(edge, { method: 'POST', path: scriptPath, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') });
  t.equal(posted.status, 403, 'only GET reaches the assets');
});

t.test('plain HTTP redirects to HTTPS with 301 except the ACME challenge, which is served from the webroot', { skip }, async (t) => {
  const edge = await startEdge(t);
  const redirect = await http(edge, '/api/v1/contacts?page=2');
  t.equal(redirect.status, 301);
  t.equal(redirect.headers.location, `https://${SERVER_NAME}/api/v1/contacts?page=2`);
  const forgedHost = await http(edge, '/', 'evil.example');
  t.equal(forgedHost.status, 301);
  t.equal(forgedHost.headers.location, `https://${SERVER_NAME}/`, 'the redirect names the configured host, never the Host header');

  writeFileSync(join(edge.dir, 'acme/.well-known/acme-challenge/tok-3xYz'), 'tok-3xYz.account-thumbprint');
  const challenge = await http(edge, '/.well-known/acme-challenge/tok-3xYz');
  t.equal(challenge.status, 200, 'certbot webroot challenge answered over plain HTTP');
  t.equal(challenge.body, 'tok-3xYz.account-thumbprint');
  t.equal(challenge.headers['content-type'], 'text/plain');
  const unknown = await http(edge, '/.well-known/acme-challenge/missing');
  t.equal(unknown.status, 404, 'an unknown token is a 404, not a redirect');
  const escape = await http(edge, '/.well-known/acme-challenge/../../nginx.conf');
  t.not(escape.status, 200, 'nothing outside the webroot is served');
  t.equal(edge.appRequests().length, 0, 'plain HTTP never reaches the app');
});

t.test('TLS 1.1 is refused while TLS 1.2 and 1.3 are accepted', { skip }, async (t) => {
  const edge = await startEdge(t);
  // The client is able to speak TLS 1.1: against a server that allows it, the handshake succeeds.
  const port = await freePort();
  const legacy = spawn(
    TOOLS.openssl,
    ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', join(edge.dir, 'cert.pem'), '-key', join(edge.dir, 'key.pem'), '-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0', '-www'],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  t.teardown(() => void legacy.kill('SIGKILL'));
  await waitForPort(port, legacy, () => 'openssl s_server did not start');
  const control = await handshake(port, 'tls1_1');
  t.ok(control.ok, 'control: this openssl client negotiates TLS 1.1 with a server that offers it');
  t.match(control.output, /Protocol\s+: TLSv1\.1/);

  const old = await handshake(edge.httpsPort, 'tls1_1');
  t.notOk(old.ok, 'nginx refuses TLS 1.1');
  t.match(old.output, /alert protocol version/, 'with a protocol_version alert');
  for (const [version, name] of [['tls1_2', 'TLSv1.2'], ['tls1_3', 'TLSv1.3']] as const) {
    const accepted = await handshake(edge.httpsPort, version);
    t.ok(accepted.ok, `${name} is accepted`);
    // "New, TLSv1.3, Cipher is …" is printed at the handshake; the "Protocol :" line of the
    // session block may never come for TLS 1.3, whose session ticket can arrive after stdin closed.
    t.match(accepted.output, new RegExp(`New, ${name.replace('.', '\\.')}, Cipher is `));
  }
  const weak = await run(TOOLS.openssl, ['s_client', '-connect', `127.0.0.1:${edge.httpsPort}`, '-servername', SERVER_NAME, '-tls1_2', '-cipher', 'ECDHE-RSA-AES128-SHA:AES128-SHA'], { timeout: 5000 }).catch(
    (err: { stdout: string; code: number }) => err,
  );
  t.not((weak as { code?: number }).code ?? 0, 0, 'a CBC suite without AEAD is refused on TLS 1.2');
});

t.test('a body over the app limit is refused at the edge with 413 and never reaches the app', { skip }, async (t) => {
  const edge = await startEdge(t);
  const limit = edge.api.config.bodyLimitBytes;
  const token = edge.api.tenant().token('admin');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const jsonOfSize = (size: number): Buffer => {
    const prefix = '{"name":"Big","notes":"';
    return Buffer.from(`${prefix}${'a'.repeat(size - prefix.length - 2)}"}`);
  };

  const over = await https(edge, { method: 'POST', path: '/api/v1/contacts', headers, body: jsonOfSize(limit + 1) });
  t.equal(over.status, 413);
  t.same(JSON.parse(over.body), { error: { code: 'payload_too_large', message: 'the request body is too large' } }, 'in the API error shape');
  t.equal(over.headers['strict-transport-security'], HSTS);
  const chunked = await https(edge, { method: 'POST', path: '/api/v1/contacts', headers, body: Array.from({ length: 17 }, () => Buffer.alloc(64 * 1024, 'a')) });
  t.equal(chunked.status, 413, 'a chunked body without a length is counted too');
  t.equal(edge.appRequests().length, 0, 'neither request reached the app');

  const atLimit = await https(edge, { method: 'POST', path: '/api/v1/contacts', headers, body: jsonOfSize(limit) });
  t.equal(atLimit.status, 400, 'a body of exactly the limit passes the edge; the app rejects the 1 MB note itself');
  t.match(JSON.parse(atLimit.body), { error: { field: 'notes' } });
  t.same(edge.appRequests().map((line) => line.status), [400], 'only that one reached the app');
});

t.test('the sign-in paths are rate limited per client address at the edge', { skip }, async (t) => {
  const edge = await startEdge(t);
  const statuses: number[] = [];
  let refused: Reply | undefined;
  for (let i = 0; i < 40; i++) {
    const reply = await https(edge, { path: '/api/v1/auth/providers' });
    statuses.push(reply.status);
    if (reply.status === 429) refused ??= reply;
  }
  const passed = statuses.filter((s) => s === 200).length;
  t.ok(passed >= 30 && passed <= 32, `a burst of about 30 passes (${passed})`);
  t.same(statuses.slice(passed), Array(40 - passed).fill(429), 'then every request is refused');
  t.same(JSON.parse(refused?.body ?? '{}'), { error: { code: 'rate_limited', message: 'too many sign-in requests; retry in a minute' } });
  t.equal(refused?.headers['retry-after'], '60');
  t.equal(refused?.headers['strict-transport-security'], HSTS, 'HSTS on the refusal too');
  t.equal(edge.appRequests().length, passed, 'refused requests never reached the app');

  t.equal((await https(edge, { path: '/api/v1/auth/providers', from: OTHER_CLIENT })).status, 200, 'another client address has its own budget');
  t.equal((await https(edge, { path: '/healthz' })).status, 200, 'and other paths are not limited by the sign-in zone');
});

// The shipped client-key map, run by a real nginx that takes the client address from a header
// (realip), so addresses of one IPv6 /64 can be sent from loopback: they share one budget.
t.test('the edge keys IPv6 clients by their /64: one /64 shares a budget, the next /64 and IPv4 do not', { skip }, async (t) => {
  const dir = tempDataDir(t);
  const rendered = (await run(RENDER, renderArgs(dir, 1, await freePort(), await freePort()))).stdout;
  const map = /^map \$binary_remote_addr \$spinney_client_key \{[\s\S]*?^\}$/m.exec(rendered)?.[0];
  t.ok(map, 'the rendered config keys its sign-in zone through the client-key map');
  t.match(rendered, /limit_req_zone \$spinney_client_key zone=spinney_signin/);
  const port = await freePort();
  await startNginx(
    t,
    dir,
    [
      '  access_log off;',
      map as string,
      '  limit_req_zone $spinney_client_key zone=probe:1m rate=1r/m;',
      '  limit_req_status 429;',
      `  server { listen 127.0.0.1:${port}; set_real_ip_from 127.0.0.1; real_ip_header X-Client;`,
      // empty_gif answers in the content phase, after limit_req; a 'return' would answer before it.
      '    location / { limit_req zone=probe burst=2 nodelay; empty_gif; } }',
    ],
    [port],
  );
  const from = (client: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { 'x-client': client }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) statuses.push(await from(`2001:db8:aa:bb:${i}::${i}`));
  t.same(statuses, [200, 200, 200, 429, 429, 429], 'a new address in the same /64 is no new budget');
  t.equal(await from('2001:db8:aa:bc::1'), 200, 'the neighbouring /64 is another client');
  t.equal(await from('198.51.100.9'), 200, 'an IPv4 client has its own budget');
  t.equal(await from('198.51.100.10'), 200, 'and the next IPv4 address too');
});
