// The credential realm's hook: a credential route (config.realm 'credential') is reached with the
// credential in its path (`:credential`), never with an access token. onRequest looks the credential
// up before any body is read; preHandler runs the handler inside the tenant scope the lookup bound,
// with the target record on request.credential.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { clientOf } from '../auth/auth.plugin.js';
import { AppError, noteSentError, routeNotFound, sendError } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { CREDENTIAL_PATTERN, lookupCredential, type CredentialBinding } from './credentials.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    credential: CredentialBinding | null;
  }
  interface FastifyContextConfig {
    /**
     * The answer to an unknown, expired, revoked or wrong-kind credential when the route must not
     * answer 404 (inbound webhooks answer exactly like a bad signature). Same answer for every case.
     */
    credentialRefusal?: (request: FastifyRequest) => AppError;
    /** For a page a person opens (an estimate link): answers a refused credential with a page instead of JSON. */
    credentialRefusalPage?: (reply: FastifyReply) => void;
  }
}

/** The one answer to every credential that opens nothing: it says nothing about why. */
export const credentialNotFound = (): AppError => new AppError(404, 'not_found', 'not found');

const WELL_FORMED = new RegExp(CREDENTIAL_PATTERN);

async function credentialRealmPlugin(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  app.decorateRequest('credential', null);

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const route = request.routeOptions.config;
    if (route.realm !== 'credential' || request.is404) return done();
    const presented = (request.params as { credential?: unknown }).credential;
    // A value that cannot be a credential is no such URL at all, like a malformed id.
    if (typeof presented !== 'string' || !WELL_FORMED.test(presented)) return void sendError(reply, routeNotFound());
    // The route registry guarantees a credentialKind.
    const binding = lookupCredential(runtime, route.credentialKind as NonNullable<typeof route.credentialKind>, presented);
    if (!binding) {
      if (route.credentialRefusalPage) {
        noteSentError(reply, credentialNotFound());
        return route.credentialRefusalPage(reply);
      }
      return void sendError(reply, route.credentialRefusal?.(request) ?? credentialNotFound());
    }
    request.credential = binding;
    done();
  });

  app.addHook('preHandler', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const binding = request.credential;
    if (!binding) return done();
    runtime.tenancy.run(binding.tenantId, { actor: null, requestId: request.id, client: clientOf(request) }, () => done());
  });
}

export default fp(credentialRealmPlugin, { name: 'spinney-credential-realm', fastify: '5.x' });
