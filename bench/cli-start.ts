// `spinney` start-up: wall time from spawn to exit of the real executable (bin/spinney.js → dist/)
// for commands an operator or a script runs often, beside a bare `node -e 1` measured in the same
// rounds, so the ratio holds when the machine is busy. Rounds alternate the baseline and every
// command; each figure is the median over the rounds. Everything runs on a temporary data dir
// (one workspace, created first), removed at the end.
//
//   npm run bench:cli [-- --rounds 15 --bin path/to/bin/spinney.js]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spinneyEnv } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    // Another build's executable (e.g. a checkout of the previous release) to compare against.
    bin: { type: 'string', default: fileURLToPath(new URL('../bin/spinney.js', import.meta.url)) },
  },
});
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive whole number');

const work = benchWorkdir('cli', false);
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SPINNEY_'))), ...spinneyEnv(work.dir) };

/** One run of `node ARGS`; its wall time in ms. A non-zero exit stops the bench with its stderr. */
function timed(nodeArgs: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const res = spawnSync(process.execPath, nodeArgs, { env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (res.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} exited ${res.status}: ${res.stderr}`);
  return { ms, stdout: res.stdout };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

try {
  const tenant = JSON.parse(timed([args.bin, 'tenant', 'create', '--name', 'Bench', '--json']).stdout) as { id: string };
  const commands: Record<string, string[]> = {
    '--help': ['--help'],
    'tenant list --json': ['tenant', 'list', '--json'],
    'dev token': ['dev', 'token', '--tenant', tenant.id, '--role', 'admin'],
    'backup list': ['backup', 'list'],
    'jobs list --json': ['jobs', 'list', '--json'],
    'keys status --json': ['keys', 'status', '--json'],
    'audit verify --tenant': ['audit', 'verify', '--tenant', tenant.id, '--json'],
    migrate: ['migrate', '--json'],
  };
  const samples = new Map<string, number[]>([['node -e 1', []], ...Object.keys(commands).map((name) => [name, []] as [string, number[]])]);
  const load = [loadavg()[0] as number];
  for (let round = 0; round < rounds; round += 1) {
    samples.get('node -e 1')?.push(timed(['-e', '1']).ms);
    for (const [name, argv] of Object.entries(commands)) samples.get(name)?.push(timed([args.bin, ...argv]).ms);
  }
  load.push(loadavg()[0] as number);

  const baseline = median(samples.get('node -e 1') ?? []);
  const results = [...samples].map(([name, ms]) => ({ command: name, medianMs: Math.round(median(ms)), minMs: Math.round(Math.min(...ms)), ratio: Number((median(ms) / baseline).toFixed(2)) }));
  console.log(`spinney start-up, ${rounds} rounds, load average ${load.map((l) => l.toFixed(2)).join(' → ')} (${args.bin})`);
  for (const r of results) console.log(`${r.command.padEnd(24)} median ${String(r.medianMs).padStart(5)} ms  min ${String(r.minMs).padStart(5)} ms  ${r.ratio.toFixed(2)}× node -e 1`);
  console.log(JSON.stringify({ bench: 'cli-start', rounds, loadAverage: load, bin: args.bin, results }));
} finally {
  work.cleanup();
}
