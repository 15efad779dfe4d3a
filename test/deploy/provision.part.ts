// deploy/provision.sh is only ever run here with --dry-run, on this machine, with every command
// that could change a host replaced by a stub that records the call and fails: the plan must come
// out complete without one of them running, and no file the real run would write may change.
// The logrotate file and the certbot hook run for real against temporary files.
import t from 'tap';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { tempDataDir, type Teardown } from '../helpers/app.js';
import { runProgram } from '../helpers/cli.js';
import { requireTools, TOOLS } from './tools.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const PROVISION = join(DEPLOY, 'provision.sh');

// Everything the real run may call to change the host. (Reading tools — grep, stat, cmp, diff,
// dpkg-query, getent, node --version, openssl x509 — stay real.)
const MUTATING = [
  'apt-get', 'apt', 'dpkg', 'useradd', 'usermod', 'groupadd', 'install', 'mkdir', 'chmod', 'chown', 'chgrp', 'ln', 'rm', 'mv', 'cp',
  'tee', 'touch', 'mktemp', 'curl', 'gpg', 'npm', 'pm2', 'ufw', 'systemctl', 'service', 'sshd', 'nginx', 'certbot', 'make-ssl-cert',
  'visudo', 'runuser', 'sudo', 'logrotate',
];

// Every path the real run writes: none may appear, vanish or change in a dry run.
const TARGETS = [
  '/etc/spinney', '/etc/spinney/keys', '/etc/spinney/spinney.env', '/var/lib/spinney', '/var/log/spinney', '/var/www/acme',
  '/etc/nginx/conf.d/spinney.conf', '/etc/nginx/sites-enabled/default', '/etc/ssh/sshd_config.d/00-spinney.conf',
  '/etc/apt/apt.conf.d/20auto-upgrades', '/etc/logrotate.d/spinney', '/etc/letsencrypt/renewal-hooks/deploy/spinney-reload-nginx',
  '/etc/systemd/system/spinney.service', '/etc/systemd/system/spinney.socket', '/usr/local/bin/spinney',
];

const STEPS = [
  'preflight: the host and the arguments',
  'packages (apt)',
  'service user spinney and its directories',
  'root keys and the env file',
  'firewall (ufw): incoming only on SSH (22 2222), 80 and 443',
  'SSH: keys only, no root login',
  'unattended security upgrades',
  'logrotate for /var/log/spinney',
  'nginx: TLS, HSTS, proxy to 127.0.0.1:',
  'certificate: certbot (webroot), renewal timer, reload hook',
  'systemd service spinney (/etc/systemd/system/spinney.service)',
];

