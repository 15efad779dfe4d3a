// build(t): the real application on a fresh data directory, closed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Role } from '../../src/auth/permissions.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import type { IssuedTokens } from '../../src/sessions/sessions.js';
import type { Clock } from '../../src/time/clock.js';

export const TEST_SIGNING_KEY = 'test-signing-key-0123456789abcdef0123456789abcdef';
/** The three root keys tests use (fixed, so processes of one test share them; never real secrets). */
export const TEST_KEYS = {
  SPINNEY_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY,
  SPINNEY_APP_SECRETS_KEY: 'test-app-secrets-key-0123456789abcdef0123456789',
  SPINNEY_SENSITIVE_FIELDS_KEY: 'test-sensitive-fields-key-0123456789abcdef01234',
};

/** What production refuses to start without besides its keys: an https address, a sign-in provider, customer mail (all made up). */
export const PRODUCTION_SETTINGS = {
  SPINNEY_ENV: 'production',
  SPINNEY_PUBLIC_URL: 'https://spinney.example',
  SPINNEY_GOOGLE_CLIENT_ID: 'web.apps.example',
  SPINNEY_GOOGLE_CLIENT_SECRET: 'google-secret',
  SPINNEY_SMTP_HOST: 'smtp.example',
  SPINNEY_SMTP_USER: 'spinney',
  SPINNEY_SMTP_PASSWORD: 'smtp-password',
  SPINNEY_MAIL_FROM: 'mail@spinney.example',
};

export interface Teardown {
  teardown(fn: () => unknown): void;
}

export function tempDataDir(t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), 'spinney-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    ...TEST_KEYS,
    SPINNEY_LOG_LEVEL: 'info',
    // Tests make hundreds of requests from one address; the rate-limit tests set these back.
    SPINNEY_RATE_LIMIT: '100000',
    SPINNEY_RATE_LIMIT_SIGNIN: '100000',
    ...env,
  }).config;
}

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  config: Config;
  /** Every log line the app wrote, raw. */
  logs: string[];
  tenant(name?: string): { id: string; token(role?: Role, sub?: string): string };
  call(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
}

export async function build(
  t: Teardown,
  env: Record<string, string> = {},
  apiPlugins: FastifyPluginAsync[] = [],
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const config = testConfig(tempDataDir(t), env);
  const runtime = openRuntime(config, options);
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({ runtime, logDestination, apiPlugins });
  t.teardown(async () => {
    await app.close();
    runtime.close();
  });
  let n = 0;
  return {
    app,
    runtime,
    config,
    logs,
    tenant(name = `Tenant ${++n}`) {
      const { id } = createTenant(runtime, { name });
      return { id, token: (role: Role = 'admin', sub = 'us_tester') => startSession(runtime, id, role, sub).accessToken };
    },
    call({ token, headers, ...options }) {
      return app.inject({ ...options, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    },
  };
}

/** A real session for a user of the tenant, as a native client would hold it. */
export function startSession(runtime: Runtime, tenantId: string, role: Role, userId: string): IssuedTokens {
  return runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
    runtime.sessions.start({ userId, role, provider: 'test', clientKind: 'native', device: null, ip: null }),
  );
}
