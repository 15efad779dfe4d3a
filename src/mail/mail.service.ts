// Queuing mail. A message is written (its body sealed by the vault) and its outbox item enqueued in
// the caller's transaction: the change that sends mail and the mail commit or roll back together.
// The Message-ID is fixed here, so every attempt carries the same one and a receiver that got a
// message twice (a crash between the server's "250" and our record of it) can drop the copy.
import { randomBytes } from 'node:crypto';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import { AppError, notFound } from '../http/errors.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import { enqueue, markPendingWork, retryFinished } from '../outbox/outbox.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { MailListQuery } from './mail.schemas.js';
import { fromDomainOf } from '../config/config.js';
import { workspaceSmtp } from './smtp-account.js';
import { findMailListRow, insertMailMessage, listMailRows, MAIL_STATE_OF, type MailListRow, type MailMessageRow } from './mail.repo.js';

export const MAIL_KIND = 'mail';

export interface OutgoingMail {
  kind: MailMessageRow['kind'];
  to: { address: string; name?: string | null };
  /** Where the receiver's reply goes, when not to the From address. */
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  contactId?: string | null;
  leadId?: string | null;
  estimateId?: string | null;
  eventId?: string | null;
  /** An iCalendar part (RFC 5546): sent as the text/calendar alternative calendars act on. */
  calendar?: CalendarPart;
  /** Workspace files sent with it, checked by the caller (compose.service.ts); read from their blobs at each attempt. */
  attachments?: MailAttachment[];
}

/** A file a message carries, as it was when queued: each attempt sends these bytes or none. */
export interface MailAttachment {
  fileId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL';
  /** The whole VCALENDAR, its METHOD the same as `method`. */
  ics: string;
}

/** The sealed part of a message: its bodies. */
export interface MailBody {
  text: string;
  html: string;
  replyTo?: string;
  calendar?: CalendarPart;
}

export const MAIL_BODY_COLUMN = { table: 'mail_messages', column: 'body' } as const;

/** A Message-ID of the sending domain (the workspace account's From, else SPINNEY_MAIL_FROM's), or `spinney.invalid` without one. */
function newMessageId(runtime: Runtime): string {
  const account = workspaceSmtp(runtime);
  const domain = (account ? fromDomainOf(account.from) : null) ?? runtime.config.mail?.fromDomain ?? 'spinney.invalid';
  return `<${randomBytes(18).toString('base64url')}@${domain}>`;
}

/** Writes the message and queues it, inside the caller's transaction; returns its id. */
export function queueMail(runtime: Runtime, mail: OutgoingMail): string {
  const db = tenantDb();
  const id = newId('mailMessage');
  const messageId = newMessageId(runtime);
  const body: MailBody = { text: mail.text, html: mail.html, ...(mail.replyTo ? { replyTo: mail.replyTo } : {}), ...(mail.calendar ? { calendar: mail.calendar } : {}) };
  db.transaction(() => {
    insertMailMessage(db, {
      id,
      message_id: messageId,
      kind: mail.kind,
      to_address: mail.to.address,
      to_name: mail.to.name ?? null,
      subject: mail.subject,
      body_sealed: runtime.vault.sealField(MAIL_BODY_COLUMN.table, id, MAIL_BODY_COLUMN.column, JSON.stringify(body)),
      contact_id: mail.contactId ?? null,
      lead_id: mail.leadId ?? null,
      estimate_id: mail.estimateId ?? null,
      event_id: mail.eventId ?? null,
      attachments: JSON.stringify(mail.attachments ?? []),
      created_at: currentTimestamp(),
      created_by: currentActorId(),
    });
    enqueue({ id, kind: MAIL_KIND, payload: { mailId: id }, idempotencyKey: messageId });
  });
  markPendingWork(runtime.control, currentTenantId(), runtime.clock.now());
  return id;
}

export interface MailSummary {
  id: string;
  messageId: string;
  kind: MailMessageRow['kind'];
  to: string;
  toName: string | null;
  subject: string;
  contactId: string | null;
  leadId: string | null;
  estimateId: string | null;
  eventId: string | null;
  /** The files it carries (names and types as sent). */
  attachments: { fileId: string; name: string; type: string; size: number }[];
  /** queued (waiting or being retried), sent, failed (the reason in `error`), cancelled. */
  state: 'queued' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  error: string | null;
  sentAt: string | null;
  createdAt: string;
  createdBy: string;
}

function toSummary(row: MailListRow): MailSummary {
  return {
    id: row.id,
    messageId: row.message_id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    contactId: row.contact_id,
    leadId: row.lead_id,
    estimateId: row.estimate_id,
    eventId: row.event_id,
    attachments: (JSON.parse(row.attachments) as MailAttachment[]).map(({ fileId, name, type, size }) => ({ fileId, name, type, size })),
    state: row.state === null ? 'queued' : MAIL_STATE_OF[row.state],
    attempts: row.attempts ?? 0,
    error: row.state === 'delivered' ? null : row.last_error,
    sentAt: row.state === 'delivered' ? row.completed_at : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** The outbox states each state people read stands for. */
const OUTBOX_STATES_OF: Record<MailSummary['state'], readonly string[]> = { queued: ['pending', 'sending'], sent: ['delivered'], failed: ['failed'], cancelled: ['cancelled'] };

export function listMail(query: MailListQuery): { items: MailSummary[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listMailRows(tenantDb(), {
    contactId: query.contactId ?? null,
    estimateId: query.estimateId ?? null,
    eventId: query.eventId ?? null,
    outboxStates: query.state ? OUTBOX_STATES_OF[query.state] : null,
    before: decodeCursor(query.cursor), limit: limit + 1 });
  return page(rows.map(toSummary), limit);
}

export function getMail(id: string): MailSummary {
  const row = findMailListRow(tenantDb(), id);
  if (!row) throw notFound('message');
  return toSummary(row);
}

/** Sends a failed (or cancelled) message again, with the same Message-ID: one more attempt, now. */
export function resendMail(runtime: Runtime, id: string): MailSummary {
  const db = tenantDb();
  db.transaction(() => {
    const before = getMail(id);
    if (before.state !== 'failed' && before.state !== 'cancelled') throw new AppError(409, 'conflict', `the message is ${before.state}: only a failed or cancelled message is sent again`);
    retryFinished(id);
    recordTenantEvent('mail.resent', { type: 'mail', id }, { after: { to: before.to, subject: before.subject, previousError: before.error } });
  });
  markPendingWork(runtime.control, currentTenantId(), runtime.clock.now());
  return getMail(id);
}
