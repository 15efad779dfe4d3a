// The `spinney` CLI as operators and scripts use it: real data dir; each command through the real
// process at least once, refusals and help in this process (test/helpers/cli-in-process.ts).
import t from 'tap';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { openRuntime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { tempDataDir, testConfig, TEST_KEYS } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

t.test('tenant create/list/suspend/resume, migrate and dev token', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };

  const created = await spinney(['tenant', 'create', '--name', 'Acme Roofing', '--admin', 'owner@acme.example', '--json'], env);
  t.equal(created.code, 0, created.stderr);
  const tenant = JSON.parse(created.stdout);
  t.match(tenant, { id: /^tn_[a-z2-7]{24}$/, slug: 'acme-roofing', name: 'Acme Roofing', status: 'active', invitation: { email: 'owner@acme.example', role: 'admin' } });
  t.ok(existsSync(join(dataDir, 'tenants', tenant.id, 'tenant.db')), 'its database file exists');
  for (const path of ['control.db', join('tenants', tenant.id, 'tenant.db'), join('tenants', tenant.id)]) {
    t.equal(statSync(join(dataDir, path)).mode & 0o077, 0, `${path} is for the owner only`);
  }

  const second = await spinneyInProcess(['tenant', 'create', '--name', 'Acme Roofing'], env);
  t.match(second.stdout, /^created tn_[a-z2-7]{24} \(acme-roofing-2\)\n$/, 'slugs stay unique');

  const [list, token] = await Promise.all([spinney(['tenant', 'list', '--json'], env), spinney(['dev', 'token', '--tenant', tenant.id, '--role', 'viewer'], env)]);
  t.same(JSON.parse(list.stdout).map((x: { slug: string }) => x.slug), ['acme-roofing', 'acme-roofing-2']);

  t.equal(token.code, 0, token.stderr);
  t.match(token.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'prints one token and nothing else');

  const runtime = openRuntime(testConfig(dataDir, { SPINNEY_LOG_LEVEL: 'silent' }));
  const app = await buildApp({ runtime });
  t.teardown(async () => {
    await app.close();
    runtime.close();
  });
  const call = () => app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${token.stdout.trim()}` } });
  t.equal((await call()).statusCode, 200, 'the minted token works against the API');

  t.equal((await spinney(['tenant', 'suspend', tenant.id], env)).stdout, `suspended ${tenant.id}\n`);
  // The server reads statuses at most a second old (src/control/tenant-status.ts).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  t.equal((await call()).statusCode, 403, 'a suspension from the CLI reaches the running server within a second');
  const again = await spinneyInProcess(['tenant', 'suspend', tenant.id], env);
  t.equal(again.code, 1);
  t.equal(again.stderr, 'spinney: tenant is already suspended\n');
  t.match(JSON.parse((await spinneyInProcess(['tenant', 'resume', tenant.id, '--json'], env)).stdout), { id: tenant.id, status: 'active' });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  t.equal((await call()).statusCode, 200);

  const migrate = await spinney(['migrate', '--json'], env);
  t.same(JSON.parse(migrate.stdout), { tenants: 2, migrated: 0, missing: [] });
  t.equal(migrate.code, 0);

  runtime.tenancy.removeDatabase(tenant.id);
  const incomplete = await spinneyInProcess(['migrate', '--json'], env);
  t.same(JSON.parse(incomplete.stdout), { tenants: 2, migrated: 0, missing: [tenant.id] }, 'a missing database is reported');
  t.equal(incomplete.code, 1);
  t.equal(incomplete.stderr, `spinney: 1 tenant database(s) missing: ${tenant.id}\n`);
  t.notOk(existsSync(join(dataDir, 'tenants', tenant.id, 'tenant.db')), 'and not replaced by an empty one');
});

t.test('errors are one line on stderr with a non-zero exit', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const cases: [string[], Record<string, string>, RegExp][] = [
    [['tenant', 'suspend', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa'], env, /^spinney: tenant not found\n$/],
    [['tenant', 'suspend', '../../etc'], env, /^spinney: tenant not found\n$/],
    [['dev', 'token', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--role', 'admin'], env, /^spinney: tenant not found\n$/],
    [['dev', 'token', '--tenant', 'x', '--role', 'owner'], env, /^error: option '--role <role>' argument 'owner' is invalid.*\n$/],
    [['tenant', 'create', '--name', '   '], env, /^spinney: name must be 1 to 200 printable characters\n$/],
    [['tenant', 'create', '--name', 'X', '--admin', 'not-an-email'], env, /^spinney: admin must be an email address\n$/],
    [['tenant', 'list'], { ...env, SPINNEY_PORTT: '1' }, /^spinney: invalid configuration: SPINNEY_PORTT is not a known setting/],
    [['frobnicate'], env, /^error: unknown command 'frobnicate'\n$/],
  ];
  for (const [args, e, stderr] of cases) {
    const res = await spinneyInProcess(args, e);
    t.equal(res.code, 1, `${args.join(' ')}: exit 1`);
    t.match(res.stderr, stderr, `${args.join(' ')}: one-line reason`);
    t.equal(res.stdout, '', 'nothing on stdout');
  }
});

t.test('dev token is refused in production, even with a valid production configuration', async (t) => {
  const dataDir = tempDataDir(t);
  const res = await spinney(['dev', 'token', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--role', 'admin'], {
    SPINNEY_ENV: 'production',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_PUBLIC_URL: 'https://spinney.example',
    ...TEST_KEYS,
    SPINNEY_GOOGLE_CLIENT_ID: 'web.apps.example',
    SPINNEY_GOOGLE_CLIENT_SECRET: 'google-secret',
  });
  t.equal(res.code, 1);
  t.equal(res.stderr, 'spinney: dev token is refused in production\n');
  t.equal(res.stdout, '');
});

t.test('production refuses to serve with an unsafe configuration, naming every problem', async (t) => {
  const res = await spinneyInProcess(['serve'], { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: '/nonexistent/data', SPINNEY_PUBLIC_URL: 'http://x.example', SPINNEY_DEV_SIGNIN: 'on' });
  t.equal(res.code, 1);
  t.equal(res.stderr.split('\n').length, 2, 'one line');
  for (const word of ['SPINNEY_DATA_DIR', 'https', 'SPINNEY_DEV_SIGNIN', 'SPINNEY_TOKEN_SIGNING_KEY', 'SPINNEY_APP_SECRETS_KEY', 'SPINNEY_SENSITIVE_FIELDS_KEY']) t.match(res.stderr, word);
});

t.test('a command group without a subcommand shows its help', async (t) => {
  for (const args of [[], ['tenant'], ['dev']]) {
    const res = await spinneyInProcess(args, {});
    t.equal(res.code, 0, `spinney ${args.join(' ')}`);
    t.match(res.stdout, /^Usage: spinney/);
  }
});

t.test('every command has --help', async (t) => {
  for (const args of [[], ['serve'], ['migrate'], ['tenant'], ['tenant', 'create'], ['tenant', 'list'], ['tenant', 'suspend'], ['tenant', 'resume'], ['dev', 'token']]) {
    const res = await spinneyInProcess([...args, '--help'], {});
    t.equal(res.code, 0, `${args.join(' ')} --help`);
    t.match(res.stdout, /^Usage: spinney/);
  }
});

t.test('member invite: an operator invites an email to a workspace, audited in both logs', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const tenant = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'Acme', '--admin', 'Boss@Acme.example', '--json'], env)).stdout);
  t.match(tenant.invitation, { email: 'boss@acme.example', role: 'admin' }, 'the first admin, email lowercased');
  const res = await spinney(['member', 'invite', '--tenant', tenant.id, '--email', 'mo@acme.example', '--role', 'viewer', '--days', '3', '--json'], env);
  t.equal(res.code, 0, res.stderr);
  const invitation = JSON.parse(res.stdout);
  t.match(invitation, { id: /^iv_/, email: 'mo@acme.example', role: 'viewer', createdBy: 'operator' });
  t.ok(Math.abs(Date.parse(invitation.expiresAt) - Date.now() - 3 * 86_400_000) < 60_000, 'expires in 3 days');
  const again = await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'mo@acme.example'], env);
  t.equal(again.code, 1);
  t.match(again.stderr, /^spinney: this email already has a pending invitation/);
  t.equal((await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'x@acme.example', '--role', 'owner'], env)).code, 1, 'unknown role');
  t.match((await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'x@acme.example', '--days', '90'], env)).stderr, /--days must be/);
  t.match((await spinneyInProcess(['member', 'invite', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--email', 'x@acme.example'], env)).stderr, /tenant not found/);
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  const platform = runtime.control.statement(`SELECT action, target_id, actor_type FROM audit_events WHERE action = 'member.invited'`).all();
  t.same(platform, [{ action: 'member.invited', target_id: tenant.id, actor_type: 'operator' }], 'the operator action is in the platform log');
  const inTenant = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT action, actor_type, target_id FROM audit_events`).all());
  t.same(inTenant, [{ action: 'member.invited', actor_type: 'operator', target_id: invitation.id }], 'and in the workspace log, by the operator');
});
