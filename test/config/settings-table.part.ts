// The settings table (src/config/settings.ts) is the one declaration of Spinney's settings: README's
// table must say the same, row for row, and the copies of it outside src/ (the production env file
// provision.sh writes, defaults that deploy files assume) must name only declared settings and
// assume their declared defaults.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import t, { type Test } from 'tap';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { KNOWN_SETTING_NAMES, parseSetting, SETTINGS, type Setting } from '../../src/config/settings.js';
import { tempDataDir } from '../helpers/app.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface ReadmeRow {
  name: string;
  default: string;
  doc: string;
}

/** The README row a setting's declaration stands for. */
function readmeRowOf(setting: Setting): ReadmeRow {
  const name = setting.parser.kind === 'secret' ? `\`${setting.name}\` / \`_FILE\`` : `\`${setting.name}\``;
  const fallback = setting.default === null ? 'none' : typeof setting.default === 'string' ? `\`${setting.default}\`` : setting.default.computed;
  return { name, default: fallback, doc: setting.doc };
}

/** README's settings table (section "Configuration"), by setting name. */
function readmeTable(t: Test): Map<string, ReadmeRow> {
  const readme = read('README.md');
  const header = '| variable | default | meaning |\n| --- | --- | --- |\n';
  const start = readme.indexOf(header, readme.indexOf('\n## Configuration\n'));
  t.ok(start > 0, 'README has the settings table under "Configuration"');
  const lines = readme.slice(start + header.length).split('\n');
  const rows = new Map<string, ReadmeRow>();
  for (const line of lines.slice(0, lines.findIndex((l) => !l.startsWith('|')))) {
    const cells = /^\| (.+?) \| (.+?) \| (.+) \|$/.exec(line);
    const name = cells && /^`(SPINNEY_[A-Z0-9_]+)`( \/ `_FILE`)?$/.exec(cells[1] as string)?.[1];
    if (!cells || !name) {
      t.fail(`README's settings table row ${JSON.stringify(line)} must name one setting: | \`SPINNEY_…\` | default | meaning |`);
      continue;
    }
    if (rows.has(name)) t.fail(`README's settings table has two rows for ${name}`);
    rows.set(name, { name: cells[1] as string, default: cells[2] as string, doc: cells[3] as string });
  }
  return rows;
}

t.test("README's settings table and src/config/settings.ts declare the same settings, with the same defaults", async (t) => {
  const rows = readmeTable(t);
  t.ok(rows.size >= 60, `README lists ${rows.size} settings`);
  for (const setting of SETTINGS) {
    const expected = readmeRowOf(setting);
    const row = rows.get(setting.name);
    if (!row) {
      t.fail(`${setting.name} is declared in src/config/settings.ts but README's settings table has no row for it; add: | ${expected.name} | ${expected.default} | ${expected.doc} |`);
      continue;
    }
    t.equal(row.default, expected.default, `${setting.name}: README's default is the declared one`);
    t.equal(row.name, expected.name, `${setting.name}: README names it ${setting.parser.kind === 'secret' ? 'with' : 'without'} NAME_FILE, as declared`);
    t.equal(row.doc, expected.doc, `${setting.name}: README's meaning is the declared doc`);
  }
  const declared = new Set<string>(SETTINGS.map((s) => s.name));
  for (const name of rows.keys()) {
    if (!declared.has(name)) t.fail(`README's settings table has a row for ${name}, which src/config/settings.ts does not declare (the server refuses it as unknown)`);
  }
});

t.test('each declaration is well-formed: one row per name, a default its own parser accepts', async (t) => {
  const names = SETTINGS.map((s) => s.name);
  t.same(names.filter((name, i) => names.indexOf(name) !== i), [], 'no setting is declared twice');
  for (const setting of SETTINGS) {
    if (typeof setting.default !== 'string') continue;
    const parsed = parseSetting(setting, setting.default);
    t.notOk('problem' in parsed, `${setting.name}: the default ${JSON.stringify(setting.default)} is a value it accepts${'problem' in parsed ? ` (${parsed.problem})` : ''}`);
  }
  t.ok(KNOWN_SETTING_NAMES.has('SPINNEY_APP_SECRETS_KEY_FILE') && !KNOWN_SETTING_NAMES.has('SPINNEY_PORT_FILE'), 'NAME_FILE is known for secrets only');
});

t.test('every declared name, and NAME_FILE of every secret, is accepted; set empty, each is its default', async (t) => {
  const dataDir = tempDataDir(t);
  const empty = Object.fromEntries([...KNOWN_SETTING_NAMES].map((name) => [name, '']));
  let problems: string[] = [];
  try {
    const everyEmpty = loadConfig({ ...empty, SPINNEY_DATA_DIR: dataDir }).config;
    const none = loadConfig({ SPINNEY_DATA_DIR: dataDir }).config;
    t.same(everyEmpty, none, 'an empty setting reads as unset');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems = err.problems;
  }
  t.same(problems, [], 'no declared name is refused');
});

t.test('the env file provision.sh writes names only declared settings; deploy files assume the declared defaults', async (t) => {
  const provision = read('deploy/provision.sh');
  const envFile = /^env_file_content\(\) \{\n {2}cat <<EOF\n([\s\S]*?)\nEOF$/m.exec(provision)?.[1];
  t.ok(envFile, 'provision.sh has env_file_content');
  const named = [...(envFile ?? '').matchAll(/\bSPINNEY_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]);
  t.ok(named.length >= 10, `the env file names ${named.length} settings`);
  for (const name of named) t.ok(KNOWN_SETTING_NAMES.has(name), `the env file's ${name} is a declared setting`);

  const defaults = new Map<string, string>(SETTINGS.flatMap((s) => (typeof s.default === 'string' ? [[s.name, s.default] as const] : [])));
  const assumed = [
    ...[...provision.matchAll(/env_value (SPINNEY_[A-Z0-9_]+) ([\w./-]+)\)/g)].map((m) => ['deploy/provision.sh', m[1], m[2]]),
    ...[...read('ecosystem.config.cjs').matchAll(/env\.(SPINNEY_[A-Z0-9_]+) \|\| '?([\w./-]+)'?\)/g)].map((m) => ['ecosystem.config.cjs', m[1], m[2]]),
  ] as [string, string, string][];
  t.ok(assumed.length >= 2, 'provision.sh and ecosystem.config.cjs each assume a default');
  for (const [file, name, value] of assumed) t.equal(value, defaults.get(name), `${file} assumes ${name}'s declared default`);
});
