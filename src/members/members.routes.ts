// Members and invitations, for admins. Every change is sensitive (needs a recent sign-in).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ROLES } from '../auth/permissions.js';
import { errorResponses, IdParam, List, Nullable } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { archiveMember, changeRole, getMember, listPeople, invite, listInvitations, listMembers, removeMember, resetIdentity, revokeInvitation } from './members.service.js';

const tags = ['members'];
const Role = Type.Union([Type.Literal(ROLES[0]), Type.Literal(ROLES[1]), Type.Literal(ROLES[2])]);

const MemberStatus = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

const Member = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Role,
  status: MemberStatus,
  identity: Nullable(Type.Object({ provider: Type.String(), lastSignInAt: Nullable(Type.String()) })),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
  updatedBy: Nullable(Type.String()),
});

const Person = Type.Object({ id: Type.String(), email: Type.String(), role: Role, status: MemberStatus });

const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Role,
  createdAt: Type.String(),
  createdBy: Type.String(),
  expiresAt: Type.String(),
});

const MemberParams = Type.Object({ memberId: IdParam('membership') }, { additionalProperties: false });
const InvitationParams = Type.Object({ invitationId: IdParam('invitation') }, { additionalProperties: false });
const InvitationCreate = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    role: Role,
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, default: 7 })),
  },
  { additionalProperties: false },
);
const MemberUpdate = Type.Object({ role: Role }, { additionalProperties: false });
const Empty = Type.Object({}, { additionalProperties: false });

export const memberRoutes =
  (runtime: Runtime): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const read = { permission: 'members:read' as const };
    const write = { permission: 'members:write' as const, sensitive: true };

    app.get('/members', {
      config: read,
      schema: { tags, summary: 'List members (active and archived)', response: { 200: List(Member), ...errorResponses } },
      handler: async () => ({ items: listMembers(runtime), nextCursor: null }),
    });

    app.get('/people', {
      config: { permission: 'people:read' },
      schema: { tags, summary: 'Everyone in the workspace, for showing people by name (every role)', response: { 200: List(Person), ...errorResponses } },
      handler: async () => ({ items: listPeople(runtime), nextCursor: null }),
    });

    app.get('/members/:memberId', {
      config: read,
      schema: { tags, summary: 'Get a member', params: MemberParams, response: { 200: Member, ...errorResponses } },
      handler: async (request) => getMember(runtime, request.params.memberId),
    });

    app.patch('/members/:memberId', {
      config: write,
      schema: { tags, summary: 'Change a member\'s role (ends their sessions)', params: MemberParams, body: MemberUpdate, response: { 200: Member, ...errorResponses } },
      handler: async (request) => changeRole(runtime, request.params.memberId, request.body.role),
    });

    app.post('/members/:memberId/archive', {
      config: write,
      schema: { tags, summary: 'Archive a member: no access, identity kept for a later re-invite', params: MemberParams, body: Empty, response: { 200: Member, ...errorResponses } },
      handler: async (request) => archiveMember(runtime, request.params.memberId),
    });

    app.post('/members/:memberId/reset-identity', {
      config: write,
      schema: { tags, summary: 'Forget which sign-in account the member is bound to', params: MemberParams, body: Empty, response: { 200: Member, ...errorResponses } },
      handler: async (request) => resetIdentity(runtime, request.params.memberId),
    });

    app.delete('/members/:memberId', {
      config: write,
      schema: { tags, summary: 'Remove a member and their identity binding (ends their sessions)', params: MemberParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        removeMember(runtime, request.params.memberId);
        return reply.code(204).send(null);
      },
    });

    app.get('/invitations', {
      config: read,
      schema: { tags, summary: 'Pending invitations', response: { 200: List(Invitation), ...errorResponses } },
      handler: async () => ({ items: listInvitations(runtime), nextCursor: null }),
    });

    app.post('/invitations', {
      config: write,
      schema: { tags, summary: 'Invite an email with a role', body: InvitationCreate, response: { 201: Invitation, ...errorResponses } },
      handler: async (request, reply) => reply.code(201).send(invite(runtime, request.body)),
    });

    app.delete('/invitations/:invitationId', {
      config: write,
      schema: { tags, summary: 'Revoke a pending invitation', params: InvitationParams, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        revokeInvitation(runtime, request.params.invitationId);
        return reply.code(204).send(null);
      },
    });
  };
