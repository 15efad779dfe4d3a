// Upload and download of one 25 MB file (a PDF-like file: a PDF header, then incompressible bytes)
// through the real HTTP path: Spinney in its own process listening on 127.0.0.1 (as `spinney
// serve` runs it), a member's bearer token, `POST /api/v1/files` as a streamed multipart body read
// from disk, `GET /api/v1/files/{id}/content` streamed back to disk and checked by SHA-256.
//
// Baseline, in the same run: `cp` of the same file through the encryption, i.e. the file read from
// disk, sealed in the same chunked AES-256-GCM format (src/backup/chunked-cipher.ts, the same
// chunk size) and written to disk — and for download the reverse (read, open, write). That is
// the least any upload or download must do; the target is ≥ 0.5× its speed. Plain `cp` is
// printed beside it. After one warm-up of each, each of the three (HTTP, encrypting copy, cp) is
// measured `--runs` times, alternating, and every run is printed.
//
//   npm run bench:files [-- --mb 25 --runs 3 --profile]
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type * as ChunkedCipherModule from '../src/backup/chunked-cipher.js';
import { startServer, type ServerChild } from './lib/child.js';
import { summarizeProfile } from './lib/profile.js';
import { loadSpinney, spinneyEnv } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '25' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const fileBytes = Math.round(Number(args.mb) * 1024 * 1024);
const runs = Math.max(1, Number(args.runs));
const MB = 1024 * 1024;

const spinney = await loadSpinney();
const ext = spinney.source === 'src' ? 'ts' : 'js';
const cipher = (await import(new URL(`../${spinney.source}/backup/chunked-cipher.${ext}`, import.meta.url).href)) as typeof ChunkedCipherModule;

const { dir, profileDir, keepProfiles, cleanup } = benchWorkdir('files', args.profile);
let server: ServerChild | undefined;

