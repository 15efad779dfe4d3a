// Backup of a workspace holding 1 GB of files (default) against `tar | gzip` of the same directory.
// The files are made with a realistic mix of compressibility — JPEG-like and PDF-like files that are
// random after their header (photos and scans do not compress) and plain-text notes and exports
// (which do) — and uploaded through the files service, so the workspace directory holds what a
// server holds: the database and the encrypted blobs. Then, alternating, `--runs` times each:
//
//   backup     runBackup for that workspace (snapshot, seal the database, pack and seal the blobs,
//              store both on the local target, sign the manifest), in this process;
//   tar|gzip   `tar -cf - -C tenants <id> | gzip` of the same workspace directory (default level 6);
//   originals  `tar | gzip` of the plaintext originals, printed beside it for reference.
//
// Target: backup speed ≥ 0.5× tar|gzip's. Everything is in a temporary directory under /tmp,
// removed at the end.
//
//   npm run bench:backup-files [-- --mb 1024 --runs 3]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type * as BackupRunModule from '../src/backup/backup-run.js';
import type * as FilesServiceModule from '../src/files/files.service.js';
import { mib } from './lib/disk.js';
import { loadSpinney } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '1024' },
    runs: { type: 'string', default: '3' },
  },
});
const totalBytes = Math.round(Number(args.mb) * 1024 * 1024);
const runs = Math.max(1, Number(args.runs));

const spinney = await loadSpinney();
const ext = spinney.source === 'src' ? 'ts' : 'js';
const load = <T>(path: string): Promise<T> => import(new URL(`../${spinney.source}/${path}.${ext}`, import.meta.url).href) as Promise<T>;
const { runBackup } = await load<typeof BackupRunModule>('backup/backup-run');
const { uploadFile } = await load<typeof FilesServiceModule>('files/files.service');

const WORDS = ['roof', 'gutter', 'fascia', 'skylight', 'chimney', 'flashing', 'shingle', 'slate', 'leak', 'barn', 'quote', 'invoice', 'measured', 'north', 'elevation', 'ridge', 'customer', 'agreed', 'deposit', 'scaffold', 'Tuesday', 'materials', 'labour', '£', '€', 'Müller'];

