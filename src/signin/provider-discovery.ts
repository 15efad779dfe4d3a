// A code-flow provider's metadata (openid-client discovery), fetched once per process and provider.
// Sign-in and integrations use the same OAuth client of a provider (integrations ask it for more
// scopes), so both get their configurations here. A failed fetch is retried on the next use rather
// than remembered.
import * as oidc from 'openid-client';
import type { CodeFlowProvider } from '../config/config.js';
import { AppError } from '../http/errors.js';

export class ProviderDiscovery {
  readonly #configs = new Map<string, Promise<oidc.Configuration>>();
  readonly #allowHttp: boolean;

  /** allowHttp: development and tests talk to providers on loopback over plain http. */
  constructor(allowHttp: boolean) {
    this.#allowHttp = allowHttp;
  }

  configuration(provider: CodeFlowProvider): Promise<oidc.Configuration> {
    let config = this.#configs.get(provider.id);
    if (!config) {
      config = oidc
        .discovery(new URL(provider.issuer), provider.clientId, undefined, oidc.ClientSecretBasic(provider.clientSecret), {
          execute: this.#allowHttp ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((err: unknown) => {
          this.#configs.delete(provider.id);
          throw new AppError(502, 'provider_unavailable', `${provider.label} could not be reached (${(err as Error).message})`);
        });
      this.#configs.set(provider.id, config);
    }
    return config;
  }
}
