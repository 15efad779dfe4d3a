// The development provider is a real OpenID Connect provider: a standard relying party library
// completes the code flow with PKCE against it and reads the user's claims from the ID token.
import t from 'tap';
import { decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { startDevOidcProvider } from '../../src/dev/dev-oidc-provider.js';
import { openSignInPage, signInAtProvider } from '../helpers/oidc-browser.js';

const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';

t.test('development OpenID provider', async (t) => {
  const op = await startDevOidcProvider({
    users: [
      { sub: 'u-ada', email: 'ada@example.test', name: 'Ada <script>alert(1)</script>' },
      { sub: 'u-bob', email: 'bob@example.test', name: 'Bob', emailVerified: false },
    ],
    clients: [{ clientId: 'spinney', clientSecret: 'dev-secret-dev-secret', redirectUris: [REDIRECT_URI] }],
  });
  t.teardown(() => op.close());

  const config = await client.discovery(new URL(op.issuer), 'spinney', 'dev-secret-dev-secret', undefined, {
    execute: [client.allowInsecureRequests],
  });

  const authorize = async (withPkce = true) => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters: Record<string, string> = { redirect_uri: REDIRECT_URI, scope: 'openid email profile', state, nonce };
    if (withPkce) {
      parameters.code_challenge = await client.calculatePKCECodeChallenge(verifier);
      parameters.code_challenge_method = 'S256';
    }
    return { url: client.buildAuthorizationUrl(config, parameters).href, verifier, state, nonce };
  };

  for (const [sub, email, emailVerified] of [
    ['u-ada', 'ada@example.test', true],
    ['u-bob', 'bob@example.test', false],
  ] as const) {
    t.test(`signs in ${sub} and puts the claims in the ID token`, async (t) => {
      const request = await authorize();
      const callback = await signInAtProvider(request.url, sub);
      t.equal(callback.origin + callback.pathname, REDIRECT_URI);
      t.equal(callback.searchParams.get('state'), request.state);

      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
      });
      const claims = tokens.claims();
      t.match(claims, { iss: op.issuer, aud: 'spinney', sub, email, email_verified: emailVerified, nonce: request.nonce });
      t.equal(decodeProtectedHeader(String(tokens.id_token)).alg, 'RS256');
    });
  }

  t.test('a request without a PKCE code challenge is refused', async (t) => {
    const request = await authorize(false);
    await t.rejects(signInAtProvider(request.url, 'u-ada'), /error=invalid_request.*PKCE/);
  });

  t.test('an unknown user is refused with 400', async (t) => {
    const request = await authorize();
    await t.rejects(signInAtProvider(request.url, 'u-nobody'), /answered 400/);
  });

  t.test('the sign-in endpoints refuse malformed requests', async (t) => {
    const login = `${op.issuer}/interaction/some-uid/login`;
    t.equal((await fetch(login)).status, 405);
    t.equal((await fetch(login, { method: 'POST', body: JSON.stringify({ sub: 'u-ada' }), headers: { 'content-type': 'application/json' } })).status, 415);
    t.equal((await fetch(login, { method: 'POST', body: new URLSearchParams({ sub: 'x'.repeat(5000) }) })).status, 413);
    t.equal((await fetch(`${op.issuer}/interaction/some-uid`)).status, 400, 'no interaction cookie');
  });

  t.test('the sign-in page escapes user data', async (t) => {
    const html = await openSignInPage((await authorize()).url);
    t.match(html, '<title>Spinney development sign-in</title>');
    t.match(html, 'Ada &#60;script&#62;alert(1)&#60;/script&#62; &#60;ada@example.test&#62;');
    t.notMatch(html, '<script>');
  });
});
