// Lead rules: a lead names a contact of this workspace, an owner who is an active member, a known
// currency, and sits at a position in one stage of one pipeline. A move (stage + position) is one
// transaction that checks the version the client saw, renumbers both stages and records the history.
import { recordTenantEvent } from '../audit/audit.service.js';
import { findContact } from '../contacts/contacts.repo.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, encodeCursor, page } from '../http/pagination.js';
import { findMemberRow } from '../members/members.repo.js';
import { isKnownCurrency, isValidMinorAmount } from '../money/currencies.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import {
  deleteLeadRow,
  findLead,
  findStage,
  firstLeadsInStage,
  insertLead,
  insertNote,
  insertStageChange,
  leadIdsInStage,
  listLeadRows,
  listPipelineRows,
  listStages,
  pipelineTotals,
  renumberLeads,
  timelineRows,
  updateLeadRow,
  type LeadSortKey,
} from './leads.repo.js';
import type { Board, Lead, LeadCreate, LeadListQuery, LeadMove, LeadSort, LeadUpdate, Stage, StoredLead, TimelineEntry, TimelineQuery } from './leads.schemas.js';
import { loadPipeline } from './pipelines.service.js';

/** Checks the references and money of a lead's fields; each failure names its field. */
function checkFields(runtime: Runtime, db: TenantHandle, fields: { contactId?: string; ownerId?: string | null; currency?: string; valueMinor?: number }): void {
  if (fields.currency !== undefined && !isKnownCurrency(fields.currency)) throw badRequest('invalid_field', `currency ${fields.currency} is not an ISO 4217 code this server knows`, 'currency');
  if (fields.valueMinor !== undefined && !isValidMinorAmount(fields.valueMinor)) throw badRequest('invalid_field', 'valueMinor must be a whole number of minor units from 0 to 2^53-1', 'valueMinor');
  if (fields.contactId !== undefined && !findContact(db, fields.contactId)) throw badRequest('invalid_field', 'contactId names no contact of this workspace', 'contactId');
  if (fields.ownerId) {
    const member = findMemberRow(runtime.control, currentTenantId(), fields.ownerId);
    if (!member || member.status !== 'active') throw badRequest('invalid_field', 'ownerId names no active member of this workspace', 'ownerId');
  }
}

/** The stage a body names, refused (naming the field) if it is not one of this workspace's. */
function stageNamed(db: TenantHandle, stageId: string): Stage {
  const stage = findStage(db, stageId);
  if (!stage) throw badRequest('invalid_field', 'stageId names no stage of this workspace', 'stageId');
  return stage;
}

function defaultStage(db: TenantHandle): Stage {
  const first = listPipelineRows(db)[0];
  const stage = first && listStages(db, first.id)[0];
  if (!stage) throw badRequest('missing_field', 'stageId is required: this workspace has no pipeline with stages', 'stageId');
  return stage;
}

function loadLead(db: TenantHandle, id: string): Lead {
  const lead = findLead(db, id);
  if (!lead) throw notFound('lead');
  return lead;
}

export const getLead = (id: string): Lead => loadLead(tenantDb(), id);

/**
 * Writes a new lead at `position` in `stage` with the first row of its stage history, inside the
 * caller's transaction; the input is already checked (createLead, the CSV import).
 */
