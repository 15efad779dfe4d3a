// Integrations against real OpenID providers on loopback: two instances of the development provider
// (src/dev/dev-oidc-provider.ts) play the two providers, each adjusted the way the real one behaves
// where it matters to us:
//  - "Google": a refresh token for every code grant (as access_type=offline gets), not rotated on
//    use, a revocation endpoint, the email in the ID token;
//  - "Microsoft": a refresh token only for offline_access, rotated on every use (the old one is
//    spent), no revocation endpoint, the email only from userinfo (Entra leaves it out of ID tokens
//    unless configured).
// The app is the real one with a ManualClock; the test's "browser" drives the provider pages.
import type { LightMyRequestResponse } from 'fastify';
import type { Configuration } from 'oidc-provider';
import { startDevOidcProvider, type DevOidcProvider, type DevOidcUser } from '../../src/dev/dev-oidc-provider.js';
import { accessTokenFor } from '../../src/integrations/integrations.service.js';
import { PROVIDER_SPECS, type IntegrationProvider } from '../../src/integrations/providers.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from './app.js';
import { signInAtProvider } from './oidc-browser.js';

export const PUBLIC_URL = 'http://127.0.0.1:3998';
export const CALLBACK_URL = `${PUBLIC_URL}/api/v1/integrations/callback`;
/** Provider access tokens live this long (seconds); the tests move the app's clock past it. */
export const PROVIDER_ACCESS_TTL = 600;
export const CLIENTS = {
  google: { clientId: 'spinney-google-app', clientSecret: 'google-app-secret-0123456789abcdef' },
  microsoft: { clientId: 'spinney-microsoft-app', clientSecret: 'microsoft-app-secret-0123456789abcd' },
} as const;
export const ACCOUNTS: DevOidcUser[] = [
  { sub: 'g-office', email: 'office@builder.example', name: 'Builder Office' },
  { sub: 'g-other', email: 'bookings@builder.example', name: 'Builder Bookings' },
  { sub: 'm-office', email: 'office@plumber.example', name: 'Plumber Office' },
];

export const CONNECT_COOKIE_NAME = '__Host-spinney_integration_connect';

function providerConfiguration(provider: IntegrationProvider): (configuration: Configuration) => void {
  return (configuration) => {
    configuration.scopes = ['openid', 'offline_access', ...PROVIDER_SPECS[provider].scopes.filter((s) => s !== 'openid' && s !== 'offline_access' && s !== 'email')];
    configuration.clients = configuration.clients?.map((client) => ({ ...client, grant_types: ['authorization_code', 'refresh_token'] }));
    configuration.ttl = { ...configuration.ttl, AccessToken: PROVIDER_ACCESS_TTL, RefreshToken: 86_400 };
    if (provider === 'google') {
      configuration.issueRefreshToken = async (_ctx, client) => client.grantTypeAllowed('refresh_token');
      configuration.extraParams = ['access_type'];
      configuration.features = { ...configuration.features, revocation: { enabled: true } };
    } else {
      configuration.rotateRefreshToken = true;
      configuration.conformIdTokenClaims = true;
    }
  };
}

export interface Started {
  response: LightMyRequestResponse;
  authorizationUrl: string;
  /** The connect cookie as a Cookie header value ('' when none was set). */
  cookie: string;
}

