// POST /api/v1/export: the whole workspace as one archive, for admins after a recent sign-in.
// The archive is streamed as the response body; docs/export-format.md describes it.
import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { UnexportableColumn } from './export-plan.js';
import { prepareExport, type PreparedExport } from './export.service.js';

const ExportRequest = Type.Object({}, { additionalProperties: false });
const Archive = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'a gzip\'d tar: manifest.json, members.json, workspace.json, files/' });

export const exportRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/export', {
      config: { permission: 'workspace:export', sensitive: true },
      schema: {
        tags: ['export'],
        summary: 'Download the complete workspace as one archive (sensitive fields decrypted; secret values never)',
        body: ExportRequest,
        response: { 200: Archive, ...errorResponses },
      },
      handler: async (request, reply) => {
        // A client that leaves while workspace.json is still being written stops the writing.
        const gone = new AbortController();
        const onClose = () => gone.abort();
        reply.raw.once('close', onClose);
        if (request.raw.socket?.destroyed === true) gone.abort(); // gone before this handler ran
        let prepared: PreparedExport;
        try {
          prepared = await prepareExport(runtime, { signal: gone.signal });
        } catch (err) {
          if (gone.signal.aborted) {
            request.log.info('export stopped: the client left before the archive was ready');
            throw new AppError(400, 'request_aborted', 'the connection closed before the export was ready');
          }
          if (!(err instanceof UnexportableColumn)) throw err;
          // The operator needs the column's name; the client gets no internals.
          request.log.error({ err }, 'export refused');
          throw new AppError(500, 'export_incomplete', 'this workspace holds data the export cannot write yet, so nothing was exported; the server log says which');
        } finally {
          reply.raw.off('close', onClose);
        }
        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
          .send(prepared.archive());
      },
    });
  };
