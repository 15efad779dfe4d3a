// A private PostgreSQL cluster for one bench run: initdb into a directory inside the bench's temp
// dir, reachable only through a unix socket in that directory (no TCP), stopped with
// `pg_ctl stop -m fast` before the temp dir is removed (on Ctrl-C and on failure too, through the
// workdir's cleanup). PostgreSQL refuses to run as root, so as root the cluster runs as the
// `postgres` user (which Debian's package creates), else `nobody`.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's `postgresql` package puts the server binaries, one directory per major version. */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const PORT = 5432; // only names the socket file: nothing listens on TCP

/** The newest installed server's bin directory, or null when none is installed. */
export function postgresBinDir(): string | null {
  if (!existsSync(DEBIAN_PG_ROOT)) return null;
  const versions = readdirSync(DEBIAN_PG_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN_PG_ROOT, v, 'bin', 'initdb')) && existsSync(join(DEBIAN_PG_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_PG_ROOT, versions[0], 'bin') : null;
}

export interface ClusterSettings {
  /** `off` matches SQLite's WAL + synchronous=NORMAL (commit before the WAL flush), `on` matches FULL. */
  synchronousCommit: 'on' | 'off';
  maxConnections: number;
}

export interface PgCluster {
  /** The unix socket's directory: node-postgres takes it as `host`. */
  socketDir: string;
  port: number;
  version: string;
  /** The settings written to postgresql.conf, for the report. */
  settings: Record<string, string>;
  /**
   * CPU seconds the cluster has used: the postmaster, its live children (the pool's backends, the
   * WAL writer, …) and the children it has already reaped, so a server child's CPU plus this is
   * what one request cost the machine.
   */
  cpuSeconds(): number;
  /** Fast shutdown, waiting for it; a no-op once stopped. */
  stop(): void;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** /proc/<pid>/stat fields after the command name (which may hold spaces): [0] is state, [1] ppid. */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

/** The uid/gid to run PostgreSQL as: ourselves, or an unprivileged system user when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[0] === name);
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

/** initdb + pg_ctl start into `dir` (created; its parent must exist). Throws when a step fails. */
export function startCluster(binDir: string, dir: string, settings: ClusterSettings): PgCluster {
  const user = runAs();
  mkdirSync(dir, { mode: 0o700 });
  if (user) {
    // The unprivileged user must reach the directory: the temp dir above it becomes traversable
    // (not listable), the cluster's own directory is that user's.
    chmodSync(join(dir, '..'), 0o711);
    chownSync(dir, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]): string =>
    execFileSync(join(binDir, tool), args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
      ...(user ?? {}),
    });

  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const conf: Record<string, string> = {
    listen_addresses: "''",
    unix_socket_directories: `'${dir}'`,
    unix_socket_permissions: '0700',
    port: String(PORT),
    max_connections: String(settings.maxConnections),
    fsync: 'on',
    synchronous_commit: settings.synchronousCommit,
    full_page_writes: 'on',
  };
  const confFile = join(data, 'postgresql.conf');
  writeFileSync(confFile, `${readFileSync(confFile, 'utf8')}\n# bench:read\n${Object.entries(conf).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`);
  const version = run('postgres', ['--version']).trim();
  const log = join(dir, 'server.log');
  try {
    run('pg_ctl', ['start', '-w', '-s', '-D', data, '-l', log]);
  } catch (error) {
    // A start that timed out may still leave a server running.
    try {
      run('pg_ctl', ['stop', '-w', '-s', '-m', 'immediate', '-D', data]);
    } catch {
      // not running
    }
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-10).join('\n') : '';
    throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${tail}`);
  }

  const postmaster = (readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '').trim();
  let running = true;
  return {
    socketDir: dir,
    port: PORT,
    version,
    settings: conf,
    cpuSeconds() {
      // utime, stime are fields 14, 15 of stat; cutime, cstime 16, 17 (reaped children).
      const own = statFields(postmaster);
      if (!own) return NaN;
      let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const fields = statFields(pid);
        if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      }
      return ticks / CLOCK_TICKS;
    },
    stop() {
      if (!running) return;
      running = false;
      run('pg_ctl', ['stop', '-w', '-s', '-m', 'fast', '-D', data]);
    },
  };
}
