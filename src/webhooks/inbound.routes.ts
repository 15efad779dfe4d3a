// The public inbound webhook route. It reads the body as raw bytes (this plugin's own content-type
// parser; the rest of the API keeps parsing JSON) because the signature covers the exact bytes
// sent; JSON is parsed only after the signature verifies. The body is never logged: the request
// log has no bodies, and refusals log only a fixed reason.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { CredentialParams } from '../credentials/credentials.schemas.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { receiveDelivery, WebhookRefused } from './inbound.service.js';

export const inboundWebhookRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    // Scoped to this plugin: JSON bodies arrive here as the bytes that were signed. The app's body
    // limit still applies (413 above it).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    // Credential realm: the URL's credential binds the workspace and the endpoint (src/credentials/);
    // an unknown, revoked or suspended one answers exactly like a bad signature.
    app.post('/hooks/:credential', {
      config: {
        realm: 'credential',
        credentialKind: 'inbound_webhook',
        credentialRefusal: (request) => {
          request.log.info({ reason: 'unknown_endpoint' }, 'webhook refused');
          return new WebhookRefused('unknown_endpoint');
        },
      },
      schema: {
        tags: ['webhooks'],
        summary: 'Receive a signed webhook (generic or Stripe scheme, by endpoint); any verification failure is 401',
        security: [],
        params: CredentialParams,
        response: { 200: Type.Object({ received: Type.Literal(true) }), ...errorResponses },
      },
      handler: async (request) => {
        try {
          receiveDelivery(runtime, {
            endpointId: (request.credential as NonNullable<typeof request.credential>).targetId,
            headers: request.headers,
            body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          });
        } catch (err) {
          if (err instanceof WebhookRefused) request.log.info({ reason: err.reason }, 'webhook refused');
          throw err;
        }
        return { received: true as const };
      },
    });
  };
