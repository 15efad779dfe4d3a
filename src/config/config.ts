// The one place that reads process.env (the lint rule forbids it elsewhere).
// loadConfig() validates every SPINNEY_* setting (declared in settings.ts) at once and returns a
// frozen, typed object; in production any missing or unsafe setting is collected and reported together.
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import cron from 'node-cron';
import { parseKeySet, readKeyFile, ROOT_KEY_NAMES, ROOT_KEY_VARIABLES, RootKeySet, type KeySource, type RootKeyName, type RootKeyVersion } from '../vault/root-keys.js';
import { ensureDevSecret } from './dev-secrets.js';
import { KNOWN_SETTING_NAMES, parseSetting, settingNamed, type ChoiceOf, type ParsedSetting, type SettingName, type SettingNameOf } from './settings.js';

export type SpinneyEnv = 'development' | 'test' | 'production';
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface Config {
  readonly env: SpinneyEnv;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  /** Largest CSV upload (src/imports/), apart from the JSON body limit. */
  readonly importBodyLimitBytes: number;
  /** Files (src/files/): the largest upload, and the bytes of files a workspace may hold. */
  readonly files: { readonly maxBytes: number; readonly workspaceQuotaBytes: number };
  readonly tenantHandleCacheSize: number;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly trustProxy: boolean;
  readonly devSignIn: boolean;
  readonly tokens: {
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenTtlSeconds: number;
    /** Bound on the verified-token cache (entries); 0 turns the cache off. */
    readonly verifyCacheSize: number;
  };
  /**
   * The three root keys (docs/architecture.md, "Keys"), each a set of versions of at least
   * 32 bytes, independent of the others: token signing (access tokens and keys derived from it),
   * app secrets (vault secrets, integration tokens, webhook secrets, the keyring) and sensitive
   * fields (customer-sensitive columns and file blobs).
   */
  readonly keys: RootKeys;
  readonly sessions: {
    /** Absolute lifetime of a session from sign-in. */
    readonly lifetimeSeconds: number;
    /** A session with no activity for this long is over. */
    readonly idleSeconds: number;
    /** Sensitive routes need activity or a sign-in within this window. */
    readonly reauthSeconds: number;
    /** A retry with the just-rotated refresh token within this window gets the same new pair. */
    readonly refreshGraceSeconds: number;
  };
  /** Requests per minute per client IP; 0 turns a limit off (benchmarks only). */
  readonly rateLimits: { readonly signIn: number; readonly global: number };
  /** Days between a workspace's deletion (every request refused at once) and its purge. */
  readonly deletionGraceDays: number;
  /** Days the counted anonymous refusals (security_events) are kept; the control-purge job deletes older windows. */
  readonly securityEventsRetentionDays: number;
  /** Seconds a SIGTERM/SIGINT gives in-flight requests before their connections are cut (src/server.ts). */
  readonly shutdownTimeoutSeconds: number;
  /**
   * Scheduled jobs (src/jobs/scheduler.ts): SPINNEY_JOBS, and which PM2 cluster instance this
   * process is (NODE_APP_INSTANCE, set by PM2; null outside PM2). Only instance 0 runs them.
   */
  readonly jobs: { readonly enabled: boolean; readonly pm2Instance: string | null };
  /** Encrypted backups (src/backup/, docs/backup-format.md): where they go, when, how long they stay. */
  readonly backup: BackupConfig;
  readonly signIn: SignInConfig;
  /** Customer mail (src/mail/, docs/mail.md); null: no SMTP server, messages go to the log (never in production). */
  readonly mail: MailConfig | null;
}

