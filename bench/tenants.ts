// Benchmark 2: many tenants, a bounded handle cache. Creates N tenants on disk (one contact each),
// starts Spinney in a child process with SPINNEY_TENANT_HANDLE_CACHE (256 by default), then
// reads one contact of a uniformly random tenant per request, so nearly every request opens a
// tenant file and evicts (closes) another. Reports latency, throughput, the server's peak RSS and
// the data directory's size on disk. The temporary directory is removed at the end.
//
//   npm run bench:tenants [-- --tenants 10000 --cache 256 --duration 15 --warmup 2 --connections 50 --profile]
//   npm run bench:tenants -- --data /var/tmp/spinney-tenants   # set up once, reuse in later runs
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { runWorker, startServer, type ServerChild } from './lib/child.js';
import { diskUsage, mib } from './lib/disk.js';
import { assertClean, describe, runLoad, summaryJson } from './lib/load.js';
import { summarizeProfile } from './lib/profile.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    tenants: { type: 'string', default: '10000' },
    cache: { type: 'string', default: '256' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'log-level': { type: 'string', default: 'info' },
    'setup-procs': { type: 'string', default: String(availableParallelism()) },
    profile: { type: 'boolean', default: false },
    // Keeps the data directory here between runs: setup (minutes on a busy machine) happens once.
    data: { type: 'string' },
  },
});
const tenantCount = Number(args.tenants);
const cacheSize = Number(args.cache);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const logLevel = args['log-level'];
const setupProcs = Math.max(1, Number(args['setup-procs']));

// --profile: the server writes a .cpuprofile into profileDir when it exits (kept; removed if the run fails).
const { dir, profileDir, keepProfiles, cleanup } = benchWorkdir('tenants', args.profile);
const dataDir = args.data ?? join(dir, 'data');
const manifestPath = join(dataDir, 'bench-tenants.json');
let server: ServerChild | null = null;

interface Target {
  path: string;
  authorization: string;
}

