// Workspace settings for admins. For now: which organisations may sign in (Google Workspace
// domains, Microsoft Entra directory ids). The setting lives on the tenant's control-plane row
// because sign-in reads it before any tenant database is opened.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { recordTenantEvent } from '../audit/audit.service.js';
import { setSignInOrganizations } from '../tenants/tenants.repo.js';
import { AppError } from '../http/errors.js';
import { errorResponses, Nullable } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { allowedOrganizations } from '../signin/signin.service.js';
import { currentTenantId } from '../tenancy/context.js';

const Organization = Type.String({
  pattern: '^([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
  maxLength: 253,
  description: 'a Google Workspace domain (example.com) or a Microsoft Entra directory id (a UUID)',
});
const SignInSettings = Type.Object(
  { allowedOrganizations: Nullable(Type.Array(Organization, { maxItems: 20, uniqueItems: true, examples: [['acme.example']] })) },
  { additionalProperties: false },
);

export const settingsRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['settings'];

    app.get('/settings/sign-in', {
      config: { permission: 'settings:read' },
      schema: { tags, summary: 'Who may sign in: null admits any invited, verified account', response: { 200: SignInSettings, ...errorResponses } },
      handler: async () => ({ allowedOrganizations: allowedOrganizations(runtime, currentTenantId()) }),
    });

    app.put('/settings/sign-in', {
      config: { permission: 'settings:write', sensitive: true },
      schema: { tags, summary: 'Restrict sign-in to organisations (an empty list is refused; null lifts the restriction)', body: SignInSettings, response: { 200: SignInSettings, ...errorResponses } },
      handler: async (request) => {
        const tenantId = currentTenantId();
        const next = request.body.allowedOrganizations?.map((o) => o.toLowerCase()) ?? null;
        if (next?.length === 0) throw badRequestEmpty();
        const before = allowedOrganizations(runtime, tenantId);
        setSignInOrganizations(runtime.control, tenantId, next ? JSON.stringify(next) : null);
        recordTenantEvent('settings.sign_in_changed', { type: 'tenant', id: tenantId }, { before: { allowedOrganizations: before }, after: { allowedOrganizations: next } });
        return { allowedOrganizations: next };
      },
    });
  };

// An empty list would lock everyone out, admins included.
const badRequestEmpty = () => new AppError(400, 'invalid_field', 'allowedOrganizations must name at least one organisation, or be null', 'allowedOrganizations');
