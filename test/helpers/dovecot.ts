// A private Dovecot IMAP server for the mailbox tests: its own configuration, sockets, state and
// maildirs in a temp directory, on a free loopback port, TLS only (ssl = required, a self-signed
// certificate for 127.0.0.1 the tests hand to Spinney as the mailbox's CA). One account per call
// of addUser. Messages arrive by IMAP APPEND, as a delivery agent would put them. Stopped at test
// teardown, and on process exit should a test die first.
//
// Unprivileged: Dovecot runs as the current user (default_internal_user, default_login_user, the
// accounts' uid). Under root (CI containers), Dovecot refuses root for its login processes and
// mail processes, so those run as `nobody`, which then owns the mail directory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { connect, createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
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
  /** Stops the server (its port refuses connections) and waits for it to exit. */
  stop(): Promise<void>;
  start(): Promise<void>;
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

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

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
  // In the foreground (-F), as this process's child: no daemon to find again, killed with us.
  let master: ChildProcess | null = null;
  const log = (): string => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '');
  const start = async (): Promise<void> => {
    const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    master = child;
    const until = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`dovecot did not start (exit ${child.exitCode}): ${stderr}${log()}`);
      await delay(50);
    }
  };
  const stop = async (): Promise<void> => {
    const child = master;
    master = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const killNow = (): void => {
    master?.kill('SIGKILL');
  };
  await start();
  running.add(killNow);
  t.teardown(async () => {
    await stop();
    running.delete(killNow);
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