export function insertNewLead(db: TenantHandle, input: LeadCreate, stage: Pick<Stage, 'id' | 'pipelineId'>, position: number, actor: string, now: string): StoredLead {
  const lead: StoredLead = {
    id: newId('lead'),
    title: input.title,
    contactId: input.contactId,
    ownerId: input.ownerId ?? null,
    valueMinor: input.valueMinor ?? 0,
    currency: input.currency,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    position,
    version: 1,
    expectedCloseDate: input.expectedCloseDate ?? null,
    nextAction: input.nextAction ?? null,
    siteAddress: input.siteAddress ?? null,
    notes: input.notes ?? null,
    tags: input.tags ?? [],
    lostReason: null,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
  insertLead(db, lead);
  insertStageChange(db, { id: newId('leadStageChange'), lead_id: lead.id, from_stage_id: null, to_stage_id: stage.id, at: now, by: actor });
  return lead;
}

export function createLead(runtime: Runtime, input: LeadCreate): Lead {
  const db = tenantDb();
  const now = currentTimestamp();
  const actor = currentActorId();
  return db.transaction(() => {
    checkFields(runtime, db, input);
    const stage = input.stageId === undefined ? defaultStage(db) : stageNamed(db, input.stageId);
    const lead = insertNewLead(db, input, stage, leadIdsInStage(db, stage.id).length, actor, now);
    recordTenantEvent('lead.created', { type: 'lead', id: lead.id }, { after: lead });
    return loadLead(db, lead.id);
  });
}

/** The lead as its row stores it (audit events record stored fields, not the contact's name). */
function stored(lead: Lead): StoredLead {
  const { contactName, ...row } = lead;
  void contactName;
  return row;
}

function checkVersion(lead: StoredLead, version: number | undefined): void {
  if (version !== undefined && version !== lead.version) {
    throw new AppError(409, 'stale_version', `the lead is at version ${lead.version}, not ${version}: read it again and retry`, 'version');
  }
}

export function updateLead(runtime: Runtime, id: string, changes: LeadUpdate): Lead {
  const db = tenantDb();
  return db.transaction(() => {
    const before = loadLead(db, id);
    checkVersion(before, changes.version);
    checkFields(runtime, db, changes);
    // `version` in the changes is the one checked above; the stored one goes up by one.
    const after: StoredLead = { ...stored(before), ...changes, version: before.version + 1, updatedAt: currentTimestamp(), updatedBy: currentActorId() };
    updateLeadRow(db, after);
    recordTenantEvent('lead.updated', { type: 'lead', id }, { before: stored(before), after });
    return loadLead(db, id);
  });
}

export function deleteLead(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const before = loadLead(db, id);
    deleteLeadRow(db, id);
    renumberLeads(db, leadIdsInStage(db, before.stageId));
    recordTenantEvent('lead.deleted', { type: 'lead', id }, { before: stored(before) });
  });
}

/**
 * Moves a lead to `position` in `stageId` (same pipeline only). The stage's leads are renumbered
 * 0..n-1 in the same transaction, so concurrent moves never share a position, and a move sent
 * from a stale view (another version) is refused instead of overwriting the other one.
 */
export function moveLead(id: string, move: LeadMove): Lead {
  const db = tenantDb();
  return db.transaction(() => {
    const before = stored(loadLead(db, id));
    checkVersion(before, move.version);
    const target = stageNamed(db, move.stageId);
    if (target.pipelineId !== before.pipelineId) throw badRequest('invalid_field', "stageId is a stage of another pipeline than the lead's", 'stageId');
    const order = leadIdsInStage(db, target.id).filter((leadId) => leadId !== id);
    const position = Math.min(move.position, order.length);
    order.splice(position, 0, id);
    const now = currentTimestamp();
    const actor = currentActorId();
    const lostReason = target.kind === 'lost' ? (move.lostReason ?? before.lostReason) : null;
    const after: StoredLead = { ...before, stageId: target.id, position, lostReason, version: before.version + 1, updatedAt: now, updatedBy: actor };
    updateLeadRow(db, after);
    renumberLeads(db, order);
    const auditTarget = { type: 'lead', id };
    if (target.id === before.stageId) {
      recordTenantEvent('lead.reordered', auditTarget, { before: { stageId: before.stageId, position: before.position }, after: { stageId: target.id, position } });
      return loadLead(db, id);
    }
    renumberLeads(db, leadIdsInStage(db, before.stageId));
    insertStageChange(db, { id: newId('leadStageChange'), lead_id: id, from_stage_id: before.stageId, to_stage_id: target.id, at: now, by: actor });
    recordTenantEvent('lead.stage_changed', auditTarget, { before, after });
    if (target.kind === 'won') recordTenantEvent('lead.won', auditTarget, { before, after });
    if (target.kind === 'lost') recordTenantEvent('lead.lost', auditTarget, { before, after });
    return loadLead(db, id);
  });
}

