// CSV import of 50,000 contacts through the HTTP API, end to end: the server listens on a loopback
// port and the bench uploads the file (text/csv), previews it with the suggested mapping and runs
// it, timing each step and the whole. Target: the whole under 30 s.
//
//   npm run bench:import [-- --rows 50000]
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';

const TARGET_SECONDS = 30;
const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const rows = Number(args.rows);

const csv = ['Name,Email,Phone,Company,Tags,City,Country']
  .concat(Array.from({ length: rows }, (_, i) => `Customer ${i},customer${i}@example.com,+1 555 ${String(i).padStart(5, '0')},Builder ${i % 97},roofing; repeat,Springfield,US`))
  .join('\r\n');

const dir = mkdtempSync(join(tmpdir(), 'spinney-bench-import-'));
try {
  const spinney = await loadSpinney();
  const { config } = spinney.loadConfig(spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: 'silent' }));
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Import Roofing' });
  const token = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => runtime.sessions.start({ userId: 'us_bench', role: 'member', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken);
  const app = await spinney.buildApp({ runtime, logDestination: spinney.logDestination(openSync('/dev/null', 'w')) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  };
  const timed = async <T>(step: () => Promise<T>): Promise<[T, number]> => {
    const start = process.hrtime.bigint();
    const value = await step();
    return [value, Number(process.hrtime.bigint() - start) / 1e9];
  };

  const [upload, uploadS] = await timed(() => call<{ id: string; rowCount: number; suggestedMapping: (string | null)[] }>('/imports?kind=contacts', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }));
  const plan = JSON.stringify({ mapping: upload.suggestedMapping, duplicates: 'skip' });
  const json = { 'content-type': 'application/json' };
  const [preview, previewS] = await timed(() => call<{ valid: number; invalid: number }>(`/imports/${upload.id}/preview`, { method: 'POST', headers: json, body: plan }));
  const [result, runS] = await timed(() => call<{ imported: number; failed: number }>(`/imports/${upload.id}/run`, { method: 'POST', headers: json, body: plan }));
  if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} (${result.failed} failed)`);
  const total = uploadS + previewS + runS;
  console.log(`${rows} contacts (${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB CSV, ${spinney.source}): upload ${uploadS.toFixed(2)} s, preview ${previewS.toFixed(2)} s (${preview.valid} valid), run ${runS.toFixed(2)} s`);
  console.log(`total ${total.toFixed(2)} s = ${((total / TARGET_SECONDS) * 100).toFixed(0)}% of the ${TARGET_SECONDS} s target`);
  console.log(JSON.stringify({ bench: 'import', rows, uploadS: Number(uploadS.toFixed(2)), previewS: Number(previewS.toFixed(2)), runS: Number(runS.toFixed(2)), totalS: Number(total.toFixed(2)), targetS: TARGET_SECONDS, ratio: Number((total / TARGET_SECONDS).toFixed(3)) }));
  await app.close();
  runtime.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
