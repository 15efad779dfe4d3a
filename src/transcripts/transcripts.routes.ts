import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, Page } from '../http/schemas.js';
import { MAX_TRANSCRIPT_CHARS, Transcript, TranscriptCreate, TranscriptListQuery, TranscriptParams, TranscriptSummary, TranscriptUpdate } from './transcripts.schemas.js';
import { createTranscript, getTranscript, listTranscripts, removeTranscript, updateTranscript } from './transcripts.service.js';

const tags = ['transcripts'];
// The text in JSON: up to 4 bytes a character, escaped, plus the other fields.
const BODY_LIMIT = MAX_TRANSCRIPT_CHARS * 4 + 64 * 1024;

export const transcriptRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/transcripts', {
    config: { permission: 'transcripts:read' },
    schema: { tags, summary: "Transcripts, newest first (a contact's, a lead's or a calendar event's with ?contactId=, ?leadId= or ?eventId=)", querystring: TranscriptListQuery, response: { 200: Page(TranscriptSummary, { additionalProperties: false }), ...errorResponses } },
    handler: async (request) => listTranscripts(request.query),
  });
  app.post('/transcripts', {
    config: { permission: 'transcripts:write' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary: 'Upload or paste a transcript (WebVTT, SRT or text, detected when `format` is left out): read into numbered speaker segments; a file that cannot be read is a 400 naming the line',
      body: TranscriptCreate,
      response: { 201: Transcript, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(createTranscript(request.body)),
  });
  app.get('/transcripts/:transcriptId', {
    config: { permission: 'transcripts:read' },
    schema: { tags, summary: 'A transcript with its text and segments', params: TranscriptParams, response: { 200: Transcript, ...errorResponses } },
    handler: async (request) => getTranscript(request.params.transcriptId),
  });
  app.patch('/transcripts/:transcriptId', {
    config: { permission: 'transcripts:write' },
    schema: { tags, summary: 'Rename a transcript or link it to a calendar event (`eventId`, null unlinks); its text never changes: upload again for a new one', params: TranscriptParams, body: TranscriptUpdate, response: { 200: Transcript, ...errorResponses } },
    handler: async (request) => updateTranscript(request.params.transcriptId, request.body),
  });
  app.delete('/transcripts/:transcriptId', {
    config: { permission: 'transcripts:write' },
    schema: { tags, summary: 'Delete a transcript and its segments', params: TranscriptParams, response: { 204: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      removeTranscript(request.params.transcriptId);
      return reply.code(204).send(null);
    },
  });
};
