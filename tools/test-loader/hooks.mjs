// Module hooks for the test suite: our TypeScript (src/, test/, tools/, bench/) is transformed by
// esbuild, type annotations stripped and nothing else changed: no minification, so the inline
// source map lets V8 coverage and stack traces point at the right .ts line. Imports name './x.js'
// for x.ts (as tsc's NodeNext resolution wants), so a missing .js is tried as .ts.
//
// Start-up is paid by every test file and most of it is here, because with hooks installed every
// import crosses to the hooks thread and back. So: a transform is kept on disk, named by the hash
// of all that decides it, for the next process; and a few packages whose ES build is hundreds of
// small modules are loaded as one bundle each (BUNDLED). Both live in the system's temp directory.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform, version } from 'esbuild';
import { TRANSFORM_OPTIONS } from '../transpile/options.mjs';

const OWN_TS = /^file:\/\/(?!.*\/node_modules\/).*\.ts$/;
const OWN_FILE = /^file:\/\/(?!.*\/node_modules\/)/;
const CACHE_DIR = join(tmpdir(), `spinney-test-loader-${process.getuid?.() ?? 'user'}`);
const CACHE_URL = pathToFileURL(CACHE_DIR).href;
const OPTIONS_KEY = `${version}\0${JSON.stringify(TRANSFORM_OPTIONS)}`;

/**
 * typebox (about 370 modules for `import 'typebox'`) and oidc-provider (about 180) loaded as one
 * esbuild bundle per package: every entry point of the package's exports in one build, so the
 * entries share one copy of each internal module, as they do unbundled. Their own dependencies
 * stay imports, resolved from the package's real directory. Names are kept (class.name, errors).
 */
const BUNDLED = new Set(['typebox', 'oidc-provider']);
const BUNDLE_OPTIONS = { outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'esnext', packages: 'external', keepNames: true, logLevel: 'error' };

const hash = (text) => createHash('sha256').update(text).digest('hex');

/** Writes `content` whole under a private name, then renames it: a reader sees all of it or nothing. */
function writeAtomically(path, content) {
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

/** The package's exports as { entry name: file }, the root entry named 'index'. */
function entryPoints(packageDir, manifest) {
  const target = (value) => (typeof value === 'string' ? value : value && target(value.import ?? value.node ?? value.default));
  const exports = manifest.exports ?? { '.': manifest.main ?? 'index.js' };
  const entries = {};
  for (const [subpath, value] of Object.entries(typeof exports === 'string' ? { '.': exports } : exports)) {
    const file = target(value);
    if (subpath.includes('*')) throw new Error(`test loader: ${manifest.name} exports a pattern (${subpath}); it cannot be bundled`);
    if (!file?.endsWith('.js') && !file?.endsWith('.mjs')) continue;
    entries[subpath === '.' ? 'index' : subpath.slice(2)] = join(packageDir, file);
  }
  return entries;
}

const bundles = new Map();

/** The directory of the package's bundle (built once per version, shared by all test processes), and its real directory. */
function packageBundle(name, entryURL) {
  if (!bundles.has(name)) {
    bundles.set(name, (async () => {
      let packageDir = dirname(fileURLToPath(entryURL));
      while (!existsSync(join(packageDir, 'package.json')) || JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name !== name) {
        if (dirname(packageDir) === packageDir) throw new Error(`test loader: no package.json of ${name} above ${entryURL}`);
        packageDir = dirname(packageDir);
      }
      const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
      const bundleDir = join(CACHE_DIR, `${name}-${manifest.version}-${hash(`${version}\0${JSON.stringify(BUNDLE_OPTIONS)}\0${packageDir}`).slice(0, 16)}`);
      if (!existsSync(bundleDir)) {
        const building = `${bundleDir}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await build({ ...BUNDLE_OPTIONS, entryPoints: entryPoints(packageDir, manifest), outdir: building });
        try {
          renameSync(building, bundleDir);
        } catch {
          rmSync(building, { recursive: true, force: true }); // another process finished first
        }
      }
      return { bundleDir, packageURL: pathToFileURL(join(packageDir, 'package.json')).href };
    })());
  }
  return bundles.get(name);
}

/** 'typebox/value' → { name: 'typebox', entry: 'value' } when the package is bundled. */
function bundledImport(specifier) {
  const scoped = specifier.startsWith('@');
  const parts = specifier.split('/');
  const name = parts.slice(0, scoped ? 2 : 1).join('/');
  if (!BUNDLED.has(name)) return null;
  return { name, entry: parts.slice(scoped ? 2 : 1).join('/') || 'index' };
}

export async function resolve(specifier, context, nextResolve) {
  const bundled = bundledImport(specifier);
  if (bundled) {
    const { bundleDir } = await packageBundle(bundled.name, (await nextResolve(bundled.name, context)).url);
    const file = join(bundleDir, `${bundled.entry}.mjs`);
    if (!existsSync(file)) throw new Error(`test loader: ${specifier} is not an entry of the ${bundled.name} bundle`);
    return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  }
  if (context.parentURL?.startsWith(CACHE_URL) && !specifier.startsWith('.')) {
    // A bundle's own dependency: found from the package's real directory, as it would be unbundled.
    for (const { bundleDir, packageURL } of await Promise.all(bundles.values())) {
      if (context.parentURL.startsWith(pathToFileURL(bundleDir).href)) return nextResolve(specifier, { ...context, parentURL: packageURL });
    }
  }
  // './x.js' imported by one of our files names x.ts: answered here, without first failing to find x.js.
  if (specifier.endsWith('.js') && (specifier.startsWith('./') || specifier.startsWith('../')) && OWN_FILE.test(context.parentURL ?? '')) {
    const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(ts) && !existsSync(new URL(specifier, context.parentURL))) return { url: ts.href, format: 'module', shortCircuit: true };
  }
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:');
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (!OWN_TS.test(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const cached = join(CACHE_DIR, `${hash(`${OPTIONS_KEY}\0${path}\0${source}`)}.js`);
  try {
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  } catch {
    // not transformed yet
  }
  const { code } = await transform(source, { ...TRANSFORM_OPTIONS, sourcemap: 'inline', sourcefile: path });
  mkdirSync(CACHE_DIR, { recursive: true });
  writeAtomically(cached, code);
  return { format: 'module', source: code, shortCircuit: true };
}
