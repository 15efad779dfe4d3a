import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CredentialParams } from '../credentials/credentials.schemas.js';
import { readMissingBodyAsEmpty } from '../http/action-body.js';
import { AppError, noteSentError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { estimateLinkRateLimit } from '../signin/rate-limits.js';
import { acceptEstimate, declineEstimate, selectionFromForm, viewEstimate, type CustomerView as CustomerViewShape } from './customer.service.js';
import { ESTIMATE_PAGE_CSP, renderEstimatePage, renderLinkNotFoundPage } from './estimate-html.js';
import {
  CustomerAccept,
  CustomerDecline,
  CustomerQuery,
  CustomerView,
  EstimateCreate,
  EstimateDetail,
  EstimateList,
  EstimateListQuery,
  EstimateParams,
  EstimateSettings,
  EstimateSettingsUpdate,
  EstimateUpdate,
  NoBody,
  PdfQuery,
  Revision,
  RevisionParams,
  RevisionSummary,
  SendBody,
  SentLink,
  Verification,
} from './estimates.schemas.js';
import {
  createEstimate,
  deleteEstimate,
  estimatePdf,
  getEstimate,
  getEstimateSettings,
  getRevision,
  listEstimates,
  newEstimateLink,
  reviseEstimate,
  sendEstimate,
  updateEstimate,
  updateEstimateSettings,
  verifyRevision,
  withdrawEstimate,
} from './estimates.service.js';

const tags = ['estimates'];
const noContent = { 204: Type.Null(), ...errorResponses };
/** An estimate of 10,000 lines is about 2 MB of JSON: above the API's default body limit. */
const CONTENT_BODY_LIMIT = 8 * 1024 * 1024;
const Pdf = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });
const Html = Type.Unsafe<string>({ type: 'string', description: 'text/html' });
const customerTags = ['estimate links'];

export const estimateRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  readMissingBodyAsEmpty(app);

  app.get('/estimates', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: 'List estimates, newest first (filter by lead or contact)', querystring: EstimateListQuery, response: { 200: EstimateList, ...errorResponses } },
    handler: async (request) => listEstimates(request.query),
  });
  app.post('/estimates', {
    config: { permission: 'estimates:write' },
    bodyLimit: CONTENT_BODY_LIMIT,
    schema: { tags, summary: 'Create an estimate (revision 1, a draft) for a lead or a contact', body: EstimateCreate, response: { 201: EstimateDetail, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createEstimate(request.body)),
  });
  app.get('/estimates/:estimateId', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: 'Get an estimate with its current revision and the list of all revisions', params: EstimateParams, response: { 200: EstimateDetail, ...errorResponses } },
    handler: async (request) => getEstimate(request.params.estimateId),
  });
  app.patch('/estimates/:estimateId', {
    config: { permission: 'estimates:write', errors: ['estimate_sealed'] },
    bodyLimit: CONTENT_BODY_LIMIT,
    schema: { tags, summary: 'Change the current revision while it is a draft (409 estimate_sealed once sent)', params: EstimateParams, body: EstimateUpdate, response: { 200: EstimateDetail, ...errorResponses } },
    handler: async (request) => updateEstimate(request.params.estimateId, request.body),
  });
  app.delete('/estimates/:estimateId', {
    config: { permission: 'estimates:write', errors: ['estimate_sealed'] },
    schema: { tags, summary: 'Delete an estimate that was never sent', params: EstimateParams, response: noContent },
    handler: async (request, reply) => {
      deleteEstimate(request.params.estimateId);
      return reply.code(204).send(null);
    },
  });
  app.post('/estimates/:estimateId/revisions', {
    config: { permission: 'estimates:write', errors: ['estimate_decided'] },
    schema: { tags, summary: 'Start the next revision: a draft copy of the current one', params: EstimateParams, body: NoBody, response: { 201: EstimateDetail, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(reviseEstimate(request.params.estimateId)),
  });
  app.get('/estimates/:estimateId/revisions', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: "An estimate's revisions, oldest first", params: EstimateParams, response: { 200: Type.Object({ items: Type.Array(RevisionSummary) }, { additionalProperties: false }), ...errorResponses } },
    handler: async (request) => ({ items: getEstimate(request.params.estimateId).revisions }),
  });
  app.get('/estimates/:estimateId/revisions/:revision', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: 'One revision as it was sent (or the draft), with the decision on it', params: RevisionParams, response: { 200: Revision, ...errorResponses } },
    handler: async (request) => getRevision(request.params.estimateId, Number(request.params.revision)),
  });
  app.get('/estimates/:estimateId/revisions/:revision/verify', {
    config: { permission: 'estimates:read', errors: ['estimate_closed'] },
    schema: { tags, summary: 'Recompute a sent revision\'s SHA-256 and compare it with the send and the decision', params: RevisionParams, response: { 200: Verification, ...errorResponses } },
    handler: async (request) => verifyRevision(request.params.estimateId, Number(request.params.revision)),
  });
  app.post('/estimates/:estimateId/send', {
    config: { permission: 'estimates:write', errors: ['estimate_sealed'] },
    schema: { tags, summary: "Seal the current draft, number the estimate, and get the customer's link (shown once)", params: EstimateParams, body: SendBody, response: { 200: SentLink, ...errorResponses } },
    handler: async (request) => sendEstimate(runtime, request.params.estimateId, request.body),
  });
  app.post('/estimates/:estimateId/link', {
    config: { permission: 'estimates:write', errors: ['estimate_closed'] },
    schema: { tags, summary: "A new customer link for the sent revision; the earlier links stop working", params: EstimateParams, body: NoBody, response: { 200: SentLink, ...errorResponses } },
    handler: async (request) => newEstimateLink(runtime, request.params.estimateId),
  });
  app.post('/estimates/:estimateId/withdraw', {
    config: { permission: 'estimates:write', errors: ['estimate_closed'] },
    schema: { tags, summary: 'Withdraw the sent revision: its link then says so and takes no decision', params: EstimateParams, body: NoBody, response: { 200: EstimateDetail, ...errorResponses } },
    handler: async (request) => withdrawEstimate(request.params.estimateId),
  });
  app.get('/estimates/:estimateId/pdf', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: 'The estimate as a PDF (the current revision, or ?revision=N), with the acceptance certificate when accepted', params: EstimateParams, querystring: PdfQuery, response: { 200: Pdf, ...errorResponses } },
    handler: async (request, reply) => {
      const { filename, pdf } = await estimatePdf(runtime, request.params.estimateId, request.query.revision);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(pdf);
    },
  });

  app.get('/settings/estimates', {
    config: { permission: 'estimates:read' },
    schema: { tags, summary: "The workspace's estimate numbering, templates and link lifetime", response: { 200: EstimateSettings, ...errorResponses } },
    handler: async () => getEstimateSettings(),
  });
  app.patch('/settings/estimates', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Change the estimate prefix, templates, validity, link lifetime, or whether decisions move the lead', body: EstimateSettingsUpdate, response: { 200: EstimateSettings, ...errorResponses } },
    handler: async (request) => updateEstimateSettings(request.body),
  });
};

