// Workspace search over 100,000 records (70,000 contacts, 30,000 leads, made through the services
// so the triggers index them as in production): GET /api/v1/search through app.inject() (token,
// tenant scope, validation, the FTS5 query, response schema), sequentially, for a mix of queries
// (a surname, a prefix, two words, a phrase, a rare word, a word most leads share). Target: p99
// under 20 ms. Baseline in the same run: the same words looked up with LIKE '%word%' over the same
// tables, what a search without an index costs.
//
//   npm run bench:search [-- --contacts 70000 --leads 30000 --requests 600]
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as LeadsServiceModule from '../src/leads/leads.service.js';
import type * as ContextModule from '../src/tenancy/context.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';

const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '70000' },
    leads: { type: 'string', default: '30000' },
    requests: { type: 'string', default: '600' },
  },
});
const contactCount = Number(args.contacts);
const leadCount = Number(args.leads);
const requests = Number(args.requests);

const FIRST = ['Dana', 'Ada', 'Maria', 'José', 'Noor', 'Liam', 'Chen', 'Olga', 'Ravi', 'Zoë', 'Amir', 'Grace', 'Tomás', 'Ines', 'Kofi', 'Hana'];
const LAST = ['Whitfield', 'Brook', 'Müller', 'Okafor', 'Nakamura', 'García', 'Novak', 'Singh', 'Larsen', 'Dubois', 'Kowalski', 'Haddad', 'Moreau', 'Rossi', 'Ivanova', 'Byrne'];
const WORDS = ['roof', 'gutter', 'fascia', 'skylight', 'chimney', 'flashing', 'shingle', 'slate', 'leak', 'barn', 'garage', 'porch', 'deck', 'siding', 'window', 'insulation', 'attic', 'dormer', 'valley', 'ridge', 'soffit', 'downpipe', 'moss', 'storm', 'hail', 'repair', 'replace', 'inspect', 'quote', 'urgent'];
const STREETS = ['Mill Lane', 'Church Road', 'High Street', 'Oak Avenue', 'Station Road', 'Park Lane', 'Victoria Road', 'Green Lane'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const QUERIES = ['whitfield', 'whit', 'okafor 17', 'barn roof', '"mill lane"', 'zoë', 'chimney flashing', 'roof', 'skyl', 'contact 4242'];

const dir = mkdtempSync(join(tmpdir(), 'spinney-bench-search-'));
try {
  const spinney = await loadSpinney();
  const ext = spinney.source === 'src' ? 'ts' : 'js';
  const leads = (await import(new URL(`../${spinney.source}/leads/leads.service.${ext}`, import.meta.url).href)) as typeof LeadsServiceModule;
  const context = (await import(new URL(`../${spinney.source}/tenancy/context.${ext}`, import.meta.url).href)) as typeof ContextModule;
  const { config } = spinney.loadConfig(spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: 'silent' }));
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Search Roofing' });
  const inTenant = <T>(fn: () => T): T => runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, fn);
  const started = process.hrtime.bigint();
  const token = inTenant(() => {
    const ids: string[] = [];
    const db = context.tenantDb();
    for (let batch = 0; batch < contactCount; batch += 1000) {
      db.transaction(() => {
        for (let i = batch; i < Math.min(contactCount, batch + 1000); i += 1) {
          const name = `${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 16))} ${i}`;
          ids.push(spinney.createContact({ name: `${name}`, company: `${pick(LAST, i * 7)} ${pick(['Farms', 'Builders', 'Homes', 'Estates'], i)}`, notes: `contact ${i}: ${pick(WORDS, i)} ${pick(WORDS, i * 3)} ${pick(STREETS, i)}` }).id);
        }
      });
    }
    for (let batch = 0; batch < leadCount; batch += 1000) {
      db.transaction(() => {
        for (let i = batch; i < Math.min(leadCount, batch + 1000); i += 1) {
          leads.createLead(runtime, { title: `${pick(['Barn', 'Garage', 'House', 'Porch'], i)} ${pick(WORDS, i)}`, contactId: ids[i % ids.length]!, currency: 'USD', siteAddress: `${i % 200} ${pick(STREETS, i * 5)}`, notes: `${pick(WORDS, i * 11)} ${pick(WORDS, i * 13)} roof` });
        }
      });
    }
    return runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken;
  });
  console.log(`created ${contactCount} contacts and ${leadCount} leads in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (${spinney.source})`);
  const app = await spinney.buildApp({ runtime, logDestination: spinney.logDestination(openSync('/dev/null', 'w')) });
  const headers = { authorization: `Bearer ${token}` };
  const percentiles = (times: number[]) => {
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    return { p50Ms: Number(at(0.5).toFixed(2)), p99Ms: Number(at(0.99).toFixed(2)), maxMs: Number(times[times.length - 1]!.toFixed(2)) };
  };
  const searchOnce = async (q: string): Promise<number> => {
    const start = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
    if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body.slice(0, 200)}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // The baseline: each word of the query as LIKE '%word%' on the same columns, 20 rows.
  const likeOnce = (q: string): number => {
    const words = q.replace(/"/g, '').split(/\s+/);
    const start = process.hrtime.bigint();
    inTenant(() => {
      const where = (cols: string) => words.map((_, n) => `(${cols}) LIKE @w${n}`).join(' AND ');
      const params = Object.fromEntries(words.map((w, n) => [`w${n}`, `%${w}%`]));
      context.tenantDb().statement(`SELECT id FROM contacts WHERE ${where("name || ' ' || coalesce(company, '') || ' ' || coalesce(notes, '')")} LIMIT 20`).all(params);
      context.tenantDb().statement(`SELECT id FROM leads WHERE ${where("title || ' ' || coalesce(site_address, '') || ' ' || coalesce(notes, '')")} LIMIT 20`).all(params);
    });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const q of QUERIES) await searchOnce(q);
  const perQuery: Record<string, number[]> = {};
  const all: number[] = [];
  const like: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const q = QUERIES[i % QUERIES.length]!;
    const ms = await searchOnce(q);
    (perQuery[q] ??= []).push(ms);
    all.push(ms);
    like.push(likeOnce(q));
  }
  const search = percentiles(all);
  const baseline = percentiles(like);
  for (const [q, times] of Object.entries(perQuery)) console.log(`  ${q.padEnd(18)} ${JSON.stringify(percentiles(times))}`);
  console.log(`search over ${contactCount + leadCount} records: p50 ${search.p50Ms} ms, p99 ${search.p99Ms} ms (target p99 < 20 ms); LIKE scan baseline p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms; search p99 / LIKE p99 = ${(search.p99Ms / baseline.p99Ms).toFixed(2)}`);
  console.log(JSON.stringify({ bench: 'search', records: contactCount + leadCount, requests, ...search, likeP50Ms: baseline.p50Ms, likeP99Ms: baseline.p99Ms, targetP99Ms: 20 }));
  await app.close();
  runtime.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
