// Workspace secrets (the workspace's own SMTP password, AI API key, …) for admins. Write-only:
// after a write the API answers with the name, a fingerprint, a hint (the last four characters of
// a value of at least 16) and dates,
// never the value; no route reads a value back. Every route is sensitive and every write audited.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';

const SECRET_NAME = '^[a-z][a-z0-9_.-]{0,63}$';
const SecretInfo = Type.Object({
  name: Type.String(),
  fingerprint: Type.String(),
  last4: Type.Union([Type.String(), Type.Null()], { description: 'the last four characters of a value of at least 16 characters; null for shorter values' }),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
const Value = Type.String({ minLength: 1, maxLength: 8192, description: 'the secret; never returned' });
const SecretParams = Type.Object({ secretName: Type.String({ pattern: SECRET_NAME }) }, { additionalProperties: false });
const SecretCreate = Type.Object({ name: Type.String({ pattern: SECRET_NAME, examples: ['smtp.password'] }), value: Value }, { additionalProperties: false });
const SecretReplace = Type.Object({ value: Value }, { additionalProperties: false });

export const vaultRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['vault'];
    const read = { permission: 'vault:read' as const, sensitive: true };
    const write = { permission: 'vault:write' as const, sensitive: true };

    app.get('/vault/secrets', {
      config: read,
      schema: { tags, summary: 'Workspace secrets: names, fingerprints and dates, never values', response: { 200: Type.Object({ items: Type.Array(SecretInfo), nextCursor: Type.Null() }), ...errorResponses } },
      handler: async () => ({ items: runtime.vault.list(), nextCursor: null }),
    });

    app.post('/vault/secrets', {
      config: write,
      schema: { tags, summary: 'Store a new secret', body: SecretCreate, response: { 201: SecretInfo, ...errorResponses } },
      handler: async (request, reply) => reply.code(201).send(runtime.vault.create(request.body.name, request.body.value)),
    });

    app.put('/vault/secrets/:secretName', {
      config: write,
      schema: { tags, summary: 'Replace a secret\'s value', params: SecretParams, body: SecretReplace, response: { 200: SecretInfo, ...errorResponses } },
      handler: async (request) => runtime.vault.replace(request.params.secretName, request.body.value),
    });

    app.delete('/vault/secrets/:secretName', {
      config: write,
      schema: { tags, summary: 'Delete a secret', params: SecretParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        runtime.vault.delete(request.params.secretName);
        return reply.code(204).send(null);
      },
    });
  };
