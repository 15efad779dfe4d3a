// Sign-in through the real code flow: the app (driven by inject) redirects to a real OpenID
// provider on loopback (src/dev/dev-oidc-provider.ts playing Google), the test's "browser" signs
// in there, and comes back to the app's callback with the provider's code.
import type { LightMyRequestResponse } from 'fastify';
import { cookieSigner } from '../../src/auth/derived-keys.js';
import { startDevOidcProvider, type DevOidcProvider, type DevOidcUser } from '../../src/dev/dev-oidc-provider.js';
import { build, type Teardown, type TestApp } from './app.js';
import { signInAtProvider } from './oidc-browser.js';

export const CLIENT_ID = 'spinney-web';
export const CLIENT_SECRET = 'spinney-web-secret-0123456789';
export const PUBLIC_URL = 'http://127.0.0.1:3999';
export const USERS: DevOidcUser[] = [
  { sub: 'g-ann', email: 'ann@acme.example', name: 'Ann Admin' },
  { sub: 'g-ann-2', email: 'Ann@acme.example', name: 'Ann, another account' },
  { sub: 'g-mo', email: 'mo@acme.example', name: 'Mo Member' },
  { sub: 'g-una', email: 'una@acme.example', name: 'Una Unverified', emailVerified: false },
  { sub: 'g-stranger', email: 'stranger@else.example', name: 'Stranger' },
];

export interface SignInRig {
  api: TestApp;
  provider: DevOidcProvider;
  /** Starts a sign-in; returns the redirect to the provider and the sign-in cookie. */
  start(query?: string): Promise<{ location: string; cookie: string; response: LightMyRequestResponse }>;
  /** The callback request the browser would make after signing in at the provider as `sub`. */
  callback(callbackUrl: URL, cookie: string | null): Promise<LightMyRequestResponse>;
  /** The whole browser flow; returns the callback's response. */
  signIn(sub: string, query?: string): Promise<LightMyRequestResponse>;
  /** Re-signs an edited sign-in cookie with the server's cookie key (to test what the flow checks). */
  forgeFlowCookie(cookie: string, edit: (flow: Record<string, unknown>) => void): string;
}

export async function signInRig(t: Teardown, env: Record<string, string> = {}, options: Parameters<typeof build>[3] = {}): Promise<SignInRig> {
  const provider = await startDevOidcProvider({ users: USERS, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${PUBLIC_URL}/api/v1/auth/callback/google`] }] });
  t.teardown(() => provider.close());
  const api = await build(
    t,
    { SPINNEY_PUBLIC_URL: PUBLIC_URL, SPINNEY_GOOGLE_CLIENT_ID: CLIENT_ID, SPINNEY_GOOGLE_CLIENT_SECRET: CLIENT_SECRET, SPINNEY_GOOGLE_ISSUER: provider.issuer, ...env },
    [],
    options,
  );
  const signer = cookieSigner(api.config.keys.signing);
  const start: SignInRig['start'] = async (query = '') => {
    const response = await api.call({ method: 'GET', url: `/api/v1/auth/signin/google${query}` });
    const flow = response.cookies.find((c) => c.name === '__Host-spinney_signin');
    return { location: String(response.headers.location), cookie: flow ? `${flow.name}=${flow.value}` : '', response };
  };
  const callback: SignInRig['callback'] = (callbackUrl, cookie) =>
    api.call({ method: 'GET', url: `${callbackUrl.pathname}${callbackUrl.search}`, headers: cookie ? { cookie } : {} });
  return {
    api,
    provider,
    start,
    callback,
    async signIn(sub, query) {
      const { location, cookie } = await start(query);
      return callback(await signInAtProvider(location, sub), cookie);
    },
    forgeFlowCookie(cookie, edit) {
      const [name, value] = cookie.split('=') as [string, string];
      const unsigned = signer.unsign(decodeURIComponent(value));
      const flow = JSON.parse(Buffer.from(unsigned.value as string, 'base64url').toString('utf8')) as Record<string, unknown>;
      edit(flow);
      return `${name}=${encodeURIComponent(signer.sign(Buffer.from(JSON.stringify(flow)).toString('base64url')))}`;
    },
  };
}

/** The refresh cookie a response set, as a Cookie header value. */
export function refreshCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === '__Host-spinney_refresh');
  if (!cookie) throw new Error(`no refresh cookie in ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}
