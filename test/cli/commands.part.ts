// How the CLI is put together: every command lives in its own src/cli/<name>.command.ts and
// main.ts only lists them; every command group given alone prints its help.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import t from 'tap';
import { buildCli } from '../../src/cli/main.js';
import { spinney } from '../helpers/cli.js';

const CLI = resolve(import.meta.dirname, '../../src/cli');

t.test('main.ts defines no command; each command file is listed by main.ts or its group', async (t) => {
  const main = readFileSync(join(CLI, 'main.ts'), 'utf8');
  t.notMatch(main, /\.command\(/, 'main.ts only lists registrars');
  const imported = [main, readFileSync(join(CLI, 'tenant.command.ts'), 'utf8')].join('\n');
  for (const file of readdirSync(CLI).filter((f) => f.endsWith('.command.ts'))) {
    t.ok(imported.includes(`'./${file.replace(/\.ts$/, '.js')}'`), `${file} is registered`);
  }
  const names = buildCli().commands.map((c) => c.name());
  t.same(names, ['serve', 'migrate', 'tenant', 'member', 'keys', 'backup', 'jobs', 'audit', 'estimate', 'search', 'security', 'dev']);
});

t.test('a command group given alone prints its help on stdout and exits 0', async (t) => {
  const groups = buildCli()
    .commands.filter((c) => c.commands.length > 0)
    .map((c) => c.name());
  t.ok(groups.includes('member'), 'member is a group');
  for (const group of groups) {
    const res = await spinney([group], {});
    t.equal(res.code, 0, `spinney ${group}: ${res.stderr}`);
    t.match(res.stdout, new RegExp(`^Usage: spinney ${group}`));
  }
  const unknown = await spinney(['tenant', 'nonsense'], {});
  t.equal(unknown.code, 1, 'an unknown subcommand is still an error');
});
