// No module under src/ imports itself back at run time (type-only imports are erased and do not
// count): a cycle leaves one side reading the other's exports before they exist.
import { join, relative, resolve } from 'node:path';
import t from 'tap';
import { importedFile, valueImportSpecifiers } from '../helpers/source-imports.js';

const SRC = resolve(import.meta.dirname, '../../src');

/** Each .ts file under dir and the files it imports for their values. */
function valueImports(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, specifiers] of valueImportSpecifiers(dir)) graph.set(file, specifiers.filter((s) => s.startsWith('.')).map((s) => importedFile(file, s)));
  return graph;
}

/** One path that leads from a file back to itself, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = onPath.indexOf(file);
    if (at >= 0) return [...onPath.slice(at), file];
    if (done.has(file) || !graph.has(file)) return null;
    onPath.push(file);
    for (const dep of graph.get(file) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

t.test('src/ has no run-time import cycle', async (t) => {
  const graph = valueImports(SRC);
  t.ok(graph.has(join(SRC, 'backup/targets/open-target.ts')), 'the walk reads the backup targets');
  const cycle = findCycle(graph);
  t.equal(cycle?.map((f) => relative(SRC, f)).join(' -> ') ?? null, null);
});

t.test('the check finds a planted cycle', async (t) => {
  const a = join(SRC, 'a.ts');
  const b = join(SRC, 'b.ts');
  t.same(findCycle(new Map([[a, [b]], [b, [a]]])), [a, b, a]);
});
