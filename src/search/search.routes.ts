import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { errorResponses } from '../http/schemas.js';
import { SearchQuery, SearchResults } from './search.schemas.js';
import { search } from './search.service.js';

export const searchRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/search', {
    config: { permission: 'search:read' },
    schema: {
      tags: ['search'],
      summary: 'Search the workspace: contacts, leads, estimates and mail; title matches first, then the rest, newest first; matched terms marked; only the kinds your role may read',
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errorResponses },
    },
    handler: async (request) => search(request.query),
  });
};
