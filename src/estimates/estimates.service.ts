// Estimate rules. An estimate has revisions; the latest is the current one. A draft changes freely;
// sending seals it (its canonical JSON's SHA-256, sealedRevisionHash) and, the first time, takes the
// workspace's next number in the same transaction (gapless: a failed send returns it). A sealed
// revision never changes: a change is the next revision, which supersedes the sent one when it is
// sent in turn. Only an estimate that was never sent is deleted.
import { createHash } from 'node:crypto';
import { findAuditRowsInOrder } from '../audit/audit.repo.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import { findContact } from '../contacts/contacts.repo.js';
import type { AddressOut, Contact } from '../contacts/contacts.schemas.js';
import { issueCredential, revokeCredentials } from '../credentials/credentials.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import { findLead } from '../leads/leads.repo.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentScope, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { isoAt } from '../time/clock.js';
import { canonicalJson } from './canonical.js';
import { formatMoney, type EstimateDocument } from './estimate-presentation.js';
import { estimateLinkMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/mail.service.js';
import {
  deleteEstimateRow,
  estimateSettingsRow,
  findEstimate,
  findEstimateId,
  findRevision,
  insertEstimate,
  insertRevision,
  listEstimateRows,
  listRevisions,
  sealRevision,
  setRevisionState,
  takeNextNumber,
  updateDraftContent,
  updateEstimateRow,
  updateEstimateSettingsRow,
  type EstimateListRow,
  type RevisionRow,
} from './estimates.repo.js';
import type {
  Customer,
  Decision,
  Estimate,
  EstimateCreate,
  EstimateDetail,
  EstimateListQuery,
  EstimateSettings,
  EstimateSettingsUpdate,
  EstimateUpdate,
  Revision,
  RevisionState,
  RevisionSummary,
  Verification,
} from './estimates.schemas.js';
import { minorDigits } from '../money/currencies.js';
import { computeEstimateTotals, EstimateContentError, type EstimateContent, type EstimateSelection } from './totals.js';

const DAY_MS = 86_400_000;

/** The revision's state as people see it: a sent revision past its expiry is expired. */
export function presentedState(row: Pick<RevisionRow, 'state' | 'expires_at'>, now: string): RevisionState {
  return row.state === 'sent' && row.expires_at !== null && row.expires_at <= now ? 'expired' : row.state;
}

/** Runs the totals rule (directly or inside a presentation): a rule it breaks is a 400 naming the field, under `fieldPrefix`. */
export function underTotalsRule<T>(compute: () => T, fieldPrefix: string): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof EstimateContentError) throw badRequest('invalid_field', `${fieldPrefix}${err.message}`, `${fieldPrefix}${err.field}`);
    throw err;
  }
}

/** The totals rule over request content: its grand total, or a 400 naming the field under `content`. */
export const checkedTotal = (content: EstimateContent, selection?: EstimateSelection, fieldPrefix = 'content.'): number =>
  underTotalsRule(() => computeEstimateTotals(content, selection).grandTotal, fieldPrefix);

