// Loads Spinney's modules for the benchmarks. By default the compiled build in dist/ (what
// `npm run bench:*` builds first and what production runs); BENCH_SPINNEY_SOURCE=src loads src/
// through tsx instead. The types always come from src/, so bench/ type-checks without a build.
import { existsSync } from 'node:fs';
import type * as AppModule from '../../src/app.js';
import type * as AccessTokenModule from '../../src/auth/access-token.js';
import type * as ConfigModule from '../../src/config/config.js';
import type * as ContactsServiceModule from '../../src/contacts/contacts.service.js';
import type * as TenantsServiceModule from '../../src/tenants/tenants.service.js';
import type * as RuntimeModule from '../../src/runtime.js';
import type * as ServerModule from '../../src/server.js';
import type * as LoggerModule from '../../src/logging/logger.js';

export interface Spinney {
  /** 'dist' or 'src': which copy of the code was loaded. */
  source: string;
  loadConfig: typeof ConfigModule.loadConfig;
  openRuntime: typeof RuntimeModule.openRuntime;
  buildApp: typeof AppModule.buildApp;
  serve: typeof ServerModule.serve;
  createTenant: typeof TenantsServiceModule.createTenant;
  createContact: typeof ContactsServiceModule.createContact;
  logDestination: typeof LoggerModule.logDestination;
  AccessTokens: typeof AccessTokenModule.AccessTokens;
  ACCESS_TOKEN_ALGORITHM: typeof AccessTokenModule.ACCESS_TOKEN_ALGORITHM;
  REQUIRED_CLAIMS: typeof AccessTokenModule.REQUIRED_CLAIMS;
}

const ROOT = new URL('../../', import.meta.url);

export async function loadSpinney(): Promise<Spinney> {
  const source = process.env.BENCH_SPINNEY_SOURCE === 'src' ? 'src' : 'dist';
  const ext = source === 'src' ? 'ts' : 'js';
  const url = (path: string): string => new URL(`${source}/${path}.${ext}`, ROOT).href;
  if (source === 'dist' && !existsSync(new URL('dist/app.js', ROOT))) {
    throw new Error('dist/ is missing: run `npm run build` first (or set BENCH_SPINNEY_SOURCE=src)');
  }
  const [config, runtime, app, server, tenants, contacts, logger, accessTokens] = await Promise.all([
    import(url('config/config')) as Promise<typeof ConfigModule>,
    import(url('runtime')) as Promise<typeof RuntimeModule>,
    import(url('app')) as Promise<typeof AppModule>,
    import(url('server')) as Promise<typeof ServerModule>,
    import(url('tenants/tenants.service')) as Promise<typeof TenantsServiceModule>,
    import(url('contacts/contacts.service')) as Promise<typeof ContactsServiceModule>,
    import(url('logging/logger')) as Promise<typeof LoggerModule>,
    import(url('auth/access-token')) as Promise<typeof AccessTokenModule>,
  ]);
  return {
    source,
    loadConfig: config.loadConfig,
    openRuntime: runtime.openRuntime,
    buildApp: app.buildApp,
    serve: server.serve,
    createTenant: tenants.createTenant,
    createContact: contacts.createContact,
    logDestination: logger.logDestination,
    AccessTokens: accessTokens.AccessTokens,
    ACCESS_TOKEN_ALGORITHM: accessTokens.ACCESS_TOKEN_ALGORITHM,
    REQUIRED_CLAIMS: accessTokens.REQUIRED_CLAIMS,
  };
}

/** A fixed benchmark key (never a real secret): the parent signs tokens, the child verifies them. */
export const BENCH_SIGNING_KEY = 'bench-signing-key-not-a-secret-0123456789abcdef';

/**
 * The one environment both the parent (setup, token signing) and the server child use. The issuer
 * claim is derived from the public URL, so it is pinned here rather than derived from the port.
 */
export function spinneyEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_TOKEN_SIGNING_KEY: BENCH_SIGNING_KEY,
    SPINNEY_HOST: '127.0.0.1',
    SPINNEY_PORT: '0',
    SPINNEY_PUBLIC_URL: 'http://127.0.0.1:3000',
    SPINNEY_LOG_LEVEL: 'info',
    // One load generator on one address would hit the per-IP limits at once; the benches measure
    // request handling, so the limits are lifted.
    SPINNEY_RATE_LIMIT: '0',
    SPINNEY_RATE_LIMIT_SIGNIN: '0',
    ...extra,
  };
}