const sha256File = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
};
const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};
/** Wall seconds and CPU seconds of `cpu` (the server child's, or this process's for the baselines) while fn runs. */
const measured = async (fn: () => Promise<unknown>, cpu: () => number): Promise<{ wall: number; cpu: number }> => {
  const before = cpu();
  const wall = await timed(fn);
  return { wall, cpu: cpu() - before };
};
const ownCpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const mbps = (seconds: number): number => Math.round((fileBytes / MB / seconds) * 10) / 10;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  // A PDF-like file: what a quote or a scan looks like to the type check, incompressible after the header.
  const source = join(dir, 'Site survey.pdf');
  writeFileSync(source, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(fileBytes - 15)]));
  const plainSha = await sha256File(source);

  const env = spinneyEnv(join(dir, 'spinney'), { SPINNEY_LOG_LEVEL: 'info', SPINNEY_SENSITIVE_FIELDS_KEY: randomBytes(32).toString('hex') });
  const { config } = spinney.loadConfig(env);
  const runtime = spinney.openRuntime(config);
  const tenant = spinney.createTenant(runtime, { name: 'Files Bench Roofing' });
  const token = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => runtime.sessions.start({ userId: 'us_bench', role: 'member', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).accessToken);
  // The baseline's key: the workspace's own file key, as the server seals with.
  const key = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => runtime.vault.fileKey());
  runtime.close();

  server = await startServer(new URL('./servers/spinney.ts', import.meta.url), { env }, { execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  const base = new URL(server.url);

  const upload = (): Promise<string> => {
    const boundary = `----spinney-bench-${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Site survey.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return new Promise<string>((resolve, reject) => {
      const req = request(
        { host: base.hostname, port: base.port, method: 'POST', path: '/api/v1/files', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + fileBytes + tail.length } },
        (res) => {
          const body: Buffer[] = [];
          res.on('data', (chunk: Buffer) => body.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(body).toString();
            if (res.statusCode !== 201) return reject(new Error(`upload: ${res.statusCode} ${text.slice(0, 300)}`));
            resolve((JSON.parse(text) as { id: string }).id);
          });
        },
      );
      req.on('error', reject);
      req.write(head);
      const file = createReadStream(source);
      file.on('error', reject);
      file.on('end', () => req.end(tail));
      file.pipe(req, { end: false });
    });
  };
  const download = (fileId: string, to: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: base.hostname, port: base.port, method: 'GET', path: `/api/v1/files/${fileId}/content`, headers: { authorization: `Bearer ${token}` } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`download: ${res.statusCode}`));
        pipeline(res, createWriteStream(to)).then(resolve, reject);
      });
      req.on('error', reject);
      req.end();
    });
  const binding = { objectId: 'fl_bench', tenantId: tenant.id };
  const sealCopy = (to: string) => pipeline(createReadStream(source), cipher.encryptStream(key.key, key.version, binding, cipher.LARGE_CHUNK_BYTES, cipher.COMPRESSION_NONE), createWriteStream(to));
  const openCopy = (from: string, to: string) => pipeline(createReadStream(from), cipher.decryptStream(() => key.key, binding), createWriteStream(to));
  const cp = async (from: string, to: string) => execFileSync('cp', [from, to]);

  type Measured = { wall: number; cpu: number };
  const rows: { run: number; httpUp: Measured; httpDown: Measured; sealUp: Measured; openDown: Measured; cpUp: number; cpDown: number }[] = [];
  const serverCpu = (): number => server!.cpuSeconds();
  // Warm-up, both sides alike: the server's first upload and download compile the routes' code
  // paths, this process's first encrypting and decrypting copies compile the cipher's.
  const warmId = await upload();
  await download(warmId, join(dir, 'warm-downloaded'));
  await sealCopy(join(dir, 'warm-sealed'));
  await openCopy(join(dir, 'warm-sealed'), join(dir, 'warm-opened'));
  for (let run = 1; run <= runs; run += 1) {
    let fileId = '';
    const httpUp = await measured(async () => (fileId = await upload()), serverCpu);
    const downloaded = join(dir, `downloaded-${run}`);
    const httpDown = await measured(() => download(fileId, downloaded), serverCpu);
    if ((await sha256File(downloaded)) !== plainSha) throw new Error('the downloaded file differs from the uploaded one');
    const sealed = join(dir, `sealed-${run}`);
    const opened = join(dir, `opened-${run}`);
    const sealUp = await measured(() => sealCopy(sealed), ownCpu);
    const openDown = await measured(() => openCopy(sealed, opened), ownCpu);
    if ((await sha256File(opened)) !== plainSha) throw new Error('the baseline round trip differs');
    const cpUp = await timed(() => cp(source, join(dir, `cp-${run}`)));
    const cpDown = await timed(() => cp(join(dir, `cp-${run}`), join(dir, `cp-back-${run}`)));
    rows.push({ run, httpUp, httpDown, sealUp, openDown, cpUp, cpDown });
    const ms = (m: Measured) => `${Math.round(m.cpu * 1000)} ms CPU`;
    console.log(
      `run ${run}: upload ${mbps(httpUp.wall)} MB/s (server ${ms(httpUp)}), download ${mbps(httpDown.wall)} MB/s (server ${ms(httpDown)}) | cp through the encryption: seal ${mbps(sealUp.wall)} MB/s (${ms(sealUp)}), open ${mbps(openDown.wall)} MB/s (${ms(openDown)}) | plain cp ${mbps(cpUp)} / ${mbps(cpDown)} MB/s | ratio upload ${(sealUp.wall / httpUp.wall).toFixed(2)}, download ${(openDown.wall / httpDown.wall).toFixed(2)}`,
    );
  }
  const uploadRatios = rows.map((r) => r.sealUp.wall / r.httpUp.wall);
  const downloadRatios = rows.map((r) => r.openDown.wall / r.httpDown.wall);
  // The same by CPU time: what the work costs, whatever else the machine runs meanwhile.
  const uploadCpuRatios = rows.map((r) => r.sealUp.cpu / r.httpUp.cpu);
  const downloadCpuRatios = rows.map((r) => r.openDown.cpu / r.httpDown.cpu);
  console.log(
    `${(fileBytes / MB).toFixed(0)} MB file, ${runs} runs (${spinney.source}): speed ratio to cp through the encryption, median: upload ${median(uploadRatios).toFixed(2)}, download ${median(downloadRatios).toFixed(2)} (target ≥ 0.5); by CPU time: upload ${median(uploadCpuRatios).toFixed(2)}, download ${median(downloadCpuRatios).toFixed(2)}`,
  );
  const blobs = readdirSync(join(dir, 'spinney', 'tenants', tenant.id, 'files'));
  console.log(`  ${blobs.length} blobs on disk, each ${statSync(join(dir, 'spinney', 'tenants', tenant.id, 'files', blobs[0]!)).size} bytes for ${fileBytes} of content`);

  await server.stop();
  server = undefined;
  if (profileDir) {
    const profiles = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    for (const file of profiles) console.log(summarizeProfile(join(profileDir, file), runs * 2 + 2).text);
    keepProfiles();
    console.log(`profiles kept in ${profileDir}`);
  }
  console.log(
    JSON.stringify({
      bench: 'files',
      fileBytes,
      runs: rows.map((r) => ({
        uploadMBps: mbps(r.httpUp.wall),
        downloadMBps: mbps(r.httpDown.wall),
        sealMBps: mbps(r.sealUp.wall),
        openMBps: mbps(r.openDown.wall),
        cpUpMBps: mbps(r.cpUp),
        cpDownMBps: mbps(r.cpDown),
        cpuMs: { upload: Math.round(r.httpUp.cpu * 1000), download: Math.round(r.httpDown.cpu * 1000), seal: Math.round(r.sealUp.cpu * 1000), open: Math.round(r.openDown.cpu * 1000) },
      })),
      uploadRatioMedian: Number(median(uploadRatios).toFixed(2)),
      downloadRatioMedian: Number(median(downloadRatios).toFixed(2)),
      uploadCpuRatioMedian: Number(median(uploadCpuRatios).toFixed(2)),
      downloadCpuRatioMedian: Number(median(downloadCpuRatios).toFixed(2)),
      target: 0.5,
    }),
  );
} finally {
  await server?.stop();
  cleanup();
}
