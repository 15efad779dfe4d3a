// Benchmark 1: what Spinney's request pipeline costs on top of Fastify + better-sqlite3.
//   (a) bare: Fastify, no plugins, one prepared `SELECT * FROM contacts WHERE id = ?`
//   (b) spinney: GET /api/v1/contacts/:contactId with a valid token (auth, tenant status check,
//       tenant scope, validation, serialization, helmet, request log at 'info' to /dev/null)
// Each server runs in its own child process; autocannon runs here. Prints both, the ratio b/a,
// and one JSON line at the end.
//
//   npm run bench:read [-- --duration 10 --warmup 3 --connections 50 --log-level info --profile]
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
    connections: { type: 'string', default: '50' },
    'log-level': { type: 'string', default: 'info' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
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
  const { contact, token } = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => ({
    contact: spinney.createContact(CONTACT),
    token: runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken,
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
  const measure = async (name: string, server: ServerChild, headers: Record<string, string>): Promise<Measured> => {
    const check = await fetch(`${server.url}${path}`, { headers });
    const body = (await check.json()) as { id?: string };
    if (check.status !== 200 || body.id !== contact.id) throw new Error(`${name}: sanity request got ${check.status}`);
    const warm = await runLoad({ url: `${server.url}${path}`, connections, duration: warmup, headers }, server);
    assertClean(`${name} warm-up`, warm);
    const summary = await runLoad({ url: `${server.url}${path}`, connections, duration, headers }, server);
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

  const bareServer = await startServer(new URL('./servers/bare.ts', import.meta.url), { dbPath }, profiling('bare'));
  children.push(bareServer);
  const spinneyServer = await startServer(new URL('./servers/spinney.ts', import.meta.url), { env }, profiling('spinney'));
  children.push(spinneyServer);

  const results: { bare: Measured; api: Measured; ratio: number; cpuRatio: number }[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    if (rounds > 1) console.log(`round ${round}/${rounds}`);
    const bareRun = await measure('bare fastify+sqlite', bareServer, {});
    const apiRun = await measure(`spinney GET /contacts/:id (log ${logLevel})`, spinneyServer, { authorization: `Bearer ${token}` });
    const ratio = apiRun.summary.reqPerSec / bareRun.summary.reqPerSec;
    // Server CPU per request, bare over spinney: the same ratio without the load generator's share.
    const cpuPerRequest = (m: Measured) => (m.summary.serverCpu * duration) / m.summary.total;
    const cpuRatio = cpuPerRequest(bareRun) / cpuPerRequest(apiRun);
    console.log(`  ratio ${ratio.toFixed(3)} (req/s), ${cpuRatio.toFixed(3)} (server CPU per request)`);
    results.push({ bare: bareRun, api: apiRun, ratio, cpuRatio });
  }
  await bareServer.stop();
  await spinneyServer.stop();

  const median = results.map((r) => r.ratio).sort((x, y) => x - y)[Math.floor(results.length / 2)] as number;
  const medianRun = results.find((r) => r.ratio === median) as (typeof results)[number];
  const cpuMedian = results.map((r) => r.cpuRatio).sort((x, y) => x - y)[Math.floor(results.length / 2)] as number;
  const { summary: bare, warmupRequests: bareWarmup } = medianRun.bare;
  const { summary: api, warmupRequests } = medianRun.api;
  const ratio = median;
  console.log(
    `ratio spinney/bare: ${ratio.toFixed(3)} median of ${rounds} (rounds: ${results.map((r) => r.ratio.toFixed(2)).join(', ')}); ` +
      `server CPU per request: ${cpuMedian.toFixed(3)} (target ≥ 0.75: ${ratio >= 0.75 ? 'met' : 'NOT met'})`,
  );

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
      connections,
      durationS: duration,
      logLevel,
      profiled: profileDir !== null,
      bare: summaryJson(bare),
      spinney: summaryJson(api),
      ratio: Number(ratio.toFixed(3)),
      rounds: results.map((r) => Number(r.ratio.toFixed(3))),
      cpuRatio: Number(cpuMedian.toFixed(3)),
    }),
  );
} finally {
  for (const child of children) await child.stop();
  cleanup();
}