try {
  const spinney = await loadSpinney();
  // A day of idle time: a kept data directory's sessions must outlive the pauses between runs.
  const env = spinneyEnv(dataDir, { SPINNEY_LOG_LEVEL: logLevel, SPINNEY_TENANT_HANDLE_CACHE: String(cacheSize), SPINNEY_SESSION_IDLE_TIMEOUT: '86400' });
  type Created = { tenantId: string; contactId: string; sessionId: string };

  // Setup in parallel worker processes (see lib/setup-worker.ts), one per core by default: it is
  // mostly SQLite file creation and fsync; more processes only contend for control.db's write lock.
  // The control plane is migrated here first. A kept directory with the same count is reused.
  const setupStarted = performance.now();
  let created: Created[];
  const kept = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Created[]) : null;
  if (kept && kept.length === tenantCount) {
    created = kept;
    console.log(`setup: reusing ${tenantCount} tenants in ${dataDir}`);
  } else {
    if (kept) throw new Error(`${dataDir} holds ${kept.length} tenants, not ${tenantCount}: use another --data directory`);
    mkdirSync(dataDir, { recursive: true });
    spinney.openRuntime(spinney.loadConfig(env).config).close();
    const share = Math.ceil(tenantCount / setupProcs);
    const shares = await Promise.all(
      Array.from({ length: setupProcs }, (_, k) =>
        runWorker<Created[]>(new URL('./lib/setup-worker.ts', import.meta.url), {
          env,
          from: k * share,
          to: Math.min(tenantCount, (k + 1) * share),
        }),
      ),
    );
    created = shares.flat();
    if (args.data) writeFileSync(manifestPath, JSON.stringify(created));
    const setupMs = performance.now() - setupStarted;
    console.log(
      `setup: ${tenantCount} tenants with one contact each in ${(setupMs / 1000).toFixed(1)} s ` +
        `(${(setupMs / tenantCount).toFixed(2)} ms per tenant, ${setupProcs} processes)`,
    );
  }
  const setupMs = performance.now() - setupStarted;

  // Access tokens for the sessions the setup started, signed here as the server would sign them.
  const signStarted = performance.now();
  const accessTokens = new spinney.AccessTokens(spinney.loadConfig(env).config);
  const signedAt = Date.now();
  const targets: Target[] = created.map(({ tenantId, contactId, sessionId }) => ({
    path: `/api/v1/contacts/${contactId}`,
    authorization: `Bearer ${accessTokens.sign({ tid: tenantId, sub: 'us_bench', role: 'viewer', sid: sessionId }, signedAt)}`,
  }));
  console.log(`tokens: ${targets.length} signed in ${(performance.now() - signStarted).toFixed(0)} ms`);

  const before = diskUsage(dataDir);
  console.log(`disk: data dir ${mib(before.allocatedBytes)} on disk (${before.files} files, ${mib(before.bytes)} of file contents)`);

  server = await startServer(
    new URL('./servers/spinney.ts', import.meta.url),
    { env },
    profileDir ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {},
  );
  const running = server;
  const startRss = running.memory().rssKb;
  let peakRssKb = startRss;
  const sampler = setInterval(() => {
    peakRssKb = Math.max(peakRssKb, running.memory().rssKb);
  }, 200);

  const pick = (): Target => targets[Math.floor(Math.random() * targets.length)] as Target;
  const first = pick();
  const check = await fetch(`${running.url}${first.path}`, { headers: { authorization: first.authorization } });
  if (check.status !== 200) throw new Error(`sanity request got ${check.status}: ${await check.text()}`);

  // One request definition whose setupRequest picks a new tenant every time it is sent.
  const requests: autocannon.Request[] = [
    {
      method: 'GET',
      setupRequest: (request) => {
        const target = pick();
        return { ...request, path: target.path, headers: { ...request.headers, authorization: target.authorization } };
      },
    },
  ];
  const warm = warmup > 0 ? await runLoad({ url: running.url, connections, duration: warmup, requests }, running) : null;
  if (warm) assertClean('warm-up', warm);
  const summary = await runLoad({ url: running.url, connections, duration, requests }, running);
  clearInterval(sampler);
  const memory = running.memory();
  peakRssKb = Math.max(peakRssKb, memory.rssKb);
  const fds = running.openFds();
  assertClean('tenants', summary);

  console.log(describe(`spinney, ${tenantCount} tenants, handle cache ${cacheSize} (log ${logLevel})`, summary));
  console.log(
    `server memory: peak RSS ${(memory.hwmKb / 1024).toFixed(1)} MiB (VmHWM), max sampled VmRSS ${(peakRssKb / 1024).toFixed(1)} MiB, ` +
      `RSS after start ${(startRss / 1024).toFixed(1)} MiB; ${fds} open file descriptors at the end`,
  );
  // Issue 20's targets: p99 under 20 ms at 10,000 workspaces (50 ms at 100,000) and a peak
  // resident set under 300 MB (decimal megabytes: 286.1 MiB).
  const p99Target = tenantCount >= 100_000 ? 50 : 20;
  const peakMB = (memory.hwmKb * 1024) / 1e6;
  const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
  console.log(
    `targets: p99 ${summary.p99} ms < ${p99Target} ms — ${verdict(summary.p99 < p99Target)}; ` +
      `peak RSS ${peakMB.toFixed(1)} MB < 300 MB — ${verdict(peakMB < 300)}`,
  );
  await running.stop();
  server = null;
  const after = diskUsage(dataDir);
  console.log(`disk after the run: ${mib(after.allocatedBytes)} (${after.files} files)`);
  if (profileDir) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile written to ${profileDir}`);
    // The profile spans start-up, the sanity request, warm-up and measurement.
    console.log(summarizeProfile(join(profileDir, file), summary.total + (warm?.total ?? 0) + 1).text);
    console.log(`cpu profile kept at ${join(profileDir, file)}`);
    keepProfiles();
  }

  console.log(
    JSON.stringify({
      bench: 'tenants',
      source: spinney.source,
      tenants: tenantCount,
      handleCache: cacheSize,
      connections,
      durationS: duration,
      logLevel,
      profiled: profileDir !== null,
      setupS: Number((setupMs / 1000).toFixed(1)),
      reusedData: kept !== null,
      ...summaryJson(summary),
      peakRssMiB: Number((memory.hwmKb / 1024).toFixed(1)),
      startRssMiB: Number((startRss / 1024).toFixed(1)),
      openFds: fds,
      diskMiB: Number((before.allocatedBytes / 1024 / 1024).toFixed(1)),
      diskFiles: before.files,
    }),
  );
} finally {
  await server?.stop();
  cleanup();
}
