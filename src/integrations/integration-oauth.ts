// The provider side of integrations, through openid-client: the authorization URL (code flow with
// PKCE S256, state and nonce, asking for a refresh token), the code exchange with its ID token
// checks, refresh, and revocation. Nothing here touches a database.
import * as oidc from 'openid-client';
import type { CodeFlowProvider, Config } from '../config/config.js';
import { AppError } from '../http/errors.js';
import { ProviderDiscovery } from '../signin/provider-discovery.js';
import { integrationClients, PROVIDER_SPECS, type IntegrationProvider } from './providers.js';

export const CALLBACK_PATH = '/api/v1/integrations/callback';
/** When a provider leaves out expires_in (RFC 6749 only recommends it): an hour, Google's and Entra's usual. */
const DEFAULT_EXPIRES_IN_SECONDS = 3600;

export interface ConnectStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ProviderTokens {
  accessToken: string;
  /** Null when the provider sent none (on refresh: it did not rotate it). */
  refreshToken: string | null;
  expiresInSeconds: number;
  /** As granted (the token response's `scope`), or null when the response does not say. */
  scopes: string[] | null;
}

export interface ConnectedAccount extends ProviderTokens {
  subject: string;
  email: string;
}

/** What happened to the tokens at the provider when an integration was disconnected. */
export type Revocation = 'revoked' | 'not_offered' | 'failed' | 'provider_not_configured' | 'no_token';

/** The provider refused the refresh token for good (revoked, expired, consent withdrawn). */
export class RefreshRefused extends Error {
  override name = 'RefreshRefused';
}

export const connectFailed = (message: string): AppError => new AppError(401, 'connect_failed', message);

export class IntegrationOAuth {
  readonly #clients: Map<IntegrationProvider, CodeFlowProvider>;
  readonly #discovery: ProviderDiscovery;
  readonly #redirectUri: string;

  constructor(config: Config) {
    this.#clients = integrationClients(config.signIn.codeFlow);
    this.#discovery = new ProviderDiscovery(config.env !== 'production');
    this.#redirectUri = `${config.publicUrl}${CALLBACK_PATH}`;
  }

  available(): IntegrationProvider[] {
    return [...this.#clients.keys()];
  }

  async start(provider: IntegrationProvider): Promise<ConnectStart> {
    const config = await this.#config(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const spec = PROVIDER_SPECS[provider];
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUri,
      scope: spec.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...spec.offlineParameters,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code from the callback query. The account is the ID token's subject (signature,
   * issuer, audience, expiry and nonce checked by openid-client); its email comes from the ID
   * token, else from userinfo (Entra leaves email out of ID tokens unless configured to add it).
   */
  async finish(provider: IntegrationProvider, callbackQuery: string, checks: { state: string; nonce: string; codeVerifier: string }): Promise<ConnectedAccount> {
    const config = await this.#config(provider);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, new URL(`${this.#redirectUri}?${callbackQuery}`), {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      const { error, message } = err as { error?: string; message?: string };
      throw connectFailed(error ? `the provider refused the connection (${error})` : `the connection could not be completed (${message ?? 'unknown error'})`);
    }
    const claims = tokens.claims() as oidc.IDToken;
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    if (!email) {
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined);
      email = typeof userinfo?.email === 'string' ? userinfo.email : undefined;
    }
    if (!email) throw new AppError(403, 'email_missing', 'the provider did not share the account\'s email address; allow the email scope');
    return { subject: claims.sub, email, ...tokensOf(tokens) };
  }

  /** A new access token (and the rotated refresh token, if the provider rotates them). */
  async refresh(provider: IntegrationProvider, refreshToken: string): Promise<ProviderTokens> {
    const config = await this.#config(provider);
    try {
      return tokensOf(await oidc.refreshTokenGrant(config, refreshToken));
    } catch (err) {
      if (err instanceof oidc.ResponseBodyError && err.error === 'invalid_grant') throw new RefreshRefused(err.error);
      throw new AppError(502, 'provider_unavailable', `${PROVIDER_SPECS[provider].label} did not refresh the access token (${(err as Error).message})`);
    }
  }

  /**
   * Revokes a token at the provider when its metadata offers a revocation endpoint (Google does,
   * Microsoft Entra does not). Never throws: a disconnect goes ahead whatever the provider says,
   * and the outcome is recorded in the audit log.
   */
  async revoke(provider: IntegrationProvider, token: string, hint: 'refresh_token' | 'access_token'): Promise<Revocation> {
    if (!this.#clients.has(provider)) return 'provider_not_configured';
    try {
      const config = await this.#config(provider);
      if (!config.serverMetadata().revocation_endpoint) return 'not_offered';
      await oidc.tokenRevocation(config, token, { token_type_hint: hint });
      return 'revoked';
    } catch {
      return 'failed';
    }
  }

  #config(provider: IntegrationProvider): Promise<oidc.Configuration> {
    const client = this.#clients.get(provider);
    if (!client) throw new AppError(409, 'provider_not_configured', `${PROVIDER_SPECS[provider].label} is not configured on this server (SPINNEY_${provider.toUpperCase()}_CLIENT_ID)`);
    return this.#discovery.configuration(client);
  }
}

function tokensOf(response: oidc.TokenEndpointResponse): ProviderTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    // The provider's own number, counted from our clock's now (expiresIn() would count from the wall clock).
    expiresInSeconds: response.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS,
    scopes: response.scope ? response.scope.split(' ').filter(Boolean) : null,
  };
}