const addressLines = (address: AddressOut | null): string[] => {
  if (!address) return [];
  const street = address.street?.split('\n').map((line) => line.trim()).filter(Boolean) ?? [];
  const town = [address.city, [address.region, address.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [...street, ...(town ? [town] : []), ...(address.country ? [address.country] : [])];
};

/** Whom a revision is addressed to, from the contact as it is now (frozen when the revision is sent). */
function customerOf(contact: Contact | undefined, siteAddress: string | null): Customer {
  return {
    name: contact?.name ?? '(deleted contact)',
    company: contact?.company ?? null,
    address: addressLines(contact?.postalAddress ?? null),
    siteAddress: siteAddress ? siteAddress.split('\n').map((line) => line.trim()).filter(Boolean) : addressLines(contact?.siteAddress ?? null),
  };
}

/** The contact and whom the estimate is addressed to as they are now: a draft's customer, frozen when sent. */
function currentCustomer(db: TenantHandle, row: Pick<EstimateListRow, 'contact_id' | 'lead_id'>): { contact: Contact | undefined; customer: Customer } {
  const contact = findContact(db, row.contact_id);
  const lead = row.lead_id === null ? undefined : findLead(db, row.lead_id);
  return { contact, customer: customerOf(contact, lead?.siteAddress ?? null) };
}

const workspaceName = (runtime: Runtime): string | undefined => findTenant(runtime.control, currentScope().tenantId)?.name;

/** What the hash covers: the number, title and revision, whom it is for, and what it offers. */
export function sealedRevisionHash(estimate: { number: string | null; title: string }, revision: Pick<RevisionRow, 'revision' | 'customer' | 'content'>): string {
  const sealed = {
    estimate: { number: estimate.number, title: estimate.title, revision: revision.revision },
    customer: JSON.parse(revision.customer) as unknown,
    content: JSON.parse(revision.content) as unknown,
  };
  return createHash('sha256').update(canonicalJson(sealed), 'utf8').digest('hex');
}

function toEstimate(row: EstimateListRow, now: string): Estimate {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    leadId: row.lead_id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    currency: row.currency,
    state: presentedState(row, now),
    currentRevision: row.current_revision,
    totalMinor: row.total_minor,
    acceptedTotalMinor: row.state === 'accepted' ? row.decision_total_minor : null,
    version: row.version,
    firstViewedAt: row.first_viewed_at,
    lastViewedAt: row.last_viewed_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toSummary(row: RevisionRow, now: string): RevisionSummary {
  return {
    revision: row.revision,
    state: presentedState(row, now),
    totalMinor: row.total_minor,
    contentSha256: row.content_sha256,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
  };
}

function decisionOf(row: RevisionRow): Decision | null {
  if (row.decided_at === null || row.decision_sha256 === null) return null;
  return {
    outcome: row.state === 'declined' ? 'declined' : 'accepted',
    decidedAt: row.decided_at,
    contentSha256: row.decision_sha256,
    typedName: row.decision_name,
    consentText: row.decision_consent,
    reason: row.decision_reason,
    selection: row.decision_selection === null ? null : (JSON.parse(row.decision_selection) as EstimateSelection),
    totalMinor: row.decision_total_minor,
    ip: row.decision_ip,
    userAgent: row.decision_user_agent,
  };
}

export function toRevision(row: RevisionRow, now: string): Revision {
  return { ...toSummary(row, now), customer: JSON.parse(row.customer) as Customer, content: JSON.parse(row.content) as EstimateContent, decision: decisionOf(row) };
}

export function loadEstimateRow(db: TenantHandle, id: string): EstimateListRow {
  const row = findEstimate(db, id);
  if (!row) throw notFound('estimate');
  return row;
}

function loadRevision(db: TenantHandle, estimateId: string, revision: number): RevisionRow {
  const row = findRevision(db, estimateId, revision);
  if (!row) throw notFound('revision');
  return row;
}

function detail(db: TenantHandle, id: string): EstimateDetail {
  const now = currentTimestamp();
  const row = loadEstimateRow(db, id);
  const revisions = listRevisions(db, id);
  const current = revisions.find((revision) => revision.revision === row.current_revision) as RevisionRow;
  return { ...toEstimate(row, now), revision: toRevision(current, now), revisions: revisions.map((revision) => toSummary(revision, now)) };
}

export const getEstimate = (id: string): EstimateDetail => detail(tenantDb(), id);

export function listEstimates(query: EstimateListQuery): { items: Estimate[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const now = currentTimestamp();
  const rows = listEstimateRows(tenantDb(), { leadId: query.leadId ?? null, contactId: query.contactId ?? null, before: decodeCursor(query.cursor), limit: limit + 1 });
  return page(rows.map((row) => toEstimate(row, now)), limit);
}

export function getRevision(estimateId: string, revision: number): Revision {
  const db = tenantDb();
  loadEstimateRow(db, estimateId);
  return toRevision(loadRevision(db, estimateId, revision), currentTimestamp());
}

/** The content a new estimate starts with: the workspace's terms, notes and validity unless it brings its own. */
function withTemplates(db: TenantHandle, content: EstimateContent): EstimateContent {
  const settings = estimateSettingsRow(db);
  const validUntil = isoAt(Date.parse(currentTimestamp()) + settings.validity_days * DAY_MS).slice(0, 10);
  return {
    ...content,
    terms: content.terms === undefined ? settings.default_terms : content.terms,
    notes: content.notes === undefined ? settings.default_notes : content.notes,
    validUntil: content.validUntil === undefined ? validUntil : content.validUntil,
  };
}

/** Until when a link sent now answers: the workspace's link lifetime, but never past the estimate's last valid day (UTC). */
function linkExpiry(settings: { link_days: number }, content: EstimateContent, now: string): string {
  const byLifetime = isoAt(Date.parse(now) + settings.link_days * DAY_MS);
  const lastValidDay = content.validUntil ? `${content.validUntil}T23:59:59.999Z` : null;
  return lastValidDay !== null && lastValidDay < byLifetime ? lastValidDay : byLifetime;
}

export function createEstimate(input: EstimateCreate): EstimateDetail {
  const db = tenantDb();
  const now = currentTimestamp();
  const actor = currentActorId();
  return db.transaction(() => {
    const lead = input.leadId === undefined ? undefined : findLead(db, input.leadId);
    if (input.leadId !== undefined && !lead) throw badRequest('invalid_field', 'leadId names no lead of this workspace', 'leadId');
    const contactId = input.contactId ?? lead?.contactId;
    if (contactId === undefined) throw badRequest('missing_field', 'contactId (or a leadId whose contact the estimate is for) is required', 'contactId');
    const contact = findContact(db, contactId);
    if (!contact) throw badRequest('invalid_field', 'contactId names no contact of this workspace', 'contactId');
    // An estimate for one customer filed under another customer's lead would show on the wrong timeline.
    if (lead && lead.contactId !== contactId) throw badRequest('invalid_field', 'leadId names a lead of another contact', 'leadId');
    const content = withTemplates(db, input.content);
    const total = checkedTotal(content);
    const id = newId('estimate');
    insertEstimate(db, {
      id,
      number: null,
      title: input.title,
      lead_id: lead?.id ?? null,
      contact_id: contactId,
      currency: content.currency,
      current_revision: 1,
      version: 1,
      first_viewed_at: null,
      last_viewed_at: null,
      created_at: now,
      created_by: actor,
      updated_at: now,
      updated_by: actor,
    });
    insertRevision(db, draftRow(id, 1, content, customerOf(contact, lead?.siteAddress ?? null), total, now, actor));
    recordTenantEvent('estimate.created', { type: 'estimate', id }, { after: { title: input.title, leadId: lead?.id ?? null, contactId, currency: content.currency, totalMinor: total } });
    return detail(db, id);
  });
}

function draftRow(estimateId: string, revision: number, content: EstimateContent, customer: Customer, total: number, now: string, actor: string): RevisionRow {
  return {
    id: newId('estimateRevision'),
    estimate_id: estimateId,
    revision,
    state: 'draft',
    content: canonicalJson(content),
    customer: canonicalJson(customer),
    total_minor: total,
    content_sha256: null,
    sent_at: null,
    sent_by: null,
    expires_at: null,
    decided_at: null,
    decision_sha256: null,
    decision_name: null,
    decision_consent: null,
    decision_reason: null,
    decision_selection: null,
    decision_total_minor: null,
    decision_ip: null,
    decision_user_agent: null,
    created_at: now,
    created_by: actor,
    updated_at: now,
    updated_by: actor,
  };
}

const sealedError = (revision: number): AppError =>
  new AppError(409, 'estimate_sealed', `revision ${revision} was sent and is sealed: make the next revision (POST /api/v1/estimates/{id}/revisions) to change it`);

function checkVersion(row: EstimateListRow, version: number | undefined): void {
  if (version !== undefined && version !== row.version) {
    throw new AppError(409, 'stale_version', `the estimate is at version ${row.version}, not ${version}: read it again and retry`, 'version');
  }
}

/** The next version of the estimate row after a change by the current actor. */
const bumped = (row: EstimateListRow, changes: Partial<Pick<EstimateListRow, 'number' | 'title' | 'currency' | 'current_revision'>>) => ({
  ...row,
  ...changes,
  version: row.version + 1,
  updated_at: currentTimestamp(),
  updated_by: currentActorId(),
});

export function updateEstimate(id: string, changes: EstimateUpdate): EstimateDetail {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEstimateRow(db, id);
    const draft = loadRevision(db, id, row.current_revision);
    // Sealed first: an editor whose draft was sent meanwhile learns that, not only that it is stale.
    if (draft.state !== 'draft') throw sealedError(draft.revision);
    checkVersion(row, changes.version);
    const content = changes.content ?? (JSON.parse(draft.content) as EstimateContent);
    const total = checkedTotal(content);
    const after = bumped(row, { title: changes.title ?? row.title, currency: content.currency });
    updateEstimateRow(db, after);
    const { customer } = currentCustomer(db, row);
    updateDraftContent(db, { id: draft.id, content: canonicalJson(content), customer: canonicalJson(customer), total_minor: total, updated_at: after.updated_at, updated_by: after.updated_by });
    recordTenantEvent('estimate.updated', { type: 'estimate', id }, { before: { title: row.title, totalMinor: draft.total_minor }, after: { title: after.title, revision: draft.revision, totalMinor: total } });
    return detail(db, id);
  });
}

export function deleteEstimate(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const row = loadEstimateRow(db, id);
    if (row.number !== null) throw new AppError(409, 'estimate_sealed', `estimate ${row.number} was sent and stays on record: withdraw it instead`);
    deleteEstimateRow(db, id);
    recordTenantEvent('estimate.deleted', { type: 'estimate', id }, { before: { title: row.title } });
  });
}

