// The one place that reads process.env (the lint rule forbids it elsewhere).
// loadConfig() validates every SPINNEY_* setting at once and returns a frozen, typed object;
// in production any missing or unsafe setting is collected and reported together.
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDevSecret } from './dev-secrets.js';

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
  readonly tenantHandleCacheSize: number;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly trustProxy: boolean;
  readonly devSignIn: boolean;
  readonly tokens: {
    /** HS256 secret for access tokens; at least 32 bytes. */
    readonly signingKey: Buffer;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenTtlSeconds: number;
    /** Bound on the verified-token cache (entries); 0 turns the cache off. */
    readonly verifyCacheSize: number;
  };
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

const KNOWN_VARIABLES = new Set([
  'SPINNEY_ENV',
  'SPINNEY_DATA_DIR',
  'SPINNEY_HOST',
  'SPINNEY_PORT',
  'SPINNEY_PUBLIC_URL',
  'SPINNEY_LOG_LEVEL',
  'SPINNEY_BODY_LIMIT_BYTES',
  'SPINNEY_TENANT_HANDLE_CACHE',
  'SPINNEY_SQLITE_SYNCHRONOUS',
  'SPINNEY_TRUST_PROXY',
  'SPINNEY_DEV_SIGNIN',
  'SPINNEY_TOKEN_SIGNING_KEY',
  'SPINNEY_TOKEN_SIGNING_KEY_FILE',
  'SPINNEY_ACCESS_TOKEN_TTL',
  'SPINNEY_TOKEN_VERIFY_CACHE',
]);

export const MIN_SECRET_BYTES = 32;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

/** Reads the process environment; in development a `.env` file in the working directory is read first. */
export function loadConfigFromProcess(): LoadedConfig {
  const env = process.env.SPINNEY_ENV ?? 'development';
  if (env === 'development') {
    try {
      process.loadEnvFile('.env');
    } catch {
      // no .env file: nothing to read
    }
  }
  return loadConfig({ ...process.env });
}

export function loadConfig(env: Env): LoadedConfig {
  const problems: string[] = [];
  const notices: string[] = [];

  for (const name of Object.keys(env)) {
    if (name.startsWith('SPINNEY_') && !KNOWN_VARIABLES.has(name)) {
      problems.push(`${name} is not a known setting (misspelt?)`);
    }
  }

  const spinneyEnv = oneOf(env, 'SPINNEY_ENV', ['development', 'test', 'production'] as const, 'development', problems);
  const production = spinneyEnv === 'production';

  const dataDir = resolve(env.SPINNEY_DATA_DIR || './data');
  const host = env.SPINNEY_HOST || '127.0.0.1';
  const port = integer(env, 'SPINNEY_PORT', 3000, 0, 65535, problems);
  const publicUrl = (env.SPINNEY_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, '');
  const logLevel = oneOf(env, 'SPINNEY_LOG_LEVEL', LOG_LEVELS, spinneyEnv === 'test' ? 'silent' : 'info', problems);
  const bodyLimitBytes = integer(env, 'SPINNEY_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024, problems);
  const tenantHandleCacheSize = integer(env, 'SPINNEY_TENANT_HANDLE_CACHE', 256, 1, 100_000, problems);
  const sqliteSynchronous = oneOf(env, 'SPINNEY_SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'] as const, 'NORMAL', problems);
  const trustProxy = boolean(env, 'SPINNEY_TRUST_PROXY', false, problems);
  const devSignIn = boolean(env, 'SPINNEY_DEV_SIGNIN', !production, problems);
  const accessTokenTtlSeconds = integer(env, 'SPINNEY_ACCESS_TOKEN_TTL', 900, 30, 3600, problems);
  const verifyCacheSize = integer(env, 'SPINNEY_TOKEN_VERIFY_CACHE', 10_000, 0, 1_000_000, problems);

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

  let signingKey = secret(env, 'SPINNEY_TOKEN_SIGNING_KEY', problems);
  if (production) {
    if (logLevel === 'silent') problems.push('SPINNEY_LOG_LEVEL must not be silent in production (the request log is an audit aid)');
    if (!url || url.protocol !== 'https:') problems.push('SPINNEY_PUBLIC_URL must be an https:// URL in production');
    if (devSignIn) problems.push('SPINNEY_DEV_SIGNIN must be off in production');
    if (!signingKey) problems.push('SPINNEY_TOKEN_SIGNING_KEY (or SPINNEY_TOKEN_SIGNING_KEY_FILE) is required in production');
  } else if (!signingKey && dataDirWritable) {
    const generated = ensureDevSecret(dataDir, 'token-signing.key');
    signingKey = generated.value;
    if (generated.created) notices.push(`generated a development token signing key at ${generated.path}`);
  }
  if (signingKey && signingKey.length < MIN_SECRET_BYTES) {
    problems.push(`SPINNEY_TOKEN_SIGNING_KEY is too short (${signingKey.length} bytes; at least ${MIN_SECRET_BYTES} needed)`);
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
    tenantHandleCacheSize,
    sqliteSynchronous,
    trustProxy,
    devSignIn,
    tokens: {
      signingKey: signingKey as Buffer,
      issuer: publicUrl,
      audience: 'spinney-api',
      accessTokenTtlSeconds,
      verifyCacheSize,
    },
  };
  return { config: deepFreeze(config), notices };
}

/**
 * A secret from NAME or from the file named by NAME_FILE (never both). A file is read as raw bytes
 * and one trailing newline (LF or CRLF) is removed, so `openssl rand -base64 48 > key` works and
 * the length check counts exactly the bytes that sign.
 */
function secret(env: Env, name: string, problems: string[]): Buffer | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct && file) {
    problems.push(`set only one of ${name} and ${name}_FILE`);
    return undefined;
  }
  if (direct) return Buffer.from(direct, 'utf8');
  if (file) {
    try {
      const bytes = readFileSync(file);
      const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
      return bytes.subarray(0, end);
    } catch {
      problems.push(`${name}_FILE (${file}) cannot be read`);
    }
  }
  return undefined;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}`);
  return fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false`);
  return fallback;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
