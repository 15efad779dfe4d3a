import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/schemas.js';
import { currentTenantId, currentTimestamp } from '../tenancy/context.js';
import { downloadAuditEvents, listAuditEvents } from './audit-query.service.js';
import { AuditDownloadQuery, AuditList, AuditListQuery } from './audit.schemas.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/audit-events', {
    config: { permission: 'audit:read' },
    schema: { tags, summary: 'List audit events, newest first', querystring: AuditListQuery, response: { 200: AuditList, ...errorResponses } },
    handler: async (request) => listAuditEvents(request.query),
  });

  app.get('/audit-events/download', {
    config: { permission: 'audit:read' },
    schema: { tags, summary: 'Download matching audit events in chain order (JSON lines or CSV)', querystring: AuditDownloadQuery },
    handler: async (request, reply) => {
      const format = request.query.format ?? 'jsonl';
      const name = `audit-${currentTenantId()}-${currentTimestamp().slice(0, 10)}.${format}`;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(downloadAuditEvents(request.query));
    },
  });
};