/** Starts the next revision as a draft copy of the current one. */
export function reviseEstimate(id: string): EstimateDetail {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEstimateRow(db, id);
    const current = loadRevision(db, id, row.current_revision);
    if (current.state === 'draft') throw new AppError(409, 'conflict', `revision ${current.revision} is still a draft: change it instead`);
    if (current.state === 'accepted') throw new AppError(409, 'estimate_decided', `revision ${current.revision} was accepted: the estimate is final`);
    const next = current.revision + 1;
    const after = bumped(row, { current_revision: next });
    insertRevision(db, draftRow(id, next, JSON.parse(current.content) as EstimateContent, JSON.parse(current.customer) as Customer, current.total_minor, after.updated_at, after.updated_by));
    updateEstimateRow(db, after);
    recordTenantEvent('estimate.revised', { type: 'estimate', id }, { after: { revision: next, from: current.revision } });
    return detail(db, id);
  });
}

export interface SentLink {
  estimate: EstimateDetail;
  link: string;
  expiresAt: string;
  /** The message that carries the link to the customer, or null when none was queued. */
  mailId: string | null;
}

/** Queues the link to the contact's email address, when it has one; returns the message id. */
function mailLink(runtime: Runtime, row: EstimateListRow, contact: Contact | undefined, revision: RevisionRow, link: string, expiresAt: string): string | null {
  if (!contact?.email) return null;
  const content = estimateLinkMail({
    workspaceName: workspaceName(runtime) ?? 'Spinney',
    customerName: contact.name,
    number: row.number ?? '',
    title: row.title,
    // The revision's stored total is the one with its default choices, as the mail's reader first sees it.
    total: formatMoney(revision.total_minor, row.currency, minorDigits(row.currency)),
    link,
    expiresAt,
  });
  return queueMail(runtime, { kind: 'estimate', to: { address: contact.email, name: contact.name }, ...content, contactId: contact.id, leadId: row.lead_id, estimateId: row.id });
}

