// `spinney tenant export`: the real executable writes the same archive the API streams, audited
// in the workspace's log (actor operator) and the platform log. The other cases run the command in
// this process (test/helpers/cli-in-process.ts).
import t from 'tap';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { cliEnv, SPINNEY_BIN, spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';
import { readArchive } from './archive.js';
import { seedWorkspace } from './seed.js';

const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const envFor = (api: TestApp) => ({ SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS });

t.test('the CLI writes the same archive and audits the export in both logs', async (t) => {
  const api = await build(t);
  const tenant = api.tenant('CLI export');
  const seeded = await seedWorkspace(api, tenant, 'cli');
  const viaApi = await api.call({ method: 'POST', url: '/api/v1/export', token: tenant.token('admin', 'us_admin'), payload: {} });
  const fromApi = await readArchive(viaApi.rawPayload);

  const out = join(api.config.dataDir, 'export.tar.gz');
  const res = await spinney(['tenant', 'export', '--tenant', tenant.id, '--out', out, '--json'], envFor(api));
  t.equal(res.code, 0, res.stderr);
  t.equal(res.stderr, '', 'no progress line when stderr is not a terminal');
  const summary = JSON.parse(res.stdout);
  const bytes = readFileSync(out);
  t.equal(statSync(out).mode & 0o777, 0o600, 'the archive is for the operator only');
  const archive = await readArchive(bytes);
  t.same(summary, {
    tenantId: tenant.id,
    file: out,
    tables: Object.keys(archive.manifest.tables).length,
    rows: Object.values(archive.manifest.tables).reduce((sum, n) => sum + n, 0),
    bytes: bytes.length,
  });

  t.same(archive.order, fromApi.order, 'the same layout');
  t.same(Object.keys(archive.workspace), Object.keys(fromApi.workspace), 'the same tables');
  for (const table of Object.keys(archive.workspace).filter((name) => !['audit_events', 'sessions'].includes(name))) {
    t.same(archive.workspace[table], fromApi.workspace[table], `${table}: the same rows`);
  }
  // Only what happened between the two exports differs: the API export's own event, the session's last activity.
  t.same(archive.workspace.audit_events?.slice(0, -1), fromApi.workspace.audit_events);
  t.equal(archive.workspace.audit_events?.at(-1)?.action, 'workspace.exported');
  t.same(archive.workspace.sessions?.map((s) => s.id), fromApi.workspace.sessions?.map((s) => s.id));
  t.same(archive.members, fromApi.members);
  t.ok(archive.tar.includes(Buffer.from(seeded.taxId)), 'sensitive fields decrypted for the operator');
  t.notOk(seeded.secretValues.some((value) => archive.tar.includes(Buffer.from(value))), 'secret values never');

  const events = inTenant(api, tenant.id, () => tenantDb().statement(`SELECT actor_type, actor_id, after FROM audit_events WHERE action = 'workspace.exported' ORDER BY seq`).all()) as Record<string, string>[];
  t.match(events, [{ actor_type: 'user', actor_id: 'us_admin' }, { actor_type: 'operator', actor_id: null }], 'the workspace log names the operator');
  t.same(JSON.parse(events[1]?.after as string).tables, archive.manifest.tables);
  const platform = api.runtime.control.statement(`SELECT actor_type, target_id, after FROM audit_events WHERE action = 'workspace.exported'`).all() as Record<string, string>[];
  t.match(platform, [{ actor_type: 'operator', target_id: tenant.id }], 'and so does the platform log');
  t.notMatch(platform[0]?.after, seeded.marker, 'counts, never content');

  const text = await spinneyInProcess(['tenant', 'export', '--tenant', tenant.id, '--out', join(api.config.dataDir, 'second.tar.gz')], envFor(api));
  t.match(text.stdout, new RegExp(`^exported ${tenant.id} to .*second\\.tar\\.gz: \\d+ tables, \\d+ rows, \\d+ bytes\\n$`));
});

t.test('standard tools read the archive as docs/export-format.md says', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const seeded = await seedWorkspace(api, tenant, 'tools');
  const out = join(api.config.dataDir, 'export.tar.gz');
  t.equal((await spinneyInProcess(['tenant', 'export', '--tenant', tenant.id, '--out', out], envFor(api))).code, 0);
  const dir = mkdtempSync(join(api.config.dataDir, 'unpacked-'));
  execFileSync('tar', ['xzf', out, '-C', dir]);
  t.ok(statSync(join(dir, 'files')).isDirectory(), 'files/ is a directory');
  const sha = execFileSync('sha256sum', [join(dir, 'workspace.json')]).toString().split(' ')[0];
  t.equal(sha, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).entries['workspace.json'].sha256, 'sha256sum agrees with the manifest');
  const jq = spawnSync('jq', ['-r', '.contacts[] | select(.tax_id != null) | .tax_id', join(dir, 'workspace.json')]);
  if (jq.error) t.comment('jq is not installed: its step is skipped');
  else t.equal(jq.stdout.toString(), `${seeded.taxId}\n`, 'jq reads a table');
});

