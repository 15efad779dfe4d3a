import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { readMissingBodyAsEmpty } from '../http/action-body.js';
import { errorResponses, IdParam, Nullable, Page, PageQuery, Timestamp } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { getMail, listMail, resendMail } from './mail.service.js';

const MailSummary = Type.Object(
  {
    id: Type.String(),
    messageId: Type.String({ description: 'the Message-ID header, the same on every attempt' }),
    kind: Type.Union([Type.Literal('invitation'), Type.Literal('estimate'), Type.Literal('message'), Type.Literal('calendar'), Type.Literal('notice')]),
    to: Type.String(),
    toName: Nullable(Type.String()),
    subject: Type.String(),
    contactId: Nullable(Type.String()),
    leadId: Nullable(Type.String()),
    estimateId: Nullable(Type.String()),
    eventId: Nullable(Type.String()),
    state: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('cancelled')]),
    attempts: Type.Integer(),
    error: Nullable(Type.String({ description: "the last attempt's failure (the SMTP server's answer), while queued or once failed" })),
    sentAt: Nullable(Timestamp),
    createdAt: Timestamp,
    createdBy: Type.String(),
  },
  { additionalProperties: false },
);
const MailListQuery = Type.Object({ ...PageQuery, contactId: Type.Optional(IdParam('contact')), estimateId: Type.Optional(IdParam('estimate')), eventId: Type.Optional(IdParam('calendarEvent')) }, { additionalProperties: false });
type MailListQuery = Static<typeof MailListQuery>;
const MailParams = Type.Object({ mailId: IdParam('mailMessage') }, { additionalProperties: false });
const tags = ['mail'];

export const mailRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  readMissingBodyAsEmpty(app);
  app.get('/mail', {
    config: { permission: 'mail:read' },
    schema: { tags, summary: 'Mail the workspace sent or is sending, newest first, with its state (queued, sent, failed)', querystring: MailListQuery, response: { 200: Page(MailSummary, { additionalProperties: false }), ...errorResponses } },
    handler: async (request) => listMail(request.query as MailListQuery),
  });
  app.get('/mail/:mailId', {
    config: { permission: 'mail:read' },
    schema: { tags, summary: 'One message: to whom, its state, attempts and the last error', params: MailParams, response: { 200: MailSummary, ...errorResponses } },
    handler: async (request) => getMail(request.params.mailId),
  });
  app.post('/mail/:mailId/resend', {
    config: { permission: 'mail:send' },
    schema: { tags, summary: 'Send a failed or cancelled message again (same Message-ID, one more attempt now)', params: MailParams, body: Type.Object({}, { additionalProperties: false }), response: { 200: MailSummary, ...errorResponses } },
    handler: async (request) => resendMail(runtime, request.params.mailId),
  });
};
