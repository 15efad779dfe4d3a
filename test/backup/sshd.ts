// A real OpenSSH server on a loopback port for the SFTP backup target: its own host key, config,
// authorized key and directory, in a temp dir; stopped by the test's teardown. It serves the user
// the test runs as, by key only, with OpenSSH's internal-sftp.
import type { Test } from 'tap';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '../helpers/cli.js';
import { TOOLS } from '../deploy/tools.js';


export interface Sshd {
  /** The directory the target writes into (SPINNEY_BACKUP_SFTP_PATH). */
  directory: string;
  /** SPINNEY_BACKUP_* settings that point the app at this server. */
  env: Record<string, string>;
  /** The host key's fingerprint as ssh-keygen prints it. */
  fingerprint: string;
  /** A client key this server does not accept. */
  strangerKeyFile: string;
  /** A client key this server accepts, encrypted with LOCKED_KEY_PASSPHRASE. */
  lockedKeyFile: string;
  /** What sshd logged so far (for a failing test's message). */
  log(): string;
}

export const LOCKED_KEY_PASSPHRASE = 'correct horse battery staple';

function keygen(file: string, passphrase = ''): void {
  execFileSync(TOOLS.sshKeygen, ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'spinney-test', '-f', file]);
}

export async function startSshd(t: Test): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'spinney-sshd-'));
  chmodSync(dir, 0o700);
  // As root, sshd wants its privilege-separation directory (systemd makes it on a real host).
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  for (const name of ['host_key', 'client_key', 'stranger_key']) keygen(join(dir, name));
  keygen(join(dir, 'locked_key'), LOCKED_KEY_PASSPHRASE);
  writeFileSync(join(dir, 'authorized_keys'), Buffer.concat([readFileSync(join(dir, 'client_key.pub')), readFileSync(join(dir, 'locked_key.pub'))]), { mode: 0o600 });
  const directory = join(dir, 'backups');
  const port = await freePort();
  const user = userInfo().username;
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'AuthenticationMethods publickey',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The temp dir's owner and modes are the test's, not a home directory's.
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'Subsystem sftp internal-sftp',
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  const server = spawn(TOOLS.sshd, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  t.teardown(async () => {
    // Gone before the next test asks for a free port, which may be this one.
    if (server.exitCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  });
  await waitForPort(port, server, () => `sshd did not start: ${log}`);
  // Listening on the port is not enough: another process may have held it a moment ago.
  const deadline = Date.now() + 5000;
  while (!log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`sshd did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const fingerprint = /SHA256:[A-Za-z0-9+/]{43}/.exec(execFileSync(TOOLS.sshKeygen, ['-lf', join(dir, 'host_key.pub')]).toString())?.[0] as string;
  return {
    directory,
    fingerprint,
    strangerKeyFile: join(dir, 'stranger_key'),
    lockedKeyFile: join(dir, 'locked_key'),
    log: () => log,
    env: {
      SPINNEY_BACKUP_TARGET: 'sftp',
      SPINNEY_BACKUP_SFTP_HOST: '127.0.0.1',
      SPINNEY_BACKUP_SFTP_PORT: String(port),
      SPINNEY_BACKUP_SFTP_USER: user,
      SPINNEY_BACKUP_SFTP_PATH: directory,
      SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: join(dir, 'client_key'),
      SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT: fingerprint,
    },
  };
}
