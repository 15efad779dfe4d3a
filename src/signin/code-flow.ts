// The authorization code flow against each configured provider, through openid-client: discovery,
// PKCE (S256), state and nonce, the code exchange and the ID token checks (signature, issuer,
// audience, expiry, nonce). Discovery documents come from ProviderDiscovery (once per process).
import * as oidc from 'openid-client';
import type { CodeFlowProvider } from '../config/config.js';
import { AppError, type ErrorCode } from '../http/errors.js';
import { ProviderDiscovery } from './provider-discovery.js';
import type { VerifiedIdentity } from './signin.service.js';

export interface FlowStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const signInFailed = (message: string, code: ErrorCode = 'sign_in_failed'): AppError => new AppError(401, code, message);

export class CodeFlowClients {
  readonly #providers: Map<string, CodeFlowProvider>;
  readonly #discovery: ProviderDiscovery;
  readonly #publicUrl: string;

  /** allowHttp: development and tests talk to providers on loopback over plain http. */
  constructor(providers: readonly CodeFlowProvider[], publicUrl: string, allowHttp: boolean) {
    this.#providers = new Map(providers.map((p) => [p.id, p]));
    this.#publicUrl = publicUrl;
    this.#discovery = new ProviderDiscovery(allowHttp);
  }

  list(): { id: string; label: string }[] {
    return [...this.#providers.values()].map(({ id, label }) => ({ id, label }));
  }

  has(id: string): boolean {
    return this.#providers.has(id);
  }

  redirectUri(id: string): string {
    return `${this.#publicUrl}/api/v1/auth/callback/${id}`;
  }

  /** reauth: a step-up; the provider must ask the person to sign in again (prompt=login, max_age=0). */
  async start(id: string, options: { reauth?: boolean } = {}): Promise<FlowStart> {
    const config = await this.#config(id);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(id),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(options.reauth ? { prompt: 'login', max_age: '0' } : {}),
    });
    return { url, state, nonce, codeVerifier };
  }

  /** Exchanges the code from the callback URL and returns the identity its ID token proves. */
  async finish(id: string, callbackQuery: string, checks: FlowChecks): Promise<VerifiedIdentity> {
    const config = await this.#config(id);
    const currentUrl = new URL(`${this.redirectUri(id)}?${callbackQuery}`);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw codeFlowError(err);
    }
    const claims = tokens.claims();
    if (!claims || typeof claims.sub !== 'string') throw signInFailed('the provider sent no ID token');
    return identityFromClaims(id, claims);
  }

  #config(id: string): Promise<oidc.Configuration> {
    const provider = this.#providers.get(id);
    if (!provider) throw new AppError(404, 'not_found', 'no such sign-in provider');
    return this.#discovery.configuration(provider);
  }
}

/** What the provider says about the email. Entra ID has no email_verified; it marks domain-verified emails with xms_edov. */
export function identityFromClaims(provider: string, claims: Record<string, unknown>): VerifiedIdentity {
  const email = typeof claims.email === 'string' ? claims.email : '';
  if (!email) throw new AppError(403, 'email_missing', 'the provider did not share an email address; allow the email scope');
  const verified = claims.email_verified === true || claims.email_verified === 'true' || (provider === 'microsoft' && claims.xms_edov === true);
  const organization = provider === 'google' && typeof claims.hd === 'string' ? claims.hd : provider === 'microsoft' && typeof claims.tid === 'string' ? claims.tid : null;
  const seconds = (claim: unknown): number | null => (typeof claim === 'number' && Number.isFinite(claim) ? claim : null);
  return { provider, subject: String(claims.sub), email, emailVerified: verified, organization, authTime: seconds(claims.auth_time), issuedAt: seconds(claims.iat) };
}

function codeFlowError(err: unknown): AppError {
  const e = err as { code?: string; error?: string; message?: string; cause?: { claim?: string; cause?: { claim?: string } } };
  if (e.error) return signInFailed(`the provider refused the sign-in (${e.error})`);
  // oauth4webapi reports which claim failed its check.
  if ((e.cause?.cause?.claim ?? e.cause?.claim) === 'nonce') return signInFailed('the ID token was not issued for this sign-in', 'nonce_mismatch');
  if (/state/i.test(e.message ?? '')) return signInFailed('the sign-in response does not belong to this browser session', 'state_mismatch');
  if (/nonce/i.test(e.message ?? '')) return signInFailed('the ID token was not issued for this sign-in', 'nonce_mismatch');
  return signInFailed(`the sign-in could not be completed (${e.message ?? 'unknown error'})`);
}
