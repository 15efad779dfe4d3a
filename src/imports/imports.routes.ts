import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { decodeCsv } from './csv-file.js';
import { Import, ImportParams, ImportPlan, ImportPreview, ImportUpload, ImportUploadQuery } from './imports.schemas.js';
import { getImport, previewImport, rejectedRowsCsv, runImport, uploadImport } from './imports.service.js';

const tags = ['imports'];
const permission = 'imports:write';

export const importRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // A CSV body (this plugin only) is decoded here, refused unless UTF-8, and validated as { csv }.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: runtime.config.importBodyLimitBytes }, (_request, body, done) => {
    try {
      done(null, { csv: decodeCsv(body as Buffer) });
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.post('/imports', {
    config: { permission, errors: ['csv_encoding', 'csv_invalid', 'too_many_rows'] },
    bodyLimit: runtime.config.importBodyLimitBytes,
    schema: { tags, summary: 'Upload a CSV file to import (text/csv): its header, first rows and a suggested mapping', querystring: ImportUploadQuery, body: ImportUpload, response: { 201: Import, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(uploadImport(request.query.kind ?? 'contacts', request.query.fileName ?? null, request.body.csv)),
  });

  app.get('/imports/:importId', {
    config: { permission },
    schema: { tags, summary: 'An import and its progress', params: ImportParams, response: { 200: Import, ...errorResponses } },
    handler: async (request) => getImport(request.params.importId),
  });

  app.post('/imports/:importId/preview', {
    config: { permission, errors: ['missing_column', 'conflict'] },
    schema: { tags, summary: 'Check every row with a mapping (nothing is written): row errors and duplicates', params: ImportParams, body: ImportPlan, response: { 200: ImportPreview, ...errorResponses } },
    handler: async (request) => previewImport(runtime, request.params.importId, request.body),
  });

  app.post('/imports/:importId/run', {
    config: { permission, errors: ['missing_column'] },
    schema: { tags, summary: 'Import the rows (once); answers when every row is imported or rejected', params: ImportParams, body: ImportPlan, response: { 200: Import, ...errorResponses } },
    handler: async (request) => runImport(runtime, request.params.importId, request.body),
  });

  app.get('/imports/:importId/rejected', {
    config: { permission },
    schema: { tags, summary: 'The rows the run did not import, with why, as CSV', params: ImportParams },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejected-rows-${request.params.importId}.csv"`)
        .send(rejectedRowsCsv(request.params.importId)),
  });
};
