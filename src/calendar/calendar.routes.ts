import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { credentialNotFound } from '../credentials/credential-realm.plugin.js';
import { CredentialParams } from '../credentials/credentials.schemas.js';
import { readMissingBodyAsEmpty } from '../http/action-body.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { CalendarEvent, EventCreate, EventList, EventListQuery, EventParams, EventUpdate, FeedState, InvitesSent, NoBody } from './calendar.schemas.js';
import { cancelEvent, createEvent, feedCalendar, feedState, getEvent, issueFeed, listEvents, revokeFeed, sendInvites, updateEvent } from './calendar.service.js';

const tags = ['calendar'];
const Ics = Type.Unsafe<string>({ type: 'string', description: 'text/calendar' });

export const calendarRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  readMissingBodyAsEmpty(app);

  app.get('/calendar/events', {
    config: { permission: 'calendar:read' },
    schema: { tags, summary: 'Events that overlap [from, to) (default: a week back, six weeks in all), by start; filter by member, lead or contact', querystring: EventListQuery, response: { 200: EventList, ...errorResponses } },
    handler: async (request) => listEvents(runtime, request.query),
  });
  app.post('/calendar/events', {
    config: { permission: 'calendar:write' },
    schema: { tags, summary: 'Create an event (wall times in an IANA zone); sendInvites queues an invite to each attendee', body: EventCreate, response: { 201: InvitesSent, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createEvent(runtime, request.body)),
  });
  app.get('/calendar/events/:eventId', {
    config: { permission: 'calendar:read' },
    schema: { tags, summary: 'One event with its attendees', params: EventParams, response: { 200: CalendarEvent, ...errorResponses } },
    handler: async (request) => getEvent(runtime, request.params.eventId),
  });
  app.patch('/calendar/events/:eventId', {
    config: { permission: 'calendar:write', errors: ['event_cancelled'] },
    schema: { tags, summary: 'Change an event (SEQUENCE + 1); once invited, attendees get the update and removed ones a cancellation', params: EventParams, body: EventUpdate, response: { 200: InvitesSent, ...errorResponses } },
    handler: async (request) => updateEvent(runtime, request.params.eventId, request.body),
  });
  app.post('/calendar/events/:eventId/invites', {
    config: { permission: 'calendar:write', errors: ['event_cancelled'] },
    schema: { tags, summary: 'Send the event (METHOD:REQUEST) to every attendee with an email address', params: EventParams, body: NoBody, response: { 200: InvitesSent, ...errorResponses } },
    handler: async (request) => sendInvites(runtime, request.params.eventId),
  });
  app.post('/calendar/events/:eventId/cancel', {
    config: { permission: 'calendar:write', errors: ['event_cancelled'] },
    schema: { tags, summary: 'Cancel the event: a METHOD:CANCEL to everyone who was invited', params: EventParams, body: NoBody, response: { 200: InvitesSent, ...errorResponses } },
    handler: async (request) => cancelEvent(runtime, request.params.eventId),
  });

  app.get('/calendar/feed', {
    config: { permission: 'calendar:feed' },
    schema: { tags, summary: 'Whether the signed-in member has a calendar feed (its URL is shown only when issued)', response: { 200: FeedState, ...errorResponses } },
    handler: async () => feedState(),
  });
  app.post('/calendar/feed', {
    config: { permission: 'calendar:feed' },
    schema: { tags, summary: "A new private feed URL of the signed-in member's events (shown once); the previous URL stops working", body: NoBody, response: { 200: FeedState, ...errorResponses } },
    handler: async () => issueFeed(runtime),
  });
  app.delete('/calendar/feed', {
    config: { permission: 'calendar:feed' },
    schema: { tags, summary: "Revoke the signed-in member's feed URL", response: { 204: Type.Null(), ...errorResponses } },
    handler: async (_request, reply) => {
      revokeFeed(runtime);
      return reply.code(204).send(null);
    },
  });
};

/** The subscribed feed at /calendar/feed/{credential}/calendar.ics, outside /api/v1: a phone's calendar polls it. */
export const calendarFeedRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const max = runtime.config.rateLimits.signIn;
  app.get('/calendar/feed/:credential/calendar.ics', {
    config: { realm: 'credential', credentialKind: 'calendar_feed', rateLimit: max > 0 ? { max, timeWindow: 60_000, groupId: 'calendar-feed' } : false },
    schema: { tags, summary: "A member's events in this workspace as iCalendar (subscribe to it)", security: [], params: CredentialParams, response: { 200: Ics, ...errorResponses } },
    handler: async (request: FastifyRequest, reply) => {
      const ics = feedCalendar(runtime, (request.credential as NonNullable<FastifyRequest['credential']>).targetId);
      if (ics === null) throw credentialNotFound();
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(ics);
    },
  });
};
