// The route walker: every route in app.routeTable turned into a concrete request, so suites that
// must cover every route (isolation, credential routes across tenants, log and secret canaries, role
// matrix, re-auth, hostile input) read the table instead of a hand-kept list. A route added tomorrow
// is walked without editing any test, and a route the walker cannot fill (a path parameter, id field
// or credential kind with no fixture, a body field it cannot sample) fails loudly, naming the route.
import { randomBytes } from 'node:crypto';
import type { CredentialKind } from '../../src/credentials/credential-kinds.js';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import { newId } from '../../src/http/ids.js';
import { upsertIntegrationRow } from '../../src/integrations/integrations.repo.js';
import { insertInboundMessage } from '../../src/mailbox/mailbox.repo.js';
import { insertIdentity, insertMember } from '../../src/members/members.repo.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { genericHeaders } from '../webhooks/helpers.js';
import { multipartBody, multipartHeaders, png } from '../files/helpers.js';
import { startSession, type TestApp } from './app.js';

/** The tenant an access token names (the fixtures get tokens, not tenant ids). */
const tenantOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { tid: string }).tid;
const unique = (marker: string): string => `${marker.toLowerCase()}-${randomBytes(4).toString('hex')}`;

/** Creates one record of a kind in the token's tenant and returns the value its path parameter takes. */
export type Seed = (api: TestApp, token: string, marker: string) => Promise<string>;

