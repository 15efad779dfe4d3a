// Benchmark 1: what Spinney's request pipeline costs on top of Fastify + better-sqlite3.
//   (a) bare: Fastify, no plugins, one prepared `SELECT * FROM contacts WHERE id = ?` (and for
//       writes one `INSERT INTO contacts`, same WAL and `synchronous` as Spinney's files)
//   (b) spinney: GET /api/v1/contacts/:contactId with a valid token (auth, tenant status check,
//       tenant scope, validation, serialization, helmet, request log at 'info' to /dev/null), and
//       POST /api/v1/contacts (the same, plus the body, the insert and its audit row in one transaction)
//   (c) pg-rls: the shared-table design, Fastify + the same token check + one PostgreSQL
//       transaction per request on a table with Row-Level Security (bench/servers/pg-rls.ts), on a
//       private cluster this bench creates and removes (skipped when PostgreSQL is not installed)
// Each server runs in its own child process; autocannon runs here. For each connection count it
// prints all three, the ratios b/a and b/c, each target as met or not, and one JSON line at the end.
//
//   npm run bench:read [-- --duration 10 --warmup 3 --connections 32,100 --log-level info --synchronous NORMAL|FULL --reads-only|--writes-only --profile]
//                      [--node 24|<path to node>] [--skip-pg] [--pg-tenants 1000 --pg-contacts 10 --pg-pool 10]
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startServer, type ServerChild, type ServerNode } from './lib/child.js';
import { assertClean, describe, runLoad, summaryJson, type LoadSummary } from './lib/load.js';
import { serverNode } from './lib/node.js';
import { postgresBinDir, startCluster, type PgCluster } from './lib/postgres.js';
import { summarizeProfile } from './lib/profile.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    // Comma-separated: every count is measured, reads and writes, in its own alternating rounds.
    connections: { type: 'string', default: '32,100' },
    'reads-only': { type: 'boolean', default: false },
    // Only the writes (with --profile: profile the write path instead of the read path).
    'writes-only': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    // SQLite's durability for Spinney and the bare server (and PostgreSQL's synchronous_commit to match).
    synchronous: { type: 'string', default: 'NORMAL' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    // Run the three servers on another Node: `24` (the release's, see bench/lib/node.ts) or a path.
    node: { type: 'string' },
    'skip-pg': { type: 'boolean', default: false },
    // The Postgres-RLS table: tenants × contacts per tenant rows, and the server's pool size.
    'pg-tenants': { type: 'string', default: '1000' },
    'pg-contacts': { type: 'string', default: '10' },
    'pg-pool': { type: 'string', default: '10' },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connectionCounts = (args.connections ?? '32,100').split(',').map(Number);
if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`--connections: counts like 32,100, not ${args.connections}`);
const logLevel = args['log-level'];
const synchronous = args.synchronous ?? 'NORMAL';
if (synchronous !== 'NORMAL' && synchronous !== 'FULL') throw new Error(`--synchronous: NORMAL or FULL, not ${synchronous}`);
// Load on this machine drifts by ±20% over a minute, so the servers are measured in alternating
// rounds and the median of the per-round ratios is reported (a profile covers one round only).
const rounds = args.profile ? 1 : Math.max(1, Number(args.rounds));
const pgTenants = Number(args['pg-tenants']);
const pgContacts = Number(args['pg-contacts']);
const pgPool = Number(args['pg-pool']);
for (const [name, value] of [['--pg-tenants', pgTenants], ['--pg-contacts', pgContacts], ['--pg-pool', pgPool]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: a whole number ≥ 1`);
}
const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Measured {
  summary: LoadSummary;
  warmupRequests: number;
}

const TENANT_MIGRATIONS = new URL('../migrations/tenant/', import.meta.url);
const CONTACT = {
  name: 'Dana Whitfield',
  email: 'dana@whitfield-roofing.example',
  phone: '+1 555 0100',
  company: 'Whitfield Roofing',
  notes: 'Prefers calls after 4pm.',
};

const { dir, profileDir, keepProfiles, onCleanup, cleanup } = benchWorkdir('read', args.profile);
const children: ServerChild[] = [];

try {
  const loadAtStart = loadAverage();
  console.log(`load average at start: ${loadAtStart}`);
  // The servers' Node; autocannon and the setup stay on this one.
  const node: ServerNode | null = args.node ? await serverNode(args.node) : null;
  console.log(`servers on Node ${node ? `${node.version} (${node.execPath}${node.sqliteAddon ? `, better-sqlite3 addon ${node.sqliteAddon}` : ''})` : process.version}`);

  // Spinney's data: one tenant, one contact, one token — through the same services the API uses.
  const spinney = await loadSpinney();
  const env = spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: logLevel, SPINNEY_SQLITE_SYNCHRONOUS: synchronous });
  const { config } = spinney.loadConfig(env);
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Bench Roofing' });
  const { contact, token, writerToken } = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => ({
    contact: spinney.createContact(CONTACT),
    token: runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken,
    writerToken: runtime.sessions.start({ userId: 'us_writer', role: 'member', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken,
  }));
  runtime.close();

  // The baseline's data: the same schema and the same row in a plain file.
  mkdirSync(join(dir, 'bare'));
  const dbPath = join(dir, 'bare', 'contacts.db');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  for (const file of readdirSync(TENANT_MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    db.exec(readFileSync(new URL(file, TENANT_MIGRATIONS), 'utf8'));
  }
  db.prepare(
    `INSERT INTO contacts (id, name, email, phone, company, notes, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @name, @email, @phone, @company, @notes, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  ).run(contact);
  db.close();

  // The Postgres-RLS baseline's data: the same row in the served tenant, among other tenants' rows.
  // Its durability matches the SQLite files': WAL with synchronous=NORMAL flushes at checkpoints, not
  // at commit (fsync on, synchronous_commit off); FULL flushes at commit (synchronous_commit on).
  let cluster: PgCluster | null = null;
  let pgData = { rows: 0, database: '', user: '' };
  const pgBin = args['skip-pg'] ? null : postgresBinDir();
  if (args['skip-pg']) console.log('postgres-rls baseline skipped (--skip-pg)');
  else if (!pgBin) console.log('postgres-rls baseline skipped: no PostgreSQL server under /usr/lib/postgresql/<version>/bin (Debian package `postgresql`)');
  else {
    const started = startCluster(pgBin, join(dir, 'pg'), { synchronousCommit: config.sqliteSynchronous === 'FULL' ? 'on' : 'off', maxConnections: pgPool + 10 });
    onCleanup(() => started.stop());
    cluster = started;
    const { loadRlsContacts } = await import('./lib/pg-rls.js');
    pgData = await loadRlsContacts(cluster, { tenantId: tenant.id, contact, tenants: pgTenants, perTenant: pgContacts });
    const settings = Object.entries(cluster.settings).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`postgres-rls: ${cluster.version}, ${pgData.rows} rows in ${pgTenants} tenants, pool ${pgPool}; ${settings}`);
  }

  const path = `/api/v1/contacts/${contact.id}`;
  const postBody = JSON.stringify(CONTACT);
  const jsonHeaders = { 'content-type': 'application/json' };
  type Kind = 'read' | 'write';
  const measure = async (name: string, server: ServerChild, kind: Kind, connections: number, auth: Record<string, string>): Promise<Measured> => {
    const request = kind === 'read' ? { url: `${server.url}${path}`, headers: auth } : { url: `${server.url}/api/v1/contacts`, method: 'POST' as const, body: postBody, headers: { ...auth, ...jsonHeaders } };
    const check = await fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, ...(request.body ? { body: request.body } : {}) });
    const body = (await check.json()) as { id?: string };
    const expected = kind === 'read' ? check.status === 200 && body.id === contact.id : check.status === 201 && typeof body.id === 'string';
    if (!expected) throw new Error(`${name}: sanity request got ${check.status}`);
    const warm = await runLoad({ ...request, connections, duration: warmup }, server);
    assertClean(`${name} warm-up`, warm);
    const summary = await runLoad({ ...request, connections, duration }, server);
    assertClean(name, summary);
    console.log(describe(name, summary));
    return { summary, warmupRequests: warm.total };
  };

  // With --profile each server writes a .cpuprofile into its own directory when it exits.
  const profiling = (name: string): { execArgv?: string[] } =>
    profileDir ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] } : {};
  const profileOf = (name: string, requests: number): ReturnType<typeof summarizeProfile> | null => {
    if (!profileDir) return null;
    const file = readdirSync(join(profileDir, name)).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile written to ${join(profileDir, name)}`);
    return summarizeProfile(join(profileDir, name, file), requests);
  };

  const bareServer = await startServer(new URL('./servers/bare.ts', import.meta.url), { dbPath, synchronous: config.sqliteSynchronous }, { ...profiling('bare'), node });
  children.push(bareServer);
  const spinneyServer = await startServer(new URL('./servers/spinney.ts', import.meta.url), { env }, { ...profiling('spinney'), node });
  children.push(spinneyServer);
  let pgServer: ServerChild | null = null;
  if (cluster) {
    const pgCluster = cluster;
    const signing = config.keys.signing.current();
    const child = await startServer(
      new URL('./servers/pg-rls.ts', import.meta.url),
      {
        socketDir: pgCluster.socketDir,
        port: pgCluster.port,
        database: pgData.database,
        user: pgData.user,
        poolSize: pgPool,
        key: signing.key.toString('base64'),
        issuer: config.tokens.issuer,
        audience: config.tokens.audience,
        algorithm: spinney.ACCESS_TOKEN_ALGORITHM,
        requiredClaims: spinney.REQUIRED_CLAIMS,
      },
      { node },
    );
    children.push(child);
    // Its CPU per request includes the PostgreSQL processes that did the work.
    pgServer = { ...child, cpuSeconds: () => child.cpuSeconds() + pgCluster.cpuSeconds() };
  }

  interface Round {
    bare: Measured;
    api: Measured;
    ratio: number;
    cpuRatio: number;
    p99Ratio: number;
    /** Spinney against Postgres-RLS, when that baseline runs. */
    pg: { run: Measured; ratio: number; cpuRatio: number } | null;
  }
  interface Series {
    kind: Kind;
    connections: number;
    rounds: Round[];
    median: Round;
  }
  const cpuPerRequest = (m: Measured) => (m.summary.serverCpu * duration) / m.summary.total;
  const medianOf = (values: number[]): number => values.sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
  // Spinney / Postgres-RLS of a series: the median of its rounds' ratios, and the round that gave it.
  const pgOf = (all: Round[]): { ratio: number; ratios: string[]; cpuRatio: number; median: Measured } | null => {
    const pgRounds = all.flatMap((r) => (r.pg ? [r.pg] : []));
    if (pgRounds.length === 0) return null;
    const ratio = medianOf(pgRounds.map((p) => p.ratio));
    return {
      ratio,
      ratios: pgRounds.map((p) => p.ratio.toFixed(2)),
      cpuRatio: medianOf(pgRounds.map((p) => p.cpuRatio)),
      median: (pgRounds.find((p) => p.ratio === ratio) as NonNullable<Round['pg']>).run,
    };
  };
  const series: Series[] = [];
  const kinds: Kind[] = args['writes-only'] ? ['write'] : args['reads-only'] || args.profile ? ['read'] : ['read', 'write'];
  for (const kind of kinds) {
    // A profile covers one series (its requests are counted from it).
    for (const connections of args.profile ? connectionCounts.slice(0, 1) : connectionCounts) {
      const roundsOf: Round[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        console.log(`${kind}s, ${connections} connections, round ${round}/${rounds}`);
        const what = kind === 'read' ? `GET /contacts/:id` : `POST /contacts`;
        const bareRun = await measure(`bare fastify+sqlite ${what}`, bareServer, kind, connections, {});
        const apiRun = await measure(`spinney ${what} (log ${logLevel})`, spinneyServer, kind, connections, { authorization: `Bearer ${kind === 'read' ? token : writerToken}` });
        const ratio = apiRun.summary.reqPerSec / bareRun.summary.reqPerSec;
        // Server CPU per request, bare over spinney: the same ratio without the load generator's share.
        const cpuRatio = cpuPerRequest(bareRun) / cpuPerRequest(apiRun);
        const p99Ratio = apiRun.summary.p99 / bareRun.summary.p99;
        console.log(`  ratio ${ratio.toFixed(3)} (req/s), ${cpuRatio.toFixed(3)} (server CPU per request); p99 spinney/bare ${p99Ratio.toFixed(2)}`);
        let pg: Round['pg'] = null;
        if (pgServer) {
          const pgRun = await measure(`postgres-rls ${what}`, pgServer, kind, connections, { authorization: `Bearer ${kind === 'read' ? token : writerToken}` });
          pg = { run: pgRun, ratio: apiRun.summary.reqPerSec / pgRun.summary.reqPerSec, cpuRatio: cpuPerRequest(pgRun) / cpuPerRequest(apiRun) };
          console.log(`  spinney/postgres-rls ${pg.ratio.toFixed(3)} (req/s), ${pg.cpuRatio.toFixed(3)} (server + PostgreSQL CPU per request)`);
        }
        roundsOf.push({ bare: bareRun, api: apiRun, ratio, cpuRatio, p99Ratio, pg });
      }
      const median = medianOf(roundsOf.map((r) => r.ratio));
      series.push({ kind, connections, rounds: roundsOf, median: roundsOf.find((r) => r.ratio === median) as Round });
    }
  }
  await bareServer.stop();
  await spinneyServer.stop();
  await pgServer?.stop();

  // The issue's targets, each from this run: the median round of each series.
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  console.log('\ntargets (median round of each series):');
  for (const { kind, connections, rounds: all, median } of series) {
    const ratios = all.map((r) => r.ratio.toFixed(2)).join(', ');
    const p99 = medianOf(all.map((r) => r.p99Ratio));
    const cpu = medianOf(all.map((r) => r.cpuRatio));
    if (kind === 'read') {
      console.log(
        `  read  -c ${connections}: spinney/bare ${median.ratio.toFixed(3)} (rounds ${ratios}; by server CPU ${cpu.toFixed(3)}) — target ≥ 0.75 ${met(median.ratio >= 0.75)}; ` +
          `p99 ${median.api.summary.p99.toFixed(2)} vs ${median.bare.summary.p99.toFixed(2)} ms = ${p99.toFixed(2)}× — target ≤ 2× ${met(p99 <= 2)}`,
      );
    } else {
      const perSecond = median.api.summary.reqPerSec;
      console.log(
        `  write -c ${connections}: spinney ${perSecond.toFixed(0)}/s — target ≥ 3,000/s ${met(perSecond >= 3000)}; spinney/bare insert ${median.ratio.toFixed(3)} ` +
          `(rounds ${ratios}; by server CPU ${cpu.toFixed(3)}) — target ≥ 0.5 ${met(median.ratio >= 0.5)}; p99 ${median.api.summary.p99.toFixed(2)} vs ${median.bare.summary.p99.toFixed(2)} ms`,
      );
    }
    const pg = pgOf(all);
    if (pg) {
      const which = kind === 'read' ? 'read ' : 'write';
      const target = kind === 'read' ? `target ≥ 3 ${met(pg.ratio >= 3)}` : 'no target in issue 20';
      console.log(
        `  ${which} -c ${connections}: spinney/postgres-rls ${pg.ratio.toFixed(3)} (rounds ${pg.ratios.join(', ')}; by server + PostgreSQL CPU ${pg.cpuRatio.toFixed(3)}) — ${target}; ` +
          `postgres-rls ${pg.median.summary.reqPerSec.toFixed(0)}/s, p99 ${pg.median.summary.p99.toFixed(2)} ms`,
      );
    }
  }
  const first = series[0] as Series;
  const { summary: bare, warmupRequests: bareWarmup } = first.median.bare;
  const { summary: api, warmupRequests } = first.median.api;

  // A profile spans start-up, the sanity request, warm-up and measurement.
  const bareProfile = profileOf('bare', bare.total + bareWarmup + 1);
  const apiProfile = profileOf('spinney', api.total + warmupRequests + 1);
  if (bareProfile && apiProfile) {
    console.log(`\n--- bare server profile ---\n${bareProfile.text}`);
    console.log(`\n--- spinney server profile ---\n${apiProfile.text}\n`);
    console.log(`cpu profiles kept in ${profileDir} (open them in Chrome DevTools → Performance)`);
    keepProfiles();
  }

  const pgJson = (pg: ReturnType<typeof pgOf>) =>
    pg
      ? { pgRls: summaryJson(pg.median.summary), pgRlsRatio: Number(pg.ratio.toFixed(3)), pgRlsRounds: pg.ratios.map(Number), pgRlsCpuRatio: Number(pg.cpuRatio.toFixed(3)) }
      : {};
  console.log(`load average at end: ${loadAverage()}`);
  console.log(
    JSON.stringify({
      bench: 'read',
      source: spinney.source,
      node: node?.version ?? process.version,
      loadAverage: { start: loadAtStart, end: loadAverage() },
      postgres: cluster ? { version: cluster.version, rows: pgData.rows, tenants: pgTenants, pool: pgPool, settings: cluster.settings } : null,
      durationS: duration,
      logLevel,
      synchronous,
      profiled: profileDir !== null,
      series: series.map(({ kind, connections, rounds: all, median }) => ({
        kind,
        connections,
        bare: summaryJson(median.bare.summary),
        spinney: summaryJson(median.api.summary),
        ratio: Number(median.ratio.toFixed(3)),
        rounds: all.map((r) => Number(r.ratio.toFixed(3))),
        cpuRatio: Number(medianOf(all.map((r) => r.cpuRatio)).toFixed(3)),
        p99Ratio: Number(medianOf(all.map((r) => r.p99Ratio)).toFixed(2)),
        ...pgJson(pgOf(all)),
      })),
    }),
  );
} finally {
  for (const child of children) await child.stop();
  cleanup();
}