/** The domain of a From address (`Name <mail@example.com>` or `mail@example.com`), lower case; null when it is not one. */
export const fromDomainOf = (from: string): string | null => /@([^\s@<>]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? null;

export interface MailConfig {
  readonly host: string;
  readonly port: number;
  /** `tls`: TLS from the first byte; `starttls`: the upgrade is required, never plain text. */
  readonly secure: 'tls' | 'starttls';
  readonly user: string | null;
  readonly password: string | null;
  /** The From header as given; `fromDomain` names the Message-IDs. */
  readonly from: string;
  readonly fromDomain: string;
  readonly dkim: { readonly domain: string; readonly selector: string; readonly privateKey: string } | null;
  /** A CA certificate (PEM) trusted for the SMTP server besides the system's; null: the system's only. */
  readonly ca: string | null;
}

export interface BackupConfig {
  readonly target: 'local' | 's3' | 'sftp';
  /** The local target's directory (SPINNEY_BACKUP_DIR); never inside the data dir's tenants/. */
  readonly dir: string;
  readonly s3: BackupS3Config | null;
  readonly sftp: BackupSftpConfig | null;
  /** node-cron expression (UTC) of the `backup` job. */
  readonly schedule: string;
  /** Every run is kept this many hours; then one a day for keepDailyDays days. */
  readonly keepAllHours: number;
  readonly keepDailyDays: number;
}

export interface BackupS3Config {
  /** An S3-compatible endpoint (MinIO, Ceph …); null for AWS itself. Path-style addressing when set. */
  readonly endpoint: string | null;
  readonly bucket: string;
  readonly region: string;
  /** Null: the SDK's own chain (instance role, ~/.aws). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | null;
  /** Key prefix inside the bucket, '' or ending in '/'. */
  readonly prefix: string;
}

/** A backup host reached over SSH (OpenSSH's sftp-server or internal-sftp), by key only. */
export interface BackupSftpConfig {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** Absolute directory on the backup host that holds the objects. */
  readonly path: string;
  /** The client key (OpenSSH or PEM format) and its passphrase, if it has one. */
  readonly privateKey: Buffer;
  readonly passphrase: Buffer | null;
  /** The host key's `SHA256:…` fingerprint as `ssh-keygen -lf` prints it: no connection without a match. */
  readonly hostFingerprint: string;
}

export type RootKeys = Readonly<Record<RootKeyName, RootKeySet>>;

/** A provider we run the authorization code flow against (browser and native sign-in). */
export interface CodeFlowProvider {
  readonly id: 'google' | 'microsoft' | 'oidc' | 'dev';
  readonly label: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A provider whose ID tokens, obtained on a device, we accept at POST /auth/exchange. */
export interface IdTokenProvider {
  readonly id: 'google' | 'apple';
  readonly issuers: readonly string[];
  readonly jwksUri: string;
  /** Our client ids at that provider: the only audiences accepted. */
  readonly audiences: readonly string[];
}

export interface SignInConfig {
  readonly codeFlow: readonly CodeFlowProvider[];
  readonly idToken: readonly IdTokenProvider[];
  /** Port of the development OpenID provider (development only; 0 = any free port). */
  readonly devProviderPort: number;
  /** Where a native client may ask us to send it back after sign-in (loopback is always allowed). */
  readonly nativeRedirectSchemes: readonly string[];
}

/** Every problem found in one pass, so an operator fixes them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: Config;
  /** Things worth one log line at start-up (e.g. "generated a development key"). */
  notices: string[];
}

export const MIN_SECRET_BYTES = 32;

type Env = Record<string, string | undefined>;

/**
 * Reads the process environment; in development a `.env` file in the working directory is read first.
 * `generateDevKeys: false` for commands that must use existing keys (restore-platform: the backups
 * were sealed with them), so a missing key is an error there, not a fresh development key.
 */
export function loadConfigFromProcess(options: LoadOptions = {}): LoadedConfig {
  const fromFile = readEnvFile(process.env.SPINNEY_ENV_FILE);
  const env = process.env.SPINNEY_ENV ?? fromFile.SPINNEY_ENV ?? 'development';
  if (env === 'development') {
    try {
      process.loadEnvFile('.env');
    } catch {
      // no .env file: nothing to read
    }
  }
  return loadConfig({ ...fromFile, ...process.env }, options);
}

/**
 * SPINNEY_ENV_FILE's settings, parsed as PM2's ecosystem file parses the same file (util.parseEnv),
 * so a value with spaces means the same to the server and to every command.
 */
function readEnvFile(path: string | undefined): Env {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`SPINNEY_ENV_FILE ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  const settings: Env = parseEnv(text);
  delete settings.SPINNEY_ENV_FILE; // one file: a file naming another is not followed
  return settings;
}

/** An override's reason is read at every start: a word or two is not a reason. */
const MIN_OVERRIDE_REASON = 10;

/** 127.0.0.0/8, ::1 and localhost: addresses only this host can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface LoadOptions {
  /** Development only: write a missing root key into the data dir (default true). */
  generateDevKeys?: boolean;
}

export function loadConfig(env: Env, { generateDevKeys = true }: LoadOptions = {}): LoadedConfig {
  const problems: string[] = [];
  const notices: string[] = [];

  for (const name of Object.keys(env)) {
    if (name.startsWith('SPINNEY_') && !KNOWN_SETTING_NAMES.has(name)) {
      problems.push(`${name} is not a known setting (misspelt?)`);
    }
  }

  const read = settingsReader(env, problems);
  const spinneyEnv = read.choice('SPINNEY_ENV');
  const production = spinneyEnv === 'production';

  const dataDir = resolve(read.text('SPINNEY_DATA_DIR'));
  const host = read.text('SPINNEY_HOST');
  const port = read.integer('SPINNEY_PORT');
  const publicUrl = read.text('SPINNEY_PUBLIC_URL', `http://${host}:${port}`).replace(/\/+$/, '');
  const logLevel = read.choice('SPINNEY_LOG_LEVEL', spinneyEnv === 'test' ? 'silent' : 'info');
  const bodyLimitBytes = read.integer('SPINNEY_BODY_LIMIT_BYTES');
  const importBodyLimitBytes = read.integer('SPINNEY_IMPORT_BODY_LIMIT_BYTES');
  const files = { maxBytes: read.integer('SPINNEY_FILE_MAX_BYTES'), workspaceQuotaBytes: read.integer('SPINNEY_WORKSPACE_QUOTA_BYTES') };
  const tenantHandleCacheSize = read.integer('SPINNEY_TENANT_HANDLE_CACHE');
  const sqliteSynchronous = read.choice('SPINNEY_SQLITE_SYNCHRONOUS');
  const trustProxy = read.boolean('SPINNEY_TRUST_PROXY');
  const devSignIn = read.boolean('SPINNEY_DEV_SIGNIN', !production);
  const accessTokenTtlSeconds = read.integer('SPINNEY_ACCESS_TOKEN_TTL');
  const verifyCacheSize = read.integer('SPINNEY_TOKEN_VERIFY_CACHE');

  const sessions = {
    lifetimeSeconds: read.integer('SPINNEY_SESSION_LIFETIME'),
    idleSeconds: read.integer('SPINNEY_SESSION_IDLE_TIMEOUT'),
    reauthSeconds: read.integer('SPINNEY_REAUTH_WINDOW'),
    refreshGraceSeconds: read.integer('SPINNEY_REFRESH_GRACE'),
  };
  const rateLimits = {
    signIn: read.integer('SPINNEY_RATE_LIMIT_SIGNIN'),
    global: read.integer('SPINNEY_RATE_LIMIT'),
  };
  const deletionGraceDays = read.integer('SPINNEY_DELETION_GRACE_DAYS');
  const securityEventsRetentionDays = read.integer('SPINNEY_SECURITY_EVENTS_RETENTION_DAYS');
  const shutdownTimeoutSeconds = read.integer('SPINNEY_SHUTDOWN_TIMEOUT');
  const jobs = { enabled: read.boolean('SPINNEY_JOBS'), pm2Instance: env.NODE_APP_INSTANCE ?? null };
  const signIn = signInProviders(read, spinneyEnv, problems);
  const backup = backupSettings(read, dataDir, production, problems);
  const mail = mailSettings(read, production, problems);

  let url: URL | undefined;
  try {
    url = new URL(publicUrl);
  } catch {
    problems.push(`SPINNEY_PUBLIC_URL is not a URL`);
  }

  let dataDirWritable = true;
  try {
    // Development creates ./data on first start; production expects the operator to have made it.
    if (!production) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch {
    dataDirWritable = false;
    problems.push(`SPINNEY_DATA_DIR (${dataDir}) does not exist or is not writable`);
  }

  // The three root keys: from the environment or a file; generated once per data dir in
  // development; required, long enough and pairwise different in production. Each is a set of
  // versions (src/vault/root-keys.ts); a single secret is version 1.
  const rootKeySet = (name: RootKeyName, devFile: string, label: string): RootKeySet | undefined => {
    const variable = ROOT_KEY_VARIABLES[name];
    const given = read.secret(variable);
    let source: KeySource | undefined;
    let bytes: Buffer | undefined;
    if (given) ({ source, bytes } = given);
    else if (given === null) return undefined;
    else if (production) problems.push(`${variable} (or ${variable}_FILE) is required in production`);
    else if (!generateDevKeys) problems.push(`${variable} (or ${variable}_FILE) is required: this command uses the existing keys and never generates development ones`);
    else if (dataDirWritable) {
      const generated = ensureDevSecret(dataDir, devFile);
      [source, bytes] = [{ kind: 'file', path: generated.path }, generated.value];
      if (generated.created) notices.push(`generated a development ${label} at ${generated.path}`);
    }
    if (!source || !bytes) return undefined;
    let versions: RootKeyVersion[];
    try {
      versions = parseKeySet(bytes);
    } catch (err) {
      problems.push(`${variable}: ${(err as Error).message}`);
      return undefined;
    }
    for (const v of versions) {
      const which = versions.length > 1 ? `${variable} version ${v.version}` : variable;
      if (v.key.length < MIN_SECRET_BYTES) problems.push(`${which} is too short (${v.key.length} bytes; at least ${MIN_SECRET_BYTES} needed)`);
    }
    return new RootKeySet(name, source, versions);
  };
  const keys = {
    signing: rootKeySet('signing', 'token-signing.key', 'token signing key'),
    app: rootKeySet('app', 'app-secrets.key', 'app secrets key'),
    sensitive: rootKeySet('sensitive', 'sensitive-fields.key', 'sensitive fields key'),
  };
  // Independent keys: one leaked key must not open what another protects, in any version.
  const allVersions = ROOT_KEY_NAMES.flatMap((name) => (keys[name]?.versions() ?? []).map((v) => ({ name, ...v })));
  const reported = new Set<string>();
  for (const [i, a] of allVersions.entries()) {
    for (const b of allVersions.slice(i + 1)) {
      const pair = `${ROOT_KEY_VARIABLES[a.name]} and ${ROOT_KEY_VARIABLES[b.name]}`;
      if (a.key.equals(b.key) && !reported.has(pair)) {
        reported.add(pair);
        problems.push(a.name === b.name ? `${ROOT_KEY_VARIABLES[a.name]} repeats a key in two versions` : `${pair} must be different keys`);
      }
    }
  }
  if (production) {
    if (logLevel === 'silent') problems.push('SPINNEY_LOG_LEVEL must not be silent in production (the request log is an audit aid)');
    if (!url || url.protocol !== 'https:') problems.push('SPINNEY_PUBLIC_URL must be an https:// URL in production');
    if (devSignIn) problems.push('SPINNEY_DEV_SIGNIN must be off in production');
    // Holes an operator may open only by writing down why (the reason is printed at every start).
    const override = (variable: 'SPINNEY_PUBLIC_BIND_REASON' | 'SPINNEY_NO_RATE_LIMITS_REASON'): string | null => {
      const reason = read.text(variable).trim();
      if (reason.length === 0) return null;
      if (reason.length < MIN_OVERRIDE_REASON) problems.push(`${variable} must say why in at least ${MIN_OVERRIDE_REASON} characters`);
      return reason;
    };
    if (!isLoopbackHost(host)) {
      const reason = override('SPINNEY_PUBLIC_BIND_REASON');
      if (reason === null) problems.push(`SPINNEY_HOST=${host} makes the app reachable around nginx (no TLS, no edge limits); use 127.0.0.1 in production, or set SPINNEY_PUBLIC_BIND_REASON to say why not`);
      else notices.push(`SPINNEY_HOST=${host} is not loopback in production: ${reason}`);
    }
    if (rateLimits.signIn === 0 || rateLimits.global === 0) {
      const reason = override('SPINNEY_NO_RATE_LIMITS_REASON');
      const off = [rateLimits.signIn === 0 ? 'SPINNEY_RATE_LIMIT_SIGNIN' : null, rateLimits.global === 0 ? 'SPINNEY_RATE_LIMIT' : null].filter(Boolean).join(' and ');
      if (reason === null) problems.push(`${off}=0 turns rate limits off; keep them on in production, or set SPINNEY_NO_RATE_LIMITS_REASON to say why not`);
      else notices.push(`${off}=0: rate limits are off in production: ${reason}`);
    }
    if (signIn.codeFlow.length === 0 && signIn.idToken.length === 0) {
      problems.push('no sign-in provider is configured (set SPINNEY_GOOGLE_CLIENT_ID, SPINNEY_MICROSOFT_CLIENT_ID, SPINNEY_OIDC_ISSUER or SPINNEY_APPLE_CLIENT_IDS)');
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    env: spinneyEnv,
    dataDir,
    host,
    port,
    publicUrl,
    logLevel,
    bodyLimitBytes,
    importBodyLimitBytes,
    files,
    tenantHandleCacheSize,
    sqliteSynchronous,
    trustProxy,
    devSignIn,
    tokens: {
      issuer: publicUrl,
      audience: 'spinney-api',
      accessTokenTtlSeconds,
      verifyCacheSize,
    },
    keys: keys as RootKeys,
    sessions,
    deletionGraceDays,
    securityEventsRetentionDays,
    shutdownTimeoutSeconds,
    jobs,
    backup,
    rateLimits,
    signIn,
    mail,
  };
  return { config: deepFreeze(config), notices };
}

/**
 * The sign-in providers this server offers. Each is on when its client id is set; the development
 * provider is on when development sign-in is. Issuers must be https outside development and tests
 * (the test suite points them at real providers on loopback).
 */
function signInProviders(read: SettingsReader, spinneyEnv: SpinneyEnv, problems: string[]): SignInConfig {
  const production = spinneyEnv === 'production';
  const codeFlow: CodeFlowProvider[] = [];
  const issuerOf = (name: `SPINNEY_${'GOOGLE' | 'MICROSOFT' | 'OIDC' | 'APPLE'}_ISSUER`): string | undefined => {
    const given = read.text(name);
    if (given === '') return undefined;
    const issuer = given.replace(/\/+$/, '');
    let parsed: URL | undefined;
    try {
      parsed = new URL(issuer);
    } catch {
      problems.push(`${name} is not a URL`);
      return undefined;
    }
    if (production && parsed.protocol !== 'https:') problems.push(`${name} must be an https:// URL in production`);
    return issuer;
  };
  const codeFlowProvider = (prefix: 'GOOGLE' | 'MICROSOFT' | 'OIDC', id: CodeFlowProvider['id'], label: string): void => {
    const clientId = read.text(`SPINNEY_${prefix}_CLIENT_ID`);
    if (!clientId) return;
    const issuer = issuerOf(`SPINNEY_${prefix}_ISSUER`);
    const clientSecret = read.secret(`SPINNEY_${prefix}_CLIENT_SECRET`)?.bytes;
    if (!issuer) return void problems.push(`SPINNEY_${prefix}_ISSUER is required with SPINNEY_${prefix}_CLIENT_ID`);
    if (!clientSecret) return void problems.push(`SPINNEY_${prefix}_CLIENT_SECRET (or _FILE) is required with SPINNEY_${prefix}_CLIENT_ID`);
    codeFlow.push({ id, label, issuer, clientId, clientSecret: clientSecret.toString('utf8') });
  };
  codeFlowProvider('GOOGLE', 'google', 'Google');
  codeFlowProvider('MICROSOFT', 'microsoft', 'Microsoft');
  codeFlowProvider('OIDC', 'oidc', read.text('SPINNEY_OIDC_LABEL'));

  const idToken: IdTokenProvider[] = [];
  const googleAudiences = [read.text('SPINNEY_GOOGLE_CLIENT_ID'), ...read.list('SPINNEY_GOOGLE_NATIVE_CLIENT_IDS')].filter(Boolean);
  if (googleAudiences.length > 0) {
    const issuer = issuerOf('SPINNEY_GOOGLE_ISSUER') as string;
    // Google signs with either spelling of its issuer.
    const issuers = issuer === 'https://accounts.google.com' ? [issuer, 'accounts.google.com'] : [issuer];
    const jwksUri = issuer === 'https://accounts.google.com' ? 'https://www.googleapis.com/oauth2/v3/certs' : `${issuer}/keys`;
    idToken.push({ id: 'google', issuers, jwksUri, audiences: googleAudiences });
  }
  const appleAudiences = read.list('SPINNEY_APPLE_CLIENT_IDS');
  if (appleAudiences.length > 0) {
    const issuer = issuerOf('SPINNEY_APPLE_ISSUER') as string;
    idToken.push({ id: 'apple', issuers: [issuer], jwksUri: `${issuer}/auth/keys`, audiences: appleAudiences });
  }

  // The development provider (src/dev/dev-oidc-provider.ts) is started by `spinney serve` when
  // development sign-in is on; its issuer is only known once it listens, so it is not listed here.
  const devProviderPort = read.integer('SPINNEY_DEV_OIDC_PORT');
  const nativeRedirectSchemes = read.list('SPINNEY_NATIVE_REDIRECT_SCHEMES');
  for (const scheme of nativeRedirectSchemes) {
    if (!/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+$/.test(scheme)) problems.push(`SPINNEY_NATIVE_REDIRECT_SCHEMES: ${scheme} is not a reverse-domain scheme (e.g. com.example.spinney)`);
  }
  return { codeFlow, idToken, devProviderPort, nativeRedirectSchemes };
}

/**
 * Backups (docs/operations.md, "Backups"): a local directory by default, beside tenants/ in the
 * data dir (never inside it, so no tenant file and no backup share a directory), an S3 bucket, or
 * a directory on a backup host over SFTP.
 */
/**
 * The SMTP server and signing key of customer mail. Production refuses to start without a server,
 * an account and a From address (mail would otherwise only ever reach the log), naming each missing one.
 */
function mailSettings(read: SettingsReader, production: boolean, problems: string[]): MailConfig | null {
  const host = read.text('SPINNEY_SMTP_HOST').trim();
  const user = read.text('SPINNEY_SMTP_USER').trim() || null;
  const password = read.secret('SPINNEY_SMTP_PASSWORD')?.bytes.toString('utf8').trim() || null;
  const from = read.text('SPINNEY_MAIL_FROM').trim();
  const dkimDomain = read.text('SPINNEY_DKIM_DOMAIN').trim();
  const dkimSelector = read.text('SPINNEY_DKIM_SELECTOR').trim();
  const dkimKey = read.secret('SPINNEY_DKIM_PRIVATE_KEY')?.bytes.toString('utf8') ?? '';
  if (production) {
    const missing = [host ? null : 'SPINNEY_SMTP_HOST', user ? null : 'SPINNEY_SMTP_USER', password ? null : 'SPINNEY_SMTP_PASSWORD (or SPINNEY_SMTP_PASSWORD_FILE)', from ? null : 'SPINNEY_MAIL_FROM'].filter((n) => n !== null);
    if (missing.length > 0) problems.push(`customer mail needs an SMTP server in production: set ${missing.join(', ')}`);
  }
  if (user !== null && password === null) problems.push('SPINNEY_SMTP_PASSWORD (or SPINNEY_SMTP_PASSWORD_FILE) is required with SPINNEY_SMTP_USER');
  const fromDomain = fromDomainOf(from) ?? '';
  if (from && !fromDomain) problems.push('SPINNEY_MAIL_FROM is not an address (mail@example.com or Name <mail@example.com>)');
  if (host && !from) problems.push('SPINNEY_MAIL_FROM is required with SPINNEY_SMTP_HOST');
  const dkimSet = [dkimDomain, dkimSelector, dkimKey.trim()].filter((v) => v.length > 0).length;
  if (dkimSet > 0 && dkimSet < 3) problems.push('DKIM needs SPINNEY_DKIM_DOMAIN, SPINNEY_DKIM_SELECTOR and SPINNEY_DKIM_PRIVATE_KEY together (or none)');
  else if (dkimSet === 3 && !dkimKey.includes('PRIVATE KEY')) problems.push('SPINNEY_DKIM_PRIVATE_KEY is not a PEM private key');
  if (!host) return null;
  return {
    host,
    port: read.integer('SPINNEY_SMTP_PORT'),
    secure: read.choice('SPINNEY_SMTP_SECURE'),
    user,
    password,
    from,
    fromDomain,
    dkim: dkimSet === 3 ? { domain: dkimDomain.toLowerCase(), selector: dkimSelector, privateKey: dkimKey } : null,
    ca: read.secret('SPINNEY_SMTP_CA')?.bytes.toString('utf8') ?? null,
  };
}

function backupSettings(read: SettingsReader, dataDir: string, production: boolean, problems: string[]): BackupConfig {
  const target = read.choice('SPINNEY_BACKUP_TARGET');
  const dir = resolve(read.text('SPINNEY_BACKUP_DIR', resolve(dataDir, 'backups')));
  const tenantsDir = resolve(dataDir, 'tenants');
  if (dir === dataDir || dir === tenantsDir || dir.startsWith(`${tenantsDir}/`)) problems.push('SPINNEY_BACKUP_DIR must not be the data dir or inside its tenants/ directory');
  const schedule = read.text('SPINNEY_BACKUP_SCHEDULE');
  // node-cron's own check, the one cron.schedule() applies at start-up: an out-of-range field
  // (`99 * * * *`) is refused here, not by a server that then crash-loops under PM2.
  if (!cron.validate(schedule)) problems.push(`SPINNEY_BACKUP_SCHEDULE must be a cron expression of five or six fields that node-cron accepts (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-7): ${JSON.stringify(schedule)} is not`);
  let s3: BackupS3Config | null = null;
  if (target === 's3') {
    const bucket = read.text('SPINNEY_BACKUP_S3_BUCKET');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push('SPINNEY_BACKUP_S3_BUCKET must name a bucket when SPINNEY_BACKUP_TARGET is s3');
    const endpoint = read.text('SPINNEY_BACKUP_S3_ENDPOINT').replace(/\/+$/, '') || null;
    if (endpoint !== null) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(endpoint);
      } catch {
        problems.push('SPINNEY_BACKUP_S3_ENDPOINT is not a URL');
      }
      if (parsed && production && parsed.protocol !== 'https:') problems.push('SPINNEY_BACKUP_S3_ENDPOINT must be an https:// URL in production');
    }
    const accessKeyId = read.text('SPINNEY_BACKUP_S3_ACCESS_KEY_ID');
    const secretAccessKey = read.secret('SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY')?.bytes;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) problems.push('set both SPINNEY_BACKUP_S3_ACCESS_KEY_ID and SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY (or _FILE), or neither');
    const prefix = read.text('SPINNEY_BACKUP_S3_PREFIX');
    if (!/^([A-Za-z0-9._-]+\/)*$/.test(prefix)) problems.push('SPINNEY_BACKUP_S3_PREFIX must be empty or folder names each ending in / (letters, digits, . _ -)');
    s3 = {
      endpoint,
      bucket,
      region: read.text('SPINNEY_BACKUP_S3_REGION'),
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey: secretAccessKey.toString('utf8') } : null,
      prefix,
    };
  }
  return {
    target,
    dir,
    s3,
    sftp: target === 'sftp' ? sftpSettings(read, problems) : null,
    schedule,
    keepAllHours: read.integer('SPINNEY_BACKUP_KEEP_ALL_HOURS'),
    keepDailyDays: read.integer('SPINNEY_BACKUP_KEEP_DAILY_DAYS'),
  };
}

