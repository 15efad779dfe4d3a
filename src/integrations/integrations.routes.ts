// Integrations for admins: list, start a connection (a JSON answer with the provider's
// authorization URL for the browser to open), the provider's redirect back (public: the browser
// carries no access token there), and disconnect. Starting and disconnecting are sensitive.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { clientOf } from '../auth/auth.plugin.js';
import { IdParam, errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { signInRateLimit } from '../signin/rate-limits.js';
import { CallbackQuery } from '../signin/signin.schemas.js';
import { CONNECT_WINDOW_SECONDS } from './connect-flows.js';
import { availableProviders, disconnect, finishConnect, getIntegration, listIntegrations, startConnect } from './integrations.service.js';

/**
 * Binds a connection to the admin's browser (see connect-flows.ts). __Host-: only this origin can
 * set it, so a sibling subdomain cannot plant a state of its choosing; Lax: the provider sends the
 * browser back with a cross-site top-level GET.
 */
export const CONNECT_COOKIE = '__Host-spinney_integration_connect';
const CONNECT_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

const tags = ['integrations'];
const Provider = Type.Union([Type.Literal('google'), Type.Literal('microsoft')]);
const Integration = Type.Object({
  id: Type.String(),
  provider: Provider,
  accountEmail: Type.String(),
  scopes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('needs_reconnect')]),
  connectedBy: Type.String(),
  connectedAt: Type.String(),
  accessTokenExpiresAt: Type.String(),
});
const IntegrationParams = Type.Object({ integrationId: IdParam('integration') }, { additionalProperties: false });
const ConnectBody = Type.Object({ provider: Provider }, { additionalProperties: false });
const ConnectStarted = Type.Object({
  provider: Provider,
  authorizationUrl: Type.String({ description: 'open this in the admin\'s browser (the same browser that made this request)' }),
  expiresAt: Type.String(),
});
const ProviderInfo = Type.Object({ id: Provider, label: Type.String(), scopes: Type.Array(Type.String()) });

export const integrationRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const read = { permission: 'integrations:read' as const };
    const write = { permission: 'integrations:write' as const, sensitive: true };

    app.get('/integrations', {
      config: read,
      schema: { tags, summary: 'The workspace\'s integrations (never their tokens)', response: { 200: Type.Object({ items: Type.Array(Integration), nextCursor: Type.Null() }), ...errorResponses } },
      handler: async () => ({ items: listIntegrations(), nextCursor: null }),
    });

    app.get('/integrations/providers', {
      config: read,
      schema: { tags, summary: 'The providers this server can connect, and the scopes each is asked for', response: { 200: Type.Object({ items: Type.Array(ProviderInfo) }), ...errorResponses } },
      handler: async () => ({ items: availableProviders(runtime) }),
    });

    app.get('/integrations/:integrationId', {
      config: read,
      schema: { tags, summary: 'One integration', params: IntegrationParams, response: { 200: Integration, ...errorResponses } },
      handler: async (request) => getIntegration(request.params.integrationId),
    });

    app.post('/integrations/connect', {
      config: write,
      schema: { tags, summary: 'Start connecting a provider account: returns the authorization URL to open', body: ConnectBody, response: { 200: ConnectStarted, ...errorResponses } },
      handler: async (request, reply) => {
        const { provider } = request.body;
        const started = await startConnect(runtime, provider);
        reply.setCookie(CONNECT_COOKIE, started.state, { ...CONNECT_COOKIE_OPTIONS, maxAge: CONNECT_WINDOW_SECONDS });
        return { provider, authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt };
      },
    });

    app.get('/integrations/callback', {
      config: { rateLimit: signInRateLimit(runtime) },
      schema: { tags, summary: 'The provider sends the admin\'s browser back here', querystring: CallbackQuery, response: errorResponses },
      handler: async (request, reply) => {
        reply.clearCookie(CONNECT_COOKIE, CONNECT_COOKIE_OPTIONS);
        const integration = await finishConnect(runtime, {
          query: request.url.slice(request.url.indexOf('?') + 1),
          state: request.query.state,
          error: request.query.error,
          browserState: request.cookies[CONNECT_COOKIE],
          requestId: request.id,
          client: clientOf(request),
        });
        // Back to the integrations screen, which names the new connection.
        return reply.redirect(`/admin/integrations?connected=${encodeURIComponent(integration.id)}`, 303);
      },
    });

    app.delete('/integrations/:integrationId', {
      config: write,
      schema: { tags, summary: 'Disconnect: revoke at the provider where it can, delete the tokens and the integration', params: IntegrationParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        await disconnect(runtime, request.params.integrationId);
        return reply.code(204).send(null);
      },
    });
  };
