// Webhook management for admins: inbound endpoints (where Stripe or another sender posts) and
// outbound subscriptions (where this workspace's events go) with their delivery logs. Every write
// is sensitive (needs a recent sign-in) and audited; secrets appear only in the 201 that made them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, List, Page } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { createEndpoint, deleteEndpoint, listEndpoints } from './inbound.service.js';
import { createSubscription, deleteSubscription, listDeliveries, listSubscriptions } from './subscriptions.service.js';
import {
  Delivery,
  DeliveryListQuery,
  Endpoint,
  EndpointCreate,
  EndpointCreated,
  EndpointParams,
  Subscription,
  SubscriptionCreate,
  SubscriptionCreated,
  SubscriptionParams,
} from './webhooks.schemas.js';

const tags = ['webhooks'];

export const webhookRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const read = { permission: 'webhooks:read' as const };
    const write = { permission: 'webhooks:write' as const, sensitive: true };

    app.get('/webhooks/endpoints', {
      config: read,
      schema: { tags, summary: 'Inbound webhook endpoints (never their secrets)', response: { 200: List(Endpoint), ...errorResponses } },
      handler: async () => ({ items: listEndpoints(runtime), nextCursor: null }),
    });

    app.post('/webhooks/endpoints', {
      config: write,
      schema: {
        tags,
        summary: 'Create an inbound endpoint; a generic one answers with its generated secret, once',
        body: EndpointCreate,
        response: { 201: EndpointCreated, ...errorResponses },
      },
      handler: async (request, reply) => reply.code(201).send(createEndpoint(runtime, request.body)),
    });

    app.delete('/webhooks/endpoints/:endpointId', {
      config: write,
      schema: { tags, summary: 'Delete an endpoint and its secret (received deliveries are kept)', params: EndpointParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        deleteEndpoint(runtime, request.params.endpointId);
        return reply.code(204).send(null);
      },
    });

    app.get('/webhooks/subscriptions', {
      config: read,
      schema: { tags, summary: 'Outbound subscriptions (never their secrets)', response: { 200: List(Subscription), ...errorResponses } },
      handler: async () => ({ items: listSubscriptions(), nextCursor: null }),
    });

    app.post('/webhooks/subscriptions', {
      config: write,
      schema: {
        tags,
        summary: 'Send events of these types to a URL; answers with the signing secret, once',
        body: SubscriptionCreate,
        response: { 201: SubscriptionCreated, ...errorResponses },
      },
      handler: async (request, reply) => reply.code(201).send(await createSubscription(runtime, request.body)),
    });

    app.delete('/webhooks/subscriptions/:subscriptionId', {
      config: write,
      schema: { tags, summary: 'Delete a subscription and its secret; undelivered events are cancelled', params: SubscriptionParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        deleteSubscription(runtime, request.params.subscriptionId);
        return reply.code(204).send(null);
      },
    });

    app.get('/webhooks/subscriptions/:subscriptionId/deliveries', {
      config: read,
      schema: {
        tags,
        summary: 'Delivery log, newest first: state and every attempt with status, duration and error',
        params: SubscriptionParams,
        querystring: DeliveryListQuery,
        response: { 200: Page(Delivery), ...errorResponses },
      },
      handler: async (request) => listDeliveries(request.params.subscriptionId, request.query),
    });
  };