async function createdRecord<T extends { id: string }>(api: TestApp, token: string, url: string, payload: object): Promise<T> {
  const res = await api.call({ method: 'POST', url, token, payload });
  if (res.statusCode !== 201) throw new Error(`seeding ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
const created = async (api: TestApp, token: string, url: string, payload: object): Promise<string> => (await createdRecord(api, token, url, payload)).id;

async function firstPipeline(api: TestApp, token: string): Promise<{ id: string; stages: { id: string }[] }> {
  const res = await api.call({ method: 'GET', url: '/api/v1/pipelines', token });
  const first = (res.json() as { items: { id: string; stages: { id: string }[] }[] }).items[0];
  if (res.statusCode !== 200 || !first) throw new Error(`reading the seeded pipeline failed: ${res.statusCode} ${res.body}`);
  return first;
}

/**
 * What a credential fixture issued: the value for `:credential`, the workspace and record it opens,
 * and, for a route that wants more than the credential (a webhook's signature), the headers that
 * make a body a valid call.
 */
export interface IssuedCredential {
  kind: CredentialKind;
  tenantId: string;
  targetId: string;
  credential: string;
  signed?: (body: string) => Record<string, string>;
}
const issuedCredentials = new Map<string, IssuedCredential>();
const remember = (issued: IssuedCredential): string => {
  issuedCredentials.set(issued.credential, issued);
  return issued.credential;
};
/** The credential fixture's record of a `:credential` value it filled in (throws for any other value). */
const pairedRecords = new Map<string, Promise<{ contactId: string; leadId: string }>>();
function pairedRecord(api: TestApp, token: string, marker: string): Promise<{ contactId: string; leadId: string }> {
  const key = `${tenantOf(token)}:${marker}`;
  let pair = pairedRecords.get(key);
  if (!pair) {
    pair = (async () => {
      const contactId = await created(api, token, '/api/v1/contacts', { name: `${marker} paired contact`, email: 'canary@b.example' });
      const leadId = await created(api, token, '/api/v1/leads', { title: `${marker} paired lead`, contactId, currency: 'USD' });
      return { contactId, leadId };
    })();
    pairedRecords.set(key, pair);
  }
  return pair;
}

export function issuedCredential(credential: string): IssuedCredential {
  const issued = issuedCredentials.get(credential);
  if (!issued) throw new WalkerError(`${credential.slice(0, 6)}… was not issued by a route-walker credential fixture`);
  return issued;
}

/**
 * Routes that change their record's state so that the next route's own call would be refused (an
 * estimate that is sent, revised or decided), or whose ids must belong together: each gets records
 * of its own, from the named fixtures, instead of sharing the parameter's ones with every other
 * route. Path parameters and body or query id fields alike.
 */
const OWN_RECORD: Record<string, Record<string, string>> = {
  'POST /api/v1/estimates/:estimateId/revisions': { estimateId: 'sentEstimateId' },
  'GET /api/v1/estimates/:estimateId/revisions/:revision/verify': { estimateId: 'sentEstimateId' },
  'POST /api/v1/estimates/:estimateId/send': { estimateId: 'estimateId' },
  'POST /api/v1/estimates/:estimateId/link': { estimateId: 'sentEstimateId' },
  'POST /api/v1/estimates/:estimateId/withdraw': { estimateId: 'sentEstimateId' },
  'POST /api/v1/mail/:mailId/resend': { mailId: 'failedMailId' },
  'POST /api/v1/calendar/events/:eventId/cancel': { eventId: 'eventId' },
  // Writing to a contact about a lead, an estimate for both, or filing a transcript under both, takes a lead of that very contact.
  'POST /api/v1/estimates': { contactId: 'pairedContactId', leadId: 'pairedLeadId' },
  'POST /api/v1/mail': { contactId: 'pairedContactId', leadId: 'pairedLeadId' },
  'POST /api/v1/mail/preview': { contactId: 'pairedContactId', leadId: 'pairedLeadId' },
  'POST /api/v1/transcripts': { contactId: 'pairedContactId', leadId: 'pairedLeadId' },
  'POST /api/v1/estimate-links/:credential/accept': { credential: 'credential:estimate_link' },
  'POST /api/v1/estimate-links/:credential/decline': { credential: 'credential:estimate_link' },
  'POST /e/:credential/accept': { credential: 'credential:estimate_link' },
  'POST /e/:credential/decline': { credential: 'credential:estimate_link' },
  // Only images are shown inline.
  'GET /api/v1/files/:fileId/inline': { fileId: 'imageFileId' },
};

/**
 * The ids key of a route's path parameter: `:credential` is filled per credential kind, and a route
 * in OWN_RECORD gets a key of its own (`<fixture>@<route>`). FIXTURES holds the part before `@`.
 */
export function fixtureKey(route: RegisteredRoute, param: string): string {
  const own = OWN_RECORD[routeName(route)]?.[param];
  if (own) return `${own}@${routeName(route)}`;
  return param === 'credential' && route.credentialKind ? `credential:${route.credentialKind}` : param;
}

/** The fixture that fills an ids key. */
export const fixtureFor = (key: string): Seed | undefined => FIXTURES[key.split('@')[0] as string];

/**
 * One fixture per path parameter (and per id field in a body or query), and one per credential kind
 * a credential route takes (`credential:<kind>`: a real credential, issued in the token's workspace
 * as the product issues it). The walker refuses a route with a parameter missing here, so a new
 * resource cannot ship without its cross-tenant test.
 */
/** Estimate content carrying the fixture's marker (the canaries look for it). */
const ESTIMATE_CONTENT = (marker: string) => ({
  currency: 'USD',
  sections: [{ title: `${marker} section`, showOnlySectionTotal: false, items: [{ id: 'a', description: `${marker} item`, quantity: '2', unit: 'h', unitPrice: 5000, taxRateBp: 1000 }] }],
  notes: marker,
});

/** A fixture estimate, sent: its id, the customer's link and the message that carries it. */
async function sentEstimate(api: TestApp, token: string, marker: string): Promise<{ estimateId: string; link: string; mailId: string | null }> {
  const estimateId = await FIXTURES.estimateId!(api, token, marker);
  const res = await api.call({ method: 'POST', url: `/api/v1/estimates/${estimateId}/send`, token, payload: {} });
  if (res.statusCode !== 200) throw new Error(`sending an estimate failed: ${res.statusCode} ${res.body}`);
  const { link, mailId } = res.json() as { link: string; mailId: string | null };
  return { estimateId, link, mailId };
}

/**
 * Routes whose body is multipart/form-data (a file upload), read by the handler: their closed empty
 * schema stands for that body, so the walker sends one small text file instead of sampled JSON.
 */
const MULTIPART_BODIES: Record<string, (text?: (field: string) => string) => { headers: Record<string, string>; payload: Buffer }> = {
  'POST /api/v1/files': (text) => ({ headers: multipartHeaders, payload: multipartBody(Buffer.from(`route walker file ${text?.('POST /api/v1/files body.content') ?? ''}\n`), `${text?.('POST /api/v1/files body.name') ?? 'walker'}.txt`) }),
};

export const FIXTURES: Record<string, Seed> = {
  contactId: (api, token, marker) => created(api, token, '/api/v1/contacts', { name: `${marker} contact`, email: 'canary@b.example', notes: marker, siteAddress: { street: marker, country: 'US' }, tags: ['canary'] }),
  // Leads: a new (empty, so deletable) pipeline; the seeded pipeline's second stage, empty, and a lead
  // in its first stage (so a move by the lead's fixtures stays in one pipeline); an owner who is a member.
  pipelineId: (api, token, marker) => created(api, token, '/api/v1/pipelines', { name: `${marker} pipeline` }),
  stageId: async (api, token) => firstPipeline(api, token).then((p) => p.stages[1]?.id ?? p.stages[0]!.id),
  leadId: async (api, token, marker) =>
    created(api, token, '/api/v1/leads', { title: `${marker} lead`, contactId: await FIXTURES.contactId!(api, token, marker), currency: 'USD', notes: marker }),
  ownerId: async (api, token, marker) => FIXTURES.memberId!(api, token, marker),
  // An uploaded CSV file, its header matching the mapping the import routes' examples give.
  fileId: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/files', token, headers: multipartHeaders, payload: multipartBody(Buffer.from(`${marker} file\n`), `${marker}.txt`) });
    if (res.statusCode !== 201) throw new Error(`seeding a file failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  },
  imageFileId: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/files', token, headers: multipartHeaders, payload: multipartBody(png(), `${marker}.png`) });
    if (res.statusCode !== 201) throw new Error(`seeding an image failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  },
  importId: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/imports', token, headers: { 'content-type': 'text/csv' }, payload: `name,email\n${marker} import,canary@b.example\n` });
    if (res.statusCode !== 201) throw new Error(`seeding an import failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  },
  invitationId: (api, token, marker) => created(api, token, '/api/v1/invitations', { email: `${unique(marker)}@b.example`, role: 'viewer' }),
  // Memberships come into being at a first sign-in; the fixture writes one as that would.
  // Each comes with a second admin (so last-admin protection does not refuse the own-id calls) and
  // a bound identity (so there is a binding to reset).
  memberId: async (api, token, marker) => {
    const tenantId = tenantOf(token);
    const now = new Date().toISOString();
    const identityId = newId('identity');
    insertIdentity(api.runtime.control, { id: identityId, tenantId, provider: 'google', subject: unique(marker), email: `${unique(marker)}@b.example`, now });
    const id = newId('membership');
    insertMember(api.runtime.control, { id, tenantId, email: `${unique(marker)}@b.example`, identityId, role: 'member', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    insertMember(api.runtime.control, { id: newId('membership'), tenantId, email: `${unique(marker)}@b.example`, identityId: null, role: 'admin', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    return id;
  },
  secretName: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: `s-${unique(marker)}`, value: `${marker} secret value` } });
    if (res.statusCode !== 201) throw new Error(`seeding a secret failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { name: string }).name;
  },
  apiKeyId: (api, token, marker) => created(api, token, '/api/v1/api-keys', { name: `${marker} key`, role: 'member' }),
  sessionId: async (api, token) => startSession(api.runtime, tenantOf(token), 'member', `mb_${randomBytes(4).toString('hex')}`).session.id,
  endpointId: (api, token, marker) => created(api, token, '/api/v1/webhooks/endpoints', { provider: 'generic', description: `${marker} endpoint` }),
  subscriptionId: (api, token, marker) =>
    created(api, token, '/api/v1/webhooks/subscriptions', { url: `https://hooks.example.com/${unique(marker)}`, eventTypes: ['contact.created'], description: `${marker} subscription` }),
  // Integrations come into being at a provider's callback; the fixture writes one as that would
  // (the row, and its tokens in the vault). No provider is configured here, so a disconnect skips revocation.
  integrationId: async (api, token, marker) =>
    api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () => {
      const id = newId('integration');
      const now = new Date().toISOString();
      upsertIntegrationRow(tenantDb(), {
        id,
        provider: 'google',
        account_subject: unique(marker),
        account_email: `${unique(marker)}@b.example`,
        scopes: 'openid email',
        status: 'active',
        connected_by: 'us_fixture',
        connected_at: now,
        access_expires_at: now,
        updated_at: now,
      });
      api.runtime.vault.putSystem(`integration:${id}:refresh_token`, `${marker} refresh token`);
      api.runtime.vault.putSystem(`integration:${id}:access_token`, `${marker} access token`);
      return id;
    }),
  // An inbound webhook URL: the endpoint's creation issues it (src/webhooks/inbound.service.ts);
  // a call is valid when signed with the endpoint's secret under a fresh delivery id.
  'credential:inbound_webhook': async (api, token, marker) => {
    const endpoint = await createdRecord<{ id: string; secret: string; url: string }>(api, token, '/api/v1/webhooks/endpoints', { provider: 'generic', description: `${marker} endpoint` });
    return remember({
      kind: 'inbound_webhook',
      tenantId: tenantOf(token),
      targetId: endpoint.id,
      credential: new URL(endpoint.url).pathname.split('/').pop() as string,
      signed: (body) => genericHeaders(endpoint.secret, `msg_${randomBytes(8).toString('hex')}`, Math.floor(api.runtime.clock.now() / 1000), body),
    });
  },
  // Estimates: a draft (so it can be changed, sent and deleted) for a fixture contact; its first revision.
  estimateId: async (api, token, marker) => created(api, token, '/api/v1/estimates', { title: `${marker} estimate`, contactId: await FIXTURES.contactId!(api, token, marker), content: ESTIMATE_CONTENT(marker) }),
  sentEstimateId: async (api, token, marker) => (await sentEstimate(api, token, marker)).estimateId,
  revision: async () => '1',
  // A message the workspace sent: sending an estimate to a contact with an email address queues one.
  mailId: async (api, token, marker) => {
    const { mailId } = await sentEstimate(api, token, marker);
    if (!mailId) throw new Error('sending the fixture estimate queued no message (its contact has an email address)');
    return mailId;
  },
  // A message whose sending failed (its outbox item marked so, as the worker would): what "resend" takes.
  failedMailId: async (api, token, marker) => {
    const mailId = await FIXTURES.mailId!(api, token, marker);
    api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () =>
      tenantDb().statement("UPDATE outbox_items SET state = 'failed', last_error = 'EAUTH: 535 fixture', completed_at = ? WHERE id = ?").run(new Date().toISOString(), mailId),
    );
    return mailId;
  },
  // A meeting transcript of two segments, on a fixture contact.
  transcriptId: async (api, token, marker) =>
    created(api, token, '/api/v1/transcripts', { title: `${marker} transcript`, text: `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>${marker} one\n\n00:00:02.000 --> 00:00:03.000\n<v Ann>${marker} two`, contactId: await FIXTURES.contactId!(api, token, marker) }),
  // Mail received in the workspace's mailbox, filed to a fixture contact, as a sync would store it (no IMAP server here).
  receivedMailId: async (api, token, marker) => {
    const contactId = await FIXTURES.contactId!(api, token, marker);
    return api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () => {
      const id = newId('inboundMessage');
      insertInboundMessage(tenantDb(), {
        id,
        mailbox_id: newId('mailbox'),
        uidvalidity: 1,
        uid: Number.parseInt(randomBytes(3).toString('hex'), 16),
        message_id: `<${unique(marker)}@b.example>`,
        in_reply_to: null,
        from_address: 'canary@b.example',
        from_name: `${marker} sender`,
        to_addresses: '[]',
        subject: `${marker} reply`,
        sent_at: null,
        received_at: new Date().toISOString(),
        text_sealed: api.runtime.vault.sealField('inbound_messages', id, 'text', `${marker} text`),
        html_sealed: api.runtime.vault.sealField('inbound_messages', id, 'html', `<p>${marker} html</p>`),
        contact_id: contactId,
        lead_id: null,
        in_reply_to_mail_id: null,
        attachments: '[]',
        size: 100,
      });
      return id;
    });
  },
  // A contact with an email address and a lead of hers, found again by the marker, so each fixture gives the same pair.
  pairedContactId: async (api, token, marker) => (await pairedRecord(api, token, marker)).contactId,
  pairedLeadId: async (api, token, marker) => (await pairedRecord(api, token, marker)).leadId,
  // A mail template (its subject and body use a variable, as real ones do).
  templateId: async (api, token, marker) => created(api, token, '/api/v1/mail-templates', { name: `${marker} template ${unique(marker)}`, subject: `${marker} {{lead.title}}`, body: `${marker} Hello {{contact.firstName}}` }),
  // A customer's estimate link: sending a draft issues it; it opens the sent revision.
  'credential:estimate_link': async (api, token, marker) => {
    const { estimateId, link } = await sentEstimate(api, token, marker);
    const revisionId = api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () => (tenantDb().statement('SELECT id FROM estimate_revisions WHERE estimate_id = ?').get(estimateId) as { id: string }).id);
    return remember({ kind: 'estimate_link', tenantId: tenantOf(token), targetId: revisionId, credential: new URL(link).pathname.split('/').pop() as string });
  },
  // Calendar: an event of the fixture contact, with it as attendee (not yet invited).
  eventId: async (api, token, marker) => {
    const contactId = await FIXTURES.contactId!(api, token, marker);
    const res = await api.call({ method: 'POST', url: '/api/v1/calendar/events', token, payload: { title: `${marker} event`, timeZone: 'Europe/Berlin', start: '2027-03-28T09:30', end: '2027-03-28T10:30', location: marker, notes: marker, contactId, attendees: [{ contactId }] } });
    if (res.statusCode !== 201) throw new Error(`seeding an event failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { event: { id: string } }).event.id;
  },
  // A member's calendar feed: a fixture member signs in, is on an event, and issues their feed URL.
  'credential:calendar_feed': async (api, token, marker) => {
    const memberId = await FIXTURES.memberId!(api, token, marker);
    const own = startSession(api.runtime, tenantOf(token), 'member', memberId).accessToken;
    await api.call({ method: 'POST', url: '/api/v1/calendar/events', token: own, payload: { title: `${marker} feed event`, timeZone: 'Europe/Berlin', start: '2027-03-28T09:30', end: '2027-03-28T10:30', notes: marker } });
    const res = await api.call({ method: 'POST', url: '/api/v1/calendar/feed', token: own, payload: {} });
    if (res.statusCode !== 200) throw new Error(`issuing a calendar feed failed: ${res.statusCode} ${res.body}`);
    const url = new URL((res.json() as { url: string }).url);
    return remember({ kind: 'calendar_feed', tenantId: tenantOf(token), targetId: memberId, credential: url.pathname.split('/').at(-2) as string });
  },
  // Not tenant records: a sign-in provider the test config enables, and a hashed file the page names.
  provider: async () => 'google',
  asset: async (api) => {
    const page = await api.call({ method: 'GET', url: '/' });
    const name = /\/assets\/([A-Za-z0-9_-]+-[A-Za-z0-9_-]{8}\.js)/.exec(page.body)?.[1];
    if (!name) throw new Error('the page names no hashed script to use as the :asset fixture');
    return name;
  },
};

export const routeName = (route: RegisteredRoute): string => `${route.method} ${route.url}`;

export interface JsonSchema {
  type?: string | string[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  examples?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  items?: JsonSchema;
  minItems?: number;
}

/**
 * A valid value built from a schema: examples first, then simple values by type. `text` fills free
 * strings (a canary, say), so every string field a client can send carries it.
 */
export function sampleBody(schema: JsonSchema, where: string, text?: (field: string) => string): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return sampleBody(schema.anyOf.find((s) => s.type !== 'null') ?? (schema.anyOf[0] as JsonSchema), where, text);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleBody(value, `${where}.${key}`, text)]));
    case 'string':
      if (schema.format === 'email') return 'sample@example.com';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (text && !schema.pattern && !schema.format) return text(where);
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sampleBody(schema.items ?? {}, `${where}[]`, text)] : [];
    default:
      throw new Error(`${where}: cannot build a sample; give its schema "examples"`);
  }
}

const ID_PATTERN = /^\^[a-z]{2}_/;

/** Body or query fields that hold a record id (their pattern is a prefixed id). */
export function idFieldsOf(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => [property, ...(property.anyOf ?? [])].some((s) => typeof s.pattern === 'string' && ID_PATTERN.test(s.pattern)))
    .map(([key]) => key);
}

const schemaOf = (route: RegisteredRoute) => route.schema as { body?: JsonSchema; querystring?: JsonSchema } | undefined;

/** Every fixture a route needs (FIXTURES keys): its path parameters and the id fields of its body and query. */
export const fixturesNeeded = (route: RegisteredRoute): string[] => [
  ...new Set([...route.params, ...idFieldsOf(schemaOf(route)?.body), ...idFieldsOf(schemaOf(route)?.querystring)].map((field) => fixtureKey(route, field))),
];

export class WalkerError extends Error {
  override name = 'WalkerError';
}

/** Routes the walker cannot fill, each named with what it lacks ([] when every route is covered). */
export function unwalkable(routes: readonly RegisteredRoute[]): string[] {
  const problems: string[] = [];
  for (const route of routes) {
    const missing = fixturesNeeded(route).filter((key) => !fixtureFor(key));
    const named = missing.map((key) => (key.startsWith('credential:') ? `:credential of kind ${key.slice('credential:'.length)}` : `:${key}`));
    if (missing.length > 0) problems.push(`${routeName(route)}: no route-walker fixture for ${named.join(', ')} (add one to FIXTURES in test/helpers/route-walker.ts)`);
    const body = schemaOf(route)?.body;
    if (body) {
      try {
        sampleBody(body, `${routeName(route)} body`);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  return problems;
}

/** The route's path with each parameter filled from `ids`; throws naming the route when one is missing. */
export function fillPath(route: RegisteredRoute, ids: Record<string, string>): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, param: string) => {
    const value = ids[fixtureKey(route, param)];
    if (value === undefined) throw new WalkerError(`${routeName(route)}: no value for :${param} (add a fixture to test/helpers/route-walker.ts)`);
    return encodeURIComponent(value);
  });
}

/** One record per fixture the routes need, in the token's tenant. Throws naming every route it cannot fill. */
export async function seedFixtures(api: TestApp, token: string, marker: string, routes: readonly RegisteredRoute[] = api.app.routeTable): Promise<Record<string, string>> {
  const problems = unwalkable(routes);
  if (problems.length > 0) throw new WalkerError(`the route walker cannot cover every route:\n${problems.join('\n')}`);
  const ids: Record<string, string> = {};
  for (const key of new Set(routes.flatMap(fixturesNeeded))) ids[key] = await (fixtureFor(key) as Seed)(api, token, marker);
  return ids;
}

/** After a DELETE consumed the route's records: fresh ones in `ids`, for the routes still to come. */
export async function reseed(api: TestApp, token: string, marker: string, route: RegisteredRoute, ids: Record<string, string>): Promise<void> {
  for (const param of route.params) {
    const key = fixtureKey(route, param);
    ids[key] = await (fixtureFor(key) as Seed)(api, token, marker);
  }
}

export interface WalkedRequest {
  route: RegisteredRoute;
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  query: Record<string, string>;
  /** What the credential needs beside itself (a signature over `payload`); {} for other routes. */
  headers: Record<string, string>;
  /** The body: an object for schema-checked routes, the signed bytes for a credential route that signs, the multipart bytes of an upload. */
  payload?: Record<string, unknown> | string | Buffer;
}

/**
 * The route as a concrete, valid request: path and id fields from `ids`, the body sampled from its
 * schema (free strings from `text`, when given). A credential route that wants a signature gets a
 * small JSON body (it takes raw bytes, so it has no schema) signed as its credential's sender would.
 */
export function requestFor(route: RegisteredRoute, ids: Record<string, string>, text?: (field: string) => string): WalkedRequest {
  const schema = schemaOf(route);
  const name = routeName(route);
  const pick = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, ids[fixtureKey(route, key)] as string]));
  const url = fillPath(route, ids);
  const base = { route, name, method: route.method as WalkedRequest['method'], url, query: pick(idFieldsOf(schema?.querystring)) };
  if (route.realm === 'credential') {
    const { signed } = issuedCredential(ids[fixtureKey(route, 'credential')] as string);
    if (!signed) return { ...base, headers: {}, ...(schema?.body ? { payload: sampleBody(schema.body, `${name} body`, text) as Record<string, unknown> } : {}) };
    const payload = JSON.stringify({ type: 'route_walker.call', note: text?.(`${name} body.note`) ?? 'route walker' });
    return { ...base, headers: signed(payload), payload };
  }
  const multipart = MULTIPART_BODIES[name];
  if (multipart) return { ...base, ...multipart(text) };
  const sample = schema?.body ? (sampleBody(schema.body, `${name} body`, text) as Record<string, unknown>) : undefined;
  return { ...base, headers: {}, ...(sample ? { payload: { ...sample, ...pick(idFieldsOf(schema?.body)) } } : {}) };
}

/** The request as `api.call` options, with `token` when given. */
export const callOptions = (request: WalkedRequest, token?: string): Parameters<TestApp['call']>[0] => ({
  method: request.method,
  url: request.url,
  query: request.query,
  headers: request.headers,
  ...(token ? { token } : {}),
  ...(request.payload !== undefined ? { payload: request.payload } : {}),
});

/** Control-plane tables that hold per-tenant rows: every table with a `tenant_id` column, found, not listed. */
export function tenantScopedControlTables(api: TestApp): string[] {
  const tables = api.runtime.control.statement("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return tables
    .map(({ name }) => name)
    .filter((name) => (api.runtime.control.statement('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).some((column) => column.name === 'tenant_id'));
}

/**
 * A workspace as bytes, for "nothing changed": its database file, its tenant row and every
 * control.db row carrying its tenant_id (`controlTables` from tenantScopedControlTables).
 */
export function workspaceSnapshot(api: TestApp, tenantId: string, controlTables: string[]): Buffer {
  const file = api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().serialize());
  const control = controlTables.map((table) => JSON.stringify(api.runtime.control.statement(`SELECT * FROM "${table}" WHERE tenant_id = ? ORDER BY 1`).all(tenantId)));
  control.push(JSON.stringify(api.runtime.control.statement('SELECT * FROM tenants WHERE id = ?').get(tenantId)));
  return Buffer.concat([file, Buffer.from(control.join('\n'))]);
}

/** Calls `visit` once per route with its request, in table order; refuses to start while a route cannot be filled. */
export async function walkRoutes(
  routes: readonly RegisteredRoute[],
  ids: Record<string, string>,
  visit: (request: WalkedRequest) => Promise<void>,
): Promise<number> {
  const problems = unwalkable(routes);
  if (problems.length > 0) throw new WalkerError(`the route walker cannot cover every route:\n${problems.join('\n')}`);
  for (const route of routes) await visit(requestFor(route, ids));
  return routes.length;
}