const linkOf = (runtime: Runtime, credential: string): string => `${runtime.config.publicUrl}/e/${credential}`;

/** Seals the current draft, numbers the estimate the first time, supersedes the previous sent revision and issues the customer's link. */
export function sendEstimate(runtime: Runtime, id: string, options: { mail?: boolean } = {}): SentLink {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEstimateRow(db, id);
    const draft = loadRevision(db, id, row.current_revision);
    if (draft.state !== 'draft') throw sealedError(draft.revision);
    const settings = estimateSettingsRow(db);
    const now = currentTimestamp();
    const actor = currentActorId();
    let number = row.number;
    if (number === null) {
      const taken = takeNextNumber(db);
      number = `${taken.prefix}${String(taken.number).padStart(4, '0')}`;
    }
    // The customer as of now is part of what is sealed.
    const current = currentCustomer(db, row);
    const customer = canonicalJson(current.customer);
    const sha256 = sealedRevisionHash({ number, title: row.title }, { revision: draft.revision, customer, content: draft.content });
    const content = JSON.parse(draft.content) as EstimateContent;
    const expiresAt = linkExpiry(settings, content, now);
    if (expiresAt <= now) throw badRequest('invalid_field', `content.validUntil ${content.validUntil} has passed: set a later date before sending`, 'content.validUntil');
    sealRevision(db, { id: draft.id, customer, content_sha256: sha256, sent_at: now, sent_by: actor, expires_at: expiresAt });
    const previous = draft.revision > 1 ? findRevision(db, id, draft.revision - 1) : undefined;
    if (previous?.state === 'sent') setRevisionState(db, previous.id, 'sent', 'superseded', now, actor);
    updateEstimateRow(db, bumped(row, { number }));
    const credential = issueCredential(runtime, 'estimate_link', draft.id, { expiresAt });
    const link = linkOf(runtime, credential);
    const mailId = options.mail === false ? null : mailLink(runtime, { ...row, number }, current.contact, draft, link, expiresAt);
    recordTenantEvent('estimate.sent', { type: 'estimate', id }, { after: { number, revision: draft.revision, contentSha256: sha256, totalMinor: draft.total_minor, expiresAt, leadId: row.lead_id, mailId } });
    return { estimate: detail(db, id), link, expiresAt, mailId };
  });
}

