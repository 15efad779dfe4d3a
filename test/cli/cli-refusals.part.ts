// The `spinney` CLI refusing what it cannot do, and its help: one-line errors, production checks,
// --help on every command (split from cli.test.ts so neither file nears tap's per-file timeout).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { PRODUCTION_SETTINGS, tempDataDir, TEST_KEYS } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

t.test('errors are one line on stderr with a non-zero exit, in one style (the argument parser\'s too)', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const cases: [string[], Record<string, string>, RegExp][] = [
    [['tenant', 'suspend', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa'], env, /^spinney: tenant not found\n$/],
    [['tenant', 'suspend', '../../etc'], env, /^spinney: tenant not found\n$/],
    [['dev', 'token', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--role', 'admin'], env, /^spinney: tenant not found\n$/],
    [['dev', 'token', '--tenant', 'x', '--role', 'owner'], env, /^spinney: option '--role <role>' argument 'owner' is invalid.*\n$/],
    [['tenant', 'create', '--name', '   '], env, /^spinney: name must be 1 to 200 printable characters\n$/],
    [['tenant', 'create', '--name', 'X', '--admin', 'not-an-email'], env, /^spinney: admin must be an email address\n$/],
    [['tenant', 'list'], { ...env, SPINNEY_PORTT: '1' }, /^spinney: invalid configuration: SPINNEY_PORTT is not a known setting/],
    [['frobnicate'], env, /^spinney: unknown command 'frobnicate'\n$/],
    [['tenant', 'list', '--bogus'], env, /^spinney: unknown option '--bogus'\n$/],
  ];
  for (const [args, e, stderr] of cases) {
    const res = await spinneyInProcess(args, e);
    t.equal(res.code, 1, `${args.join(' ')}: exit 1`);
    t.match(res.stderr, stderr, `${args.join(' ')}: one-line reason`);
    t.equal(res.stdout, '', 'nothing on stdout');
  }
});

t.test('dev token is refused in production, even with a valid production configuration', async (t) => {
  const dataDir = tempDataDir(t);
  const res = await spinney(['dev', 'token', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--role', 'admin'], { ...PRODUCTION_SETTINGS, SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS });
  t.equal(res.code, 1);
  t.equal(res.stderr, 'spinney: dev token is refused in production\n');
  t.equal(res.stdout, '');
});

t.test('production refuses to serve with an unsafe configuration, naming every problem', async (t) => {
  const res = await spinneyInProcess(['serve'], { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: '/nonexistent/data', SPINNEY_PUBLIC_URL: 'http://x.example', SPINNEY_DEV_SIGNIN: 'on' });
  t.equal(res.code, 1);
  t.equal(res.stderr.split('\n').length, 2, 'one line');
  for (const word of ['SPINNEY_DATA_DIR', 'https', 'SPINNEY_DEV_SIGNIN', 'SPINNEY_TOKEN_SIGNING_KEY', 'SPINNEY_APP_SECRETS_KEY', 'SPINNEY_SENSITIVE_FIELDS_KEY']) t.match(res.stderr, word);
});

t.test('a command group without a subcommand shows its help', async (t) => {
  for (const args of [[], ['tenant'], ['dev']]) {
    const res = await spinneyInProcess(args, {});
    t.equal(res.code, 0, `spinney ${args.join(' ')}`);
    t.match(res.stdout, /^Usage: spinney/);
  }
});

t.test('every command has --help', async (t) => {
  for (const args of [[], ['serve'], ['migrate'], ['tenant'], ['tenant', 'create'], ['tenant', 'list'], ['tenant', 'suspend'], ['tenant', 'resume'], ['dev', 'token']]) {
    const res = await spinneyInProcess([...args, '--help'], {});
    t.equal(res.code, 0, `${args.join(' ')} --help`);
    t.match(res.stdout, /^Usage: spinney/);
  }
});

t.test('spinney --version and -V print the version of package.json and exit 0', async (t) => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const res = await spinneyInProcess([flag], {});
    t.same([res.code, res.stdout, res.stderr], [0, `${version}\n`, ''], flag);
  }
});
