// Lint rules that guard Spinney's tenancy: only src/tenancy/ (and the control-plane store) may
// open an SQLite file, only src/tenancy/ may bind a tenant scope, only src/config/ reads
// process.env, and SQL lives only in *.repo.ts files (and the stores that own a database file).
// test/lint/lint-rules.part.ts proves each rule still fires.
import tseslint from 'typescript-eslint';

const SQLITE_DRIVERS = ['better-sqlite3', 'node:sqlite', 'sqlite3', 'sqlite'];
const sqliteMessage = 'Open tenant data only through tenantDb() inside a tenant context (src/tenancy/).';

const envMessage = 'Read settings from the Config object (src/config/).';

const sqlMessage = 'SQL belongs in a *.repo.ts file of the feature (routes → service → repo).';
// db.prepare(…), db.statement(…), and db.exec('…') with SQL text (a regex's exec takes no literal).
const SQL_CALLS = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|statement)$/]', message: sqlMessage },
  { selector: 'CallExpression[callee.property.name="exec"][arguments.0.type=/^(Literal|TemplateLiteral)$/]', message: sqlMessage },
];
// The same bypasses by other spellings (dynamic import, require, globalThis.process.env), and SQL
// outside its homes.
const restrictedSyntax = (refuseSql) => [
  'error',
  { selector: 'ImportExpression[source.type="Literal"][source.value=/sqlite/]', message: sqliteMessage },
  { selector: 'ImportExpression:not([source.type="Literal"])', message: 'Import modules statically, so the lint rules can see them.' },
  { selector: 'CallExpression[callee.name=/^(require|createRequire)$/]', message: 'ES modules only: require() hides imports from the lint rules.' },
  { selector: 'MemberExpression[property.name="env"][object.property.name="process"]', message: envMessage },
  ...(refuseSql ? SQL_CALLS : []),
];
// Where SQL may be written: repos, the tenancy layer, and the stores that each own one database file.
const SQL_HOMES = ['src/**/*.repo.ts', 'src/tenancy/**/*.ts', 'src/tenants/control-db.ts', 'src/vault/keyring.ts', 'src/backup/database-files.ts'];

const restrictedImports = (allowSqliteModule) => [
  'error',
  {
    paths: [
      ...SQLITE_DRIVERS.map((name) => ({ name, message: sqliteMessage, allowTypeImports: true })),
      ...['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: envMessage })),
    ],
    patterns: [
      { group: SQLITE_DRIVERS.map((name) => `${name}/**`), message: sqliteMessage, allowTypeImports: true },
      ...(allowSqliteModule ? [] : [{ group: ['**/tenancy/sqlite.js'], message: sqliteMessage, allowTypeImports: true }]),
      { group: ['**/tenancy/context.js'], importNames: ['runInScope'], message: 'Bind a tenant scope with Tenancy.run().' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'web/src/api/schema.d.ts', 'coverage/', '.tap/', 'data/', 'test/fixtures/lint/', 'bench/.*-compiled/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(false),
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: envMessage }],
      'no-restricted-syntax': restrictedSyntax(true),
    },
  },
  { files: SQL_HOMES, rules: { 'no-restricted-syntax': restrictedSyntax(false) } },
  { files: ['src/tenancy/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/tenants/control-db.ts', 'src/vault/keyring.ts', 'src/backup/database-files.ts'], rules: { 'no-restricted-imports': restrictedImports(true) } },
  { files: ['src/config/config.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    // Playwright's waitForFunction compiles its predicate inside the page, which the app's CSP (no
    // unsafe-eval) refuses: the refusal is a console error the browser tests count, and it came
    // and went with timing. Poll with page.evaluate (the DevTools protocol) or a locator instead.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='waitForFunction']", message: 'waitForFunction is refused by the CSP inside the page: poll with page.evaluate or wait on a locator' }],
    },
  },
);
