import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../http/schemas.js';
import { Contact, ContactCreate, ContactList, ContactListQuery, ContactParams, ContactUpdate } from './contacts.schemas.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.service.js';

const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/contacts', {
    config: { permission: 'contacts:read' },
    schema: { tags, summary: 'List contacts', querystring: ContactListQuery, response: { 200: ContactList, ...errorResponses } },
    handler: async (request) => listContacts(request.query),
  });

  // Creating, changing and deleting a contact write only to the workspace's file (the contact, its
  // audit row, its search entry), so they share commits with each other (see groupCommit).
  app.post('/contacts', {
    config: { permission: 'contacts:write', groupCommit: true },
    schema: { tags, summary: 'Create a contact', body: ContactCreate, response: { 201: Contact, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createContact(request.body)),
  });

  app.get('/contacts/:contactId', {
    config: { permission: 'contacts:read' },
    schema: { tags, summary: 'Get a contact', params: ContactParams, response: { 200: Contact, ...errorResponses } },
    handler: async (request) => getContact(request.params.contactId),
  });

  app.patch('/contacts/:contactId', {
    config: { permission: 'contacts:write', groupCommit: true },
    schema: { tags, summary: 'Update a contact', params: ContactParams, body: ContactUpdate, response: { 200: Contact, ...errorResponses } },
    handler: async (request) => updateContact(request.params.contactId, request.body),
  });

  app.delete('/contacts/:contactId', {
    config: { permission: 'contacts:write', groupCommit: true },
    schema: { tags, summary: 'Delete a contact', params: ContactParams, response: { 204: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      deleteContact(request.params.contactId);
      return reply.code(204).send(null);
    },
  });
};
