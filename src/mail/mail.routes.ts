import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { readMissingBodyAsEmpty } from '../http/action-body.js';
import { errorResponses, List, Page } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { createTemplate, listTemplates, removeTemplate, renderComposed, sendComposed, updateTemplate } from './compose.service.js';
import { transportFor } from './mail.handler.js';
import {
  MailCompose,
  MailListQuery,
  MailParams,
  MailPreview,
  MailSettings,
  MailSettingsInput,
  MailSummary,
  MailTemplate,
  MailTemplateInput,
  MailTemplateParams,
  MailTemplatePatch,
} from './mail.schemas.js';
import { getMail, listMail, resendMail } from './mail.service.js';
import { mailSettingsView, saveMailSettings } from './smtp-account.js';

const tags = ['mail'];
const VERIFY_TIMEOUT_MS = 15_000;

export const mailRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  readMissingBodyAsEmpty(app);
  app.get('/mail', {
    config: { permission: 'mail:read' },
    schema: { tags, summary: 'Mail the workspace sent or is sending, newest first, with its state (queued, sent, failed)', querystring: MailListQuery, response: { 200: Page(MailSummary, { additionalProperties: false }), ...errorResponses } },
    handler: async (request) => listMail(request.query),
  });
  app.post('/mail', {
    config: { permission: 'mail:send', errors: ['attachments_too_large'] },
    schema: { tags, summary: 'Write to a contact: subject and body with {{variables}} filled in as text, workspace files attached; queued and sent by the outbox', body: MailCompose, response: { 201: MailSummary, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(sendComposed(runtime, request.body)),
  });
  app.post('/mail/preview', {
    config: { permission: 'mail:send', errors: ['attachments_too_large'] },
    schema: { tags, summary: 'The message as the contact would get it, without sending it', body: MailCompose, response: { 200: MailPreview, ...errorResponses } },
    handler: async (request) => {
      const { to, toName, replyTo, subject, text, html, attachments } = renderComposed(runtime, request.body);
      return { to, toName, replyTo, subject, text, html, attachments: attachments.map(({ fileId, name, type, size }) => ({ fileId, name, type, size })) };
    },
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

  app.get('/mail-templates', {
    config: { permission: 'mail:read' },
    schema: { tags, summary: "The workspace's message templates, by name", response: { 200: List(MailTemplate), ...errorResponses } },
    handler: async () => ({ items: listTemplates(), nextCursor: null }),
  });
  app.post('/mail-templates', {
    config: { permission: 'mail:templates' },
    schema: { tags, summary: 'Add a template (an unknown {{variable}} is refused, naming it)', body: MailTemplateInput, response: { 201: MailTemplate, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createTemplate(request.body)),
  });
  app.patch('/mail-templates/:templateId', {
    config: { permission: 'mail:templates' },
    schema: { tags, summary: 'Change a template', params: MailTemplateParams, body: MailTemplatePatch, response: { 200: MailTemplate, ...errorResponses } },
    handler: async (request) => updateTemplate(request.params.templateId, request.body),
  });
  app.delete('/mail-templates/:templateId', {
    config: { permission: 'mail:templates' },
    schema: { tags, summary: 'Delete a template (mail written with it is kept)', params: MailTemplateParams, response: { 204: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      removeTemplate(request.params.templateId);
      return reply.code(204).send(null);
    },
  });

  app.get('/settings/mail', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: "How the workspace sends mail: its own SMTP account or the server's", response: { 200: MailSettings, ...errorResponses } },
    handler: async () => mailSettingsView(runtime),
  });
  app.put('/settings/mail', {
    config: { permission: 'settings:write', sensitive: true },
    schema: {
      tags,
      summary: "Use the workspace's own SMTP account (tested by connecting and signing in before it is saved) or, with null, the server's",
      body: MailSettingsInput,
      response: { 200: MailSettings, ...errorResponses },
    },
    handler: async (request) => {
      await saveMailSettings(runtime, request.body, (config) => transportFor(config, VERIFY_TIMEOUT_MS));
      return mailSettingsView(runtime);
    },
  });
};
