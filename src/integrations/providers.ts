// What an integration asks each provider for. Integrations use the provider's sign-in OAuth client
// (SPINNEY_GOOGLE_* / SPINNEY_MICROSOFT_*): in practice one OAuth app per provider holds both the
// sign-in scopes and these, so an operator registers one more redirect URI rather than a second
// app and secret. The scopes are fixed here; the token response says which were granted.
import type { CodeFlowProvider } from '../config/config.js';

export const INTEGRATION_PROVIDERS = ['google', 'microsoft'] as const;
export type IntegrationProvider = (typeof INTEGRATION_PROVIDERS)[number];

export interface IntegrationProviderSpec {
  label: string;
  scopes: readonly string[];
  /** Authorization request parameters that make the provider issue a refresh token. */
  offlineParameters: Readonly<Record<string, string>>;
}

export const PROVIDER_SPECS: Readonly<Record<IntegrationProvider, IntegrationProviderSpec>> = {
  google: {
    label: 'Google Workspace',
    scopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/gmail.send'],
    // Google issues a refresh token for access_type=offline, and again on a later consent only with prompt=consent.
    offlineParameters: { access_type: 'offline', prompt: 'consent' },
  },
  microsoft: {
    label: 'Microsoft 365',
    scopes: ['openid', 'email', 'offline_access', 'https://graph.microsoft.com/Calendars.ReadWrite', 'https://graph.microsoft.com/Mail.Send'],
    // The Microsoft identity platform issues a refresh token for the offline_access scope.
    offlineParameters: { prompt: 'consent' },
  },
};

export const isIntegrationProvider = (value: string): value is IntegrationProvider => (INTEGRATION_PROVIDERS as readonly string[]).includes(value);

/** The configured OAuth client of each integration provider (those without a client id are off). */
export function integrationClients(codeFlow: readonly CodeFlowProvider[]): Map<IntegrationProvider, CodeFlowProvider> {
  const clients = new Map<IntegrationProvider, CodeFlowProvider>();
  for (const provider of codeFlow) if (isIntegrationProvider(provider.id)) clients.set(provider.id, provider);
  return clients;
}
