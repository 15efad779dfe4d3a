// The controls inventory must stay true: every file it names exists and every test it names is a
// test in that file. A renamed test or a moved file breaks this, not the inventory silently.
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface Control {
  id: string;
  title: string;
  code: string[];
  tests: { file: string; name: string }[];
}

const root = new URL('../../', import.meta.url);
const { controls } = JSON.parse(readFileSync(new URL('docs/controls.json', root), 'utf8')) as { controls: Control[] };

t.test('every control names existing code and existing tests', async (t) => {
  t.ok(controls.length >= 10);
  t.equal(new Set(controls.map((c) => c.id)).size, controls.length, 'ids are unique');
  for (const control of controls) {
    t.ok(control.code.length > 0 && control.tests.length > 0, `${control.id} names code and tests`);
    for (const file of control.code) t.ok(existsSync(new URL(file, root)), `${control.id}: ${file} exists`);
    for (const test of control.tests) {
      const path = new URL(test.file, root);
      t.ok(existsSync(path), `${control.id}: ${test.file} exists`);
      const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
      t.ok(source.includes(`t.test('${test.name}'`) || source.includes(`t.test("${test.name}"`), `${control.id}: "${test.name}" is a test in ${test.file}`);
    }
  }
});

// Small test files run as parts of one process (docs/testing.md): a part that no group imports
// would never run, and the controls it proves would be claimed on nothing.
t.test('every test part is run: each test/**/*.part.ts is imported by exactly one *.test.ts', async (t) => {
  const files = readdirSync(new URL('test/', root), { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('fixtures/'));
  const parts = files.filter((f) => f.endsWith('.part.ts')).sort();
  t.ok(parts.length >= 40, `${parts.length} parts`);
  const importers = new Map<string, string[]>();
  for (const group of files.filter((f) => f.endsWith('.test.ts'))) {
    for (const [, specifier] of readFileSync(new URL(`test/${group}`, root), 'utf8').matchAll(/^import '(\.\.?\/[\w./-]+)\.part\.js';$/gm)) {
      const part = new URL(`${specifier}.part.ts`, new URL(`test/${group}`, root)).pathname.slice(new URL('test/', root).pathname.length);
      t.ok(parts.includes(part), `${group} imports ${part}, which exists`);
      importers.set(part, [...(importers.get(part) ?? []), group]);
    }
  }
  for (const part of parts) t.same(importers.get(part)?.length, 1, `${part} is imported by one group (${importers.get(part)?.join(', ') ?? 'none'})`);
});
