// What `spinney` loads before it runs a command. Every module a file imports for its values at the
// top is loaded and evaluated at start-up, so the heavy libraries stay behind a literal
// `await import()` at the point of use: `--help` and the operator commands start in a fraction of
// the time (bench/cli-start.ts measures it), and the S3 SDK and ssh2 load only when the backup
// target names them.
import { join, relative, resolve } from 'node:path';
import t from 'tap';
import { importedFile, valueImportSpecifiers } from '../helpers/source-imports.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

interface Imports {
  files: string[];
  packages: string[];
}

/** Each .ts file under src/ and what it imports for its values at the top (type-only imports are erased). */
function staticImports(): Map<string, Imports> {
  const graph = new Map<string, Imports>();
  for (const [file, specifiers] of valueImportSpecifiers(SRC)) {
    const imports: Imports = { files: [], packages: [] };
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) imports.files.push(importedFile(file, specifier));
      else if (!specifier.startsWith('node:')) imports.packages.push(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
    graph.set(file, imports);
  }
  return graph;
}

/** Every package loaded at start-up from `entry`, each with the chain of files that brings it in. */
function packagesLoadedBy(graph: Map<string, Imports>, entry: string): Map<string, string> {
  const via = new Map<string, string | null>([[entry, null]]);
  const packages = new Map<string, string>();
  const chain = (file: string): string => {
    const files: string[] = [];
    for (let at: string | null | undefined = file; at; at = via.get(at)) files.unshift(relative(ROOT, at));
    return files.join(' > ');
  };
  for (const queue = [entry]; queue.length > 0; ) {
    const file = queue.shift() as string;
    const imports = graph.get(file);
    if (!imports) continue;
    for (const name of imports.packages) if (!packages.has(name)) packages.set(name, chain(file));
    for (const next of imports.files) {
      if (via.has(next)) continue;
      via.set(next, file);
      queue.push(next);
    }
  }
  return packages;
}

const graph = staticImports();

t.test('spinney starts without the HTTP stack, the backup targets, sign-in, logging or SQLite; each command loads its own', async (t) => {
  const loaded = packagesLoadedBy(graph, join(SRC, 'cli/main.ts'));
  t.ok(loaded.has('commander'), 'the walk sees what main.ts imports');
  for (const heavy of ['fastify', '@fastify/swagger', '@aws-sdk/client-s3', 'ssh2', 'openid-client', 'oidc-provider', 'jose', 'fast-jwt', 'pino', 'better-sqlite3', 'tar-stream']) {
    t.notOk(loaded.has(heavy), `${heavy} is not loaded at start-up${loaded.has(heavy) ? `: ${loaded.get(heavy)}` : ''}`);
  }
});

t.test('the S3 SDK and ssh2 load only when the backup target names them, in the server and every command', async (t) => {
  for (const entry of ['runtime.ts', 'app.ts', 'server.ts', 'cli/backup.command.ts']) {
    const loaded = packagesLoadedBy(graph, join(SRC, entry));
    t.ok(loaded.size > 0, `the walk sees what ${entry} imports`);
    for (const driver of ['@aws-sdk/client-s3', 'ssh2']) t.notOk(loaded.has(driver), `${entry} does not load ${driver}${loaded.has(driver) ? `: ${loaded.get(driver)}` : ''}`);
  }
});
