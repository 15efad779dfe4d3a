// Board of 5,000 leads: GET /api/v1/pipelines/:pipelineId/board through app.inject() (the whole
// request pipeline: token, tenant scope, validation, response schema), sequentially, reporting
// p50/p99/max. Target: p99 under 50 ms. The leads are spread over the six seeded stages, in three
// currencies; the board answers each stage's count and totals and its first `perStage` leads.
//
//   npm run build && node --import tsx bench/leads.ts [-- --leads 5000 --requests 300 --per-stage 50]
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as LeadsServiceModule from '../src/leads/leads.service.js';
import type * as PipelinesServiceModule from '../src/leads/pipelines.service.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '300' },
    'per-stage': { type: 'string', default: '50' },
  },
});
const leadCount = Number(args.leads);
const requests = Number(args.requests);
const perStage = Number(args['per-stage']);

const dir = mkdtempSync(join(tmpdir(), 'spinney-bench-leads-'));
try {
  const spinney = await loadSpinney();
  const ext = spinney.source === 'src' ? 'ts' : 'js';
  const leads = (await import(new URL(`../${spinney.source}/leads/leads.service.${ext}`, import.meta.url).href)) as typeof LeadsServiceModule;
  const pipelines = (await import(new URL(`../${spinney.source}/leads/pipelines.service.${ext}`, import.meta.url).href)) as typeof PipelinesServiceModule;
  const { config } = spinney.loadConfig(spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: 'silent' }));
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Board Roofing' });
  const started = process.hrtime.bigint();
  const { pipelineId, token } = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => {
    const contact = spinney.createContact({ name: 'Dana Whitfield' });
    const [sales] = pipelines.listPipelines().items;
    if (!sales) throw new Error('no seeded pipeline');
    const currencies = ['USD', 'EUR', 'JPY'];
    for (let i = 0; i < leadCount; i += 1) {
      const stage = sales.stages[i % sales.stages.length]!;
      leads.createLead(runtime, { title: `Lead ${i}`, contactId: contact.id, currency: currencies[i % 3]!, valueMinor: 1000 + i, stageId: stage.id, tags: ['bench'], notes: 'Roof, gutters and fascia.' });
    }
    return { pipelineId: sales.id, token: runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken };
  });
  console.log(`created ${leadCount} leads in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (${spinney.source})`);
  const app = await spinney.buildApp({ runtime, logDestination: spinney.logDestination(openSync('/dev/null', 'w')) });
  const url = `/api/v1/pipelines/${pipelineId}/board?perStage=${perStage}`;
  const headers = { authorization: `Bearer ${token}` };
  const once = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body.slice(0, 200)}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < 20; i += 1) await once();
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const result = { bench: 'leads-board', leads: leadCount, perStage, requests, p50Ms: Number(at(0.5).toFixed(2)), p99Ms: Number(at(0.99).toFixed(2)), maxMs: Number(times[times.length - 1]!.toFixed(2)), targetP99Ms: 50 };
  console.log(`board of ${leadCount} leads (${perStage} shown per stage): p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms over ${requests} requests`);
  console.log(JSON.stringify(result));
  await app.close();
  runtime.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
