// A real OpenID Connect provider on loopback, for development sign-in and for tests. Never used in
// production: oidc-provider is a devDependency, so it is loaded lazily inside startDevOidcProvider
// and this module stays importable where it is not installed.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type GenerateKeyPairResult } from 'jose';
import type { Adapter, AdapterPayload, Configuration, default as ProviderClass } from 'oidc-provider';
import { escapeHtml } from '../http/html.js';

export interface DevOidcUser {
  sub: string;
  email: string;
  name: string;
  /** default true */
  emailVerified?: boolean;
}

export interface DevOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface DevOidcProviderOptions {
  /** default 127.0.0.1 */
  host?: string;
  /** 0 = any free port */
  port?: number;
  users: DevOidcUser[];
  clients: DevOidcClient[];
  /** seconds; for tests */
  idTokenTtl?: number;
  /** Tests adjust the configuration (scopes, refresh tokens, revocation, TTLs) before the provider starts. */
  configure?: (configuration: Configuration) => void;
}

export interface DevOidcProvider {
  /** e.g. http://127.0.0.1:PORT */
  readonly issuer: string;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 4096;
const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/;

/**
 * Signing keys of providers that have closed, for the next start in this process (an RSA key takes
 * a quarter of a second to make; tests start dozens of providers). Providers running at the same
 * time never share a key, and each start publishes it under a new kid.
 */
const spareSigningKeys: GenerateKeyPairResult['privateKey'][] = [];

export async function startDevOidcProvider(options: DevOidcProviderOptions): Promise<DevOidcProvider> {
  const { default: Provider } = await import('oidc-provider');
  const users = new Map(options.users.map((user) => [user.sub, user]));

  // The issuer must contain the port, so listen first and attach the handler afterwards.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const issuer = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  const privateKey = spareSigningKeys.pop() ?? (await generateKeyPair('RS256', { extractable: true })).privateKey;
  const keyToReturn = [privateKey];
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };

  const configuration: Configuration = {
    // Our own in-memory store: keeps state per start and avoids the library's "MUST change" warning.
    adapter: memoryAdapter(),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    // Either secret transport authenticates a client registered with client_secret_basic.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The relying party reads email and name from the ID token, not from userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    // Explicit TTLs also silence the "you SHOULD change" notices for each default.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: options.idTokenTtl ?? 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: user.email, email_verified: user.emailVerified ?? true, name: user.name }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(Object.values(out).join(': '));
    },
  };

  options.configure?.(configuration);
  const provider = new Provider(issuer, configuration);
  const providerHandler = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) {
      providerHandler(req, res);
      return;
    }
    handleInteraction(provider, users, req, res, match[1] as string, match[2] !== undefined).catch((error: unknown) => {
      // oidc-provider errors carry the code in message and the explanation in error_description.
      const { message, error_description: description } = error as { message?: string; error_description?: string };
      if (!res.headersSent) send(res, 400, errorPage(description ?? message ?? String(error)));
      else res.destroy();
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => spareSigningKeys.push(...keyToReturn.splice(0))), // once, however often close() is called
  };
}

async function handleInteraction(
  provider: ProviderClass,
  users: Map<string, DevOidcUser>,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  isLogin: boolean,
): Promise<void> {
  if (isLogin ? req.method !== 'POST' : req.method !== 'GET') {
    send(res, 405, errorPage('Method not allowed'));
    return;
  }
  let sub: string | undefined;
  if (isLogin) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      send(res, 415, errorPage('Expected a form submission'));
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      res.setHeader('Connection', 'close');
      send(res, 413, errorPage('Form too large'));
      return;
    }
    sub = new URLSearchParams(body).get('sub') ?? '';
    if (!users.has(sub)) {
      send(res, 400, errorPage('Unknown user'));
      return;
    }
  }

  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction does not match this browser session');

  if (sub !== undefined) {
    const grantId = await grantRequestedScopes(provider, details, sub);
    await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    return;
  }
  // Already signed in at the provider: only consent is missing, and development grants it.
  if (details.prompt.name === 'consent' && details.session) {
    const grantId = await grantRequestedScopes(provider, details, details.session.accountId);
    await provider.interactionFinished(req, res, { consent: { grantId } });
    return;
  }
  const action = `/interaction/${encodeURIComponent(uid)}/login`;
  const forms = [...users.values()].map(
    (user) =>
      `<form method="post" action="${escapeHtml(action)}">` +
      `<input type="hidden" name="sub" value="${escapeHtml(user.sub)}">` +
      `<button type="submit">${escapeHtml(`${user.name} <${user.email}>`)}</button></form>`,
  );
  const intro = `<p>Signing in to ${escapeHtml(String(details.params.client_id))}</p>`;
  send(res, 200, page('Spinney development sign-in', intro + forms.join('')));
}

async function grantRequestedScopes(
  provider: ProviderClass,
  details: Awaited<ReturnType<ProviderClass['interactionDetails']>>,
  accountId: string,
): Promise<string> {
  const clientId = String(details.params.client_id);
  // A grant of another account cannot be reused: the provider rejects an accountId mismatch.
  const existing = details.grantId && details.session?.accountId === accountId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  if (typeof details.params.scope === 'string') grant.addOIDCScope(details.params.scope);
  return grant.save();
}

/** Undefined when the body exceeds MAX_FORM_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // No form-action: browsers apply it to the redirect back to the relying party.
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(html);
}

function errorPage(message: string): string {
  return page('Spinney development sign-in error', `<p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  // The viewport tag keeps the page readable on a phone (the demo is tried on phones too).
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function memoryAdapter(): (model: string) => Adapter {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  };
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const findBy = async (field: 'uid' | 'userCode', value: string) => {
      for (const storeKey of store.keys()) {
        const payload = storeKey.startsWith(`${model}:`) ? live(storeKey) : undefined;
        if (payload?.[field] === value) return payload;
      }
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        store.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      },
      find: async (id) => live(key(id)),
      findByUid: (uid) => findBy('uid', uid),
      findByUserCode: (userCode) => findBy('userCode', userCode),
      consume: async (id) => {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        store.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [storeKey, entry] of store) if (entry.payload.grantId === grantId) store.delete(storeKey);
      },
    };
  };
}
