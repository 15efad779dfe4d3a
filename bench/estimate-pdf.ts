// A 500-line estimate computed (canonical hash and totals) and rendered to PDF, sequentially,
// reporting median and p95 against the target of under 1 s.
//
//   npm run bench:pdf [-- --lines 500 --runs 20]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type * as CanonicalModule from '../src/estimates/canonical.js';
import type * as PdfModule from '../src/estimates/estimate-pdf.js';
import type { EstimateLineItem } from '../src/estimates/totals.js';

const TARGET_MS = 1000;
const { values: args } = parseArgs({ options: { lines: { type: 'string', default: '500' }, runs: { type: 'string', default: '20' } } });
const lineCount = Number(args.lines);
const runs = Number(args.runs);

const source = process.env.BENCH_SPINNEY_SOURCE === 'src' ? 'src' : 'dist';
const ext = source === 'src' ? 'ts' : 'js';
if (source === 'dist' && !existsSync(new URL('../dist/estimates/estimate-pdf.js', import.meta.url))) {
  throw new Error('dist/ is missing: run `npm run build` first (or set BENCH_SPINNEY_SOURCE=src)');
}
const pdf = (await import(new URL(`../${source}/estimates/estimate-pdf.${ext}`, import.meta.url).href)) as typeof PdfModule;
const canonical = (await import(new URL(`../${source}/estimates/canonical.${ext}`, import.meta.url).href)) as typeof CanonicalModule;

const items: EstimateLineItem[] = Array.from({ length: lineCount }, (_, i) => ({
  id: `line-${i}`,
  description: `Item ${i}: ` + 'supply and fit, including fixings and making good; '.repeat(1 + (i % 4)),
  quantity: String(1 + (i % 7)) + '.5',
  unit: 'h',
  unitPrice: 4_500 + i,
  taxRateBp: i % 3 === 0 ? 500 : 2000,
  discount: i % 10 === 0 ? { kind: 'percent', bp: 1000 } : null,
}));
const content = {
  currency: 'USD',
  sections: Array.from({ length: 10 }, (_, s) => ({
    title: `Section ${s + 1}`,
    showOnlySectionTotal: s === 9,
    items: items.slice((s * lineCount) / 10, ((s + 1) * lineCount) / 10),
  })),
  deposit: { kind: 'percent' as const, bp: 2500, dueDate: '2026-12-31' },
  validUntil: '2026-12-31',
  terms: 'Payment within 14 days of completion.',
  notes: 'Access from the rear.',
};

let pages = 0;
let bytes = 0;
const once = async (): Promise<number> => {
  const start = process.hrtime.bigint();
  const { sha256 } = await canonical.canonicalEstimateContent(content);
  const out = await pdf.renderEstimatePdf({
    workspaceName: 'Bench Roofing',
    number: 'EST-0500',
    revision: 1,
    state: 'accepted',
    issuedAt: '2026-12-01T09:00:00Z',
    contact: { name: 'Dana Whitfield', address: ['1 High Street'] },
    content,
    contentSha256: sha256,
    acceptance: { typedName: 'Dana Whitfield', consentText: 'I accept.', decidedAt: '2026-12-02T09:00:00Z', ip: '203.0.113.9', userAgent: 'bench', contentSha256: sha256 },
    timeZone: 'Europe/London',
  });
  bytes = out.length;
  pages = (out.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return Number(process.hrtime.bigint() - start) / 1e6;
};

await once(); // warm-up (module loading, font metrics)
const times: number[] = [];
for (let i = 0; i < runs; i += 1) times.push(await once());
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
const median = at(0.5);
const p95 = at(0.95);
console.log(`${lineCount} lines → ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB (${source}), ${runs} runs`);
console.log(`median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
console.log(`p95 / target (${TARGET_MS} ms) = ${(p95 / TARGET_MS).toFixed(2)} ${p95 < TARGET_MS ? 'OK' : 'OVER TARGET'}`);
