// `npm run build` (server part): src/**/*.ts → dist/**/*.js with a source map beside each file,
// transformed exactly as tests load them (options.mjs). Type checking is `npm run typecheck` (tsc).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { TRANSFORM_OPTIONS } from './options.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

const files = (await readdir(SRC, { recursive: true })).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
await rm(DIST, { recursive: true, force: true });
await Promise.all(
  files.map(async (name) => {
    const source = join(SRC, name);
    const out = join(DIST, name.replace(/\.ts$/, '.js'));
    const { code, map } = await transform(await readFile(source, 'utf8'), { ...TRANSFORM_OPTIONS, sourcemap: 'external', sourcefile: relative(dirname(out), source) });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}//# sourceMappingURL=${name.split('/').pop()?.replace(/\.ts$/, '.js.map')}\n`);
    await writeFile(`${out}.map`, map);
  }),
);
