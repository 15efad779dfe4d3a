// SQL for the mail a workspace sends. A message's state and attempts are its outbox item's (same id).
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface MailMessageRow {
  id: string;
  message_id: string;
  kind: 'invitation' | 'estimate' | 'message' | 'calendar' | 'notice';
  to_address: string;
  to_name: string | null;
  subject: string;
  body_sealed: Buffer;
  contact_id: string | null;
  lead_id: string | null;
  estimate_id: string | null;
  event_id: string | null;
  /** JSON: the files the message carries, as queued (MailAttachment[], mail.service.ts). */
  attachments: string;
  created_at: string;
  created_by: string;
}

/** A message's state as people read it, from its outbox item's. */
export const MAIL_STATE_OF = { pending: 'queued', sending: 'queued', delivered: 'sent', failed: 'failed', cancelled: 'cancelled' } as const;

/** A message with its outbox item's state and attempts (null state: no item, which does not happen but is not assumed). */
export interface MailListRow extends Omit<MailMessageRow, 'body_sealed'> {
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled' | null;
  attempts: number | null;
  last_error: string | null;
  completed_at: string | null;
}

export function insertMailMessage(db: TenantHandle, row: MailMessageRow): void {
  db.statement(
    `INSERT INTO mail_messages (id, message_id, kind, to_address, to_name, subject, body_sealed, contact_id, lead_id, estimate_id, event_id, attachments, created_at, created_by)
     VALUES (@id, @message_id, @kind, @to_address, @to_name, @subject, @body_sealed, @contact_id, @lead_id, @estimate_id, @event_id, @attachments, @created_at, @created_by)`,
  ).run(row);
}

export function findMailMessage(db: TenantHandle, id: string): MailMessageRow | undefined {
  return db.statement('SELECT * FROM mail_messages WHERE id = ?').get(id) as MailMessageRow | undefined;
}

const LIST = `SELECT m.id, m.message_id, m.kind, m.to_address, m.to_name, m.subject, m.contact_id, m.lead_id, m.estimate_id, m.event_id, m.attachments, m.created_at, m.created_by,
    o.state, o.attempts, o.last_error, o.completed_at
  FROM mail_messages m LEFT JOIN outbox_items o ON o.id = m.id`;

export function findMailListRow(db: TenantHandle, id: string): MailListRow | undefined {
  return db.statement(`${LIST} WHERE m.id = ?`).get(id) as MailListRow | undefined;
}

export function listMailRows(db: TenantHandle, filter: { contactId: string | null; estimateId: string | null; eventId: string | null; outboxStates: readonly string[] | null; before: Position | null; limit: number }): MailListRow[] {
  return db
    .statement(
      `${LIST} WHERE (@contactId IS NULL OR m.contact_id = @contactId) AND (@estimateId IS NULL OR m.estimate_id = @estimateId)
         AND (@eventId IS NULL OR m.event_id = @eventId)
         AND (@states IS NULL OR coalesce(o.state, 'pending') IN (SELECT value FROM json_each(@states)))
         AND (@beforeAt IS NULL OR (m.created_at, m.id) < (@beforeAt, @beforeId))
       ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`,
    )
    .all({ contactId: filter.contactId, estimateId: filter.estimateId, eventId: filter.eventId, states: filter.outboxStates ? JSON.stringify(filter.outboxStates) : null, beforeAt: filter.before?.createdAt ?? null, beforeId: filter.before?.id ?? null, limit: filter.limit }) as MailListRow[];
}

export interface MailTemplateRow {
  id: string;
  name: string;
  subject: string;
  body: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export function listMailTemplateRows(db: TenantHandle): MailTemplateRow[] {
  return db.statement('SELECT * FROM mail_templates ORDER BY name COLLATE NOCASE, id').all() as MailTemplateRow[];
}

export function findMailTemplateRow(db: TenantHandle, id: string): MailTemplateRow | undefined {
  return db.statement('SELECT * FROM mail_templates WHERE id = ?').get(id) as MailTemplateRow | undefined;
}

export function findMailTemplateByName(db: TenantHandle, name: string): MailTemplateRow | undefined {
  return db.statement('SELECT * FROM mail_templates WHERE name = ?').get(name) as MailTemplateRow | undefined;
}

export function insertMailTemplate(db: TenantHandle, row: MailTemplateRow): void {
  db.statement('INSERT INTO mail_templates (id, name, subject, body, created_at, created_by, updated_at) VALUES (@id, @name, @subject, @body, @created_at, @created_by, @updated_at)').run(row);
}

export function updateMailTemplate(db: TenantHandle, row: Pick<MailTemplateRow, 'id' | 'name' | 'subject' | 'body' | 'updated_at'>): void {
  db.statement('UPDATE mail_templates SET name = @name, subject = @subject, body = @body, updated_at = @updated_at WHERE id = @id').run(row);
}

export function deleteMailTemplate(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM mail_templates WHERE id = ?').run(id).changes > 0;
}