/**
 * The SFTP target: key authentication only, and the host key pinned by its fingerprint, because a
 * backup host that is not the one we think it is would receive every encrypted object (and could
 * withhold or replay them); trust on first use would let the first answer decide.
 */
function sftpSettings(read: SettingsReader, problems: string[]): BackupSftpConfig {
  const host = read.text('SPINNEY_BACKUP_SFTP_HOST');
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host)) problems.push('SPINNEY_BACKUP_SFTP_HOST must name the backup host when SPINNEY_BACKUP_TARGET is sftp');
  const username = read.text('SPINNEY_BACKUP_SFTP_USER');
  if (!/^[a-z_][a-z0-9_.-]{0,31}$/i.test(username)) problems.push('SPINNEY_BACKUP_SFTP_USER must name the account on the backup host');
  const path = read.text('SPINNEY_BACKUP_SFTP_PATH').replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._-]+)+$/.test(path) || path.split('/').some((part) => part === '..' || part === '.')) {
    problems.push('SPINNEY_BACKUP_SFTP_PATH must be an absolute directory on the backup host (letters, digits, . _ -)');
  }
  const privateKey = read.secret('SPINNEY_BACKUP_SFTP_PRIVATE_KEY')?.bytes;
  if (!privateKey) problems.push('SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE must name the client key for the backup host');
  const hostFingerprint = read.text('SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT');
  if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(hostFingerprint)) {
    problems.push("SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT must be the backup host's key fingerprint as ssh-keygen -lf prints it (SHA256:…)");
  }
  return {
    host,
    port: read.integer('SPINNEY_BACKUP_SFTP_PORT'),
    username,
    path,
    privateKey: privateKey ?? Buffer.alloc(0),
    passphrase: read.secret('SPINNEY_BACKUP_SFTP_PASSPHRASE')?.bytes ?? null,
    hostFingerprint,
  };
}

