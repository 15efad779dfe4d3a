// The public realm: the only routes that answer with no authentication at all. A route is public by
// being listed here, never by a flag on the route itself. Routes that answer without an access
// token but with a credential (inbound webhooks, estimate links) are the credential realm instead.
// Sign-in routes bind no tenant from the client: see src/signin/signin.routes.ts.
import { APP_PAGE_ROUTES } from '../web/app-sections.js';

export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  // The API reference page, rendered from the same document (src/http/api-reference.ts).
  'GET /api/docs',
  // The web app's page at each of its paths, and its content-hashed files (src/web/web.routes.ts).
  ...APP_PAGE_ROUTES,
  'GET /assets/:asset',
  'GET /api/v1/auth/providers',
  'GET /api/v1/auth/signin/:provider',
  'GET /api/v1/auth/callback/:provider',
  'POST /api/v1/auth/nonce',
  'POST /api/v1/auth/exchange',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/token',
  // An invitation's explicit step after sign-in, before any session (src/signin/invitation-acceptance.ts).
  'POST /api/v1/auth/pending',
  'POST /api/v1/auth/invitations/:invitationId/accept',
  'POST /api/v1/auth/invitations/:invitationId/decline',
  // The provider sends the admin's browser back here; the flow is found from server-side state.
  'GET /api/v1/integrations/callback',
]);

export const routeKey = (method: string, url: string): string => `${method} ${url}`;
