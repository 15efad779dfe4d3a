import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest, LogLevel } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { contentDisposition } from './file-names.js';
import { FileContent, FileList, FileListQuery, FileParams, FileRecord, FileUploadBody, FileUploadQuery } from './files.schemas.js';
import { deleteFile, fileContent, getFile, listFiles, refuseDeclaredLength, uploadFile } from './files.service.js';

const tags = ['files'];
/** Images shown inline get a page of their own rules: nothing may load or run, and the browser treats the response as a sandboxed, unique origin. */
export const INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

const declaredLength = (request: FastifyRequest): number | null => {
  const value = request.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
};

export const fileRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { maxBytes } = runtime.config.files;
  // Streaming only: a part is read as it arrives, never buffered whole nor saved to a temporary file.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1, headerPairs: 20, fieldNameSize: 100 } });
  // The multipart body is read by the handler, not parsed into request.body: the closed empty schema stands for it.
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = {};
  });

  app.post('/files', {
    // @fastify/multipart logs busboy's options at trace level, request headers (the token) included: never below debug here.
    logLevel: (runtime.config.logLevel === 'trace' ? 'debug' : runtime.config.logLevel) as LogLevel,
    config: { permission: 'files:write', errors: ['invalid_upload', 'file_too_large', 'quota_exceeded', 'file_type_not_allowed'] },
    schema: {
      tags,
      summary: 'Upload a file (multipart/form-data, one part named `file`), optionally attached to one record; its type is decided by its content',
      consumes: ['multipart/form-data'],
      querystring: FileUploadQuery,
      body: FileUploadBody,
      response: { 201: FileRecord, ...errorResponses },
    },
    handler: async (request, reply) => {
      try {
        if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'send the file as multipart/form-data, in one part named `file`');
        refuseDeclaredLength(runtime, declaredLength(request));
        const part = await request.file();
        if (!part || part.fieldname !== 'file') throw new AppError(400, 'invalid_upload', 'send one multipart part named `file`');
        return reply.code(201).send(await uploadFile(runtime, request.query, { file: part.file, fileName: part.filename }));
      } catch (err) {
        // The rest of a refused body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        const code = (err as { code?: string }).code;
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || (err as Error).message === 'Multipart: Boundary not found') {
          throw new AppError(400, 'invalid_upload', 'send one multipart part named `file`');
        }
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', `the file is larger than ${maxBytes} bytes`);
        throw err;
      }
    },
  });

  app.get('/files', {
    config: { permission: 'files:read' },
    schema: { tags, summary: 'List files, newest first (filter by the record they are attached to)', querystring: FileListQuery, response: { 200: FileList, ...errorResponses } },
    handler: async (request) => listFiles(request.query),
  });

  app.get('/files/:fileId', {
    config: { permission: 'files:read' },
    schema: { tags, summary: "A file's record (name, type, size, checksum, what it is attached to)", params: FileParams, response: { 200: FileRecord, ...errorResponses } },
    handler: async (request) => getFile(request.params.fileId),
  });

  app.get('/files/:fileId/content', {
    config: { permission: 'files:read', errors: ['file_unreadable'] },
    schema: { tags, summary: 'Download a file: decrypted as it streams, as an attachment with its checked type', params: FileParams, response: { 200: FileContent, ...errorResponses } },
    handler: async (request, reply) => {
      const { file, content } = await fileContent(runtime, request.params.fileId, { inline: false });
      return reply
        .type(file.type)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition('attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  });

  app.get('/files/:fileId/inline', {
    config: { permission: 'files:read', errors: ['file_type_not_allowed', 'file_unreadable'] },
    schema: { tags, summary: 'An image file shown inline (PNG, JPEG, GIF, WebP), sandboxed by its own Content-Security-Policy', params: FileParams, response: { 200: FileContent, ...errorResponses } },
    handler: async (request, reply) => {
      const { file, content } = await fileContent(runtime, request.params.fileId, { inline: true });
      return reply
        .type(file.type)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition('inline', file.name))
        .header('content-security-policy', INLINE_CSP)
        .header('cross-origin-resource-policy', 'same-origin')
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  });

  app.delete('/files/:fileId', {
    config: { permission: 'files:write' },
    schema: { tags, summary: 'Delete a file: its record and its encrypted bytes', params: FileParams, response: { 204: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      await deleteFile(runtime, request.params.fileId);
      return reply.code(204).send(null);
    },
  });
};
