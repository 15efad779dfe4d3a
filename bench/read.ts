// Benchmark 1: what Spinney's request pipeline costs on top of Fastify + better-sqlite3.
//   (a) bare: Fastify, no plugins, one prepared `SELECT * FROM contacts WHERE id = ?` (and for
//       writes one `INSERT INTO contacts`, same WAL and `synchronous` as Spinney's files)
//   (b) spinney: GET /api/v1/contacts/:contactId with a valid token (auth, tenant status check,
//       tenant scope, validation, serialization, helmet, request log at 'info' to /dev/null), and
//       POST /api/v1/contacts (the same, plus the body, the insert and its audit row in one transaction)
// Each server runs in its own child process; autocannon runs here. For each connection count it
// prints both, the ratios b/a, each target as met or not, and one JSON line at the end.
//
//   npm run bench:read [-- --duration 10 --warmup 3 --connections 32,100 --log-level info --reads-only|--writes-only --profile]
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startServer, type ServerChild } from './lib/child.js';
import { assertClean, describe, runLoad, summaryJson, type LoadSummary } from './lib/load.js';
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
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connectionCounts = (args.connections ?? '32,100').split(',').map(Number);
if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`--connections: counts like 32,100, not ${args.connections}`);
const logLevel = args['log-level'];
// Load on this machine drifts by ±20% over a minute, so the two servers are measured in alternating
// rounds and the median of the per-round ratios is reported (a profile covers one round only).
const rounds = args.profile ? 1 : Math.max(1, Number(args.rounds));

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

const { dir, profileDir, keepProfiles, cleanup } = benchWorkdir('read', args.profile);
const children: ServerChild[] = [];

try {
  // Spinney's data: one tenant, one contact, one token — through the same services the API uses.
  const spinney = await loadSpinney();
  const env = spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: logLevel });
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

  const bareServer = await startServer(new URL('./servers/bare.ts', import.meta.url), { dbPath, synchronous: config.sqliteSynchronous }, profiling('bare'));
  children.push(bareServer);
  const spinneyServer = await startServer(new URL('./servers/spinney.ts', import.meta.url), { env }, profiling('spinney'));
  children.push(spinneyServer);

  interface Round {
    bare: Measured;
    api: Measured;
    ratio: number;
    cpuRatio: number;
    p99Ratio: number;
  }
  interface Series {
    kind: Kind;
    connections: number;
    rounds: Round[];
    median: Round;
  }
  const cpuPerRequest = (m: Measured) => (m.summary.serverCpu * duration) / m.summary.total;
  const medianOf = (values: number[]): number => values.sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
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
        roundsOf.push({ bare: bareRun, api: apiRun, ratio, cpuRatio, p99Ratio });
      }
      const median = medianOf(roundsOf.map((r) => r.ratio));
      series.push({ kind, connections, rounds: roundsOf, median: roundsOf.find((r) => r.ratio === median) as Round });
    }
  }
  await bareServer.stop();
  await spinneyServer.stop();

  // The targets, each from this run: the median round of each series.
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

  console.log(
    JSON.stringify({
      bench: 'read',
      source: spinney.source,
      durationS: duration,
      logLevel,
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
      })),
    }),
  );
} finally {
  for (const child of children) await child.stop();
  cleanup();
}
