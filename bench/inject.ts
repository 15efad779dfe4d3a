// Benchmark 3 (diagnostic): Spinney's per-request overhead without the network, in one process.
// The same GET /api/v1/contacts/:contactId through app.inject() against a bare Fastify route doing
// the same prepared SELECT on the same file; alternating batches, the minimum of each side taken
// (the minimum is what this noisy VM can do, not what a neighbour let it do). Use it to compare a
// change before/after; bench/read.ts is the number that counts.
//
//   npm run bench:inject [-- --log-level info|silent --batches 12 --size 3000]
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';

const { values: args } = parseArgs({
  options: {
    'log-level': { type: 'string', default: 'info' },
    batches: { type: 'string', default: '12' },
    size: { type: 'string', default: '3000' },
  },
});
const batches = Number(args.batches);
const size = Number(args.size);

const dir = mkdtempSync(join(tmpdir(), 'spinney-bench-inject-'));
try {
  const spinney = await loadSpinney();
  const { config } = spinney.loadConfig(spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: args['log-level'] }));
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Inject Roofing' });
  const { contact, token } = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => ({
    contact: spinney.createContact({ name: 'Dana Whitfield', email: 'dana@example.com', phone: '+1 555 0100', company: 'Whitfield Roofing', notes: 'Prefers calls after 4pm.' }),
    token: runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken,
  }));
  // An fd opened synchronously: a path would be opened asynchronously, and inject() loops never
  // give the event loop a turn to finish opening it.
  const app = await spinney.buildApp({ runtime, logDestination: spinney.logDestination(openSync('/dev/null', 'w')) });

  const db = new Database(join(config.dataDir, 'tenants', tenant.id, 'tenant.db'), { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  const byId = db.prepare('SELECT * FROM contacts WHERE id = ?');
  const bare = Fastify();
  bare.get<{ Params: { contactId: string } }>('/api/v1/contacts/:contactId', async (request) => byId.get(request.params.contactId));
  await bare.ready();

  const url = `/api/v1/contacts/${contact.id}`;
  const batch = async (target: FastifyInstance, headers: Record<string, string>): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < size; i += 1) {
      const res = await target.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
    }
    return Number(process.hrtime.bigint() - start) / 1000 / size;
  };
  const auth = { authorization: `Bearer ${token}` };
  await batch(bare, {});
  await batch(app, auth);
  let bareUs = Infinity;
  let spinneyUs = Infinity;
  for (let i = 0; i < batches; i += 1) {
    bareUs = Math.min(bareUs, await batch(bare, {}));
    spinneyUs = Math.min(spinneyUs, await batch(app, auth));
  }
  console.log(`bare ${bareUs.toFixed(1)} µs/request, spinney ${spinneyUs.toFixed(1)} µs/request (log ${args['log-level']})`);
  console.log(`overhead ${(spinneyUs - bareUs).toFixed(1)} µs/request, ratio bare/spinney ${(bareUs / spinneyUs).toFixed(3)} (min of ${batches} batches of ${size})`);
  console.log(JSON.stringify({ bench: 'inject', logLevel: args['log-level'], bareUs: Number(bareUs.toFixed(1)), spinneyUs: Number(spinneyUs.toFixed(1)), ratio: Number((bareUs / spinneyUs).toFixed(3)) }));
  await app.close();
  await bare.close();
  db.close();
  runtime.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