/** A directory of stubs that log their name and arguments to calls.log and fail. */
function stubs(t: Teardown, names: string[], body = 'exit 97'): { dir: string; calls: () => string[] } {
  const dir = tempDataDir(t);
  const log = join(dir, 'calls.log');
  for (const name of names) {
    writeFileSync(join(dir, name), `#!/bin/sh\necho "$(basename "$0") $*" >> "${log}"\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return { dir, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

function snapshot(paths: string[]): string {
  return paths
    .map((path) => {
      if (!existsSync(path)) return `${path}: absent`;
      const stat = statSync(path);
      const listing = stat.isDirectory() ? readdirSync(path).join(',') : '';
      return `${path}: ${stat.mode.toString(8)} ${stat.uid}:${stat.gid} ${stat.size} ${stat.mtimeMs} ${listing}`;
    })
    .join('\n');
}

const provisionSkip = requireTools(t, ['envsubst', 'openssl']);

t.test('provision.sh --dry-run prints every step and changes nothing on this machine', { skip: provisionSkip }, async (t) => {
  const stub = stubs(t, MUTATING);
  // sshd -T only reads sshd's effective configuration: here SSH listens on 22 and 2222, and the
  // firewall must keep both open (it once allowed 22 only, locking out a host with SSH elsewhere).
  writeFileSync(join(stub.dir, 'sshd'), `#!/bin/sh\nif [ "$1" = -T ]; then printf 'port 2222\\nport 22\\naddressfamily any\\n'; exit 0; fi\necho "sshd $*" >> "${join(stub.dir, 'calls.log')}"\nexit 97\n`);
  const before = snapshot(TARGETS);
  const run = await runProgram('bash', [PROVISION, '--dry-run', '--domain', 'spinney.example.com', '--admin', 'no-such-admin', '--email', 'ops@example.com'], {
    ...process.env,
    PATH: `${stub.dir}:${process.env.PATH ?? ''}`,
  });
  t.equal(run.code, 0, `the dry run succeeds ${run.stderr}`);
  t.same(stub.calls(), [], 'no command that changes a host ran');
  t.equal(snapshot(TARGETS), before, 'no file or directory the real run writes changed');
  t.notMatch(run.stdout, /^ {3}-> /m, 'nothing was applied');

  STEPS.forEach((title, i) => t.match(run.stdout, `== ${i + 1}/${STEPS.length} ${title}`, `step ${i + 1} is in the plan`));
  t.match(run.stdout, /dry run: nothing was changed\./);
  // Preflight problems are listed, and a real run would stop before changing anything.
  t.match(run.stdout, /PROBLEM: user no-such-admin does not exist/);
  t.match(run.stdout, /a real run would stop at preflight, before any change: \d+ problem\(s\)/);
  // Each step says what it would change or that it is already so.
  for (const [step, line] of [
    ['keys', /(would generate SPINNEY_APP_SECRETS_KEY into \/etc\/spinney\/keys\/app-secrets\.key \(openssl rand -base64 48, mode 600, spinney\)|ok: \/etc\/spinney\/keys\/app-secrets\.key exists)/],
    ['data dir', /(would make \/var\/lib\/spinney\/data a directory \(mode 700, spinney:spinney\)|ok: \/var\/lib\/spinney\/data \(mode 700, spinney:spinney\))/],
    ['firewall', /(would set ufw to deny incoming by default, allow 22\/tcp 2222\/tcp 443\/tcp 80\/tcp, and enable it|ok: enabled, default deny, allowing only 22\/tcp 2222\/tcp 443\/tcp 80\/tcp)/],
    ['the service', /(would reload systemd, enable spinney\.service at boot and listen on spinney\.socket|ok: spinney\.service is enabled at boot; spinney\.socket holds its port)/],
    ['certificate', /(would request a certificate for spinney\.example\.com from Let's Encrypt|ok: certificate for spinney\.example\.com)/],
  ] as const) {
    t.match(run.stdout, line, `the plan covers ${step}`);
  }
  // New files are shown as the diff they would make (on a machine that has none of them yet).
  if (!existsSync('/etc/ssh/sshd_config.d/00-spinney.conf')) {
    t.match(run.stdout, /\+PermitRootLogin no\n\s+\+PasswordAuthentication no\n\s+\+KbdInteractiveAuthentication no/, 'SSH keys only, no root');
  }
  if (!existsSync('/etc/spinney/spinney.env')) {
    for (const setting of ['SPINNEY_ENV=production', 'SPINNEY_TRUST_PROXY=true', 'SPINNEY_PUBLIC_URL=https://spinney.example.com', 'SPINNEY_TOKEN_SIGNING_KEY_FILE=/etc/spinney/keys/token-signing.key']) {
      t.match(run.stdout, `+${setting}\n`, `the env file sets ${setting}`);
    }
    t.notMatch(run.stdout, /^\s+\+SPINNEY_[A-Z_]*KEY=/m, 'and names key files, never keys');
  }
  // The host runs the single executable: no Node.js, npm, PM2 or compiler is installed for it.
  t.notMatch(run.stdout, /nodejs|nodesource|npm|pm2|build-essential|python3/i, 'the plan installs no Node.js, npm, PM2 or compiler');
  t.match(run.stdout, /(\+ExecStart=\/usr\/local\/bin\/spinney serve|ok: \/etc\/systemd\/system\/spinney\.service)/, 'the service runs the installed executable');
  if (!existsSync('/etc/nginx/conf.d/spinney.conf')) t.match(run.stdout, /\+\s+ssl_protocols TLSv1\.2 TLSv1\.3;/, 'the nginx site is the rendered template');
});

t.test('provision.sh refuses bad arguments before looking at the host', async (t) => {
  const stub = stubs(t, MUTATING);
  const env = { ...process.env, PATH: `${stub.dir}:${process.env.PATH ?? ''}` };
  for (const [args, message] of [
    [['--admin', 'ops'], /--domain must be a host name/],
    [['--domain', 'x.example; rm -rf /', '--admin', 'ops'], /--domain must be a host name/],
    [['--domain', 'x.example'], /--admin must be a user name/],
    [['--domain', 'x.example', '--admin', 'ops', '--port', '80; reboot'], /--port must be a port number/],
    [['--domain', 'x.example', '--admin', 'ops', '--bogus', '1'], /unknown option --bogus/],
    [['--domain'], /--domain needs a value/],
  ] as const) {
    const run = await runProgram('bash', [PROVISION, ...args], env);
    t.equal(run.code, 2, args.join(' '));
    t.match(run.stderr, message);
    t.equal(run.stdout, '', 'no step started');
  }
  const help = await runProgram('bash', [PROVISION, '--help'], env);
  t.equal(help.code, 0);
  t.match(help.stdout, /^Usage: deploy\/provision\.sh --domain NAME --admin USER/);
  t.same(stub.calls(), []);
});

t.test('the logrotate config rotates daily, keeps 14, compresses, and truncates the file the service keeps open', { skip: requireTools(t, ['logrotate']) }, async (t) => {
  const dir = tempDataDir(t);
  const shipped = readFileSync(join(DEPLOY, 'logrotate/spinney'), 'utf8');
  // logrotate ignores a config that group or others may write: copies get 0644.
  const checked = join(dir, 'spinney');
  writeFileSync(checked, shipped, { mode: 0o644 });
  const debug = await runProgram(TOOLS.logrotate, ['-d', '-s', join(dir, 'debug.state'), checked], process.env);
  t.equal(debug.code, 0, 'logrotate -d accepts the shipped file');
  t.match(debug.stderr + debug.stdout, 'rotating pattern: /var/log/spinney/*.log  after 1 days (14 rotations)');

  // The same rules on a log directory of our own, rotated by force twice while a writer holds
  // the file open in append mode as systemd's StandardOutput=append: does.
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const local = join(dir, 'local');
  writeFileSync(local, shipped.replace('/var/log/spinney/', `${logs}/`), { mode: 0o644 });
  const rotate = () => runProgram(TOOLS.logrotate, ['-f', '-s', join(dir, 'state'), local], process.env);
  const log = join(logs, 'spinney-out.log');
  const fd = openSync(log, 'a');
  t.teardown(() => closeSync(fd));
  writeSync(fd, '{"msg":"first"}\n');
  t.equal((await rotate()).code, 0);
  t.equal(readFileSync(join(logs, 'spinney-out.log.1'), 'utf8'), '{"msg":"first"}\n', 'the copy holds what was written');
  t.equal(statSync(log).size, 0, 'the live file was truncated in place');
  writeSync(fd, '{"msg":"second"}\n');
  t.equal(readFileSync(log, 'utf8'), '{"msg":"second"}\n', 'the open writer carries on at the start of the file, no hole');
  t.equal((await rotate()).code, 0);
  t.equal(gunzipSync(readFileSync(join(logs, 'spinney-out.log.2.gz'))).toString(), '{"msg":"first"}\n', 'older rotations are compressed');
  t.equal(readFileSync(join(logs, 'spinney-out.log.1'), 'utf8'), '{"msg":"second"}\n', 'the newest one waits a day (delaycompress)');
});

t.test('the certbot deploy hook reloads nginx only when its configuration passes nginx -t', async (t) => {
  const hook = join(DEPLOY, 'certbot/reload-nginx');
  const passing = stubs(t, ['nginx', 'systemctl'], 'exit 0');
  const ok = await runProgram('sh', [hook], { ...process.env, PATH: `${passing.dir}:${process.env.PATH ?? ''}` });
  t.equal(ok.code, 0);
  t.same(passing.calls(), ['nginx -t -q', 'systemctl reload nginx']);

  const failing = stubs(t, ['nginx', 'systemctl'], 'exit 1');
  const refused = await runProgram('sh', [hook], { ...process.env, PATH: `${failing.dir}:${process.env.PATH ?? ''}` });
  t.not(refused.code, 0, 'the failure reaches certbot');
  t.same(failing.calls(), ['nginx -t -q'], 'nginx is not reloaded with a broken configuration');
});

t.test('the systemd units pass systemd-analyze verify; the service runs the server with the env file the scripts read, on the socket systemd holds', { skip: requireTools(t, ['systemdAnalyze']) }, async (t) => {
  const unit = readFileSync(join(DEPLOY, 'systemd/spinney.service'), 'utf8');
  const socket = readFileSync(join(DEPLOY, 'systemd/spinney.socket'), 'utf8');
  t.match(unit, /^Requires=spinney\.socket$/m, 'the service takes its port from spinney.socket');
  t.match(socket, /^ListenStream=127\.0\.0\.1:3000$/m, 'loopback only; provision.sh puts SPINNEY_PORT in place of 3000');
  t.match(unit, /^ExecStart=\/usr\/local\/bin\/spinney serve$/m, 'the link deploy/install-release switches');
  t.match(unit, /^Environment=SPINNEY_ENV_FILE=\/etc\/spinney\/spinney\.env$/m, 'the CLI parses the env file itself, as scripts/ have it do');
  t.notMatch(unit, /^EnvironmentFile=/m, "not systemd's own parser, which reads values differently");
  t.match(unit, /^User=spinney$/m);
  t.match(unit, /^PrivateTmp=yes$/m, 'the native addon is written to a private /tmp');
  // Verified against a stand-in executable at the unit's path, in a copy whose ExecStart names it.
  const dir = tempDataDir(t);
  const stand = join(dir, 'spinney');
  writeFileSync(stand, '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(dir, 'spinney.service'), unit.replace('ExecStart=/usr/local/bin/spinney', `ExecStart=${stand}`));
  writeFileSync(join(dir, 'spinney.socket'), socket);
  const verify = await runProgram(TOOLS.systemdAnalyze, ['verify', join(dir, 'spinney.socket'), join(dir, 'spinney.service')], process.env);
  t.equal(verify.code, 0, verify.stderr);
  t.equal(verify.stderr.replace(/.*(Failed to|Cannot) (connect|access).*\n/g, ''), '', 'no unknown or misplaced setting');
});
