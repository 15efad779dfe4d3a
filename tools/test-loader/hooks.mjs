// Module hooks for the test suite: our TypeScript (src/, test/, tools/, bench/) is transformed by
// esbuild, type annotations stripped and nothing else changed: no minification, so the inline
// source map lets V8 coverage and stack traces point at the right .ts line. Imports name './x.js'
// for x.ts (as tsc's NodeNext resolution wants), so a missing .js is tried as .ts.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { TRANSFORM_OPTIONS } from '../transpile/options.mjs';

const OWN_TS = /^file:\/\/(?!.*\/node_modules\/).*\.ts$/;

export async function resolve(specifier, context, nextResolve) {
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
  const { code } = await transform(await readFile(path, 'utf8'), { ...TRANSFORM_OPTIONS, sourcemap: 'inline', sourcefile: path });
  return { format: 'module', source: code, shortCircuit: true };
}
