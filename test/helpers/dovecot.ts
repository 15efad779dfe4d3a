// A private Dovecot IMAP server for the mailbox tests: its own configuration, sockets, state and
// maildirs in a temp directory, on a free loopback port, TLS only (ssl = required, a self-signed
// certificate for 127.0.0.1 the tests hand to Spinney as the mailbox's CA). One account per call
// of addUser. Messages arrive by IMAP APPEND, as a delivery agent would put them. Stopped at test
// teardown, and on process exit should a test die first.
//
// Unprivileged: Dovecot runs as the current user (default_internal_user, default_login_user, the
// accounts' uid). Under root (CI containers), Dovecot refuses root for its login processes and
// mail processes, so those run as `nobody`, which then owns the mail directory.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { TOOLS } from '../deploy/tools.js';
import { tempDataDir, type Teardown } from './app.js';

export const DOVECOT = '/usr/sbin/dovecot';

export interface DovecotAccount {
  user: string;
  password: string;
}

export interface Dovecot {
  host: '127.0.0.1';
  /** The port of IMAP over TLS from the first byte (imaps). */
  port: number;
  /** The port of IMAP with a required STARTTLS. */
  starttlsPort: number;
  /** The server certificate (PEM): the mailbox's CA in the tests. */
  cert: string;
  addUser(user: string, password: string): DovecotAccount;
  /** Puts a raw RFC 5322 message into the account's INBOX by APPEND; returns its UID. */
  deliver(account: DovecotAccount, raw: string): Promise<number>;
  /** A logged-in IMAP client for the account (the test's own view of the server). */
  client(account: DovecotAccount): Promise<ImapFlow>;
  /** Deletes the account's maildir, so its INBOX comes back with a new UIDVALIDITY. */
  recreateInbox(account: DovecotAccount): void;
  stop(): void;
  start(): void;
}

export const dovecotMissing = (): string | false => (existsSync(DOVECOT) ? false : `needs ${DOVECOT} (apt-get install dovecot-imapd)`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const running = new Set<() => void>();
process.on('exit', () => {
  for (const stop of running) stop();
});

export async function startDovecot(t: Teardown): Promise<Dovecot> {
  const dir = tempDataDir(t);
  // Login processes (another user under root) reach the sockets under base_dir.
  chmodSync(dir, 0o755);
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const runAs = root ? { name: 'nobody', group: 'nogroup', uid: 65534, gid: 65534 } : { name: me.username, group: execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim(), uid: me.uid, gid: me.gid };
  const mailRoot = join(dir, 'mail');
  mkdirSync(mailRoot);
  if (root) chownSync(mailRoot, runAs.uid, runAs.gid);
  execFileSync(TOOLS.openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const port = await freePort();
  const starttlsPort = await freePort();
  const passwd = join(dir, 'passwd');
  writeFileSync(passwd, '');
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = spinney-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
disable_plaintext_auth = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
default_internal_user = ${runAs.name}
default_internal_group = ${runAs.group}
default_login_user = ${runAs.name}
auth_mechanisms = plain
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${passwd}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${starttlsPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${port}
    ssl = yes
  }
}
service anvil {
  chroot =
}
`,
  );
  const pidFile = join(dir, 'run', 'master.pid');
  const start = (): void => {
    const started = spawnSync(DOVECOT, ['-c', conf], { encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`dovecot did not start (${started.status}): ${started.stderr}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`);
  };
  const stop = (): void => {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    // The master removes its pid file once its children are gone; wait for it (briefly).
    const until = Date.now() + 5_000;
    while (existsSync(pidFile) && Date.now() < until) spawnSync('sleep', ['0.05']);
  };
  start();
  running.add(stop);
  t.teardown(() => {
    stop();
    running.delete(stop);
  });
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  const home = (user: string): string => join(mailRoot, user);

  const client = async (account: DovecotAccount): Promise<ImapFlow> => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: true, auth: { user: account.user, pass: account.password }, tls: { ca: [cert] }, logger: false });
    await imap.connect();
    return imap;
  };

  return {
    host: '127.0.0.1',
    port,
    starttlsPort,
    cert,
    addUser(user, password) {
      writeFileSync(passwd, `${readFileSync(passwd, 'utf8')}${user}:{PLAIN}${password}:${runAs.uid}:${runAs.gid}::${home(user)}::\n`);
      return { user, password };
    },
    async deliver(account, raw) {
      const imap = await client(account);
      try {
        const appended = await imap.append('INBOX', raw);
        if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
        return appended.uid;
      } finally {
        await imap.logout();
      }
    },
    client,
    recreateInbox(account) {
      rmSync(home(account.user), { recursive: true, force: true });
    },
    stop,
    start,
  };
}