/**
 * The config of a route the customer's link opens. A fresh object per route: the route registry
 * writes its findings into each route's config.
 */
const linkRouteConfig = (runtime: Runtime) => ({ realm: 'credential' as const, credentialKind: 'estimate_link' as const, rateLimit: estimateLinkRateLimit(runtime) });
/** The revision the link opens (the credential realm bound it before the handler runs). */
const target = (request: FastifyRequest): string => (request.credential as NonNullable<FastifyRequest['credential']>).targetId;

/** The customer's JSON API under /api/v1 (credential realm, the link in the path). */
export const estimateLinkRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const config = () => linkRouteConfig(runtime);
  const answer = (view: CustomerViewShape) => ({ ...view, presentation: { ...view.presentation, acceptance: view.presentation.acceptance ? { ...view.presentation.acceptance, ip: '', userAgent: '' } : null } });

  app.get('/estimate-links/:credential', {
    config: config(),
    schema: { tags: customerTags, summary: "The customer's view of one estimate revision (picks in ?opt= and ?pick=group:choice)", security: [], params: CredentialParams, querystring: CustomerQuery, response: { 200: CustomerView, ...errorResponses } },
    handler: async (request) => answer(viewEstimate(runtime, target(request), selectionFromForm(request.query.opt, request.query.pick))),
  });
  app.post('/estimate-links/:credential/accept', {
    config: { ...config(), errors: ['estimate_decided', 'estimate_closed'] },
    schema: { tags: customerTags, summary: 'Accept the revision with a typed name and the options picked (once)', security: [], params: CredentialParams, body: CustomerAccept, response: { 200: Type.Object({ state: Type.Literal('accepted') }), ...errorResponses } },
    handler: async (request) => ({ state: acceptEstimate(target(request), request.body) as 'accepted' }),
  });
  app.post('/estimate-links/:credential/decline', {
    config: { ...config(), errors: ['estimate_decided', 'estimate_closed'] },
    schema: { tags: customerTags, summary: 'Decline the revision, with an optional reason (once)', security: [], params: CredentialParams, body: CustomerDecline, response: { 200: Type.Object({ state: Type.Literal('declined') }), ...errorResponses } },
    handler: async (request) => ({ state: declineEstimate(target(request), request.body) as 'declined' }),
  });
};

