import t from 'tap';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadConfigFromProcess } from '../../src/config/config.js';
import { tempDataDir } from '../helpers/app.js';

const GOOD_KEY = 'k'.repeat(48);
const GOOGLE = { SPINNEY_GOOGLE_CLIENT_ID: 'web.apps.example', SPINNEY_GOOGLE_CLIENT_SECRET: 'google-secret' };
const SMTP = { SPINNEY_SMTP_HOST: 'smtp.example', SPINNEY_SMTP_USER: 'spinney', SPINNEY_SMTP_PASSWORD: 'smtp-password', SPINNEY_MAIL_FROM: 'Spinney <mail@spinney.example>' };
const VAULT_KEYS = { SPINNEY_APP_SECRETS_KEY: 'a'.repeat(48), SPINNEY_SENSITIVE_FIELDS_KEY: 's'.repeat(48) };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

t.test('production refuses to start and names every missing or unsafe setting at once', async (t) => {
  const problems = problemsOf({
    SPINNEY_ENV: 'production',
    SPINNEY_DATA_DIR: '/nonexistent/spinney-data',
    SPINNEY_PUBLIC_URL: 'http://spinney.example',
    SPINNEY_DEV_SIGNIN: 'true',
  });
  t.match(problems.join('\n'), /SPINNEY_DATA_DIR .* not writable/);
  t.match(problems.join('\n'), /SPINNEY_PUBLIC_URL must be an https/);
  t.match(problems.join('\n'), /SPINNEY_DEV_SIGNIN must be off/);
  t.match(problems.join('\n'), /SPINNEY_TOKEN_SIGNING_KEY .* is required in production/);
  t.match(problems.join('\n'), /no sign-in provider is configured/);
  t.match(problems.join('\n'), /SPINNEY_APP_SECRETS_KEY .* is required in production/);
  t.match(problems.join('\n'), /SPINNEY_SENSITIVE_FIELDS_KEY .* is required in production/);
  t.match(problems.join('\n'), /customer mail needs an SMTP server in production: set SPINNEY_SMTP_HOST, SPINNEY_SMTP_USER, SPINNEY_SMTP_PASSWORD \(or SPINNEY_SMTP_PASSWORD_FILE\), SPINNEY_MAIL_FROM/);
  t.equal(problems.length, 8, 'all eight, in one message');
});

