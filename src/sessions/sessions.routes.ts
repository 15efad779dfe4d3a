// A signed-in person's own session: what it is, sign out, the list of their sessions and revoking
// one. Admins see and revoke anyone's. Listing and revoking are sensitive (re-auth window);
// signing out never is, so a person can always leave.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RequestAuth } from '../auth/auth.plugin.js';
import { findTenant, type TenantRow } from '../tenants/tenants.repo.js';
import { AppError, notFound } from '../http/errors.js';
import { errorResponses, IdParam, List, Nullable } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { sendSecurityNotice } from '../mail/security-notices.js';
import { findMemberRow } from '../members/members.repo.js';
import { clearRefreshCookie } from '../signin/signin.routes.js';
import { SessionTimes } from '../signin/signin.schemas.js';

const tags = ['sessions'];

const Session = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  role: Type.String(),
  provider: Type.String(),
  clientKind: Type.String(),
  device: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  current: Type.Boolean(),
});

const CurrentSession = Type.Object({
  ...SessionTimes.properties,
  tenantId: Type.String(),
  workspace: Type.Object({ name: Type.String(), slug: Type.String() }, { description: 'the workspace this session is in, by name' }),
  userId: Type.String(),
  role: Type.String(),
  provider: Type.String({ description: 'the sign-in provider; a step-up goes through GET /auth/signin/{provider}?reauth=1' }),
  reauthBy: Type.String({ description: 'sensitive actions need a step-up (a fresh sign-in) after this time, unless a sensitive action comes before' }),
});

const SessionParams = Type.Object({ sessionId: IdParam('session') }, { additionalProperties: false });
const SessionListQuery = Type.Object(
  { scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('all')], { description: 'all: every member\'s sessions (admins only)' })) },
  { additionalProperties: false },
);

const SignOutBody = Type.Object(
  { everywhere: Type.Optional(Type.Boolean({ default: false, description: 'true: end every session of mine in this workspace (every device), not only this one' })) },
  { additionalProperties: false },
);

const authOf = (request: FastifyRequest): RequestAuth => request.auth as RequestAuth;

export const sessionRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const { sessions } = runtime;

    app.get('/auth/session', {
      config: { permission: 'session:self' },
      schema: { tags, summary: 'The current session and when it will idle out', response: { 200: CurrentSession, ...errorResponses } },
      handler: async (request) => {
        const auth = authOf(request);
        const { name, slug } = findTenant(runtime.control, auth.tenantId) as TenantRow;
        return { ...sessions.describe(auth.sessionId), tenantId: auth.tenantId, workspace: { name, slug }, userId: auth.userId, role: auth.role };
      },
    });

    app.post('/auth/signout', {
      config: { permission: 'session:self' },
      schema: { tags, summary: 'Sign out: end this session, or every session of mine in this workspace', body: SignOutBody, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        const auth = authOf(request);
        if (request.body.everywhere) sessions.endAllFor(auth.userId, 'signed_out');
        else sessions.end(auth.sessionId, 'signed_out');
        clearRefreshCookie(reply);
        return reply.code(204).send(null);
      },
    });

    app.get('/sessions', {
      config: { permission: 'session:self', sensitive: true },
      schema: { tags, summary: 'Live sessions: mine, or everyone\'s for admins', querystring: SessionListQuery, response: { 200: List(Session), ...errorResponses } },
      handler: async (request) => {
        const auth = authOf(request);
        const all = request.query.scope === 'all';
        if (all && auth.role !== 'admin') throw new AppError(403, 'forbidden', 'only admins can list every member\'s sessions');
        return { items: sessions.list(all ? null : auth.userId, auth.sessionId), nextCursor: null };
      },
    });

    app.delete('/sessions/:sessionId', {
      config: { permission: 'session:self', sensitive: true },
      schema: { tags, summary: 'Revoke a session (your own; admins: anyone\'s)', params: SessionParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        const auth = authOf(request);
        const target = sessions.find(request.params.sessionId);
        // Another member's session is "not found" to a non-admin, like any id they may not see.
        if (!target || target.ended_at || (auth.role !== 'admin' && target.user_id !== auth.userId)) throw notFound('session');
        sessions.end(target.id, 'revoked');
        // An admin ended someone else's session: that member hears of it (security-notices.ts).
        const owner = target.user_id !== auth.userId ? findMemberRow(runtime.control, auth.tenantId, target.user_id) : undefined;
        if (owner) sendSecurityNotice(runtime, owner, { kind: 'session_revoked', device: target.device, ip: target.ip, startedAt: target.created_at });
        return reply.code(204).send(null);
      },
    });
  };