/** A fresh link to the current sent revision (the earlier ones stop working): the only way to see a link again. */
export function newEstimateLink(runtime: Runtime, id: string): SentLink {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEstimateRow(db, id);
    const current = loadRevision(db, id, row.current_revision);
    if (current.state !== 'sent') throw new AppError(409, 'estimate_closed', `revision ${current.revision} is ${presentedState(current, currentTimestamp())}: only a sent revision gets a link`);
    const settings = estimateSettingsRow(db);
    const expiresAt = current.expires_at ?? linkExpiry(settings, JSON.parse(current.content) as EstimateContent, currentTimestamp());
    revokeCredentials(runtime, 'estimate_link', current.id);
    const credential = issueCredential(runtime, 'estimate_link', current.id, { expiresAt });
    recordTenantEvent('estimate.link_issued', { type: 'estimate', id }, { after: { revision: current.revision, expiresAt } });
    return { estimate: detail(db, id), link: linkOf(runtime, credential), expiresAt, mailId: null };
  });
}

/** Withdraws the current sent revision: its link then says so, and nothing can be decided on it. */
export function withdrawEstimate(id: string): EstimateDetail {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEstimateRow(db, id);
    const current = loadRevision(db, id, row.current_revision);
    if (current.state !== 'sent') throw new AppError(409, 'estimate_closed', `revision ${current.revision} is ${presentedState(current, currentTimestamp())}: only a sent revision can be withdrawn`);
    setRevisionState(db, current.id, 'sent', 'withdrawn', currentTimestamp(), currentActorId());
    updateEstimateRow(db, bumped(row, {}));
    recordTenantEvent('estimate.withdrawn', { type: 'estimate', id }, { after: { number: row.number, revision: current.revision } });
    return detail(db, id);
  });
}

/** An estimate (by id or number) and the numbers of its sent revisions; undefined when there is none. */
export function sentRevisionsOf(idOrNumber: string): { id: string; revisions: number[] } | undefined {
  const db = tenantDb();
  const id = findEstimateId(db, idOrNumber);
  if (id === undefined) return undefined;
  return { id, revisions: listRevisions(db, id).filter((row) => row.content_sha256 !== null).map((row) => row.revision) };
}

/**
 * Recomputes a sealed revision's hash from what is stored and compares it with the hash recorded
 * at sending (the row and the hash-chained audit event) and the one the decision was made on.
 */
