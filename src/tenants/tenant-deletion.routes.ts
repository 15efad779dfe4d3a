// An admin deletes their own workspace: a sensitive route (recent sign-in), the workspace's name
// typed as confirmation. Every request to the workspace is refused from then on, this one's token
// included; the purge follows after the grace period (src/tenants/tenant-deletion.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { badRequest } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { currentScope, currentTenantId } from '../tenancy/context.js';
import { deleteTenant } from './tenant-deletion.js';
import { findTenant } from './tenants.repo.js';

const DeletionRequest = Type.Object(
  { confirm: Type.String({ minLength: 1, maxLength: 200, description: 'the workspace name, exactly as shown' }) },
  { additionalProperties: false },
);
const Deletion = Type.Object({ status: Type.Literal('deleted'), deletedAt: Type.String(), purgeAfter: Type.String() });

export const tenantDeletionRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.post('/workspace/deletion', {
      config: { permission: 'workspace:delete', sensitive: true },
      schema: {
        tags: ['workspace'],
        summary: 'Delete this workspace: refused at once, purged with all its data and keys after the grace period',
        body: DeletionRequest,
        response: { 202: Deletion, ...errorResponses },
      },
      handler: async (request, reply) => {
        const tenantId = currentTenantId();
        const tenant = findTenant(runtime.control, tenantId);
        if (!tenant || request.body.confirm !== tenant.name) throw badRequest('confirmation_mismatch', 'type the workspace name exactly to confirm', 'confirm');
        // The platform log names the admin (user id and role) and the request they sent.
        const { actor, client } = currentScope();
        if (!actor) throw new Error('a signed-in admin is required here');
        const outcome = deleteTenant(runtime, tenantId, {
          actor: { userId: actor.userId, role: actor.role },
          request: { requestId: request.id, ip: client?.ip ?? request.ip, userAgent: client?.userAgent ?? null },
        });
        return reply.code(202).send({ status: 'deleted', deletedAt: outcome.deletedAt, purgeAfter: outcome.purgeAfter });
      },
    });
  };
