// What `npm start` does: serve --demo in development, on a fresh data dir, then stop on SIGTERM.
import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from '../helpers/app.js';
import { cliEnv, freePort, spinney, SPINNEY_BIN, START_DEADLINE_MS } from '../helpers/cli.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';

t.test('serve --demo creates the demo workspace, signs the demo admin in through the development provider, and shuts down cleanly', async (t) => {
  const dataDir = tempDataDir(t);
  // A fixed port: the public URL (and so the sign-in redirect URI) is derived from it.
  const env = { SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir, SPINNEY_PORT: String(await freePort()), SPINNEY_LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [SPINNEY_BIN, 'serve', '--demo'], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + START_DEADLINE_MS;
  while (!/curl .* (http:\/\/127\.0\.0\.1:\d+)\/api\/v1\/contacts/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const base = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1\/contacts/.exec(stderr)?.[1];
  t.ok(base, 'it printed the address and a curl command');
  t.match(stderr, /generated a development token signing key/, 'and said it generated a key');
  const tenantId = /--tenant (tn_[a-z2-7]{24})/.exec(stderr)?.[1] as string;
  t.ok(tenantId, 'and the demo tenant id');

  // The CLI reads the same settings as the server (the issuer is the public URL, derived from host and port).
  const token = (await spinney(['dev', 'token', '--tenant', tenantId, '--role', 'admin'], env)).stdout.trim();
  const health = await fetch(`${base}/healthz`);
  t.equal(health.status, 200);
  const contacts = await fetch(`${base}/api/v1/contacts`, { headers: { authorization: `Bearer ${token}` } });
  t.equal(contacts.status, 200);
  const body = (await contacts.json()) as { items: { name: string; createdBy: string }[] };
  t.equal(body.items.length, 4, 'the demo workspace has a few contacts');
  t.equal(body.items[0]?.createdBy, 'system');

  // The real browser flow: the page's sign-in link, the development provider, back to the callback.
  t.match(stderr, /Sign in: open http:\/\/127\.0\.0\.1:\d+\/ and choose "Development sign-in"/);
  t.match(await (await fetch(`${base}/`)).text(), /<script type="module" crossorigin src="\/assets\/index-[A-Za-z0-9_-]{8}\.js">/, 'the page is served, naming its hashed script');
  const providers = (await (await fetch(`${base}/api/v1/auth/providers`)).json()) as { codeFlow: { id: string; signInUrl: string }[] };
  const dev = providers.codeFlow.find((p) => p.id === 'dev');
  t.ok(dev, 'the development provider is offered');
  const start = await fetch(dev?.signInUrl ?? '', { redirect: 'manual' });
  const flowCookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  const callback = await signInAtProvider(start.headers.get('location') ?? '', 'demo-admin');
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: flowCookie } });
  t.equal(done.status, 303, 'signed in');
  const refreshCookie = (done.headers.getSetCookie().find((c) => c.startsWith('__Host-spinney_refresh=')) ?? '').split(';')[0] as string;
  const tokens = await fetch(`${base}/api/v1/auth/refresh`, { method: 'POST', headers: { cookie: refreshCookie, origin: base as string, 'content-type': 'application/json' }, body: '{}' });
  t.equal(tokens.status, 200);
  const { accessToken } = (await tokens.json()) as { accessToken: string };
  const session = (await (await fetch(`${base}/api/v1/auth/session`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { role: string; tenantId: string };
  t.same([session.role, session.tenantId], ['admin', tenantId], 'the demo admin, in the demo workspace');
  const signedInContacts = await fetch(`${base}/api/v1/contacts`, { headers: { authorization: `Bearer ${accessToken}` } });
  t.equal(signedInContacts.status, 200, 'and the contacts API answers');

  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  t.equal(code, 0, 'SIGTERM stops it with exit code 0');
  // Closing the last connection checkpoints the WAL and removes it: proof every handle was closed.
  const leftovers = [join('control.db-wal'), join('tenants', tenantId, 'tenant.db-wal')].filter((p) => existsSync(join(dataDir, p)));
  t.same(leftovers, [], 'no WAL file left behind: every database was closed cleanly');
});
