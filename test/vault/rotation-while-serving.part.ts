// "Safe while the server runs": a real `spinney serve` (its own process) keeps storing workspace
// secrets and contacts' sensitive fields over HTTP while the operator, in this process and with the
// code the `spinney keys` commands run, rotates both root keys, rewraps, waits out the settle margin,
// rewraps again and retires the old versions (test/cli/cli.test.ts runs the commands themselves). Workspaces start without data keys and
// join the traffic one by one, so the server creates new data keys all through the rotation, some
// while it may not have seen the new version yet. Afterwards every value it acknowledged opens in
// a fresh runtime that has only the key files (version 1 gone from both).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { readSensitive } from '../../src/contacts/contact-sensitive.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { openRuntime } from '../../src/runtime.js';
import { keyStatus, retireRootKey, rewrapAll, rotateRootKey, rotationSettlesAt, ROTATION_SETTLE_MS } from '../../src/vault/key-rotation.js';
import { startSession, tempDataDir, testConfig, TEST_KEYS } from '../helpers/app.js';
import { cliEnv, freePort, SPINNEY_BIN, waitForPort } from '../helpers/cli.js';

const WORKSPACES = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test('rotate, rewrap, rewrap after the settle margin and retire while a running server stores secrets and sensitive fields: nothing is lost', async (t) => {
  const dataDir = tempDataDir(t);
  const keyDir = tempDataDir(t);
  const appKey = join(keyDir, 'app.key');
  const sensitiveKey = join(keyDir, 'sensitive.key');
  writeFileSync(appKey, 'app-root-key-version-one-0123456789abcdef0123\n', { mode: 0o600 });
  writeFileSync(sensitiveKey, 'sensitive-root-key-version-one-0123456789abcd\n', { mode: 0o600 });
  const env = {
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_PORT: String(await freePort()),
    SPINNEY_LOG_LEVEL: 'warn',
    SPINNEY_RATE_LIMIT: '100000',
    SPINNEY_TOKEN_SIGNING_KEY: TEST_KEYS.SPINNEY_TOKEN_SIGNING_KEY,
    SPINNEY_APP_SECRETS_KEY: '',
    SPINNEY_SENSITIVE_FIELDS_KEY: '',
    SPINNEY_APP_SECRETS_KEY_FILE: appKey,
    SPINNEY_SENSITIVE_FIELDS_KEY_FILE: sensitiveKey,
  };

  // Workspaces and admin sessions made up front (the same files and keys the server will use).
  const setup = openRuntime(testConfig(dataDir, env));
  const workspaces = Array.from({ length: WORKSPACES }, (_, i) => {
    const { id } = createTenant(setup, { name: `Rotation ${i}` });
    return { id, token: startSession(setup, id, 'admin', `us_admin${i}`).accessToken };
  });
  setup.close();

  const server = spawn(process.execPath, [SPINNEY_BIN, 'serve'], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let serverOutput = '';
  server.stdout.on('data', (d: Buffer) => (serverOutput += d.toString()));
  server.stderr.on('data', (d: Buffer) => (serverOutput += d.toString()));
  t.teardown(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });
  await waitForPort(Number(env.SPINNEY_PORT), server, () => serverOutput);
  const base = `http://127.0.0.1:${env.SPINNEY_PORT}/api/v1`;

  // The writer: round-robin over the workspaces that have joined; one more joins every 250 ms.
  const secrets: { tenantId: string; name: string; value: string }[] = [];
  const fields: { tenantId: string; contactId: string; taxId: string; bankDetails: string }[] = [];
  const failures: string[] = [];
  let writing = true;
  const startedAt = Date.now();
  const writer = (async () => {
    for (let i = 0; writing; i += 1) {
      const joined = Math.min(WORKSPACES, 1 + Math.floor((Date.now() - startedAt) / 250));
      const w = workspaces[i % joined] as (typeof workspaces)[number];
      const call = async (method: string, path: string, body: unknown) => {
        const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const text = await res.text();
        if (!res.ok) failures.push(`${method} ${path}: ${res.status} ${text}`);
        return res.ok ? (JSON.parse(text) as { id?: string }) : null;
      };
      const value = `secret-${i}-${randomBytes(6).toString('hex')}`;
      if (await call('POST', '/vault/secrets', { name: `s${i}.key`, value })) secrets.push({ tenantId: w.id, name: `s${i}.key`, value });
      const contact = await call('POST', '/contacts', { name: `Contact ${i}` });
      if (contact?.id) {
        const sensitive = { taxId: `tax-${i}`, bankDetails: `iban-${i}-${randomBytes(4).toString('hex')}` };
        if (await call('PATCH', `/contacts/${contact.id}/sensitive`, sensitive)) fields.push({ tenantId: w.id, contactId: contact.id, ...sensitive });
      }
    }
  })();

  // The operator's side, in this process: the code `spinney keys rotate|rewrap|retire` runs.
  const operator = openRuntime(testConfig(dataDir, env));
  t.teardown(() => operator.close());
  await sleep(400);
  rotateRootKey(operator, 'app');
  rotateRootKey(operator, 'sensitive');
  const firstRewrap = rewrapAll(operator);
  t.same(firstRewrap.failed, [], 'the first rewrap moves every workspace');
  t.ok(rotationSettlesAt(operator, 'app') && rotationSettlesAt(operator, 'sensitive'), 'it ran inside the settle margin (the CLI then says to rewrap again)');
  await t.rejects(retireRootKey(operator, 'app', 1), /the newest app version is less than 2 s old/, 'retire waits for the margin');
  await sleep(ROTATION_SETTLE_MS + 100);
  const secondRewrap = rewrapAll(operator);
  t.same(secondRewrap.failed, [], 'the second rewrap catches what the server sealed with version 1 meanwhile');
  t.comment(`second rewrap: ${JSON.stringify(secondRewrap)}`);
  t.match(await retireRootKey(operator, 'app', 1), { key: 'app', version: 1, unreadable: null, checkedTarget: /^local directory / });
  t.same(await retireRootKey(operator, 'sensitive', 1), { key: 'sensitive', version: 1, unreadable: null, checkedTarget: null });
  await sleep(500); // the server goes on writing after the retire, with version 2 only
  writing = false;
  await writer;
  server.kill('SIGTERM');
  const [code] = await once(server, 'exit');
  t.equal(code, 0, 'the server ran throughout and stopped cleanly');

  t.same(failures, [], 'no write failed while the keys changed');
  const joinedAll = new Set(secrets.map((s) => s.tenantId));
  t.equal(joinedAll.size, WORKSPACES, 'every workspace stored values (and so made its data keys) during the run');
  t.ok(secrets.length >= 20 && fields.length >= 20, `enough traffic: ${secrets.length} secrets, ${fields.length} contacts with sensitive fields`);

  const { rootKeys } = keyStatus(operator);
  t.same(rootKeys.app.map((v) => v.version), [2], 'only app version 2 is left');
  t.same(rootKeys.sensitive.map((v) => v.version), [2], 'only sensitive version 2 is left');

  // A fresh runtime with only the key files reads everything the server acknowledged.
  const fresh = openRuntime(testConfig(dataDir, env));
  t.teardown(() => fresh.close());
  const inTenant = <T>(tenantId: string, fn: () => T): T => fresh.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
  const wrongSecrets = secrets.filter((s) => inTenant(s.tenantId, () => fresh.vault.read(s.name, { person: false })) !== s.value);
  t.same(wrongSecrets, [], `all ${secrets.length} secrets open`);
  const wrongFields = fields.filter((f) => {
    const read = inTenant(f.tenantId, () => readSensitive(fresh.vault, f.contactId));
    return read.taxId !== f.taxId || read.bankDetails !== f.bankDetails;
  });
  t.same(wrongFields, [], `all ${fields.length} contacts' sensitive fields open`);
});
