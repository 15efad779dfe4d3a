// SQL for estimates, their revisions and the workspace's estimate settings (tenant database).
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface EstimateRow {
  id: string;
  number: string | null;
  title: string;
  lead_id: string | null;
  contact_id: string;
  currency: string;
  current_revision: number;
  version: number;
  first_viewed_at: string | null;
  last_viewed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** An estimate row with its contact's current name and its current revision's state and total. */
export interface EstimateListRow extends EstimateRow {
  contact_name: string | null;
  state: RevisionRow['state'];
  expires_at: string | null;
  total_minor: number;
  decision_total_minor: number | null;
}

export interface RevisionRow {
  id: string;
  estimate_id: string;
  revision: number;
  state: 'draft' | 'sent' | 'accepted' | 'declined' | 'withdrawn' | 'superseded';
  content: string;
  customer: string;
  total_minor: number;
  content_sha256: string | null;
  sent_at: string | null;
  sent_by: string | null;
  expires_at: string | null;
  decided_at: string | null;
  decision_sha256: string | null;
  decision_name: string | null;
  decision_consent: string | null;
  decision_reason: string | null;
  decision_selection: string | null;
  decision_total_minor: number | null;
  decision_ip: string | null;
  decision_user_agent: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface EstimateSettingsRow {
  number_prefix: string;
  next_number: number;
  default_terms: string | null;
  default_notes: string | null;
  validity_days: number;
  link_days: number;
  decision_moves_lead: 0 | 1;
}

const LIST_COLUMNS = `e.*, c.name AS contact_name, r.state, r.expires_at, r.total_minor, r.decision_total_minor
  FROM estimates e
  JOIN estimate_revisions r ON r.estimate_id = e.id AND r.revision = e.current_revision
  LEFT JOIN contacts c ON c.id = e.contact_id`;

export function findEstimate(db: TenantHandle, id: string): EstimateListRow | undefined {
  return db.statement(`SELECT ${LIST_COLUMNS} WHERE e.id = ?`).get(id) as EstimateListRow | undefined;
}

/** An estimate's id by its id or its number (EST-0001): what an operator types. */
export function findEstimateId(db: TenantHandle, idOrNumber: string): string | undefined {
  return (db.statement('SELECT id FROM estimates WHERE id = ? OR number = ?').get(idOrNumber, idOrNumber) as { id: string } | undefined)?.id;
}

export function listEstimateRows(db: TenantHandle, filter: { leadId: string | null; contactId: string | null; before: Position | null; limit: number }): EstimateListRow[] {
  return db
    .statement(
      `SELECT ${LIST_COLUMNS}
       WHERE (@leadId IS NULL OR e.lead_id = @leadId) AND (@contactId IS NULL OR e.contact_id = @contactId)
         AND (@beforeAt IS NULL OR (e.created_at, e.id) < (@beforeAt, @beforeId))
       ORDER BY e.created_at DESC, e.id DESC LIMIT @limit`,
    )
    .all({ leadId: filter.leadId, contactId: filter.contactId, beforeAt: filter.before?.createdAt ?? null, beforeId: filter.before?.id ?? null, limit: filter.limit }) as EstimateListRow[];
}

export function insertEstimate(db: TenantHandle, row: EstimateRow): void {
  db.statement(
    `INSERT INTO estimates (id, number, title, lead_id, contact_id, currency, current_revision, version, first_viewed_at, last_viewed_at, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @number, @title, @lead_id, @contact_id, @currency, @current_revision, @version, @first_viewed_at, @last_viewed_at, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function updateEstimateRow(db: TenantHandle, row: Pick<EstimateRow, 'id' | 'number' | 'title' | 'currency' | 'current_revision' | 'version' | 'updated_at' | 'updated_by'>): void {
  db.statement(
    'UPDATE estimates SET number = @number, title = @title, currency = @currency, current_revision = @current_revision, version = @version, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
  ).run(row);
}

export function recordEstimateView(db: TenantHandle, id: string, at: string): void {
  db.statement('UPDATE estimates SET first_viewed_at = coalesce(first_viewed_at, @at), last_viewed_at = @at WHERE id = @id').run({ id, at });
}

export function deleteEstimateRow(db: TenantHandle, id: string): void {
  db.statement('DELETE FROM estimates WHERE id = ?').run(id);
}

export function insertRevision(db: TenantHandle, row: RevisionRow): void {
  db.statement(
    `INSERT INTO estimate_revisions (id, estimate_id, revision, state, content, customer, total_minor, content_sha256, sent_at, sent_by, expires_at,
       decided_at, decision_sha256, decision_name, decision_consent, decision_reason, decision_selection, decision_total_minor, decision_ip, decision_user_agent,
       created_at, created_by, updated_at, updated_by)
     VALUES (@id, @estimate_id, @revision, @state, @content, @customer, @total_minor, @content_sha256, @sent_at, @sent_by, @expires_at,
       @decided_at, @decision_sha256, @decision_name, @decision_consent, @decision_reason, @decision_selection, @decision_total_minor, @decision_ip, @decision_user_agent,
       @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function findRevision(db: TenantHandle, estimateId: string, revision: number): RevisionRow | undefined {
  return db.statement('SELECT * FROM estimate_revisions WHERE estimate_id = ? AND revision = ?').get(estimateId, revision) as RevisionRow | undefined;
}

export function findRevisionById(db: TenantHandle, id: string): RevisionRow | undefined {
  return db.statement('SELECT * FROM estimate_revisions WHERE id = ?').get(id) as RevisionRow | undefined;
}

export function listRevisions(db: TenantHandle, estimateId: string): RevisionRow[] {
  return db.statement('SELECT * FROM estimate_revisions WHERE estimate_id = ? ORDER BY revision').all(estimateId) as RevisionRow[];
}

/** A draft's new content (the trigger refuses this for a sealed revision). */
export function updateDraftContent(db: TenantHandle, row: Pick<RevisionRow, 'id' | 'content' | 'customer' | 'total_minor' | 'updated_at' | 'updated_by'>): void {
  db.statement('UPDATE estimate_revisions SET content = @content, customer = @customer, total_minor = @total_minor, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id AND state = \'draft\'').run(row);
}

/** Seals a draft: its hash, when it was sent and until when its link answers. */
export function sealRevision(db: TenantHandle, row: Pick<RevisionRow, 'id' | 'customer' | 'content_sha256' | 'sent_at' | 'sent_by' | 'expires_at'>): void {
  db.statement(
    "UPDATE estimate_revisions SET state = 'sent', customer = @customer, content_sha256 = @content_sha256, sent_at = @sent_at, sent_by = @sent_by, expires_at = @expires_at, updated_at = @sent_at, updated_by = @sent_by WHERE id = @id AND state = 'draft'",
  ).run(row);
}

export function setRevisionState(db: TenantHandle, id: string, from: RevisionRow['state'], to: RevisionRow['state'], at: string, by: string): number {
  return db.statement('UPDATE estimate_revisions SET state = ?, updated_at = ?, updated_by = ? WHERE id = ? AND state = ?').run(to, at, by, id, from).changes;
}

/** Records the customer's decision on a sent revision; 0 changes when it was decided meanwhile. */
export function recordDecision(
  db: TenantHandle,
  row: Pick<RevisionRow, 'id' | 'state' | 'decided_at' | 'decision_sha256' | 'decision_name' | 'decision_consent' | 'decision_reason' | 'decision_selection' | 'decision_total_minor' | 'decision_ip' | 'decision_user_agent'>,
): number {
  return db
    .statement(
      `UPDATE estimate_revisions SET state = @state, decided_at = @decided_at, decision_sha256 = @decision_sha256, decision_name = @decision_name,
         decision_consent = @decision_consent, decision_reason = @decision_reason, decision_selection = @decision_selection,
         decision_total_minor = @decision_total_minor, decision_ip = @decision_ip, decision_user_agent = @decision_user_agent,
         updated_at = @decided_at, updated_by = 'customer'
       WHERE id = @id AND state = 'sent'`,
    )
    .run(row).changes;
}

export function estimateSettingsRow(db: TenantHandle): EstimateSettingsRow {
  return db.statement('SELECT * FROM estimate_settings WHERE id = 1').get() as EstimateSettingsRow;
}

export function updateEstimateSettingsRow(db: TenantHandle, row: Omit<EstimateSettingsRow, 'next_number'> & { updated_at: string; updated_by: string }): void {
  db.statement(
    `UPDATE estimate_settings SET number_prefix = @number_prefix, default_terms = @default_terms, default_notes = @default_notes, validity_days = @validity_days,
       link_days = @link_days, decision_moves_lead = @decision_moves_lead, updated_at = @updated_at, updated_by = @updated_by WHERE id = 1`,
  ).run(row);
}

/** Takes the next estimate number (the caller's transaction makes it gapless: a rollback returns it). */
export function takeNextNumber(db: TenantHandle): { prefix: string; number: number } {
  const row = db.statement('UPDATE estimate_settings SET next_number = next_number + 1 WHERE id = 1 RETURNING number_prefix, next_number - 1 AS taken').get() as { number_prefix: string; taken: number };
  return { prefix: row.number_prefix, number: row.taken };
}