export function verifyRevision(estimateId: string, revision: number): Verification {
  const db = tenantDb();
  const row = loadEstimateRow(db, estimateId);
  const stored = loadRevision(db, estimateId, revision);
  if (stored.content_sha256 === null) throw new AppError(409, 'estimate_closed', `revision ${revision} is a draft: only a sent revision has a hash to verify`);
  const computed = sealedRevisionHash(row, stored);
  const sent = findAuditRowsInOrder(db, { actor: null, action: 'estimate.sent', targetType: 'estimate', targetId: estimateId, from: null, to: null }, 0, 1000)
    .map((event) => JSON.parse(event.after ?? '{}') as { revision?: number; contentSha256?: string })
    .find((after) => after.revision === revision);
  const problems: string[] = [];
  if (computed !== stored.content_sha256) problems.push('the stored content does not hash to the hash recorded when it was sent');
  if (sent?.contentSha256 === undefined) problems.push('the audit log holds no send event for this revision');
  else if (sent.contentSha256 !== computed) problems.push("the stored content does not hash to the send event's hash in the audit log");
  if (stored.decision_sha256 !== null && stored.decision_sha256 !== computed) problems.push('the decision was made on other content than is stored');
  return {
    estimateId,
    number: row.number,
    revision,
    state: presentedState(stored, currentTimestamp()),
    intact: problems.length === 0,
    computedSha256: computed,
    storedSha256: stored.content_sha256,
    sentEventSha256: sent?.contentSha256 ?? null,
    decisionSha256: stored.decision_sha256,
    problems,
  };
}

/** What the PDF and the customer's page show of one revision. */
export function estimateDocument(runtime: Runtime, row: EstimateListRow, revision: RevisionRow): EstimateDocument {
  const customer = JSON.parse(revision.customer) as Customer;
  const decision = decisionOf(revision);
  return {
    workspaceName: workspaceName(runtime) ?? '',
    number: row.number ?? 'Draft',
    revision: revision.revision,
    state: presentedState(revision, currentTimestamp()),
    issuedAt: revision.sent_at,
    contact: { name: customer.name, company: customer.company, address: customer.address },
    siteAddress: customer.siteAddress,
    content: JSON.parse(revision.content) as EstimateContent,
    ...(decision?.selection ? { selection: decision.selection } : {}),
    contentSha256: revision.content_sha256,
    acceptance:
      decision?.outcome === 'accepted'
        ? { typedName: decision.typedName ?? '', consentText: decision.consentText ?? '', decidedAt: decision.decidedAt, ip: decision.ip ?? '', userAgent: decision.userAgent ?? '', contentSha256: decision.contentSha256 }
        : null,
    timeZone: 'UTC',
  };
}

export async function estimatePdf(runtime: Runtime, estimateId: string, revision: number | undefined): Promise<{ filename: string; pdf: Buffer }> {
  const db = tenantDb();
  const row = loadEstimateRow(db, estimateId);
  const stored = loadRevision(db, estimateId, revision ?? row.current_revision);
  // pdfkit is loaded on the first PDF, not with the server: most processes never draw one.
  const { renderEstimatePdf } = await import('./estimate-pdf.js');
  const pdf = await renderEstimatePdf(estimateDocument(runtime, row, stored));
  return { filename: `${row.number ?? 'draft'}-v${stored.revision}.pdf`, pdf };
}

export function getEstimateSettings(): EstimateSettings {
  const row = estimateSettingsRow(tenantDb());
  return {
    numberPrefix: row.number_prefix,
    nextNumber: row.next_number,
    defaultTerms: row.default_terms,
    defaultNotes: row.default_notes,
    validityDays: row.validity_days,
    linkDays: row.link_days,
    decisionMovesLead: row.decision_moves_lead === 1,
  };
}

export function updateEstimateSettings(changes: EstimateSettingsUpdate): EstimateSettings {
  const db = tenantDb();
  return db.transaction(() => {
    const before = getEstimateSettings();
    const after = { ...before, ...changes };
    updateEstimateSettingsRow(db, {
      number_prefix: after.numberPrefix,
      default_terms: after.defaultTerms,
      default_notes: after.defaultNotes,
      validity_days: after.validityDays,
      link_days: after.linkDays,
      decision_moves_lead: after.decisionMovesLead ? 1 : 0,
      updated_at: currentTimestamp(),
      updated_by: currentActorId(),
    });
    recordTenantEvent('estimate.settings_changed', null, { before, after });
    return getEstimateSettings();
  });
}
