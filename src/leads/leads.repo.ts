// SQL for pipelines, stages, leads, their stage history and notes. Every function takes the tenant
// handle: the handle is the workspace, so a query cannot reach another workspace's rows.
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import type { Lead, Stage, StoredLead, TimelineEntry } from './leads.schemas.js';
import { MAIL_STATE_OF } from '../mail/mail.repo.js';

export interface PipelineRow {
  id: string;
  name: string;
  position: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

interface StageRow extends PipelineRow {
  pipeline_id: string;
  kind: Stage['kind'];
}

interface LeadRow {
  id: string;
  title: string;
  contact_id: string;
  /** Read from contacts with the row (LEAD_COLUMNS); null when the contact is gone. */
  contact_name: string | null;
  owner_id: string | null;
  value_minor: number;
  currency: string;
  pipeline_id: string;
  stage_id: string;
  position: number;
  version: number;
  expected_close_date: string | null;
  next_action_text: string | null;
  next_action_date: string | null;
  site_address: string | null;
  notes: string | null;
  tags: string;
  lost_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const attribution = (row: { created_at: string; created_by: string; updated_at: string; updated_by: string }) => ({
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const toStage = (row: StageRow): Stage => ({ id: row.id, pipelineId: row.pipeline_id, name: row.name, kind: row.kind, position: row.position, ...attribution(row) });

const toLead = (row: LeadRow): Lead => ({
  id: row.id,
  title: row.title,
  contactId: row.contact_id,
  ownerId: row.owner_id,
  valueMinor: row.value_minor,
  currency: row.currency,
  pipelineId: row.pipeline_id,
  stageId: row.stage_id,
  position: row.position,
  version: row.version,
  expectedCloseDate: row.expected_close_date,
  nextAction: row.next_action_text !== null && row.next_action_date !== null ? { text: row.next_action_text, date: row.next_action_date } : null,
  siteAddress: row.site_address,
  notes: row.notes,
  tags: JSON.parse(row.tags) as string[],
  lostReason: row.lost_reason,
  ...attribution(row),
  contactName: row.contact_name,
});

/** A lead's columns and its contact's current name (contact_name). */
const LEAD_COLUMNS = 'leads.*, (SELECT name FROM contacts WHERE contacts.id = leads.contact_id) AS contact_name';

// Pipelines

export function listPipelineRows(db: TenantHandle): PipelineRow[] {
  return db.statement('SELECT * FROM pipelines ORDER BY position, created_at, id').all() as PipelineRow[];
}

export function findPipelineRow(db: TenantHandle, id: string): PipelineRow | undefined {
  return db.statement('SELECT * FROM pipelines WHERE id = ?').get(id) as PipelineRow | undefined;
}

export function insertPipeline(db: TenantHandle, row: PipelineRow): void {
  db.statement(
    `INSERT INTO pipelines (id, name, position, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @name, @position, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function updatePipelineRow(db: TenantHandle, row: PipelineRow): void {
  db.statement('UPDATE pipelines SET name = @name, position = @position, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run(row);
}

export function deletePipelineRow(db: TenantHandle, id: string): void {
  db.statement('DELETE FROM pipelines WHERE id = ?').run(id);
}

export function nextPipelinePosition(db: TenantHandle): number {
  return db.statement('SELECT coalesce(max(position) + 1, 0) FROM pipelines').pluck().get() as number;
}

// Stages

export function listStages(db: TenantHandle, pipelineId?: string): Stage[] {
  const rows = pipelineId === undefined
    ? db.statement('SELECT * FROM pipeline_stages ORDER BY pipeline_id, position, id').all()
    : db.statement('SELECT * FROM pipeline_stages WHERE pipeline_id = ? ORDER BY position, id').all(pipelineId);
  return (rows as StageRow[]).map(toStage);
}

export function findStage(db: TenantHandle, id: string): Stage | undefined {
  const row = db.statement('SELECT * FROM pipeline_stages WHERE id = ?').get(id) as StageRow | undefined;
  return row && toStage(row);
}

export function insertStage(db: TenantHandle, stage: Stage): void {
  db.statement(
    `INSERT INTO pipeline_stages (id, pipeline_id, name, kind, position, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @pipelineId, @name, @kind, @position, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  ).run(stage);
}

export function updateStageRow(db: TenantHandle, stage: Stage): void {
  db.statement('UPDATE pipeline_stages SET name = @name, kind = @kind, position = @position, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id').run(stage);
}

/** Sets each stage's position to its index in `ids` (the pipeline's stages in their new order). */
export function renumberStages(db: TenantHandle, ids: readonly string[]): void {
  const update = db.statement('UPDATE pipeline_stages SET position = ? WHERE id = ?');
  ids.forEach((id, index) => update.run(index, id));
}

export function deleteStageRow(db: TenantHandle, id: string): void {
  db.statement('DELETE FROM pipeline_stages WHERE id = ?').run(id);
}

export function countLeadsIn(db: TenantHandle, where: { stageId: string } | { pipelineId: string } | { contactId: string }): number {
  if ('stageId' in where) return db.statement('SELECT count(*) FROM leads WHERE stage_id = ?').pluck().get(where.stageId) as number;
  if ('pipelineId' in where) return db.statement('SELECT count(*) FROM leads WHERE pipeline_id = ?').pluck().get(where.pipelineId) as number;
  return db.statement('SELECT count(*) FROM leads WHERE contact_id = ?').pluck().get(where.contactId) as number;
}

// Leads

export function insertLead(db: TenantHandle, lead: StoredLead): void {
  db.statement(
    `INSERT INTO leads (id, title, contact_id, owner_id, value_minor, currency, pipeline_id, stage_id, position, version,
       expected_close_date, next_action_text, next_action_date, site_address, notes, tags, lost_reason,
       created_at, created_by, updated_at, updated_by)
     VALUES (@id, @title, @contactId, @ownerId, @valueMinor, @currency, @pipelineId, @stageId, @position, @version,
       @expectedCloseDate, @nextActionText, @nextActionDate, @siteAddress, @notes, @tags, @lostReason,
       @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  ).run(leadParams(lead));
}

export function updateLeadRow(db: TenantHandle, lead: StoredLead): void {
  db.statement(
    `UPDATE leads SET title = @title, contact_id = @contactId, owner_id = @ownerId, value_minor = @valueMinor, currency = @currency,
       pipeline_id = @pipelineId, stage_id = @stageId, position = @position, version = @version,
       expected_close_date = @expectedCloseDate, next_action_text = @nextActionText, next_action_date = @nextActionDate,
       site_address = @siteAddress, notes = @notes, tags = @tags, lost_reason = @lostReason,
       updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  ).run(leadParams(lead));
}

function leadParams(lead: StoredLead): Record<string, unknown> {
  const { nextAction, tags, ...rest } = lead;
  return { ...rest, nextActionText: nextAction?.text ?? null, nextActionDate: nextAction?.date ?? null, tags: JSON.stringify(tags) };
}

export function findLead(db: TenantHandle, id: string): Lead | undefined {
  const row = db.statement(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?`).get(id) as LeadRow | undefined;
  return row && toLead(row);
}

export function deleteLeadRow(db: TenantHandle, id: string): void {
  db.statement('DELETE FROM leads WHERE id = ?').run(id);
}

/** The ids of a stage's leads in board order. */
export function leadIdsInStage(db: TenantHandle, stageId: string): string[] {
  return db.statement('SELECT id FROM leads WHERE stage_id = ? ORDER BY position, id').pluck().all(stageId) as string[];
}

/** Sets each lead's position to its index in `ids` (a stage's leads in their new order). */
export function renumberLeads(db: TenantHandle, ids: readonly string[]): void {
  const update = db.statement('UPDATE leads SET position = ? WHERE id = ? AND position IS NOT ?');
  ids.forEach((id, index) => update.run(index, id, index));
}

export function firstLeadsInStage(db: TenantHandle, stageId: string, limit: number): Lead[] {
  return (db.statement(`SELECT ${LEAD_COLUMNS} FROM leads WHERE stage_id = ? ORDER BY position, id LIMIT ?`).all(stageId, limit) as LeadRow[]).map(toLead);
}

/** Count and exact sum of value per stage and currency of a pipeline's leads. */
export function pipelineTotals(db: TenantHandle, pipelineId: string): { stageId: string; currency: string; count: number; sum: bigint }[] {
  // Each value (< 2^53) is summed as a high and a low part, neither of which can overflow
  // SQLite's 64-bit sum, and joined exactly as a BigInt.
  const rows = db
    .statement(
      `SELECT stage_id, currency, count(*) AS n, sum(value_minor >> 26) AS high, sum(value_minor & 67108863) AS low
       FROM leads WHERE pipeline_id = ? GROUP BY stage_id, currency`,
    )
    .all(pipelineId) as { stage_id: string; currency: string; n: number; high: number; low: number }[];
  return rows.map((row) => ({ stageId: row.stage_id, currency: row.currency, count: row.n, sum: (BigInt(row.high) << 26n) + BigInt(row.low) }));
}

export interface LeadFilters {
  text: string | null;
  ownerId: string | null;
  contactId: string | null;
  stageId: string | null;
  pipelineId: string | null;
  tag: string | null;
  nextActionDue: string | null;
}

/** The sortable columns: each a text expression (nulls sort last through a high sentinel). */
const SORT_KEYS = {
  // Board order (with stageId: the rest of a column after the board's first leads).
  position: "printf('%012d', position)",
  created: 'created_at',
  updated: 'updated_at',
  title: 'title',
  expectedClose: "coalesce(expected_close_date, '9999-99-99')",
  nextAction: "coalesce(next_action_date, '9999-99-99')",
} as const;
export type LeadSortKey = keyof typeof SORT_KEYS;

/** Up to `limit` leads matching the filters after `after` (its createdAt holds the sort key), with each row's sort key. */
export function listLeadRows(
  db: TenantHandle,
  options: LeadFilters & { limit: number; after: Position | null; sortKey: LeadSortKey; descending: boolean },
): { lead: Lead; sortValue: string }[] {
  const key = SORT_KEYS[options.sortKey];
  const direction = options.descending ? 'DESC' : 'ASC';
  const compare = options.descending ? '<' : '>';
  const like = options.text === null ? null : `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .statement(
      `SELECT ${LEAD_COLUMNS}, ${key} AS sort_value FROM leads
       WHERE (@afterKey IS NULL OR (${key}, id) ${compare} (@afterKey, @afterId))
         AND (@like IS NULL OR title LIKE @like ESCAPE '\\' OR notes LIKE @like ESCAPE '\\' OR site_address LIKE @like ESCAPE '\\')
         AND (@ownerId IS NULL OR owner_id = @ownerId)
         AND (@contactId IS NULL OR contact_id = @contactId)
         AND (@stageId IS NULL OR stage_id = @stageId)
         AND (@pipelineId IS NULL OR pipeline_id = @pipelineId)
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(leads.tags) WHERE json_each.value = @tag))
         AND (@nextActionDue IS NULL OR next_action_date <= @nextActionDue)
       ORDER BY ${key} ${direction}, id ${direction}
       LIMIT @limit`,
    )
    .all({
      afterKey: options.after?.createdAt ?? null,
      afterId: options.after?.id ?? null,
      like,
      ownerId: options.ownerId,
      contactId: options.contactId,
      stageId: options.stageId,
      pipelineId: options.pipelineId,
      tag: options.tag,
      nextActionDue: options.nextActionDue,
      limit: options.limit,
    }) as (LeadRow & { sort_value: string })[];
  return rows.map((row) => ({ lead: toLead(row), sortValue: row.sort_value }));
}

// Stage history and notes

export function insertStageChange(db: TenantHandle, row: { id: string; lead_id: string; from_stage_id: string | null; to_stage_id: string; at: string; by: string }): void {
  db.statement('INSERT INTO lead_stage_changes (id, lead_id, from_stage_id, to_stage_id, at, by) VALUES (@id, @lead_id, @from_stage_id, @to_stage_id, @at, @by)').run(row);
}

export function insertNote(db: TenantHandle, row: { id: string; lead_id: string; body: string; created_at: string; created_by: string }): void {
  db.statement('INSERT INTO lead_notes (id, lead_id, body, created_at, created_by) VALUES (@id, @lead_id, @body, @created_at, @created_by)').run(row);
}

// Timeline: each source selects the same columns for the leads in scope (`@scope` below). A
// feature that adds entries (estimates, mail, files) adds its SELECT here and a kind to the schema.
const TIMELINE_SOURCES = [
  `SELECT 'stage_change' AS kind, c.id, c.at, c.by, c.lead_id, c.from_stage_id, fs.name AS from_stage_name,
          c.to_stage_id, ts.name AS to_stage_name, NULL AS body,
          NULL AS estimate_id, NULL AS estimate_number, NULL AS estimate_event, NULL AS estimate_revision,
          NULL AS mail_to, NULL AS mail_state, NULL AS attachments
   FROM lead_stage_changes c
   LEFT JOIN pipeline_stages fs ON fs.id = c.from_stage_id
   LEFT JOIN pipeline_stages ts ON ts.id = c.to_stage_id
   WHERE c.lead_id IN scoped_leads`,
  `SELECT 'note', n.id, n.created_at, n.created_by, n.lead_id, NULL, NULL, NULL, NULL, n.body, NULL, NULL, NULL, NULL, NULL, NULL, NULL
   FROM lead_notes n WHERE n.lead_id IN scoped_leads`,
  // Estimates of the scope's leads (or made for the contact itself): created, each revision sent, each decision.
  `SELECT 'estimate', e.id || ':created', e.created_at, e.created_by, e.lead_id, NULL, NULL, NULL, NULL, e.title, e.id, e.number, 'created', 1, NULL, NULL, NULL
   FROM estimates e WHERE e.lead_id IN scoped_leads OR e.contact_id = @scopeId`,
  `SELECT 'estimate', r.id || ':sent', r.sent_at, r.sent_by, e.lead_id, NULL, NULL, NULL, NULL, e.title, e.id, e.number, 'sent', r.revision, NULL, NULL, NULL
   FROM estimate_revisions r JOIN estimates e ON e.id = r.estimate_id
   WHERE r.sent_at IS NOT NULL AND (e.lead_id IN scoped_leads OR e.contact_id = @scopeId)`,
  `SELECT 'estimate', r.id || ':decided', r.decided_at, 'customer', e.lead_id, NULL, NULL, NULL, NULL, e.title, e.id, e.number, r.state, r.revision, NULL, NULL, NULL
   FROM estimate_revisions r JOIN estimates e ON e.id = r.estimate_id
   WHERE r.decided_at IS NOT NULL AND (e.lead_id IN scoped_leads OR e.contact_id = @scopeId)`,
  // Mail the workspace sent about the scope's leads or to the contact: subject, recipient, state, the attached files' names.
  `SELECT 'mail', m.id, m.created_at, m.created_by, m.lead_id, NULL, NULL, NULL, NULL, m.subject, m.estimate_id, NULL, NULL, NULL, m.to_address,
          coalesce(o.state, 'pending'), (SELECT json_group_array(json_extract(a.value, '$.name')) FROM json_each(m.attachments) a)
   FROM mail_messages m LEFT JOIN outbox_items o ON o.id = m.id
   WHERE m.lead_id IN scoped_leads OR m.contact_id = @scopeId`,
  // Mail received from the customer (src/mailbox/), filed to the scope's leads or to the contact: subject, sender, the files kept from it.
  `SELECT 'mail_in', i.id, i.received_at, 'customer', i.lead_id, NULL, NULL, NULL, NULL, i.subject, NULL, NULL, NULL, NULL, i.from_address, NULL,
          (SELECT json_group_array(f.name) FROM (SELECT name FROM files WHERE inbound_message_id = i.id ORDER BY rowid) f)
   FROM inbound_messages i WHERE i.lead_id IN scoped_leads OR i.contact_id = @scopeId`,
];

const attachmentNames = (row: TimelineRow): string[] => JSON.parse(row.attachments ?? '[]') as string[];

interface TimelineRow {
  kind: 'stage_change' | 'note' | 'estimate' | 'mail' | 'mail_in';
  id: string;
  at: string;
  by: string;
  lead_id: string | null;
  from_stage_id: string | null;
  from_stage_name: string | null;
  to_stage_id: string | null;
  to_stage_name: string | null;
  body: string | null;
  estimate_id: string | null;
  estimate_number: string | null;
  estimate_event: 'created' | 'sent' | 'accepted' | 'declined' | null;
  estimate_revision: number | null;
  mail_to: string | null;
  mail_state: 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled' | null;
  /** Mail only: a JSON array of the attached files' names. */
  attachments: string | null;
}

const toEntry = (row: TimelineRow): TimelineEntry =>
  row.kind === 'note'
    ? { kind: 'note', id: row.id, at: row.at, by: row.by, leadId: row.lead_id, body: row.body ?? '' }
    : row.kind === 'mail'
      ? { kind: 'mail', id: row.id, at: row.at, by: row.by, leadId: row.lead_id, mailId: row.id, subject: row.body ?? '', to: row.mail_to ?? '', state: MAIL_STATE_OF[row.mail_state ?? 'pending'], estimateId: row.estimate_id, attachments: attachmentNames(row) }
    : row.kind === 'mail_in'
      ? { kind: 'mail_in', id: row.id, at: row.at, by: row.by, leadId: row.lead_id, receivedMailId: row.id, subject: row.body ?? '', from: row.mail_to ?? '', attachments: attachmentNames(row) }
    : row.kind === 'estimate'
      ? {
          kind: 'estimate',
          id: row.id,
          at: row.at,
          by: row.by,
          leadId: row.lead_id,
          estimateId: row.estimate_id ?? '',
          number: row.estimate_number,
          title: row.body ?? '',
          event: row.estimate_event ?? 'created',
          revision: row.estimate_revision ?? 1,
        }
      : { kind: 'stage_change', id: row.id, at: row.at, by: row.by, leadId: row.lead_id, fromStageId: row.from_stage_id, fromStageName: row.from_stage_name, toStageId: row.to_stage_id ?? '', toStageName: row.to_stage_name };

/** A lead's or a contact's timeline entries, newest first, before `before` (a cursor's (at, id)). */
export function timelineRows(db: TenantHandle, scope: { leadId: string } | { contactId: string }, options: { limit: number; before: Position | null }): (TimelineEntry & { createdAt: string })[] {
  const scoped = 'leadId' in scope ? 'SELECT @scopeId' : 'SELECT id FROM leads WHERE contact_id = @scopeId';
  const rows = db
    .statement(
      `WITH scoped_leads AS (${scoped})
       SELECT * FROM (${TIMELINE_SOURCES.join(' UNION ALL ')})
       WHERE (@beforeAt IS NULL OR (at, id) < (@beforeAt, @beforeId))
       ORDER BY at DESC, id DESC
       LIMIT @limit`,
    )
    .all({ scopeId: 'leadId' in scope ? scope.leadId : scope.contactId, beforeAt: options.before?.createdAt ?? null, beforeId: options.before?.id ?? null, limit: options.limit }) as TimelineRow[];
  return rows.map((row) => ({ ...toEntry(row), createdAt: row.at }));
}
