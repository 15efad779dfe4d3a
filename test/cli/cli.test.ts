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
  t.match(second.stdout, /^created tn_[a-z2-7]{24} \(acme-roofing-2; the slug acme-roofing is taken by another workspace\)\n$/, 'slugs stay unique, and the operator is told');

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
  // The server reads statuses at most a second old (src/tenants/tenant-status.ts).
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

t.test('member invite, list and revoke-invitation: an operator manages invitations, audited in both logs', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const tenant = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'Acme', '--admin', 'Boss@Acme.example', '--json'], env)).stdout);
  t.match(tenant.invitation, { email: 'boss@acme.example', role: 'admin' }, 'the first admin, email lowercased');
  const res = await spinney(['member', 'invite', '--tenant', tenant.id, '--email', 'mo@acme.example', '--role', 'viewer', '--days', '3', '--json'], env);
  t.equal(res.code, 0, res.stderr);
  const invitation = JSON.parse(res.stdout);
  t.match(invitation, { id: /^iv_/, email: 'mo@acme.example', role: 'viewer', createdBy: 'operator', acceptUrl: /^http:\/\/127\.0\.0\.1:\d+\/$/ });
  const human = await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'jo@acme.example'], env);
  t.match(human.stdout, /^invited jo@acme\.example as member \(iv_[a-z2-7]{24}\), until \S+\nto accept, they sign in at http:\/\/\S+\/ with that address; the invitation is mailed to them by the server's outbox\n$/);
  t.ok(Math.abs(Date.parse(invitation.expiresAt) - Date.now() - 3 * 86_400_000) < 60_000, 'expires in 3 days');
  const again = await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'mo@acme.example'], env);
  t.equal(again.code, 1);
  t.match(again.stderr, /^spinney: this email already has a pending invitation/);
  t.equal((await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'x@acme.example', '--role', 'owner'], env)).code, 1, 'unknown role');
  t.match((await spinneyInProcess(['member', 'invite', '--tenant', tenant.id, '--email', 'x@acme.example', '--days', '90'], env)).stderr, /--days must be/);
  t.match((await spinneyInProcess(['member', 'invite', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--email', 'x@acme.example'], env)).stderr, /tenant not found/);
  t.match((await spinneyInProcess(['member', 'list', '--tenant', 'no-such-slug'], env)).stderr, /^spinney: tenant not found\n$/, 'an unknown slug is not found');
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  const platform = runtime.control.statement(`SELECT action, target_id, actor_type FROM audit_events WHERE action = 'member.invited'`).all();
  t.same(platform.slice(0, 1), [{ action: 'member.invited', target_id: tenant.id, actor_type: 'operator' }], 'the operator action is in the platform log');
  const inTenant = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT action, actor_type, target_id FROM audit_events`).all());
  t.same(inTenant.slice(0, 1), [{ action: 'member.invited', actor_type: 'operator', target_id: invitation.id }], 'and in the workspace log, by the operator');
  const mailed = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT kind, to_address FROM mail_messages ORDER BY created_at`).all());
  t.same(
    mailed,
    [{ kind: 'invitation', to_address: 'boss@acme.example' }, { kind: 'invitation', to_address: 'mo@acme.example' }, { kind: 'invitation', to_address: 'jo@acme.example' }],
    "each invitation is queued as mail, the new workspace's first admin's too",
  );

  // member list, then revoke-invitation: the invitation leaves the list, audited in both logs.
  // --tenant takes the slug too, as sign-in's workspace= does.
  const listed = JSON.parse((await spinneyInProcess(['member', 'list', '--tenant', tenant.slug, '--json'], env)).stdout);
  t.same(listed.members, [], 'no one has signed in yet');
  t.same(listed.invitations.map((i: { email: string }) => i.email).sort(), ['boss@acme.example', 'jo@acme.example', 'mo@acme.example']);
  t.match((await spinneyInProcess(['member', 'list', '--tenant', tenant.id], env)).stdout, new RegExp(`^${invitation.id}  viewer  invited   mo@acme\\.example  until `, 'm'));
  const revoked = await spinneyInProcess(['member', 'revoke-invitation', '--tenant', tenant.id, '--invitation', invitation.id], env);
  t.same([revoked.code, revoked.stdout], [0, `revoked ${invitation.id}\n`]);
  const after = JSON.parse((await spinneyInProcess(['member', 'list', '--tenant', tenant.id, '--json'], env)).stdout);
  t.same(after.invitations.map((i: { email: string }) => i.email), ['boss@acme.example', 'jo@acme.example'], 'the revoked invitation is gone');
  const twice = await spinneyInProcess(['member', 'revoke-invitation', '--tenant', tenant.id, '--invitation', invitation.id], env);
  t.same([twice.code, twice.stderr], [1, 'spinney: invitation not found\n'], 'a second revoke is refused');
  t.same(runtime.control.statement(`SELECT action, actor_type FROM audit_events WHERE action = 'invitation.revoked'`).all(), [{ action: 'invitation.revoked', actor_type: 'operator' }], 'the revocation is in the platform log');
  t.same(
    runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement(`SELECT action, actor_type FROM audit_events WHERE action = 'invitation.revoked'`).all()),
    [{ action: 'invitation.revoked', actor_type: 'operator' }],
    'and in the workspace log',
  );
});
