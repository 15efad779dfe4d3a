// The stand-in for Apple and Google: tokens signed with its published key verify, tokens signed
// with the unpublished key of the same kid do not.
import t from 'tap';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startJwksIssuer } from '../helpers/jwks-issuer.js';

t.test('JWKS issuer', async (t) => {
  const idp = await startJwksIssuer();
  t.teardown(() => idp.close());

  const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
  t.same(discovery, { issuer: idp.issuer, jwks_uri: idp.jwksUri, id_token_signing_alg_values_supported: ['RS256'] });

  const keys = createRemoteJWKSet(new URL(idp.jwksUri));
  const verify = (token: string) => jwtVerify(token, keys, { issuer: idp.issuer, audience: 'spinney', algorithms: ['RS256'] });

  const { payload } = await verify(await idp.sign({ sub: 'apple-1', aud: 'spinney' }));
  t.equal(payload.sub, 'apple-1');
  t.equal((payload.exp ?? 0) - (payload.iat ?? 0), 600);

  await t.rejects(verify(await idp.sign({ sub: 'apple-1', aud: 'spinney' }, { key: 'other' })), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  await t.rejects(verify(await idp.sign({ sub: 'apple-1', aud: 'spinney' }, { issuedAt: Math.floor(Date.now() / 1000) - 3600 })), { code: 'ERR_JWT_EXPIRED' });
  await t.rejects(verify(await idp.sign({ sub: 'apple-1', aud: 'spinney', iss: 'https://evil.example' })), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
});