t.test('a short signing key is refused in every environment', async (t) => {
  const dataDir = tempDataDir(t);
  t.match(problemsOf({ SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://s.example', SPINNEY_TOKEN_SIGNING_KEY: 'short', ...GOOGLE, ...VAULT_KEYS, ...SMTP }), [/too short \(5 bytes; at least 32/]);
  t.match(problemsOf({ SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY: 'short' }), [/too short/]);
});

t.test('a correct production configuration loads into a frozen object, secrets from files', async (t) => {
  const dataDir = tempDataDir(t);
  const keyFile = join(dataDir, 'signing.key');
  writeFileSync(keyFile, `${GOOD_KEY}\n`);
  const { config, notices } = loadConfig({ SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://spinney.example/', SPINNEY_TOKEN_SIGNING_KEY_FILE: keyFile, SPINNEY_SQLITE_SYNCHRONOUS: 'FULL', ...GOOGLE, ...VAULT_KEYS, ...SMTP });
  t.equal(config.env, 'production');
  t.equal(config.publicUrl, 'https://spinney.example');
  t.equal(config.keys.signing.current().key.toString(), GOOD_KEY, 'trailing newline removed');
  t.equal(config.sqliteSynchronous, 'FULL');
  t.equal(config.devSignIn, false);
  t.same(notices, []);
  t.ok(Object.isFrozen(config) && Object.isFrozen(config.tokens));
  t.throws(() => {
    (config as { port: number }).port = 1;
  });
  t.notOk(existsSync(join(dataDir, 'dev-secrets')), 'production never generates keys');
});

t.test('bad values are named', async (t) => {
  const dataDir = tempDataDir(t);
  const problems = problemsOf({
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_ENV: 'staging',
    SPINNEY_PORT: '99999',
    SPINNEY_SQLITE_SYNCHRONOUS: 'OFF',
    SPINNEY_TRUST_PROXY: 'maybe',
    SPINNEY_TENANT_HANDLE_CACHE: '0',
    SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY,
    SPINNEY_TOKEN_SIGNING_KEY_FILE: '/etc/hostname',
    SPINNEY_HANDEL_CACHE: '5',
  });
  for (const name of ['SPINNEY_ENV', 'SPINNEY_PORT', 'SPINNEY_SQLITE_SYNCHRONOUS', 'SPINNEY_TRUST_PROXY', 'SPINNEY_TENANT_HANDLE_CACHE', 'SPINNEY_TOKEN_SIGNING_KEY_FILE', 'SPINNEY_HANDEL_CACHE']) {
    t.match(problems.join('\n'), new RegExp(name), name);
  }
  t.match(problemsOf({ SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY_FILE: join(dataDir, 'missing') }), [/cannot be read/]);
});

t.test('development generates a missing signing key once, privately, and says so', async (t) => {
  const dataDir = tempDataDir(t);
  const first = loadConfig({ SPINNEY_DATA_DIR: dataDir });
  t.equal(first.config.env, 'development');
  t.equal(first.config.devSignIn, true);
  t.match(first.notices, [/generated a development token signing key/]);
  const path = join(dataDir, 'dev-secrets', 'token-signing.key');
  t.equal(statSync(path).mode & 0o777, 0o600);
  t.ok(first.config.keys.signing.current().key.length >= 32);
  const second = loadConfig({ SPINNEY_DATA_DIR: dataDir });
  t.same(second.notices, [], 'the second start reuses it quietly');
  t.equal(second.config.keys.signing.current().key.toString(), first.config.keys.signing.current().key.toString());
  t.equal(readFileSync(path, 'utf8').trim(), first.config.keys.signing.current().key.toString());
});

t.test('a data dir that cannot be used is named (works as root too: a file is in the way)', async (t) => {
  const dataDir = tempDataDir(t);
  const blocker = join(dataDir, 'a-file');
  writeFileSync(blocker, 'x');
  t.match(problemsOf({ SPINNEY_DATA_DIR: join(blocker, 'data'), SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY }), [/SPINNEY_DATA_DIR .* not writable/]);
});

t.test('a key file is used byte for byte: binary keys keep their length, one trailing newline goes', async (t) => {
  const dataDir = tempDataDir(t);
  const binary = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 200) % 256));
  writeFileSync(join(dataDir, 'binary.key'), binary);
  const loaded = loadConfig({ SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY_FILE: join(dataDir, 'binary.key') });
  t.ok(loaded.config.keys.signing.current().key.equals(binary), 'no UTF-8 decoding mangles the bytes');
  writeFileSync(join(dataDir, 'text.key'), `${GOOD_KEY}\r\n`);
  t.equal(loadConfig({ SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY_FILE: join(dataDir, 'text.key') }).config.keys.signing.current().key.toString(), GOOD_KEY);
  writeFileSync(join(dataDir, 'short.key'), Buffer.alloc(31, 7));
  t.match(problemsOf({ SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY_FILE: join(dataDir, 'short.key') }), [/too short \(31 bytes/]);
});

t.test('production refuses a silent log', async (t) => {
  const dataDir = tempDataDir(t);
  t.match(problemsOf({ SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://s.example', SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY, SPINNEY_LOG_LEVEL: 'silent', ...GOOGLE, ...VAULT_KEYS, ...SMTP }), [/SPINNEY_LOG_LEVEL must not be silent/]);
});

t.test('sign-in providers are on when their client ids are set; issuers must be https in production', async (t) => {
  const dataDir = tempDataDir(t);
  const base = { SPINNEY_DATA_DIR: dataDir, SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY };
  const { signIn } = loadConfig({ ...base, ...GOOGLE, SPINNEY_GOOGLE_NATIVE_CLIENT_IDS: 'ios.apps.example, desktop.apps.example', SPINNEY_APPLE_CLIENT_IDS: 'com.example.spinney' }).config;
  t.same(signIn.codeFlow.map((p) => [p.id, p.issuer, p.clientId]), [['google', 'https://accounts.google.com', 'web.apps.example']]);
  t.same(signIn.idToken.find((p) => p.id === 'google')?.audiences, ['web.apps.example', 'ios.apps.example', 'desktop.apps.example']);
  t.same(signIn.idToken.find((p) => p.id === 'google')?.issuers, ['https://accounts.google.com', 'accounts.google.com'], 'Google signs with either spelling');
  t.same(signIn.idToken.find((p) => p.id === 'apple'), { id: 'apple', issuers: ['https://appleid.apple.com'], jwksUri: 'https://appleid.apple.com/auth/keys', audiences: ['com.example.spinney'] });
  t.match(problemsOf({ ...base, SPINNEY_MICROSOFT_CLIENT_ID: 'ms' }), [/SPINNEY_MICROSOFT_ISSUER is required/]);
  t.match(problemsOf({ ...base, SPINNEY_OIDC_CLIENT_ID: 'x', SPINNEY_OIDC_ISSUER: 'https://idp.example' }), [/SPINNEY_OIDC_CLIENT_SECRET .* is required/]);
  t.match(problemsOf({ ...base, SPINNEY_OIDC_CLIENT_ID: 'x', SPINNEY_OIDC_ISSUER: 'not a url', SPINNEY_OIDC_CLIENT_SECRET: 's' }), [/SPINNEY_OIDC_ISSUER is not a URL/]);
  t.match(problemsOf({ ...base, SPINNEY_NATIVE_REDIRECT_SCHEMES: 'myapp' }), [/not a reverse-domain scheme/]);
  t.match(
    problemsOf({ ...base, ...GOOGLE, SPINNEY_ENV: 'production', SPINNEY_PUBLIC_URL: 'https://s.example', SPINNEY_GOOGLE_ISSUER: 'http://127.0.0.1:9' }),
    [/SPINNEY_GOOGLE_ISSUER must be an https/],
  );
});

t.test('the three root keys are independent: each required in production, long enough, and different from the others', async (t) => {
  const dataDir = tempDataDir(t);
  const base = { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://s.example', SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY, ...GOOGLE, ...SMTP };
  t.match(problemsOf({ ...base, ...VAULT_KEYS, SPINNEY_APP_SECRETS_KEY: GOOD_KEY }), [/SPINNEY_TOKEN_SIGNING_KEY and SPINNEY_APP_SECRETS_KEY must be different keys/]);
  t.match(problemsOf({ ...base, ...VAULT_KEYS, SPINNEY_SENSITIVE_FIELDS_KEY: 'a'.repeat(48) }), [/SPINNEY_APP_SECRETS_KEY and SPINNEY_SENSITIVE_FIELDS_KEY must be different keys/]);
  t.match(problemsOf({ ...base, ...VAULT_KEYS, SPINNEY_SENSITIVE_FIELDS_KEY: 'short' }), [/SPINNEY_SENSITIVE_FIELDS_KEY is too short \(5 bytes/]);
  const keyFile = join(dataDir, 'app.key');
  writeFileSync(keyFile, `${'f'.repeat(40)}\n`);
  const { config } = loadConfig({ ...base, SPINNEY_APP_SECRETS_KEY_FILE: keyFile, SPINNEY_SENSITIVE_FIELDS_KEY: 's'.repeat(48) });
  t.equal(config.keys.app.current().key.toString(), 'f'.repeat(40), 'from a file');
  t.ok(Object.isFrozen(config.keys));

  const devDir = tempDataDir(t);
  const dev = loadConfig({ SPINNEY_DATA_DIR: devDir });
  t.same(dev.notices.map((n) => n.replace(/ at .*/, '')), ['generated a development token signing key', 'generated a development app secrets key', 'generated a development sensitive fields key']);
  const keys = [dev.config.keys.signing.current().key, dev.config.keys.app.current().key, dev.config.keys.sensitive.current().key];
  t.equal(new Set(keys.map((k) => k.toString('hex'))).size, 3, 'development generates three different keys');
  for (const name of ['app-secrets.key', 'sensitive-fields.key']) t.equal(statSync(join(devDir, 'dev-secrets', name)).mode & 0o777, 0o600, name);
});

t.test('production refuses a public bind and rate limits off unless an override says why', async (t) => {
  const dataDir = tempDataDir(t);
  const base = { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://spinney.example', SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY, ...GOOGLE, ...VAULT_KEYS, ...SMTP };
  const both = problemsOf({ ...base, SPINNEY_HOST: '0.0.0.0', SPINNEY_RATE_LIMIT: '0', SPINNEY_RATE_LIMIT_SIGNIN: '0' });
  t.equal(both.length, 2, 'both problems named at once');
  t.match(both.join('\n'), /SPINNEY_HOST=0\.0\.0\.0 makes the app reachable around nginx.*SPINNEY_PUBLIC_BIND_REASON/);
  t.match(both.join('\n'), /SPINNEY_RATE_LIMIT_SIGNIN and SPINNEY_RATE_LIMIT=0 turns rate limits off.*SPINNEY_NO_RATE_LIMITS_REASON/);
  for (const host of ['::', '192.0.2.10', '::ffff:127.0.0.1']) t.equal(problemsOf({ ...base, SPINNEY_HOST: host }).length, 1, `${host} is not loopback`);
  for (const host of ['127.0.0.1', '127.0.1.1', '::1', 'localhost']) t.same(problemsOf({ ...base, SPINNEY_HOST: host }), [], `${host} is loopback`);
  t.match(problemsOf({ ...base, SPINNEY_RATE_LIMIT: '0' }).join('\n'), /^SPINNEY_RATE_LIMIT=0 turns/, 'one limit off is refused too');
  t.match(problemsOf({ ...base, SPINNEY_HOST: '0.0.0.0', SPINNEY_PUBLIC_BIND_REASON: 'lan' }).join('\n'), /SPINNEY_PUBLIC_BIND_REASON must say why in at least 10 characters/);
  const { notices } = loadConfig({
    ...base,
    SPINNEY_HOST: '0.0.0.0',
    SPINNEY_PUBLIC_BIND_REASON: 'behind a cloud load balancer with TLS',
    SPINNEY_RATE_LIMIT: '0',
    SPINNEY_NO_RATE_LIMITS_REASON: 'bench host, no public traffic',
  });
  t.match(notices.join('\n'), /SPINNEY_HOST=0\.0\.0\.0 is not loopback in production: behind a cloud load balancer with TLS/, 'the reason is printed at start');
  t.match(notices.join('\n'), /rate limits are off in production: bench host, no public traffic/);
  t.same(problemsOf({ ...base, SPINNEY_ENV: 'development', SPINNEY_HOST: '0.0.0.0', SPINNEY_RATE_LIMIT: '0', SPINNEY_PUBLIC_URL: 'http://x.example' }), [], 'development keeps its freedom');
});

t.test('SPINNEY_ENV_FILE: read with the parser PM2 uses (spaces, quotes), the environment wins, an unreadable file is named', async (t) => {
  const dir = tempDataDir(t);
  const file = join(dir, 'spinney.env');
  writeFileSync(file, `SPINNEY_ENV=test\nSPINNEY_DATA_DIR=${dir}\nSPINNEY_TOKEN_SIGNING_KEY=${GOOD_KEY}\nSPINNEY_OIDC_LABEL=Acme SSO\nSPINNEY_OIDC_ISSUER=https://sso.acme.example\nSPINNEY_OIDC_CLIENT_ID=spinney\nSPINNEY_OIDC_CLIENT_SECRET='two words'\nSPINNEY_LOG_LEVEL="warn"\nSPINNEY_ENV_FILE=/elsewhere\n`);
  const saved = { ...process.env };
  t.teardown(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });
  for (const name of Object.keys(process.env)) if (name.startsWith('SPINNEY_')) delete process.env[name];
  process.env.SPINNEY_ENV_FILE = file;
  process.env.SPINNEY_LOG_LEVEL = 'error';
  const { config } = loadConfigFromProcess();
  t.equal(config.env, 'test');
  t.equal(config.dataDir, dir);
  t.match(config.signIn.codeFlow.find((p) => p.id === 'oidc'), { label: 'Acme SSO', clientSecret: 'two words' }, 'a value with a space is one value; quotes are removed');
  t.equal(config.logLevel, 'error', 'the environment wins over the file');
  process.env.SPINNEY_ENV_FILE = join(dir, 'missing.env');
  t.throws(() => loadConfigFromProcess(), { name: 'ConfigError', message: /SPINNEY_ENV_FILE .*missing\.env cannot be read \(ENOENT\)/ });
});

t.test('customer mail: production names each missing SMTP setting; SMTP and DKIM settings load together or are refused', async (t) => {
  const dataDir = tempDataDir(t);
  const base = { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: dataDir, SPINNEY_PUBLIC_URL: 'https://spinney.example', SPINNEY_TOKEN_SIGNING_KEY: GOOD_KEY, ...GOOGLE, ...VAULT_KEYS };
  t.same(
    problemsOf({ ...base, SPINNEY_SMTP_HOST: 'smtp.example', SPINNEY_MAIL_FROM: 'mail@spinney.example' }),
    ['customer mail needs an SMTP server in production: set SPINNEY_SMTP_USER, SPINNEY_SMTP_PASSWORD (or SPINNEY_SMTP_PASSWORD_FILE)'],
    'only what is missing is named',
  );
  const keyFile = join(dataDir, 'dkim.pem');
  writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
  const passwordFile = join(dataDir, 'smtp-password');
  writeFileSync(passwordFile, 'from-a-file\n');
  const { config } = loadConfig({ ...base, ...SMTP, SPINNEY_SMTP_PASSWORD: '', SPINNEY_SMTP_PASSWORD_FILE: passwordFile, SPINNEY_SMTP_PORT: '465', SPINNEY_SMTP_SECURE: 'tls', SPINNEY_DKIM_DOMAIN: 'Spinney.Example', SPINNEY_DKIM_SELECTOR: 's1', SPINNEY_DKIM_PRIVATE_KEY_FILE: keyFile });
  t.match(config.mail, { host: 'smtp.example', port: 465, secure: 'tls', user: 'spinney', password: 'from-a-file', from: 'Spinney <mail@spinney.example>', fromDomain: 'spinney.example', dkim: { domain: 'spinney.example', selector: 's1' } });
  t.equal(config.mail?.dkim?.privateKey.startsWith('-----BEGIN PRIVATE KEY-----'), true, 'the key is read from its _FILE');

  t.match(problemsOf({ ...base, ...SMTP, SPINNEY_DKIM_DOMAIN: 'spinney.example' }), [/DKIM needs SPINNEY_DKIM_DOMAIN, SPINNEY_DKIM_SELECTOR and SPINNEY_DKIM_PRIVATE_KEY together/]);
  t.match(problemsOf({ ...base, ...SMTP, SPINNEY_MAIL_FROM: 'not an address' }), [/SPINNEY_MAIL_FROM is not an address/]);
  t.match(problemsOf({ ...base, ...SMTP, SPINNEY_SMTP_SECURE: 'none' }), [/SPINNEY_SMTP_SECURE/]);

  const dev = loadConfig({ SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir }).config;
  t.equal(dev.mail, null, 'outside production no SMTP server is needed (messages go to the log)');
});
