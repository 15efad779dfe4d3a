// The only routes that answer without an access token. Everything else requires one; a route is
// public by being listed here, never by a flag on the route itself.
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['GET /healthz', 'GET /readyz', 'GET /api/v1/openapi.json']);

export const routeKey = (method: string, url: string): string => `${method} ${url}`;