/** Plain text that compresses about as well as notes and CSV exports do (~3–4×). */
function text(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  let n = 0;
  const noise = randomBytes(bytes / 4);
  while (size < bytes) {
    const words = Array.from({ length: 8 + (noise[n % noise.length]! % 12) }, (_, i) => WORDS[noise[(n + i) % noise.length]! % WORDS.length]!);
    const line = `${n},${noise.readUInt16BE(n % (noise.length - 2))},${words.join(' ')}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
    n += 1;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}
const jpeg = (bytes: number): Buffer => Buffer.concat([Buffer.from('ffd8ffe000104a46494600010101004800480000', 'hex'), randomBytes(bytes - 22), Buffer.from('ffd9', 'hex')]);
const pdfLike = (bytes: number): Buffer => {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  return Buffer.concat([head, randomBytes(bytes - head.length - 6), Buffer.from('%%EOF\n')]);
};

const { dir, cleanup } = benchWorkdir('backup-files', false);
const seconds = (since: number): number => (performance.now() - since) / 1000;
const du = (path: string): number => Number(execFileSync('du', ['-sb', path]).toString().split('\t')[0]);
const sh = (script: string): void => void execFileSync('sh', ['-c', script], { stdio: ['ignore', 'ignore', 'inherit'] });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const dataDir = join(dir, 'data');
  const config = spinney.loadConfig({
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_BACKUP_DIR: join(dir, 'target'),
    SPINNEY_LOG_LEVEL: 'silent',
    SPINNEY_TOKEN_SIGNING_KEY: randomBytes(32).toString('hex'),
    SPINNEY_APP_SECRETS_KEY: randomBytes(32).toString('hex'),
    SPINNEY_SENSITIVE_FIELDS_KEY: randomBytes(32).toString('hex'),
  }).config;
  const runtime = spinney.openRuntime(config);
  try {
    const tenant = spinney.createTenant(runtime, { name: 'Files Backup Roofing' });
    const originals = join(dir, 'originals');
    mkdirSync(originals);
    // The mix by bytes: ~50% photos (1–6 MB), ~25% scanned PDFs (0.3–4 MB), ~25% text (50 KB–2 MB).
    let made = 0;
    const counts = { jpeg: 0, pdf: 0, text: 0 };
    const kindBytes = { jpeg: 0, pdf: 0, text: 0 };
    let started = performance.now();
    for (let i = 0; made < totalBytes; i += 1) {
      const roll = i % 20;
      const kind = roll < 6 ? 'jpeg' : roll < 10 ? 'pdf' : 'text';
      const want = kind === 'jpeg' ? 1_000_000 + randomBytes(4).readUInt32BE() % 5_000_000 : kind === 'pdf' ? 300_000 + randomBytes(4).readUInt32BE() % 3_700_000 : 50_000 + randomBytes(4).readUInt32BE() % 2_000_000;
      const bytes = Math.min(want, Math.max(totalBytes - made, 64));
      const content = kind === 'jpeg' ? jpeg(bytes) : kind === 'pdf' ? pdfLike(bytes) : text(bytes);
      const path = join(originals, `${String(i).padStart(5, '0')}.${kind === 'text' ? 'txt' : kind}`);
      writeFileSync(path, content);
      await runtime.tenancy.run(tenant.id, { actor: null, operator: true, requestId: null }, () => uploadFile(runtime, {}, { file: createReadStream(path), fileName: path }));
      made += content.length;
      counts[kind] += 1;
      kindBytes[kind] += content.length;
    }
    const workspaceDir = join(dataDir, 'tenants', tenant.id);
    const workspaceBytes = du(workspaceDir);
    console.log(
      `${counts.jpeg + counts.pdf + counts.text} files, ${mib(made)} (${counts.jpeg} JPEG-like ${mib(kindBytes.jpeg)}, ${counts.pdf} PDF-like ${mib(kindBytes.pdf)}, ${counts.text} text ${mib(kindBytes.text)}) uploaded in ${seconds(started).toFixed(1)} s; workspace directory ${mib(workspaceBytes)} (${spinney.source})`,
    );

    const rows: { backup: number; tarGzip: number; originals: number; object: number; tarGz: number; originalsGz: number }[] = [];
    for (let run = 1; run <= runs; run += 1) {
      started = performance.now();
      const summary = await runBackup(runtime, { actor: 'operator', tenantId: tenant.id });
      const backup = seconds(started);
      if (summary.failed.length > 0) throw new Error(`the backup failed: ${JSON.stringify(summary.failed)}`);
      const object = du(join(config.backup.dir, 'runs', summary.runId));
      const tarGzPath = join(dir, `workspace-${run}.tar.gz`);
      started = performance.now();
      sh(`tar -cf - -C '${join(dataDir, 'tenants')}' '${tenant.id}' | gzip > '${tarGzPath}'`);
      const tarGzip = seconds(started);
      const originalsGzPath = join(dir, `originals-${run}.tar.gz`);
      started = performance.now();
      sh(`tar -cf - -C '${dir}' originals | gzip > '${originalsGzPath}'`);
      const originalsSeconds = seconds(started);
      const row = { backup, tarGzip, originals: originalsSeconds, object, tarGz: du(tarGzPath), originalsGz: du(originalsGzPath) };
      rows.push(row);
      const speed = (s: number) => `${(workspaceBytes / 1024 / 1024 / s).toFixed(1)} MB/s`;
      console.log(
        `run ${run}: backup ${backup.toFixed(2)} s (${speed(backup)}, run ${mib(object)}) | tar|gzip of the workspace ${tarGzip.toFixed(2)} s (${speed(tarGzip)}, ${mib(row.tarGz)}) | tar|gzip of the plaintext originals ${originalsSeconds.toFixed(2)} s (${mib(row.originalsGz)}) | speed ratio backup/tar|gzip ${(tarGzip / backup).toFixed(2)}`,
      );
      sh(`rm -f '${tarGzPath}' '${originalsGzPath}'`);
    }
    const ratios = rows.map((r) => r.tarGzip / r.backup);
    console.log(`backup of ${mib(workspaceBytes)}: speed ratio to tar|gzip median ${median(ratios).toFixed(2)} (target ≥ 0.5); runs ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    console.log(
      JSON.stringify({
        bench: 'backup-files',
        workspaceBytes,
        files: counts,
        runs: rows.map((r) => ({ backupSeconds: Number(r.backup.toFixed(2)), tarGzipSeconds: Number(r.tarGzip.toFixed(2)), originalsTarGzipSeconds: Number(r.originals.toFixed(2)), runBytes: r.object, tarGzBytes: r.tarGz, originalsTarGzBytes: r.originalsGz })),
        ratioMedian: Number(median(ratios).toFixed(2)),
        target: 0.5,
      }),
    );
  } finally {
    runtime.close();
  }
} finally {
  cleanup();
}
