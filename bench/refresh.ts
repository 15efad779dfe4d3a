// Benchmark 4: refresh-token rotation. 100 native clients ("chains") each refresh 10 times in a row
// over HTTP, every refresh using the token the previous one returned: 1,000 real rotations in a
// tenant database at concurrency 100. Prints the total wall time, req/s, p50/p99/max latency,
// the ratio against PocketBase's published 1,000 auth refreshes at concurrency 100 (348 ms, 2 vCPU)
// and against a bare Fastify + better-sqlite3 server doing one UPDATE + one INSERT per refresh,
// measured in alternating rounds. Each round uses fresh sessions (a fresh tenant for Spinney) and is
// checked afterwards: every response 200, and the tenant file holds chains × (length + 1) tokens.
// The client is node:http with a keep-alive agent (one socket per chain); `--client fetch` uses
// Node's global fetch instead, which costs this process ~3× more CPU per request and, on 2 cores,
// makes the client the bottleneck.
//
//   npm run bench:refresh [-- --chains 100 --length 10 --rounds 3 --warmup 3 --client http --log-level info --profile]
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startServer, type ServerChild } from './lib/child.js';
import { summarizeProfile } from './lib/profile.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    chains: { type: 'string', default: '100' },
    length: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    client: { type: 'string', default: 'http' },
    'log-level': { type: 'string', default: 'info' },
    profile: { type: 'boolean', default: false },
  },
});
const chains = Number(args.chains);
const length = Number(args.length);
const rounds = Math.max(1, Number(args.rounds));
const warmups = Math.max(0, Number(args.warmup));
const logLevel = args['log-level'];
const runs = warmups + rounds;
const client = args.client;
if (client !== 'http' && client !== 'fetch') throw new Error('--client is http or fetch');
const rotations = chains * length;

/** PocketBase v0.24.0-dev, "users - auth refresh (medium concurrency) [reqs:1000, conc:100]",
 * Hetzner CAX11 (2 vCPU ARM64, 4 GB), pure-Go SQLite: Completed 347.711918 ms
 * (github.com/pocketbase/benchmarks, results/hetzner_cax11.md). */
const POCKETBASE_MS = 348;

const TENANT_MIGRATIONS = new URL('../migrations/tenant/', import.meta.url);
const PATH = '/api/v1/auth/refresh';

interface Run {
  wallMs: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  /** Server CPU per refresh (µs), from /proc (10 ms ticks). */
  serverUsPerRefresh: number;
  /** This process's CPU per refresh (µs): the fetch client. */
  clientUsPerRefresh: number;
  /**
   * When the last chain's first refresh was answered (ms after the start). On new connections
   * this shows the accept queue: libuv accepts one connection per event-loop turn.
   */
  lastFirstAnswerMs: number;
}

const sha256 = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();
const secretOf = (token: string): string => token.slice(token.indexOf('.') + 1);

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}
const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
const ms = (value: number): string => value.toFixed(1);

interface Answer {
  status: number;
  body: { refreshToken?: unknown; accessToken?: unknown };
}
type Post = (json: string) => Promise<Answer>;

/** POSTs JSON to one server: node:http over a keep-alive agent, or the global fetch. */
function poster(server: ServerChild): { post: Post; close(): void } {
  const url = new URL(PATH, server.url);
  if (client === 'fetch') {
    return {
      post: async (json) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
        return { status: response.status, body: (await response.json()) as Answer['body'] };
      },
      close: () => undefined,
    };
  }
  const agent = new Agent({ keepAlive: true, maxSockets: chains });
  const post: Post = (json) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(json);
    });
  return { post, close: () => agent.destroy() };
}

/**
 * Drives `chains` clients at once; each POSTs its token, reads the JSON answer and sends the token
 * it got back, `length` times. Returns the timings and each chain's last token.
 */
