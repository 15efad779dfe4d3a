// The single executable (`npm run release`) as an operator runs it: copied alone into an empty
// directory with no node_modules, no Node and no repository beside it. Building it takes about 20 s
// (minutes the first time, when better-sqlite3 is compiled for Node 24), so `npm test` builds it
// before tap starts (tools/release/build.mjs --cached, keyed by the inputs' hash) and this test
// reuses that build; run alone after a source change, it builds first (give tap --timeout 600).
import t from 'tap';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDataDir, TEST_KEYS } from '../helpers/app.js';
import { freePort, runProgram, START_DEADLINE_MS, waitForPort, type CliResult } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** The executable copied into `dir`, alone. */
function installRelease(dir: string): string {
  const built = execFileSync(process.execPath, [join(ROOT, 'tools/release/build.mjs'), '--cached'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  t.equal(readFileSync(join(built, '..', 'SHA256SUMS'), 'utf8'), `${execFileSync('sha256sum', [built], { cwd: join(built, '..'), encoding: 'utf8' }).split(' ')[0]}  spinney-${version}-linux-x64\n`, 'SHA256SUMS names the executable and its hash');
  const executable = join(dir, 'spinney');
  copyFileSync(built, executable);
  return executable;
}

t.test('the release executable runs alone: --version, migrate, serve --demo, a backup and a restore', async (t) => {
  const home = tempDataDir(t);
  const executable = installRelease(home);
  const privateTmp = join(home, 'tmp');
  mkdirSync(privateTmp, { mode: 0o700 });
  const dataDir = join(home, 'data');
  const port = await freePort();
  // Nothing from this process: no NODE_OPTIONS (tap's loader), no SPINNEY_* of the caller.
  const env = { PATH: '/usr/bin:/bin', HOME: home, TMPDIR: privateTmp, SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, SPINNEY_HOST: '127.0.0.1', SPINNEY_PORT: String(port), SPINNEY_LOG_LEVEL: 'warn', ...TEST_KEYS };
  const run = (args: string[]): Promise<CliResult> => runProgram(executable, args, env, home);
  t.same(readdirSync(home).sort(), ['spinney', 'tmp'], 'the executable is alone in its directory');

  const versionRun = await run(['--version']);
  t.same(versionRun, { code: 0, stdout: `${version}\n`, stderr: '' }, '--version prints the version from package.json');

  const migrate = await run(['migrate']);
  t.equal(migrate.code, 0, migrate.stderr);
  t.match(migrate.stdout, /^migrated control\.db and 0 tenant databases/, 'migrations come from the executable');
  t.ok(existsSync(join(dataDir, 'control.db')));

  const server = spawn(executable, ['serve', '--demo'], { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => server.kill('SIGKILL'));
  let serverOutput = '';
  server.stdout.on('data', (d: Buffer) => (serverOutput += d.toString()));
  server.stderr.on('data', (d: Buffer) => (serverOutput += d.toString()));
  await waitForPort(port, server, () => serverOutput);
  const deadline = Date.now() + START_DEADLINE_MS;
  while (!/--tenant (tn_[a-z2-7]{24})/.test(serverOutput) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const tenantId = /--tenant (tn_[a-z2-7]{24})/.exec(serverOutput)?.[1] as string;
  t.match(serverOutput, new RegExp(`TOKEN=\\$\\(${executable} dev token`), 'the demo banner names the executable, not node bin/spinney.js');
  const base = `http://127.0.0.1:${port}`;

  const health = await fetch(`${base}/healthz`);
  t.equal(health.status, 200);
  t.same(await health.json(), { status: 'ok' });
  const page = await fetch(`${base}/`);
  t.equal(page.status, 200, 'the web app is served from the executable');
  const script = /src="\/assets\/([^"]+\.js)"/.exec(await page.text())?.[1];
  t.equal((await fetch(`${base}/assets/${script}`)).status, 200, 'and its assets');
  t.same(readdirSync(privateTmp), [], 'the native addon was written, checked and loaded, and its private directory removed');

  let token = (await run(['dev', 'token', '--tenant', tenantId, '--role', 'admin'])).stdout.trim();
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const contactNames = async (): Promise<string[]> => ((await (await api('/contacts')).json()) as { items: { name: string }[] }).items.map((c) => c.name).sort();
  // The VTIMEZONE table of @touch4it/ical-timezones is read from files: the executable carries them.
  const event = await api('/calendar/events', { method: 'POST', body: JSON.stringify({ title: 'Survey', timeZone: 'Europe/Berlin', start: '2027-03-28T10:00', end: '2027-03-28T11:00', attendees: [] }) });
  t.equal(event.status, 201, 'an event in Europe/Berlin: the time zone table is in the executable');
  // pdfkit loads its standard fonts at run time: the executable carries them in the bundle.
  const contactId = ((await (await api('/contacts')).json()) as { items: { id: string }[] }).items[0]?.id;
  const line = { id: 'tearoff', description: 'Tear off old shingles', quantity: '24', unit: 'sq', unitPrice: 9500, taxRateBp: 0 };
  const estimate = await api('/estimates', { method: 'POST', body: JSON.stringify({ title: 'Roof', contactId, content: { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [line] }] } }) });
  t.equal(estimate.status, 201);
  const pdf = await api(`/estimates/${((await estimate.json()) as { id: string }).id}/pdf`);
  t.equal(pdf.status, 200, 'an estimate renders as a PDF');
  const pdfBytes = Buffer.from(await pdf.arrayBuffer());
  t.equal(pdfBytes.subarray(0, 5).toString(), '%PDF-');
  // An upload's type is decided from its content (file-type, an ES module loaded on first use).
  const form = new FormData();
  form.append('file', new Blob([pdfBytes]), 'estimate.bin');
  const upload = await fetch(`${base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  t.equal(upload.status, 201, 'a file upload');
  t.match(await upload.json(), { type: 'application/pdf' }, 'typed by its content');
  t.equal((await fetch(`${base}/api/docs`)).status, 200, 'the API reference');

  const backup = await run(['backup', 'run', '--all', '--json']);
  t.equal(backup.code, 0, backup.stderr);
  const { runId } = JSON.parse(backup.stdout) as { runId: string };
  const before = await contactNames();
  t.equal((await api('/contacts', { method: 'POST', body: JSON.stringify({ name: 'After the backup' }) })).status, 201);
  t.same(await contactNames(), [...before, 'After the backup'].sort());

  const restore = await run(['backup', 'restore', runId, '--tenant', tenantId, '--confirm', tenantId, '--json']);
  t.equal(restore.code, 0, restore.stderr);
  t.match(JSON.parse(restore.stdout), { tenantId, runId });
  token = (await run(['dev', 'token', '--tenant', tenantId, '--role', 'admin'])).stdout.trim(); // a restore ends every session
  t.same(await contactNames(), before, 'the restored workspace is as it was at the backup');

  server.kill('SIGTERM');
  const [code] = (await once(server, 'exit')) as [number | null];
  t.equal(code, 0, 'SIGTERM stops the server cleanly');
});