const PageForm = Type.Object(
  {
    typedName: Type.Optional(Type.String({ maxLength: 400, examples: ['Dana Whitfield'] })),
    consent: Type.Optional(Type.String({ maxLength: 10, examples: ['yes'] })),
    reason: Type.Optional(Type.String({ maxLength: 4000 })),
    opt: CustomerQuery.properties.opt,
    pick: CustomerQuery.properties.pick,
  },
  { additionalProperties: false },
);
const PageQuery = Type.Object({ ...PageForm.properties }, { additionalProperties: false });

/** The customer's page at /e/{link}: HTML with forms, no script. */
export const estimatePageRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // Forms post urlencoded (this plugin only); repeated names (opt, pick) become arrays.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    const form: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      const seen = form[name];
      form[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    done(null, form);
  });
  const sendPage = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).header('content-security-policy', ESTIMATE_PAGE_CSP).header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(html);
  const config = () => ({ ...linkRouteConfig(runtime), credentialRefusalPage: (reply: FastifyReply) => void sendPage(reply, 404, renderLinkNotFoundPage()) });
  const pathOf = (request: FastifyRequest): string => `/e/${(request.params as { credential: string }).credential}`;
  const page = (request: FastifyRequest, reply: FastifyReply, view: CustomerViewShape, status = 200, problem: string | null = null) =>
    sendPage(reply, status, renderEstimatePage({ path: pathOf(request), state: view.state, canDecide: view.canDecide, consentText: view.consentText, view: view.presentation, problem }));
  // A refusal the customer can act on is shown on the page itself; anything else is the usual error.
  const onProblem = (request: FastifyRequest, reply: FastifyReply, err: unknown, selection: ReturnType<typeof selectionFromForm>) => {
    if (!(err instanceof AppError) || err.statusCode >= 500) throw err;
    noteSentError(reply, err);
    const view = viewEstimate(runtime, target(request), err.field?.startsWith('selection') ? {} : selection);
    return page(request, reply, view, err.statusCode, err.message);
  };

  app.get('/e/:credential', {
    config: config(),
    schema: { tags: customerTags, summary: "The customer's estimate page (HTML)", security: [], params: CredentialParams, querystring: PageQuery, response: { 200: Html, ...errorResponses } },
    handler: async (request, reply) => {
      const selection = selectionFromForm(request.query.opt, request.query.pick);
      try {
        return page(request, reply, viewEstimate(runtime, target(request), selection));
      } catch (err) {
        return onProblem(request, reply, err, {});
      }
    },
  });
  app.post('/e/:credential/accept', {
    config: { ...config(), errors: ['estimate_decided', 'estimate_closed'] },
    schema: { tags: customerTags, summary: 'Accept from the page (form post); answers with the page', security: [], params: CredentialParams, body: PageForm, response: { 303: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      const selection = selectionFromForm(request.body.opt, request.body.pick);
      const typedName = (request.body.typedName ?? '').trim();
      try {
        if (typedName.length < 2 || typedName.length > 200 || /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/.test(typedName)) {
          throw new AppError(400, 'invalid_field', 'Type your full name to accept.', 'typedName');
        }
        if (request.body.consent === undefined) throw new AppError(400, 'invalid_field', 'Tick the box to confirm that you accept.', 'consent');
        acceptEstimate(target(request), { typedName, consent: true, selection });
      } catch (err) {
        return onProblem(request, reply, err, selection);
      }
      return reply.code(303).header('location', pathOf(request)).send(null);
    },
  });
  app.post('/e/:credential/decline', {
    config: { ...config(), errors: ['estimate_decided', 'estimate_closed'] },
    schema: { tags: customerTags, summary: 'Decline from the page (form post); answers with the page', security: [], params: CredentialParams, body: PageForm, response: { 303: Type.Null(), ...errorResponses } },
    handler: async (request, reply) => {
      try {
        declineEstimate(target(request), { reason: (request.body.reason ?? '').slice(0, 2000) });
      } catch (err) {
        return onProblem(request, reply, err, {});
      }
      return reply.code(303).header('location', pathOf(request)).send(null);
    },
  });
};
