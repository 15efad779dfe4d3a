// The controls inventory must stay true: every file it names exists and every test it names is a
// test in that file. A renamed test or a moved file breaks this, not the inventory silently.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';

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
