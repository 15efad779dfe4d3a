// The workspace's mailbox (admins: connect, see its sync health, sync now, disconnect) and the
// mail received in it (everyone who reads mail: the messages filed into contacts' threads).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { readMissingBodyAsEmpty } from '../http/action-body.js';
import { errorResponses, Page } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { Mailbox, MailboxInput, ReceivedMail, ReceivedMailParams, ReceivedMailQuery, ReceivedMailSummary, SyncResult, UnfiledQuery } from './mailbox.schemas.js';
import { connectMailbox, disconnectMailbox, getMailbox, getReceivedMail, listReceivedMail, syncMailbox } from './mailbox.service.js';

const tags = ['mailbox'];

export const mailboxRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    readMissingBodyAsEmpty(app);
    const read = { permission: 'mailbox:read' as const };
    const write = { permission: 'mailbox:write' as const, sensitive: true };

    app.get('/mailbox', {
      config: read,
      schema: { tags, summary: "The connected mailbox and its sync health (never its password); 404 when none is connected", response: { 200: Mailbox, ...errorResponses } },
      handler: async () => getMailbox(),
    });
    app.put('/mailbox', {
      config: write,
      schema: { tags, summary: 'Connect the mailbox (replacing the one before): connects, logs in and opens the INBOX first; 422 naming the failure, nothing saved', body: MailboxInput, response: { 200: Mailbox, ...errorResponses } },
      handler: async (request) => connectMailbox(runtime, request.body),
    });
    app.delete('/mailbox', {
      config: write,
      schema: { tags, summary: 'Disconnect the mailbox: its settings and password go, the mail received stays', response: { 204: Type.Null(), ...errorResponses } },
      handler: async (_request, reply) => {
        disconnectMailbox(runtime);
        return reply.code(204).send(null);
      },
    });
    app.post('/mailbox/sync', {
      config: { permission: 'mailbox:write' as const },
      schema: { tags, summary: 'Import new messages now (the poll job does this every few minutes); a failure is recorded and answered in mailbox.lastError', body: Type.Object({}, { additionalProperties: false }), response: { 200: SyncResult, ...errorResponses } },
      handler: async () => {
        const outcome = await syncMailbox(runtime);
        return { imported: outcome.imported, skipped: outcome.skipped, more: outcome.more, mailbox: getMailbox() };
      },
    });
    app.get('/mailbox/unfiled', {
      config: read,
      schema: { tags, summary: 'Received mail filed to no contact (unknown senders), newest first', querystring: UnfiledQuery, response: { 200: Page(ReceivedMailSummary, { additionalProperties: false }), ...errorResponses } },
      handler: async (request) => listReceivedMail({ ...request.query, filed: false }),
    });
    app.get('/received-mail', {
      config: { permission: 'mail:read' },
      schema: { tags, summary: "Received mail filed into contacts' threads, newest first", querystring: ReceivedMailQuery, response: { 200: Page(ReceivedMailSummary, { additionalProperties: false }), ...errorResponses } },
      handler: async (request) => listReceivedMail({ ...request.query, filed: true }),
    });
    app.get('/received-mail/:receivedMailId', {
      config: { permission: 'mail:read' },
      schema: { tags, summary: 'One received message with its text and sanitised HTML', params: ReceivedMailParams, response: { 200: ReceivedMail, ...errorResponses } },
      handler: async (request) => getReceivedMail(runtime, request.params.receivedMailId),
    });
  };
