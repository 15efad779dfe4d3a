// Builds the Fastify application: conventions first (logging, validation, errors, headers, the
// route registry, auth), then the API routes. Tests build it the same way and drive it with inject.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { API_REFERENCE_CSP, renderApiReference, type OpenApiDocument } from './http/api-reference.js';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import authPlugin from './auth/auth.plugin.js';
import { cookieSigner } from './auth/derived-keys.js';
import { calendarFeedRoutes } from './calendar/calendar.routes.js';
import credentialRealmPlugin from './credentials/credential-realm.plugin.js';
import { estimatePageRoutes } from './estimates/estimates.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { API_ROUTES } from './http/api-routes.js';
import { clientErrorResponse, errorHandler, refuseBodyEncoding, routeNotFound, sendError } from './http/errors.js';
import { registerRouteRegistry } from './http/route-registry.js';
import { ErrorResponse } from './http/schemas.js';
import { securityHeaders } from './http/security-headers.js';
import { cachedSerializerFactory, createValidatorCompiler } from './http/validation.js';
import { createLogger, defaultLogDestination } from './logging/logger.js';
import { registerRequestLog } from './logging/request-log.js';
import type { CodeFlowProvider } from './config/config.js';
import type { Runtime } from './runtime.js';
import { CodeFlowClients } from './signin/code-flow.js';
import { IdTokenVerifier } from './signin/id-token.js';
import { rateLimitOptions } from './signin/rate-limits.js';
import { webRoutes } from './web/web.routes.js';

export interface BuildOptions {
  runtime: Runtime;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** More route plugins under /api/v1, held to the same registry and auth rules as the built-in ones. */
  apiPlugins?: FastifyPluginAsync[];
  /** Providers known only at start-up (the development provider), besides the configured ones. */
  extraProviders?: CodeFlowProvider[];
  /** Runs when the app closes (e.g. stops the development provider). */
  onClose?: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function buildApp({ runtime, logDestination, apiPlugins = [], extraProviders = [], onClose }: BuildOptions): Promise<FastifyInstance> {
  const { config } = runtime;
  const responseHeaders = { ...securityHeaders(), 'cache-control': 'no-store' };
  const setResponseHeaders = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(responseHeaders);
    reply.header('x-request-id', request.id);
  };
  const app = Fastify({
    loggerInstance: createLogger(config, logDestination ?? defaultLogDestination(config)) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }), // request-log.ts writes the one line
    bodyLimit: config.bodyLimitBytes,
    // Only a proxy on this host (nginx) may speak for the client through X-Forwarded-* headers.
    trustProxy: config.trustProxy ? [...LOOPBACK] : false,
    exposeHeadRoutes: true,
    // While shutting down, a request on a connection already accepted is still answered (src/server.ts
    // ends that connection after it): with systemd holding the socket a restart then loses nothing.
    return503OnClosing: false,
    // nginx's request id is kept when it looks like one, so a request can be followed across both logs.
    genReqId: (req) => {
      const incoming = config.trustProxy && LOOPBACK.has(req.socket.remoteAddress ?? '') ? req.headers['x-request-id'] : undefined;
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    schemaController: { compilersFactory: { buildSerializer: cachedSerializerFactory } },
    // Router-level failures (a path parameter too long, a malformed URL) get the same error shape
    // and headers; failures before a request exists at all (a malformed header line, oversized
    // headers) get the same body, written to the socket.
    frameworkErrors: (err, request, reply) => {
      setResponseHeaders(request, reply);
      errorHandler(err, request, reply);
    },
    clientErrorHandler: (err, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(err));
      else socket.destroy();
    },
  });

  app.setValidatorCompiler(createValidatorCompiler());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => sendError(reply, routeNotFound()));
  // Only JSON bodies: everything else (text/plain, forms) is a 415.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onRequest', (request, reply, done) => {
    setResponseHeaders(request, reply);
    const refusal = refuseBodyEncoding(request.headers);
    if (refusal) return void sendError(reply, refusal);
    done();
  });

  registerRouteRegistry(app);
  registerRequestLog(app);
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    // Shared schemas keep their $id as their OpenAPI name (#/components/schemas/Error).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Spinney API', version: '1' },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  // Rate limits run first: a flood is refused before any token is checked or body read.
  if (config.rateLimits.global > 0 || config.rateLimits.signIn > 0) await app.register(rateLimit, rateLimitOptions(runtime));
  await app.register(cookie, { secret: cookieSigner(config.keys.signing) });
  await app.register(authPlugin, { runtime });
  await app.register(credentialRealmPlugin, { runtime });

  const signIn = {
    runtime,
    codeFlow: new CodeFlowClients([...config.signIn.codeFlow, ...extraProviders], config.publicUrl, config.env !== 'production'),
    idTokens: new IdTokenVerifier(config.signIn.idToken, config.keys.signing, runtime.clock, runtime.control),
  };
  await app.register(healthRoutes(runtime));
  await app.register(webRoutes);
  // The customer's estimate page (/e/{link}), outside /api/v1: a person opens it from a message.
  await app.register(estimatePageRoutes(runtime));
  // A member's calendar feed (/calendar/feed/{credential}.ics): a phone's calendar subscribes to it.
  await app.register(calendarFeedRoutes(runtime));
  // The API reference, rendered once from the OpenAPI document when first asked for (every route is registered by then).
  let reference: string | undefined;
  app.get('/api/docs', { schema: { hide: true } }, async (_request, reply) => {
    reference ??= renderApiReference(app.swagger() as unknown as OpenApiDocument, app.routeTable);
    return reply.header('content-security-policy', API_REFERENCE_CSP).type('text/html; charset=utf-8').send(reference);
  });
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of API_ROUTES) await api.register(routes({ runtime, signIn }));
      for (const plugin of apiPlugins) await api.register(plugin);
    },
    { prefix: '/api/v1' },
  );

  if (onClose) app.addHook('onClose', onClose);
  await app.ready();
  return app;
}
