// Every feature's routes under /api/v1, in one list: app.ts registers them in this order, and a
// new feature is one line here. Each entry says what its plugin needs from what app.ts built.
import type { FastifyPluginAsync } from 'fastify';
import { apiKeyRoutes } from '../api-keys/api-keys.routes.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { contactSensitiveRoutes } from '../contacts/contact-sensitive.routes.js';
import { contactRoutes } from '../contacts/contacts.routes.js';
import { tenantDeletionRoutes } from '../tenants/tenant-deletion.routes.js';
import { exportRoutes } from '../export/export.routes.js';
import { fileRoutes } from '../files/files.routes.js';
import { importRoutes } from '../imports/imports.routes.js';
import { mailRoutes } from '../mail/mail.routes.js';
import { mailboxRoutes } from '../mailbox/mailbox.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { transcriptRoutes } from '../transcripts/transcripts.routes.js';
import { estimateLinkRoutes, estimateRoutes } from '../estimates/estimates.routes.js';
import { leadRoutes } from '../leads/leads.routes.js';
import { integrationRoutes } from '../integrations/integrations.routes.js';
import { memberRoutes } from '../members/members.routes.js';
import type { Runtime } from '../runtime.js';
import { sessionRoutes } from '../sessions/sessions.routes.js';
import { settingsRoutes } from '../settings/settings.routes.js';
import { signInRoutes, type SignInDeps } from '../signin/signin.routes.js';
import { vaultRoutes } from '../vault/vault.routes.js';
import { inboundWebhookRoutes } from '../webhooks/inbound.routes.js';
import { webhookRoutes } from '../webhooks/webhooks.routes.js';

/** What route plugins are built from: the runtime, and the sign-in clients app.ts made from the config. */
export interface ApiRouteDeps {
  runtime: Runtime;
  signIn: SignInDeps;
}

export const API_ROUTES: ((deps: ApiRouteDeps) => FastifyPluginAsync)[] = [
  () => contactRoutes,
  ({ runtime }) => contactSensitiveRoutes(runtime),
  () => auditRoutes,
  ({ signIn }) => signInRoutes(signIn),
  ({ runtime }) => sessionRoutes(runtime),
  ({ runtime }) => memberRoutes(runtime),
  ({ runtime }) => settingsRoutes(runtime),
  ({ runtime }) => vaultRoutes(runtime),
  ({ runtime }) => tenantDeletionRoutes(runtime),
  ({ runtime }) => exportRoutes(runtime),
  ({ runtime }) => integrationRoutes(runtime),
  ({ runtime }) => webhookRoutes(runtime),
  ({ runtime }) => inboundWebhookRoutes(runtime),
  ({ runtime }) => leadRoutes(runtime),
  ({ runtime }) => importRoutes(runtime),
  ({ runtime }) => estimateRoutes(runtime),
  ({ runtime }) => estimateLinkRoutes(runtime),
  ({ runtime }) => mailRoutes(runtime),
  ({ runtime }) => mailboxRoutes(runtime),
  ({ runtime }) => apiKeyRoutes(runtime),
  ({ runtime }) => calendarRoutes(runtime),
  () => searchRoutes,
  () => transcriptRoutes,
  ({ runtime }) => fileRoutes(runtime),
];