export interface IntegrationRig {
  api: TestApp;
  clock: ManualClock;
  providers: Record<IntegrationProvider, DevOidcProvider>;
  /** POST /integrations/connect as the token's user. */
  start(token: string, provider: IntegrationProvider): Promise<Started>;
  /** The browser at the provider: signs in as `sub` and returns the redirect back to us (not requested). */
  atProvider(authorizationUrl: string, sub: string): Promise<URL>;
  /** The browser's request to our callback. */
  callback(url: URL, cookie: string): Promise<LightMyRequestResponse>;
  /** The whole flow; returns the callback's response. */
  connect(token: string, provider: IntegrationProvider, sub: string): Promise<LightMyRequestResponse>;
  /** Connects and returns the new integration's id (fails the test's setup otherwise). */
  connected(token: string, provider: IntegrationProvider, sub: string): Promise<string>;
  /** The tokens the vault holds for an integration. */
  secrets(tenantId: string, integrationId: string): { access?: string; refresh?: string };
  accessTokenFor(tenantId: string, integrationId: string): Promise<string>;
  /** A refresh-token grant straight at the provider, as our client (to see what it still accepts). */
  refreshAtProvider(provider: IntegrationProvider, refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The real browser sign-in with "Google" as `sub`; returns the sign-in callback's response. */
  signIn(sub: string): Promise<LightMyRequestResponse>;
}

export async function integrationRig(t: Teardown, env: Record<string, string> = {}): Promise<IntegrationRig> {
  const start = (provider: IntegrationProvider) =>
    startDevOidcProvider({
      users: ACCOUNTS,
      clients: [{ ...CLIENTS[provider], redirectUris: [CALLBACK_URL, `${PUBLIC_URL}/api/v1/auth/callback/${provider}`] }],
      configure: providerConfiguration(provider),
    });
  const google = await start('google');
  t.teardown(() => google.close());
  const microsoft = await start('microsoft');
  t.teardown(() => microsoft.close());
  const clock = new ManualClock();
  const api = await build(
    t,
    {
      SPINNEY_PUBLIC_URL: PUBLIC_URL,
      SPINNEY_GOOGLE_CLIENT_ID: CLIENTS.google.clientId,
      SPINNEY_GOOGLE_CLIENT_SECRET: CLIENTS.google.clientSecret,
      SPINNEY_GOOGLE_ISSUER: google.issuer,
      SPINNEY_MICROSOFT_CLIENT_ID: CLIENTS.microsoft.clientId,
      SPINNEY_MICROSOFT_CLIENT_SECRET: CLIENTS.microsoft.clientSecret,
      SPINNEY_MICROSOFT_ISSUER: microsoft.issuer,
      ...env,
    },
    [],
    { clock },
  );
  const providers = { google, microsoft };

  const rig: IntegrationRig = {
    api,
    clock,
    providers,
    async start(token, provider) {
      const response = await api.call({ method: 'POST', url: '/api/v1/integrations/connect', token, payload: { provider } });
      const set = response.cookies.find((c) => c.name === CONNECT_COOKIE_NAME);
      const body = response.json() as { authorizationUrl?: string };
      return { response, authorizationUrl: body.authorizationUrl ?? '', cookie: set ? `${set.name}=${set.value}` : '' };
    },
    atProvider: (authorizationUrl, sub) => signInAtProvider(authorizationUrl, sub),
    callback: (url, cookie) => api.call({ method: 'GET', url: `${url.pathname}${url.search}`, headers: cookie ? { cookie } : {} }),
    async connect(token, provider, sub) {
      const started = await rig.start(token, provider);
      if (started.response.statusCode !== 200) return started.response;
      return rig.callback(await rig.atProvider(started.authorizationUrl, sub), started.cookie);
    },
    async connected(token, provider, sub) {
      const response = await rig.connect(token, provider, sub);
      const location = String(response.headers.location ?? '');
      if (response.statusCode !== 303 || !location.startsWith('/admin/integrations?connected=')) throw new Error(`connect failed: ${response.statusCode} ${response.body}`);
      return decodeURIComponent(location.slice('/admin/integrations?connected='.length));
    },
    secrets(tenantId, integrationId) {
      return api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => ({
        access: api.runtime.vault.getSystem(`integration:${integrationId}:access_token`),
        refresh: api.runtime.vault.getSystem(`integration:${integrationId}:refresh_token`),
      }));
    },
    accessTokenFor: (tenantId, integrationId) => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => accessTokenFor(api.runtime, integrationId)),
    async refreshAtProvider(provider, refreshToken) {
      const { clientId, clientSecret } = CLIENTS[provider];
      const response = await fetch(`${providers[provider].issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async signIn(sub) {
      const started = await api.call({ method: 'GET', url: '/api/v1/auth/signin/google' });
      const flow = started.cookies.find((c) => c.name === '__Host-spinney_signin');
      const back = await signInAtProvider(String(started.headers.location), sub);
      return api.call({ method: 'GET', url: `${back.pathname}${back.search}`, headers: flow ? { cookie: `${flow.name}=${flow.value}` } : {} });
    },
  };
  return rig;
}
