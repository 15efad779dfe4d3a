// Admin-only, sensitive routes for a contact's tax id and bank details.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { Nullable, SingleLine, errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { readSensitive, writeSensitive } from './contact-sensitive.js';
import { ContactParams } from './contacts.schemas.js';

const SensitiveFields = Type.Object({ taxId: Nullable(Type.String()), bankDetails: Nullable(Type.String()) });
const SensitiveUpdate = Type.Object(
  {
    taxId: Type.Optional(Nullable(SingleLine({ minLength: 1, maxLength: 64, examples: ['DE123456789'] }))),
    bankDetails: Type.Optional(Nullable(SingleLine({ minLength: 1, maxLength: 500, examples: ['IBAN DE89 3704 0044 0532 0130 00'] }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const contactSensitiveRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['contacts'];
    app.get('/contacts/:contactId/sensitive', {
      config: { permission: 'contacts:sensitive', sensitive: true },
      schema: { tags, summary: 'A contact\'s tax id and bank details (admins; audited)', params: ContactParams, response: { 200: SensitiveFields, ...errorResponses } },
      handler: async (request) => readSensitive(runtime.vault, request.params.contactId),
    });
    app.patch('/contacts/:contactId/sensitive', {
      config: { permission: 'contacts:sensitive', sensitive: true },
      schema: { tags, summary: 'Set or clear (null) a contact\'s tax id and bank details', params: ContactParams, body: SensitiveUpdate, response: { 200: SensitiveFields, ...errorResponses } },
      handler: async (request) => writeSensitive(runtime.vault, request.params.contactId, request.body),
    });
  };
