// A typed client for the Spinney API (desktop apps, scripts, integrations). Paths, parameters,
// bodies and answers are typed from the server's own OpenAPI document: the same generated types
// the web app uses (web/src/api/schema.d.ts, `npm run web:types`), over openapi-fetch.
//
//   const spinney = createSpinneyClient({ baseUrl: 'https://crm.example.com', token: process.env.SPINNEY_API_KEY! });
//   const contacts = await data(spinney.GET('/api/v1/contacts', { params: { query: { limit: 10 } } }));
//
// `token` is a workspace API key (`spk_…`) or a person's access token (then a function that returns
// a fresh one: access tokens live 15 minutes and are renewed with the refresh token).
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../web/src/api/schema.js';

export type { paths };

/** A refusal in the API's one error shape: the HTTP status, the catalog code (docs/api.md) and the field at fault. */
export class SpinneyApiError extends Error {
  override readonly name = 'SpinneyApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface SpinneyClientOptions {
  /** The server's public URL, without /api/v1. */
  baseUrl: string;
  token: string | (() => string | Promise<string>);
  /** Another fetch (a test's, a proxy-aware one); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

export type SpinneyClient = Client<paths>;

export function createSpinneyClient(options: SpinneyClientOptions): SpinneyClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use({
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}

/** The data of an answer, or its refusal thrown as a SpinneyApiError. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok) {
    const refusal = (error as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    throw new SpinneyApiError(response.status, refusal?.code ?? 'unknown', refusal?.message ?? `the server answered ${response.status}`, refusal?.field);
  }
  return body as T;
}