type SettingsReader = ReturnType<typeof settingsReader>;

/**
 * Reads the declared settings (src/config/settings.ts) from `env`. Unset or empty is the declared
 * default, or the one passed in where the table says it is computed from other settings; a bad
 * value records its problem and reads as the default, so one pass names every problem.
 */
function settingsReader(env: Env, problems: string[]) {
  const read = (name: SettingName, computed: ParsedSetting | undefined): ParsedSetting => {
    const setting = settingNamed(name);
    if ((typeof setting.default === 'object' && setting.default !== null) !== (computed !== undefined)) {
      throw new Error(`${name}: pass a computed default exactly when src/config/settings.ts declares one`);
    }
    const fallback = computed ?? (parseSetting(setting, (setting.default as string | null) ?? '') as { value: ParsedSetting }).value;
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const parsed = parseSetting(setting, raw);
    if ('value' in parsed) return parsed.value;
    problems.push(parsed.problem);
    return fallback;
  };
  return {
    text: (name: SettingNameOf<'text'>, computed?: string): string => read(name, computed) as string,
    list: (name: SettingNameOf<'list'>): string[] => read(name, undefined) as string[],
    integer: (name: SettingNameOf<'integer'>): number => read(name, undefined) as number,
    boolean: (name: SettingNameOf<'boolean'>, computed?: boolean): boolean => read(name, computed) as boolean,
    choice: <N extends SettingNameOf<'choice'>>(name: N, computed?: ChoiceOf<N>): ChoiceOf<N> => read(name, computed) as ChoiceOf<N>,
    /**
     * A secret from NAME or from the file named by NAME_FILE (never both): undefined when neither
     * is set, null when it cannot be used (the problem is recorded). A file is read as raw bytes
     * less one trailing newline (readKeyFile), so `openssl rand -base64 48 > key` works and a
     * length check counts exactly the bytes that sign.
     */
    secret: (name: SettingNameOf<'secret'>): { source: KeySource; bytes: Buffer } | null | undefined => {
      const direct = env[name];
      const file = env[`${name}_FILE`];
      if (direct && file) {
        problems.push(`set only one of ${name} and ${name}_FILE`);
        return null;
      }
      if (direct) return { source: { kind: 'env', variable: name }, bytes: Buffer.from(direct, 'utf8') };
      if (!file) return undefined;
      try {
        return { source: { kind: 'file', path: file }, bytes: readKeyFile(file) };
      } catch {
        problems.push(`${name}_FILE (${file}) cannot be read`);
        return null;
      }
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The first descriptor systemd passes (sd_listen_fds(3)): fd 3, then 4, … */
const SD_LISTEN_FDS_START = 3;

/**
 * systemd socket activation (deploy/systemd/spinney.socket): the listening socket systemd holds and
 * passes to this process, or null when it passed none. systemd keeps the socket open while the
 * service restarts, so connections made meanwhile wait in its queue instead of being refused.
 * The variables are removed so that no child process takes them for its own.
 */
export function takeActivatedSocket(env: NodeJS.ProcessEnv = process.env, pid: number = process.pid): number | null {
  if (env.LISTEN_PID === undefined || env.LISTEN_PID !== String(pid)) return null;
  const count = env.LISTEN_FDS;
  delete env.LISTEN_PID;
  delete env.LISTEN_FDS;
  delete env.LISTEN_FDNAMES;
  if (count !== '1') throw new Error(`socket activation passed ${count ?? 'no'} sockets; spinney.socket must listen on exactly one (one ListenStream=)`);
  return SD_LISTEN_FDS_START;
}