t.test('the CLI refuses what it cannot do and leaves no partial file', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const env = envFor(api);
  const existing = join(api.config.dataDir, 'existing.tar.gz');
  writeFileSync(existing, 'keep me');
  const exists = await spinneyInProcess(['tenant', 'export', '--tenant', tenant.id, '--out', existing], env);
  t.equal(exists.code, 1);
  t.equal(exists.stderr, `spinney: ${existing} exists; choose another --out\n`);
  t.equal(readFileSync(existing, 'utf8'), 'keep me', 'an existing file is never overwritten');

  const unknown = join(api.config.dataDir, 'unknown.tar.gz');
  const missing = await spinneyInProcess(['tenant', 'export', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--out', unknown], env);
  t.equal(missing.stderr, 'spinney: tenant not found\n');
  t.notOk(existsSync(unknown));
  const nowhere = await spinneyInProcess(['tenant', 'export', '--tenant', tenant.id, '--out', join(api.config.dataDir, 'no', 'such', 'dir.tar.gz')], env);
  t.match(nowhere.stderr, /^spinney: cannot write .*dir\.tar\.gz: ENOENT\n$/);

  inTenant(api, tenant.id, () => tenantDb().statement('CREATE TABLE scans (id TEXT PRIMARY KEY, image BLOB) STRICT').run());
  const refused = join(api.config.dataDir, 'refused.tar.gz');
  const blob = await spinneyInProcess(['tenant', 'export', '--tenant', tenant.id, '--out', refused], env);
  t.equal(blob.code, 1);
  t.equal(blob.stderr, 'spinney: scans.image holds binary data and has no export policy; declare one in src/data-policy/tables.ts\n');
  t.notOk(existsSync(refused), 'the half-made file is removed');
  t.equal(api.runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action = 'workspace.exported'`).pluck().get(), 0, 'nothing exported, nothing audited');

  const help = await spinneyInProcess(['tenant', 'export', '--help'], {});
  t.equal(help.code, 0);
  t.match(help.stdout, /--tenant <tenant>[\s\S]*--out <file>/);
});

t.test('on a terminal the CLI draws a progress line on stderr', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await seedWorkspace(api, tenant, 'tty');
  const out = join(api.config.dataDir, 'tty.tar.gz');
  // script(1) gives the command a pseudo-terminal, as an operator's SSH session would.
  const command = [process.execPath, SPINNEY_BIN, 'tenant', 'export', '--tenant', tenant.id, '--out', out].join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { env: cliEnv(envFor(api)) });
  if (run.error) return t.comment('script(1) is not installed: nothing to check');
  const screen = run.stdout.toString();
  t.equal(run.status, 0, run.status === 0 ? 'exit 0' : screen);
  t.match(screen, /\rexporting rows \[#+\] (\d+)\/\1/, 'a progress bar that reaches every row');
  t.match(screen, /exported tn_\w+ to .*: \d+ tables, \d+ rows, \d+ bytes/);
});
