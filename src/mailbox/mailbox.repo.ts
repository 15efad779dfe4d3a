// SQL for the connected mailbox and the mail received in it. The IMAP password is never here (a
// vault system secret, see mailbox.service.ts).
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface MailboxRow {
  id: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  ca_pem: string | null;
  uidvalidity: number | null;
  last_uid: number;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  imported_count: number;
  connected_by: string;
  connected_at: string;
  updated_at: string;
}

export interface InboundMessageRow {
  id: string;
  mailbox_id: string;
  uidvalidity: number;
  uid: number;
  message_id: string | null;
  in_reply_to: string | null;
  from_address: string;
  from_name: string | null;
  to_addresses: string;
  subject: string;
  sent_at: string | null;
  received_at: string;
  text_sealed: Buffer;
  html_sealed: Buffer | null;
  contact_id: string | null;
  lead_id: string | null;
  in_reply_to_mail_id: string | null;
  attachments: string;
  size: number;
}

export type InboundSummaryRow = Omit<InboundMessageRow, 'text_sealed' | 'html_sealed'> & { has_html: number };

/** The workspace's mailbox (there is at most one). */
export function findMailbox(db: TenantHandle): MailboxRow | undefined {
  return db.statement('SELECT * FROM mailboxes ORDER BY connected_at LIMIT 1').get() as MailboxRow | undefined;
}

export function insertMailbox(db: TenantHandle, row: MailboxRow): void {
  db.statement(
    `INSERT INTO mailboxes (id, host, port, security, username, ca_pem, uidvalidity, last_uid, last_success_at, last_error, last_error_at, imported_count, connected_by, connected_at, updated_at)
     VALUES (@id, @host, @port, @security, @username, @ca_pem, @uidvalidity, @last_uid, @last_success_at, @last_error, @last_error_at, @imported_count, @connected_by, @connected_at, @updated_at)`,
  ).run(row);
}

export function deleteMailboxRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM mailboxes WHERE id = ?').run(id).changes === 1;
}

/** After a successful sync: how far the INBOX is imported. last_uid only grows within one UIDVALIDITY. */
export function recordSyncSuccess(db: TenantHandle, id: string, sync: { uidvalidity: number; lastUid: number; imported: number; at: string }): void {
  db.statement(
    `UPDATE mailboxes SET
       last_uid = CASE WHEN uidvalidity IS @uidvalidity THEN max(last_uid, @lastUid) ELSE @lastUid END,
       uidvalidity = @uidvalidity, last_success_at = @at, imported_count = imported_count + @imported, updated_at = @at
     WHERE id = @id`,
  ).run({ id, ...sync });
}

export function recordSyncError(db: TenantHandle, id: string, error: string, at: string): void {
  db.statement('UPDATE mailboxes SET last_error = ?, last_error_at = ?, updated_at = ? WHERE id = ?').run(error, at, at, id);
}

/** Inserts a received message unless it is already here (same UID, or same Message-ID); true when inserted. */
export function insertInboundMessage(db: TenantHandle, row: InboundMessageRow): boolean {
  return (
    db
      .statement(
        `INSERT INTO inbound_messages (id, mailbox_id, uidvalidity, uid, message_id, in_reply_to, from_address, from_name, to_addresses, subject, sent_at, received_at,
           text_sealed, html_sealed, contact_id, lead_id, in_reply_to_mail_id, attachments, size)
         VALUES (@id, @mailbox_id, @uidvalidity, @uid, @message_id, @in_reply_to, @from_address, @from_name, @to_addresses, @subject, @sent_at, @received_at,
           @text_sealed, @html_sealed, @contact_id, @lead_id, @in_reply_to_mail_id, @attachments, @size)
         ON CONFLICT DO NOTHING`,
      )
      .run(row).changes === 1
  );
}

/** The newest message Spinney sent among these Message-IDs (in the order given: the first found wins). */
export function findSentMailByMessageIds(db: TenantHandle, messageIds: string[]): { id: string; contact_id: string | null; lead_id: string | null } | undefined {
  for (const messageId of messageIds) {
    const row = db.statement('SELECT id, contact_id, lead_id FROM mail_messages WHERE message_id = ?').get(messageId) as { id: string; contact_id: string | null; lead_id: string | null } | undefined;
    if (row) return row;
  }
  return undefined;
}

/** A received message among these Message-IDs that was filed to a contact (a reply to a reply). */
export function findFiledInboundByMessageIds(db: TenantHandle, messageIds: string[]): { contact_id: string; lead_id: string | null; in_reply_to_mail_id: string | null } | undefined {
  for (const messageId of messageIds) {
    const row = db.statement('SELECT contact_id, lead_id, in_reply_to_mail_id FROM inbound_messages WHERE message_id = ? AND contact_id IS NOT NULL').get(messageId) as
      | { contact_id: string; lead_id: string | null; in_reply_to_mail_id: string | null }
      | undefined;
    if (row) return row;
  }
  return undefined;
}

/** The contact with this email address (case-insensitive); the oldest when several share it. */
export function findContactIdByEmail(db: TenantHandle, address: string): string | undefined {
  return db.statement('SELECT id FROM contacts WHERE lower(email) = lower(?) ORDER BY created_at, id LIMIT 1').pluck().get(address) as string | undefined;
}

const SUMMARY = `SELECT id, mailbox_id, uidvalidity, uid, message_id, in_reply_to, from_address, from_name, to_addresses, subject, sent_at, received_at,
  contact_id, lead_id, in_reply_to_mail_id, attachments, size, html_sealed IS NOT NULL AS has_html FROM inbound_messages`;

export function listInboundRows(db: TenantHandle, filter: { contactId: string | null; leadId: string | null; filed: boolean; before: Position | null; limit: number }): InboundSummaryRow[] {
  return db
    .statement(
      `${SUMMARY} WHERE (@contactId IS NULL OR contact_id = @contactId) AND (@leadId IS NULL OR lead_id = @leadId) AND ((@filed = 1) = (contact_id IS NOT NULL))
         AND (@beforeAt IS NULL OR (received_at, id) < (@beforeAt, @beforeId))
       ORDER BY received_at DESC, id DESC LIMIT @limit`,
    )
    .all({ contactId: filter.contactId, leadId: filter.leadId, filed: filter.filed ? 1 : 0, beforeAt: filter.before?.createdAt ?? null, beforeId: filter.before?.id ?? null, limit: filter.limit }) as InboundSummaryRow[];
}

export function findInboundRow(db: TenantHandle, id: string): InboundMessageRow | undefined {
  return db.statement('SELECT * FROM inbound_messages WHERE id = ?').get(id) as InboundMessageRow | undefined;
}
