// deploy/install-release as an operator runs it, with its host paths pointed at a temp dir: a release
// is installed only when it matches the SHA256SUMS beside it and runs as the version it is named;
// it is kept for roll-back, the link switches, the databases are migrated and the service restarted.
// The release here is a stand-in that answers --version; test/release runs the real executable.
import t from 'tap';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDataDir, type Teardown } from '../helpers/app.js';
import { runProgram, type CliResult } from '../helpers/cli.js';

const INSTALL = fileURLToPath(new URL('../../deploy/install-release', import.meta.url));

/** A host in a temp dir: releases dir, link, a `scripts/spinney` and a `systemctl` that log their calls. */
function host(t: Teardown) {
  const dir = tempDataDir(t);
  const log = join(dir, 'calls.log');
  const stubs = join(dir, 'stubs');
  mkdirSync(stubs);
  for (const name of ['spinney', 'systemctl']) writeFileSync(join(stubs, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n`, { mode: 0o755 });
  const releases = join(dir, 'lib');
  const link = join(dir, 'spinney');
  const env = { PATH: `${stubs}:/usr/bin:/bin`, SPINNEY_RELEASES_DIR: releases, SPINNEY_LINK: link, SPINNEY_SCRIPTS: stubs };
  return {
    dir,
    releases,
    link,
    calls: (): string[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    install: (args: string[]): Promise<CliResult> => runProgram(INSTALL, args, env),
  };
}

/** A downloaded release: the executable (here a script printing `says`) and SHA256SUMS listing `listed`. */
function download(dir: string, version: string, says = version, listed?: string): string {
  mkdirSync(dir, { recursive: true });
  const name = `spinney-${version}-linux-x64`;
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho ${says}\n`, { mode: 0o755 });
  writeFileSync(join(dir, 'SHA256SUMS'), `${listed ?? createHash('sha256').update(readFileSync(file)).digest('hex')}  ${name}\n`);
  return file;
}

t.test('a release that matches SHA256SUMS is installed, linked, migrated and restarted; an earlier one rolls back', async (t) => {
  const h = host(t);
  const first = await h.install([download(join(h.dir, 'dl1'), '0.9.0')]);
  t.equal(first.code, 0, first.stderr);
  const installed = join(h.releases, 'spinney-0.9.0-linux-x64');
  t.equal(readlinkSync(h.link), installed, 'the link names the installed release');
  t.equal(statSync(installed).mode & 0o777, 0o755);
  t.match(readFileSync(join(h.releases, 'SHA256SUMS'), 'utf8'), /^[0-9a-f]{64} {2}spinney-0\.9\.0-linux-x64\n$/, 'its hash is kept beside it');
  t.same(h.calls(), ['systemctl is-enabled --quiet spinney', 'systemctl is-enabled --quiet spinney.socket', 'spinney migrate', 'systemctl is-enabled --quiet spinney', 'systemctl restart spinney']);
  t.match(first.stdout, /ok: spinney-0\.9\.0-linux-x64 matches SHA256SUMS\nok: spinney-0\.9\.0-linux-x64 runs \(version 0\.9\.0\)/);

  const second = await h.install([download(join(h.dir, 'dl2'), '0.10.0')]);
  t.equal(second.code, 0, second.stderr);
  t.equal(readlinkSync(h.link), join(h.releases, 'spinney-0.10.0-linux-x64'));
  t.equal(readFileSync(join(h.releases, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean).length, 2, 'both releases are kept');

  const rollBack = await h.install(['--no-restart', installed]);
  t.equal(rollBack.code, 0, rollBack.stderr);
  t.equal(readlinkSync(h.link), installed, 'the earlier release, from where it is kept');
  t.match(rollBack.stdout, /the service was not restarted/);
  t.equal(h.calls().filter((c) => c === 'systemctl restart spinney').length, 2, '--no-restart leaves the service alone');
});

t.test('install-release refuses, changing nothing, a file that does not match SHA256SUMS, is not listed, or does not run as its version', async (t) => {
  const h = host(t);
  const cases: [string, string, RegExp][] = [
    ['tampered', download(join(h.dir, 'a'), '1.0.0', '1.0.0', 'f'.repeat(64)), /spinney-1\.0\.0-linux-x64 does not match SHA256SUMS \(sha256 [0-9a-f]{64}, expected f{64}\): download it again/],
    ['wrong version', download(join(h.dir, 'b'), '1.0.0', '0.0.1'), /spinney-1\.0\.0-linux-x64 says it is version 0\.0\.1/],
    ['not a release name', join(h.dir, 'spinney.tar.gz'), /spinney\.tar\.gz is not named like a release/],
  ];
  const unlisted = download(join(h.dir, 'c'), '1.0.0');
  writeFileSync(join(h.dir, 'c', 'SHA256SUMS'), `${'0'.repeat(64)}  spinney-2.0.0-linux-x64\n`);
  cases.push(['not listed', unlisted, /SHA256SUMS does not list spinney-1\.0\.0-linux-x64/]);
  const broken = download(join(h.dir, 'd'), '1.0.0');
  writeFileSync(broken, '#!/bin/sh\necho "cannot execute: required file not found" >&2\nexit 126\n');
  writeFileSync(join(h.dir, 'd', 'SHA256SUMS'), `${createHash('sha256').update(readFileSync(broken)).digest('hex')}  spinney-1.0.0-linux-x64\n`);
  cases.push(['does not run', broken, /spinney-1\.0\.0-linux-x64 does not run on this host: cannot execute/]);

  for (const [what, file, message] of cases) {
    const run = await h.install([file]);
    t.not(run.code, 0, `${what}: refused`);
    t.match(run.stderr, message, `${what}: says why`);
  }
  t.notOk(existsSync(h.releases), 'nothing was installed');
  t.notOk(existsSync(h.link), 'the link was not made');
  t.same(h.calls().filter((c) => !c.startsWith('systemctl is-enabled')), [], 'nothing migrated or restarted (only asked whether the service and its socket are enabled)');
});

t.test('install-release refuses, changing nothing, to restart a service whose socket unit is missing (a host provisioned before socket activation)', async (t) => {
  const h = host(t);
  // This host's systemctl knows the service but not spinney.socket.
  writeFileSync(join(h.dir, 'stubs', 'systemctl'), `#!/bin/sh\necho "systemctl $*" >> ${join(h.dir, 'calls.log')}\ncase "$*" in *spinney.socket*) exit 1 ;; esac\n`, { mode: 0o755 });
  const refused = await h.install([download(join(h.dir, 'dl'), '0.9.0')]);
  t.equal(refused.code, 1);
  t.match(refused.stderr, /spinney\.socket is not enabled on this host: run deploy\/provision\.sh again first .*nothing was changed/);
  t.notOk(existsSync(h.link), 'no link');
  t.notOk(existsSync(h.releases), 'nothing installed');
  t.same(h.calls(), ['systemctl is-enabled --quiet spinney', 'systemctl is-enabled --quiet spinney.socket'], 'nothing migrated or restarted');
  const later = await h.install(['--no-restart', download(join(h.dir, 'dl2'), '0.9.1')]);
  t.equal(later.code, 0, '--no-restart still installs: the operator restarts after provisioning');
});
