// Real Chromium for the browser tests: Debian's package driven by playwright-core (nothing is
// downloaded), and the app on a loopback port with the development provider playing Google.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startDevOidcProvider } from '../../src/dev/dev-oidc-provider.js';
import type { Clock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from './app.js';
import { freePort } from './cli.js';
import { CLIENT_ID, CLIENT_SECRET, USERS } from './signin.js';

export const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling out, and this machine's network is closed.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why a browser test cannot run here (under CI=true that is a failure, never a skip), or null. */
export const chromiumMissing: string | null = existsSync(CHROMIUM) ? null : `needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`;

/** Chromium, closed in teardown (registered now, so it closes before anything started earlier stops). */
export async function launchChromium(t: Teardown): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.teardown(() => browser.close());
  return browser;
}

/** The app in this process on a loopback port, signing in through the development provider as Google. */
export async function startGoogleSignInApp(t: Teardown, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<{ api: TestApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startDevOidcProvider({ users: USERS, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${base}/api/v1/auth/callback/google`] }] });
  t.teardown(() => provider.close());
  const api = await build(t, { SPINNEY_PUBLIC_URL: base, SPINNEY_GOOGLE_CLIENT_ID: CLIENT_ID, SPINNEY_GOOGLE_CLIENT_SECRET: CLIENT_SECRET, SPINNEY_GOOGLE_ISSUER: provider.issuer, ...options.env }, [], { ...(options.clock ? { clock: options.clock } : {}) });
  await api.app.listen({ port, host: '127.0.0.1' });
  return { api, base };
}
