// Development sign-in: `npm start` runs a real OpenID provider on loopback with three demo people
// (an admin, a member and a viewer of the demo workspace), registered as the "dev" provider, so a
// newcomer signs in through the real code flow without any Google credentials. Refused in
// production by config (SPINNEY_DEV_SIGNIN must be off there) and again here.
import { randomBytes } from 'node:crypto';
import type { CodeFlowProvider, Config } from '../config/config.js';
import { startDevOidcProvider, type DevOidcUser } from './dev-oidc-provider.js';

export const DEMO_PEOPLE: (DevOidcUser & { role: 'admin' | 'member' | 'viewer' })[] = [
  { sub: 'demo-admin', email: 'admin@demo.spinney.test', name: 'Avery Admin (demo admin)', role: 'admin' },
  { sub: 'demo-member', email: 'member@demo.spinney.test', name: 'Morgan Member (demo member)', role: 'member' },
  { sub: 'demo-viewer', email: 'viewer@demo.spinney.test', name: 'Vic Viewer (demo viewer)', role: 'viewer' },
];

export interface DevSignIn {
  provider: CodeFlowProvider;
  close(): Promise<void>;
}

export async function startDevSignIn(config: Config): Promise<DevSignIn> {
  if (config.env === 'production' || !config.devSignIn) throw new Error('development sign-in is off');
  const clientSecret = randomBytes(24).toString('base64url');
  const op = await startDevOidcProvider({
    host: '127.0.0.1',
    port: config.signIn.devProviderPort,
    users: DEMO_PEOPLE,
    clients: [{ clientId: 'spinney-dev', clientSecret, redirectUris: [`${config.publicUrl}/api/v1/auth/callback/dev`] }],
  });
  return { provider: { id: 'dev', label: 'Development sign-in (demo people)', issuer: op.issuer, clientId: 'spinney-dev', clientSecret }, close: () => op.close() };
}
