// Plays an external identity provider (Apple, Google) whose ID tokens the server verifies against
// a published JWKS. The 'other' key shares the kid of 'main' but is never published, so tokens
// signed with it look legitimate until the signature is checked.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type GenerateKeyPairResult } from 'jose';

export interface JwksIssuer {
  /** http://127.0.0.1:PORT */
  readonly issuer: string;
  readonly jwksUri: string;
  /** RS256 JWT; iss defaults to the issuer, iat to now (or issuedAt), exp to iat + expiresInSeconds (600). Claims override all. */
  sign(
    claims: Record<string, unknown>,
    options?: { expiresInSeconds?: number; issuedAt?: number; kid?: string; key?: 'main' | 'other' },
  ): Promise<string>;
  close(): Promise<void>;
}

/**
 * Key pairs of issuers that have closed, for the next start in this process (an RSA key takes a
 * quarter of a second to make). Issuers running at the same time never share a key, a main key is
 * never another issuer's 'other' at the same time, and each start publishes under a new kid.
 */
const spareKeyPairs: GenerateKeyPairResult[] = [];

export async function startJwksIssuer(): Promise<JwksIssuer> {
  const main = spareKeyPairs.pop() ?? (await generateKeyPair('RS256'));
  const other = spareKeyPairs.pop() ?? (await generateKeyPair('RS256'));
  const keysToReturn = [main, other];
  const kid = randomBytes(8).toString('hex');
  const jwks = { keys: [{ ...(await exportJWK(main.publicKey)), alg: 'RS256', use: 'sig', kid }] };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body =
      req.method !== 'GET' ? undefined
      : path === '/.well-known/openid-configuration' ? { issuer, jwks_uri: jwksUri, id_token_signing_alg_values_supported: ['RS256'] }
      : path === '/keys' || path === '/auth/keys' ? jwks // Google's and Apple's key paths
      : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not_found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwksUri = `${issuer}/keys`;

  return {
    issuer,
    jwksUri,
    async sign(claims, options = {}) {
      const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat, exp: iat + (options.expiresInSeconds ?? 600), ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .sign(options.key === 'other' ? other.privateKey : main.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => spareKeyPairs.push(...keysToReturn.splice(0))), // once, however often close() is called
  };
}
