// Security headers from helmet (CSP, HSTS, nosniff, frame options, referrer policy …). They are the
// same for every response, so helmet runs once at start-up against a recording response and the
// resulting header set is applied with one call per request, instead of re-running helmet's
// middleware chain (and re-serialising the CSP) on every request.
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  // The server answers JSON only (the web UI gets its own policy when it is served): nothing may
  // load from or frame these responses.
  const policy = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
  policy({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  if (Object.keys(headers).length === 0) throw new Error('helmet produced no headers');
  return Object.freeze(headers);
}
