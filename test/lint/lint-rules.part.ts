// The tenancy lint rules, applied to fixtures that break them, so the rules cannot silently rot.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/lint/${name}`, import.meta.url), 'utf8');

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

t.test('opening SQLite outside src/tenancy/ is a lint error', async (t) => {
  for (const name of ['opens-sqlite.ts', 'opens-node-sqlite.ts', 'imports-sqlite-module.ts', 'deep-import-sqlite.ts']) {
    const messages = await ruleIds(fixture(name), 'src/contacts/sneaky.ts');
    t.match(messages.join('\n'), /no-restricted-imports: .*tenantDb\(\)/, `${name} is refused in a feature folder`);
  }
  t.match((await ruleIds(fixture('dynamic-import-sqlite.ts'), 'src/contacts/sneaky.ts')).join('\n'), /no-restricted-syntax: .*tenantDb\(\)/, 'a dynamic import is refused');
  t.match((await ruleIds(fixture('requires-sqlite.ts'), 'src/contacts/sneaky.ts')).join('\n'), /no-restricted-syntax: ES modules only/, 'require() is refused');
  t.same(await ruleIds(fixture('opens-sqlite.ts'), 'src/tenancy/sqlite-extra.ts'), [], 'the same code is allowed inside src/tenancy/');
  t.match((await ruleIds(fixture('opens-sqlite.ts'), 'src/tenants/tenants.repo.ts')).join('\n'), /no-restricted-imports/, 'control-plane repos go through ControlDb, not the driver');
});

t.test('binding a tenant scope by hand outside src/tenancy/ is a lint error', async (t) => {
  t.match((await ruleIds(fixture('binds-scope.ts'), 'src/contacts/sneaky.ts')).join('\n'), /no-restricted-imports: .*Tenancy\.run/);
});

t.test('reading process.env outside src/config/ is a lint error', async (t) => {
  t.match((await ruleIds(fixture('reads-env.ts'), 'src/contacts/sneaky.ts')).join('\n'), /no-restricted-properties: .*Config/);
  const other = (await ruleIds(fixture('reads-env-other-ways.ts'), 'src/contacts/sneaky.ts')).join('\n');
  t.match(other, /no-restricted-imports: .*Config/, 'import { env } from node:process is refused');
  t.match(other, /no-restricted-syntax: .*Config/, 'globalThis.process.env is refused');
  t.same(await ruleIds(fixture('reads-env.ts'), 'src/config/config.ts'), []);
});

t.test('type-only imports of the driver stay allowed (repos need the types)', async (t) => {
  t.same(await ruleIds(`import type { Database } from 'better-sqlite3';\nexport type D = Database;\n`, 'src/contacts/types.ts'), []);
});

t.test('SQL outside a *.repo.ts file (or the tenancy layer and database-owning stores) is a lint error', async (t) => {
  const code = fixture('sql-outside-repo.ts');
  const messages = (await ruleIds(code, 'src/contacts/contacts.service.ts')).filter((m) => /SQL belongs in a \*\.repo\.ts/.test(m));
  t.equal(messages.length, 3, 'statement(), prepare() and exec() with SQL text are each refused; a regex exec is not');
  t.same((await ruleIds(code, 'src/contacts/contacts.repo.ts')).filter((m) => /SQL belongs/.test(m)), [], 'the same code is allowed in a repo');
  t.same((await ruleIds(code, 'src/tenancy/extra.ts')).filter((m) => /SQL belongs/.test(m)), [], 'and in src/tenancy/');
});

t.test("a browser test may not use waitForFunction (the page's CSP refuses the string it compiles)", async (t) => {
  const code = "import type { Page } from 'playwright-core';\nexport async function wait(page: Page): Promise<void> {\n  await page.waitForFunction('document.readyState === \"complete\"');\n}\n";
  t.match((await ruleIds(code, 'test/web/sneaky.test.ts')).join('\n'), /no-restricted-syntax: waitForFunction is refused by the CSP/, 'refused in a test');
});
