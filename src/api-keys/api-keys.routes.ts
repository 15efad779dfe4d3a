// Workspace API keys: admins list, create (the key answered once) and revoke them. Creating one is
// sensitive (a recent sign-in): it mints a long-lived credential. Revoking never is, so a leaked key
// can always be stopped at once. A key itself can reach none of these (it is never admin).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, List } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyParams } from './api-keys.schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

const tags = ['api-keys'];

export const apiKeyRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();

    app.get('/api-keys', {
      config: { permission: 'api_keys:read' },
      schema: { tags, summary: 'The workspace\'s API keys that are not revoked (never their secrets)', response: { 200: List(ApiKey), ...errorResponses } },
      handler: async () => ({ items: listApiKeys(runtime), nextCursor: null }),
    });

    app.post('/api-keys', {
      config: { permission: 'api_keys:write', sensitive: true },
      schema: { tags, summary: 'Create an API key (role member or viewer); the answer carries the key, once', body: ApiKeyCreate, response: { 201: ApiKeyCreated, ...errorResponses } },
      handler: async (request, reply) => reply.code(201).send(createApiKey(runtime, request.body)),
    });

    app.delete('/api-keys/:apiKeyId', {
      config: { permission: 'api_keys:write' },
      schema: { tags, summary: 'Revoke an API key: its next request is refused', params: ApiKeyParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        revokeApiKey(request.params.apiKeyId);
        return reply.code(204).send(null);
      },
    });
  };