async function drive(server: ServerChild, post: Post, initial: string[], expectAccessToken: boolean): Promise<{ run: Run; finals: string[] }> {
  const latencies = new Float64Array(initial.length * length);
  let done = 0;
  const failures: string[] = [];
  const finals: string[] = [];
  const serverCpuBefore = server.cpuSeconds();
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  let lastFirstAnswer = 0;
  await Promise.all(
    initial.map(async (first, chain) => {
      let token = first;
      for (let step = 0; step < length; step += 1) {
        const sent = performance.now();
        let answer: Answer;
        try {
          answer = await post(JSON.stringify({ refreshToken: token }));
        } catch (err) {
          failures.push(`chain ${chain} step ${step}: ${err instanceof Error ? err.message : String(err)}`);
          return;
        }
        const answered = performance.now();
        latencies[done] = answered - sent;
        done += 1;
        if (step === 0) lastFirstAnswer = Math.max(lastFirstAnswer, answered - started);
        const { status, body } = answer;
        if (status !== 200 || typeof body.refreshToken !== 'string' || (expectAccessToken && typeof body.accessToken !== 'string')) {
          failures.push(`chain ${chain} step ${step}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
          return;
        }
        token = body.refreshToken;
      }
      finals[chain] = token;
    }),
  );
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpu = server.cpuSeconds() - serverCpuBefore;
  if (failures.length > 0) {
    throw new Error(`${failures.length} refreshes failed — the numbers are not valid; first: ${failures.slice(0, 3).join('; ')}`);
  }
  const sorted = latencies.slice(0, done).sort();
  return {
    run: {
      wallMs,
      reqPerSec: (done / wallMs) * 1000,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1] as number,
      serverUsPerRefresh: (serverCpu * 1e6) / done,
      clientUsPerRefresh: (clientCpu.user + clientCpu.system) / done,
      lastFirstAnswerMs: lastFirstAnswer,
    },
    finals,
  };
}

/**
 * Reads the rows back: `expected` token rows (the initial ones plus one per rotation), all but
 * one per chain rotated, and each chain's last token present, unrotated, at generation `length`.
 */
function verifyTokens(name: string, dbPath: string, finals: string[], sessionGlob: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const counts = db
      .prepare('SELECT count(*) AS total, count(rotated_at) AS rotated FROM refresh_tokens WHERE session_id GLOB ?')
      .get(sessionGlob) as { total: number; rotated: number };
    const expected = chains * (length + 1);
    if (counts.total !== expected || counts.rotated !== rotations) {
      throw new Error(`${name}: ${counts.total} refresh_tokens rows (${counts.rotated} rotated), expected ${expected} (${rotations} rotated)`);
    }
    const byHash = db.prepare('SELECT generation, rotated_at FROM refresh_tokens WHERE token_hash = ?');
    for (const token of finals) {
      const row = byHash.get(sha256(secretOf(token))) as { generation: number; rotated_at: string | null } | undefined;
      if (!row || row.rotated_at !== null || row.generation !== length) {
        throw new Error(`${name}: a chain's last token is not the live generation-${length} row (${JSON.stringify(row)})`);
      }
    }
    return counts.total;
  } finally {
    db.close();
  }
}

const describeRun = (name: string, r: Run): string =>
  `${name}: ${rotations} rotations (${chains} × ${length}) in ${ms(r.wallMs)} ms = ${Math.round(r.reqPerSec)} req/s; ` +
  `latency p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms; ` +
  `CPU per refresh: server ${Math.round(r.serverUsPerRefresh)} µs, client ${Math.round(r.clientUsPerRefresh)} µs; ` +
  `every chain's first refresh answered by ${ms(r.lastFirstAnswerMs)} ms`;

const runJson = (r: Run) => ({
  wallMs: Number(ms(r.wallMs)),
  reqPerSec: Math.round(r.reqPerSec),
  p50Ms: Number(ms(r.p50)),
  p99Ms: Number(ms(r.p99)),
  maxMs: Number(ms(r.max)),
  serverUsPerRefresh: Math.round(r.serverUsPerRefresh),
  clientUsPerRefresh: Math.round(r.clientUsPerRefresh),
  lastFirstAnswerMs: Number(ms(r.lastFirstAnswerMs)),
});

const { dir, profileDir, keepProfiles, cleanup } = benchWorkdir('refresh', args.profile);
const children: ServerChild[] = [];
const clients: { close(): void }[] = [];

try {
  // Spinney's data: one tenant per run (warm-ups included), each with `chains` native sessions,
  // started through the same Sessions service the sign-in routes use.
  const spinney = await loadSpinney();
  const dataDir = join(dir, 'spinney');
  const env = spinneyEnv(dataDir, { SPINNEY_LOG_LEVEL: logLevel, SPINNEY_RATE_LIMIT_SIGNIN: '0', SPINNEY_RATE_LIMIT: '0' });
  const { config } = spinney.loadConfig(env);
  const runtime = spinney.openRuntime(config);
  const spinneyRuns: { tenantId: string; tokens: string[] }[] = [];
  try {
    for (let r = 0; r < runs; r += 1) {
      const tenant = spinney.createTenant(runtime, { name: `Bench Refresh ${r}` });
      const tokens = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
        Array.from({ length: chains }, (_, c) =>
          runtime.sessions.start({ userId: `us_bench${c}`, role: 'member', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).refreshToken,
        ),
      );
      spinneyRuns.push({ tenantId: tenant.id, tokens });
    }
  } finally {
    runtime.close();
  }
  // Where src/tenancy/tenancy.ts keeps a tenant's file.
  const tenantDbPath = (tenantId: string): string => join(dataDir, 'tenants', tenantId, 'tenant.db');

  // The baseline's data: the tenant schema in one plain file, one set of sessions per run.
  mkdirSync(join(dir, 'bare'));
  const bareDbPath = join(dir, 'bare', 'tenant.db');
  const bareRuns: { glob: string; tokens: string[] }[] = [];
  {
    const db = new Database(bareDbPath);
    db.pragma('journal_mode = WAL');
    for (const file of readdirSync(TENANT_MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
      db.exec(readFileSync(new URL(file, TENANT_MIGRATIONS), 'utf8'));
    }
    const insertSession = db.prepare(
      `INSERT INTO sessions (id, user_id, role, provider, client_kind, device, ip, created_at, authenticated_at, last_seen_at, expires_at)
       VALUES (?, ?, 'member', 'bench', 'native', 'bench', NULL, ?, ?, ?, ?)`,
    );
    const insertToken = db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (?, ?, 0, ?)');
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 8 * 3600_000).toISOString();
    db.transaction(() => {
      for (let r = 0; r < runs; r += 1) {
        const tokens: string[] = [];
        for (let c = 0; c < chains; c += 1) {
          const id = `ss_b${r}_${c}`;
          const secret = createHash('sha256').update(`${id}:${Math.random()}`).digest('base64url');
          insertSession.run(id, `us_bench${c}`, now, now, now, later);
          insertToken.run(sha256(secret), id, now);
          tokens.push(secret);
        }
        bareRuns.push({ glob: `ss_b${r}_*`, tokens });
      }
    })();
    db.close();
  }

  const profiling = (name: string): { execArgv?: string[] } =>
    profileDir ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] } : {};
  const bareServer = await startServer(new URL('./servers/bare-refresh.ts', import.meta.url), { dbPath: bareDbPath, synchronous: config.sqliteSynchronous }, profiling('bare'));
  children.push(bareServer);
  const spinneyServer = await startServer(new URL('./servers/spinney.ts', import.meta.url), { env }, profiling('spinney'));
  children.push(spinneyServer);
  const bareClient = poster(bareServer);
  const spinneyClient = poster(spinneyServer);
  clients.push(bareClient, spinneyClient);

  const runBare = async (r: number): Promise<Run> => {
    const { tokens, glob } = bareRuns[r] as (typeof bareRuns)[number];
    const { run, finals } = await drive(bareServer, bareClient.post, tokens, false);
    verifyTokens('bare', bareDbPath, finals, glob);
    return run;
  };
  let spinneyRequests = 0;
  const runSpinney = async (r: number): Promise<{ run: Run; rows: number }> => {
    const { tenantId, tokens } = spinneyRuns[r] as (typeof spinneyRuns)[number];
    // Open the tenant's file (and cache its status) before the clock starts: a refresh with an
    // unknown secret for this tenant is a 401 that writes nothing.
    const open = await spinneyClient.post(JSON.stringify({ refreshToken: `${tenantId}.${'A'.repeat(43)}` }));
    if (open.status !== 401) throw new Error(`spinney: opening request got ${open.status}, expected 401`);
    const { run, finals } = await drive(spinneyServer, spinneyClient.post, tokens, true);
    spinneyRequests += 1 + rotations;
    const rows = verifyTokens('spinney', tenantDbPath(tenantId), finals, '*');
    return { run, rows };
  };

  console.log(
    `${chains} chains × ${length} refreshes at concurrency ${chains}, client ${client}, ${warmups} warm-up run(s), ${rounds} rounds; ` +
      `spinney from ${spinney.source}/, log ${logLevel}, rate limits off, SQLite synchronous=${config.sqliteSynchronous}`,
  );

  // Warm-ups: the same shape on their own sessions (JIT, statement caches, keep-alive connections).
  // The first is the cold server: a process that has answered nothing yet but the opening 401.
  let cold: Run | null = null;
  // The baseline's first run, for comparison: a cold bare server pays for its JIT and its new
  // connections too.
  let bareCold: Run | null = null;
  for (let r = 0; r < warmups; r += 1) {
    const bare = await runBare(r);
    const api = await runSpinney(r);
    cold ??= api.run;
    bareCold ??= bare;
    console.log(`warm-up ${r + 1}/${warmups}: bare ${ms(bare.wallMs)} ms, spinney ${ms(api.run.wallMs)} ms${r === 0 ? ' (cold server)' : ''}`);
  }

  const results: { bare: Run; api: Run; rows: number; ratio: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const r = warmups + round;
    console.log(`round ${round + 1}/${rounds}`);
    const bare = await runBare(r);
    console.log(`  ${describeRun('bare fastify+sqlite (UPDATE + INSERT)', bare)}`);
    const { run: api, rows } = await runSpinney(r);
    console.log(`  ${describeRun(`spinney POST ${PATH} (log ${logLevel})`, api)}`);
    const ratio = bare.wallMs / api.wallMs;
    console.log(
      `  checked: every response 200, tenant file holds ${rows} refresh_tokens rows; ` +
        `spinney/bare throughput ${ratio.toFixed(3)}; PocketBase ${POCKETBASE_MS} ms / spinney ${ms(api.wallMs)} ms = ${(POCKETBASE_MS / api.wallMs).toFixed(2)}×`,
    );
    results.push({ bare, api, rows, ratio });
    cold ??= api;
    bareCold ??= bare;
  }
  for (const c of clients) c.close();
  await bareServer.stop();
  await spinneyServer.stop();

  const apiWall = median(results.map((x) => x.api.wallMs));
  const apiP99 = median(results.map((x) => x.api.p99));
  const bareWall = median(results.map((x) => x.bare.wallMs));
  const ratio = median(results.map((x) => x.ratio));
  const vsPocketBase = POCKETBASE_MS / apiWall;
  console.log(
    `median of ${rounds}: spinney ${ms(apiWall)} ms total, p99 ${ms(apiP99)} ms; bare ${ms(bareWall)} ms; ` +
      `spinney/bare throughput ${ratio.toFixed(3)}; vs PocketBase's ${POCKETBASE_MS} ms: ${vsPocketBase.toFixed(2)}× ` +
      `(${apiWall < POCKETBASE_MS ? 'beaten' : 'NOT beaten'})`,
  );
  const coldRun = cold as Run;
  const bareColdRun = bareCold as Run;
  console.log(
    `cold server (its first run): spinney ${ms(coldRun.wallMs)} ms total, p99 ${ms(coldRun.p99)} ms; vs PocketBase's ${POCKETBASE_MS} ms: ` +
      `${(POCKETBASE_MS / coldRun.wallMs).toFixed(2)}× (${coldRun.wallMs < POCKETBASE_MS ? 'beaten' : 'NOT beaten'}); ` +
      `the bare server's first run ${ms(bareColdRun.wallMs)} ms (spinney/bare ${(bareColdRun.wallMs / coldRun.wallMs).toFixed(2)}); ` +
      `every chain's first refresh answered by ${ms(coldRun.lastFirstAnswerMs)} ms (bare ${ms(bareColdRun.lastFirstAnswerMs)} ms): ` +
      `new connections are accepted one per event-loop turn`,
  );

  if (profileDir) {
    for (const [name, requests] of [
      ['bare', runs * rotations],
      ['spinney', spinneyRequests],
    ] as const) {
      const file = readdirSync(join(profileDir, name)).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no .cpuprofile written to ${join(profileDir, name)}`);
      // The profile spans start-up, warm-ups and every round.
      console.log(`\n--- ${name} server profile ---\n${summarizeProfile(join(profileDir, name, file), requests).text}`);
    }
    console.log(`\ncpu profiles kept in ${profileDir} (open them in Chrome DevTools → Performance)`);
    keepProfiles();
  }

  console.log(
    JSON.stringify({
      bench: 'refresh',
      source: spinney.source,
      chains,
      length,
      rotations,
      logLevel,
      client,
      profiled: profileDir !== null,
      pocketbaseMs: POCKETBASE_MS,
      spinneyWallMs: Number(ms(apiWall)),
      spinneyP99Ms: Number(ms(apiP99)),
      bareWallMs: Number(ms(bareWall)),
      ratio: Number(ratio.toFixed(3)),
      vsPocketBase: Number(vsPocketBase.toFixed(2)),
      cold: runJson(coldRun),
      bareCold: runJson(bareColdRun),
      rounds: results.map((x) => ({ bare: runJson(x.bare), spinney: runJson(x.api), rows: x.rows })),
    }),
  );
} finally {
  for (const c of clients) c.close();
  for (const child of children) await child.stop();
  cleanup();
}