const SORTS: Record<LeadSort, { sortKey: LeadSortKey; descending: boolean }> = {
  position: { sortKey: 'position', descending: false },
  created: { sortKey: 'created', descending: false },
  '-created': { sortKey: 'created', descending: true },
  updated: { sortKey: 'updated', descending: false },
  '-updated': { sortKey: 'updated', descending: true },
  title: { sortKey: 'title', descending: false },
  '-title': { sortKey: 'title', descending: true },
  expectedClose: { sortKey: 'expectedClose', descending: false },
  '-expectedClose': { sortKey: 'expectedClose', descending: true },
  nextAction: { sortKey: 'nextAction', descending: false },
  '-nextAction': { sortKey: 'nextAction', descending: true },
};

/** A page of leads. The cursor carries the last row's sort value and id, so every sort pages stably. */
export function listLeads(query: LeadListQuery): { items: Lead[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listLeadRows(tenantDb(), {
    limit: limit + 1,
    after: decodeCursor(query.cursor),
    ...SORTS[(query.sort as LeadSort | undefined) ?? 'created'],
    text: query.q ?? null,
    ownerId: query.ownerId ?? null,
    contactId: query.contactId ?? null,
    stageId: query.stageId ?? null,
    pipelineId: query.pipelineId ?? null,
    tag: query.tag ?? null,
    nextActionDue: query.nextActionDue ?? null,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((row) => row.lead), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.sortValue, id: last.lead.id }) : null };
}

/** A pipeline's columns: each stage's first `perStage` leads in order, its count and its value per currency. */
export function getBoard(pipelineId: string, perStage: number): Board {
  const db = tenantDb();
  const pipeline = loadPipeline(db, pipelineId);
  const counts = new Map<string, number>();
  const sums = new Map<string, Map<string, bigint>>();
  for (const row of pipelineTotals(db, pipelineId)) {
    counts.set(row.stageId, (counts.get(row.stageId) ?? 0) + row.count);
    const byCurrency = sums.get(row.stageId) ?? new Map<string, bigint>();
    byCurrency.set(row.currency, row.sum);
    sums.set(row.stageId, byCurrency);
  }
  return {
    pipeline,
    columns: pipeline.stages.map((stage) => ({
      stage,
      count: counts.get(stage.id) ?? 0,
      totals: [...(sums.get(stage.id) ?? new Map<string, bigint>())].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, valueMinor: sum.toString() })),
      leads: perStage === 0 ? [] : firstLeadsInStage(db, stage.id, perStage),
    })),
  };
}

export function addNote(id: string, body: string): TimelineEntry {
  const db = tenantDb();
  return db.transaction(() => {
    loadLead(db, id);
    const note = { id: newId('leadNote'), lead_id: id, body, created_at: currentTimestamp(), created_by: currentActorId() };
    insertNote(db, note);
    recordTenantEvent('lead.note_added', { type: 'lead', id }, { after: { id: note.id, body } });
    return { kind: 'note', id: note.id, at: note.created_at, by: note.created_by, leadId: id, body };
  });
}

function timeline(scope: { leadId: string } | { contactId: string }, query: TimelineQuery): { items: TimelineEntry[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const result = page(timelineRows(tenantDb(), scope, { limit: limit + 1, before: decodeCursor(query.cursor) }), limit);
  return { items: result.items.map(({ createdAt: _at, ...entry }) => entry as TimelineEntry), nextCursor: result.nextCursor };
}

export function leadTimeline(id: string, query: TimelineQuery): { items: TimelineEntry[]; nextCursor: string | null } {
  loadLead(tenantDb(), id);
  return timeline({ leadId: id }, query);
}

export function contactTimeline(contactId: string, query: TimelineQuery): { items: TimelineEntry[]; nextCursor: string | null } {
  if (!findContact(tenantDb(), contactId)) throw notFound('contact');
  return timeline({ contactId }, query);
}
