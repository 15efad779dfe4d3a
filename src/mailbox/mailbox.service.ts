// Receiving replies. Rules that hold however a sync is started (the poll job, "sync now"):
//  - the IMAP password is a vault system secret (mailbox:<id>:password), never a column or a log;
//  - saving a mailbox first connects, logs in and opens the INBOX; a failure is a 422 naming it and
//    saves nothing;
//  - the INBOX is only read (imap-reader.ts): nothing is deleted, moved or flagged on the server;
//  - a message is imported once: (mailbox, UIDVALIDITY, UID) and the Message-ID are unique, and
//    how far the INBOX was read is committed with the messages in one transaction;
//  - a failed sync is recorded (last_error, last_error_at) and shown, never silent; the next
//    sync tries again;
//  - a message is filed into a contact's thread when it answers mail Spinney sent (In-Reply-To,
//    References against mail_messages.message_id, or against a reply filed earlier), else when
//    its From address is a contact's email; otherwise it is kept unfiled (admins see it on the
//    mailbox screen), so nothing is lost when the contact is added later;
//  - attachments of mail filed into a thread are kept as files (the upload's rules: allowed types by
//    content, the per-file limit, the workspace quota; names cleaned), linked to the message, its
//    contact and lead; any other is listed with why it was not kept. Unfiled mail (admins only)
//    keeps none: a stranger's mail neither fills the quota nor reaches the members' file lists.
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import type { Runtime } from '../runtime.js';
import { isRole, roleHas } from '../auth/permissions.js';
import { currentActorId, currentScope, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { cleanFileName } from '../files/file-names.js';
import { discardSealedFile, keepSealedFile, QUOTA_FULL, quotaRemaining, sealFileBytes, type SealedFile } from '../files/files.service.js';
import type { FetchedMessage, ImapAccount } from './imap-reader.js';
import type { InboundAttachment, ParsedInbound } from './inbound-parse.js';
import {
  deleteMailboxRow,
  findContactIdByEmail,
  findFiledInboundByMessageIds,
  findInboundRow,
  findMailbox,
  findSentMailByMessageIds,
  insertInboundMessage,
  insertMailbox,
  listInboundRows,
  recordSyncError,
  recordSyncSuccess,
  type InboundSummaryRow,
  type MailboxRow,
} from './mailbox.repo.js';

// imapflow, mailparser and sanitize-html (about 0.8 s of CPU to load) come with the first mailbox
// use, not with every server and CLI process.
const imapReader = () => import('./imap-reader.js');
const inboundParser = () => import('./inbound-parse.js');

/** Messages imported per sync at most; the rest follow on the next one. */
export const SYNC_BATCH = 200;
/** The sealed bodies of a received message: table and per-column contexts (src/data-policy/tables.ts). */
export const INBOUND_BODY = { table: 'inbound_messages', text: 'text', html: 'html' } as const;

const passwordSecret = (id: string): string => `mailbox:${id}:password`;

export interface MailboxInput {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  password: string;
  caCertificate?: string | null;
}

export interface Mailbox {
  id: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  hasCaCertificate: boolean;
  /** ok: the last sync worked; failing: the last attempt failed (`lastError` says why); pending: not synced yet. */
  status: 'ok' | 'failing' | 'pending';
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  importedCount: number;
  connectedBy: string;
  connectedAt: string;
}

function statusOf(row: MailboxRow): Mailbox['status'] {
  if (row.last_error_at !== null && (row.last_success_at === null || row.last_error_at > row.last_success_at)) return 'failing';
  return row.last_success_at === null ? 'pending' : 'ok';
}

const toMailbox = (row: MailboxRow): Mailbox => ({
  id: row.id,
  host: row.host,
  port: row.port,
  security: row.security,
  username: row.username,
  hasCaCertificate: row.ca_pem !== null,
  status: statusOf(row),
  lastSuccessAt: row.last_success_at,
  lastError: row.last_error,
  lastErrorAt: row.last_error_at,
  importedCount: row.imported_count,
  connectedBy: row.connected_by,
  connectedAt: row.connected_at,
});

export function getMailbox(): Mailbox {
  const row = findMailbox(tenantDb());
  if (!row) throw notFound('mailbox');
  return toMailbox(row);
}

/**
 * Connects the workspace's mailbox, replacing the one before (if any). The same account on the
 * same host keeps how far it was read; another starts from the beginning of its INBOX.
 */
export async function connectMailbox(runtime: Runtime, input: MailboxInput): Promise<Mailbox> {
  const host = input.host.trim().toLowerCase();
  const caPem = input.caCertificate?.trim() || null;
  if (caPem !== null && !/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(caPem)) {
    throw new AppError(400, 'invalid_field', 'caCertificate is not a PEM certificate (-----BEGIN CERTIFICATE----- …)', 'caCertificate');
  }
  const account: ImapAccount = { host, port: input.port, security: input.security, username: input.username, password: input.password, caPem, production: runtime.config.env === 'production' };
  const { checkInbox, ImapFailure } = await imapReader();
  try {
    await checkInbox(account);
  } catch (err) {
    if (err instanceof ImapFailure) throw new AppError(422, 'mailbox_connect_failed', `the mailbox could not be connected: ${err.message}`);
    throw err;
  }
  const db = tenantDb();
  return db.transaction(() => {
    const before = findMailbox(db);
    const sameAccount = before !== undefined && before.host === host && before.username === input.username;
    const now = currentTimestamp();
    const row: MailboxRow = {
      id: sameAccount ? before.id : newId('mailbox'),
      host,
      port: input.port,
      security: input.security,
      username: input.username,
      ca_pem: caPem,
      uidvalidity: sameAccount ? before.uidvalidity : null,
      last_uid: sameAccount ? before.last_uid : 0,
      last_success_at: sameAccount ? before.last_success_at : null,
      last_error: null,
      last_error_at: null,
      imported_count: sameAccount ? before.imported_count : 0,
      connected_by: currentActorId(),
      connected_at: now,
      updated_at: now,
    };
    if (before) {
      deleteMailboxRow(db, before.id);
      runtime.vault.deleteSystem(passwordSecret(before.id));
    }
    insertMailbox(db, row);
    runtime.vault.putSystem(passwordSecret(row.id), input.password);
    recordTenantEvent('mailbox.connected', { type: 'mailbox', id: row.id }, {
      ...(before ? { before: { host: before.host, port: before.port, security: before.security, username: before.username } } : {}),
      after: { host: row.host, port: row.port, security: row.security, username: row.username, caCertificate: caPem !== null },
    });
    return toMailbox(row);
  });
}

/** Disconnects the mailbox: its row and password go; the mail received in it stays. */
export function disconnectMailbox(runtime: Runtime): void {
  const db = tenantDb();
  db.transaction(() => {
    const row = findMailbox(db);
    if (!row) throw notFound('mailbox');
    deleteMailboxRow(db, row.id);
    runtime.vault.deleteSystem(passwordSecret(row.id));
    recordTenantEvent('mailbox.disconnected', { type: 'mailbox', id: row.id }, { before: { host: row.host, port: row.port, username: row.username } });
  });
}

export interface SyncOutcome {
  imported: number;
  /** Messages on the server already here (the same Message-ID seen under another UID). */
  skipped: number;
  more: boolean;
  error: string | null;
}

// One sync per workspace at a time in this process; a second caller waits for the first's result.
const syncing = new Map<string, Promise<SyncOutcome>>();

/** Imports new INBOX messages of the current workspace's mailbox; records the outcome as its health. 404 without a mailbox. */
export function syncMailbox(runtime: Runtime): Promise<SyncOutcome> {
  const row = findMailbox(tenantDb());
  if (!row) return Promise.reject(notFound('mailbox'));
  const key = `${currentTenantId()}/${row.id}`;
  let pending = syncing.get(key);
  if (!pending) {
    pending = runSync(runtime, row).finally(() => syncing.delete(key));
    syncing.set(key, pending);
  }
  return pending;
}

async function runSync(runtime: Runtime, row: MailboxRow): Promise<SyncOutcome> {
  const password = runtime.vault.getSystem(passwordSecret(row.id)) ?? '';
  const account: ImapAccount = { host: row.host, port: row.port, security: row.security, username: row.username, password, caPem: row.ca_pem, production: runtime.config.env === 'production' };
  const { fetchNewMessages, ImapFailure } = await imapReader();
  let batch;
  try {
    batch = await fetchNewMessages(account, row.uidvalidity, row.last_uid, SYNC_BATCH);
  } catch (err) {
    if (!(err instanceof ImapFailure)) throw err;
    recordSyncError(tenantDb(), row.id, err.message, currentTimestamp());
    return { imported: 0, skipped: 0, more: false, error: err.message };
  }
  const prepared: PreparedMessage[] = [];
  const sealed: SealedFile[] = [];
  const kept = new Set<string>();
  try {
    for (const message of batch.messages) {
      const content = await readMessage(message);
      const id = newId('inboundMessage');
      // Sealed before the thread is known (it is decided in the transaction, where a reply to a reply earlier in this batch is seen); unfiled mail's are dropped there.
      const attachments = await sealAttachments(runtime, id, content.attachments);
      for (const a of attachments) if (a.sealed) sealed.push(a.sealed);
      prepared.push({ id, message, content, attachments });
    }
    const db = tenantDb();
    return db.transaction(() => {
      let imported = 0;
      for (const entry of prepared) if (fileMessage(runtime, row, batch.uidValidity, entry, kept)) imported += 1;
      const lastUid = batch.messages.reduce((max, m) => Math.max(max, m.uid), row.uidvalidity === batch.uidValidity ? row.last_uid : 0);
      recordSyncSuccess(db, row.id, { uidvalidity: batch.uidValidity, lastUid, imported, at: currentTimestamp() });
      return { imported, skipped: prepared.length - imported, more: batch.more, error: null };
    });
  } finally {
    // Sealed but not kept (a message already here, the quota filled by an earlier one, a failure): nothing stays on disk.
    await Promise.all(sealed.filter((file) => !kept.has(file.row.id)).map(discardSealedFile));
  }
}

/** An attachment on its way in: sealed as a file (its row written with the message), or why not. */
interface IncomingAttachment {
  name: string;
  declaredType: string;
  size: number;
  sealed: SealedFile | null;
  refused: string | null;
}

interface PreparedMessage {
  id: string;
  message: FetchedMessage;
  content: ParsedInbound;
  attachments: IncomingAttachment[];
}

const UNFILED = 'unfiled mail (the sender is not a contact)';

/** What inbound_messages.attachments holds per attachment (JSON). */
interface StoredAttachment {
  name: string | null;
  type: string;
  size: number;
  fileId?: string | null;
  refused?: string | null;
}

async function sealAttachments(runtime: Runtime, inboundMessageId: string, attachments: InboundAttachment[]): Promise<IncomingAttachment[]> {
  const incoming: IncomingAttachment[] = [];
  for (const a of attachments) {
    const outcome = await sealFileBytes(runtime, { name: a.name, content: a.content, inboundMessageId });
    const base = { name: cleanFileName(a.name ?? undefined), declaredType: a.type, size: a.content.length };
    incoming.push('sealed' in outcome ? { ...base, sealed: outcome.sealed, refused: null } : { ...base, sealed: null, refused: outcome.refused });
  }
  return incoming;
}

async function readMessage(message: FetchedMessage): Promise<ParsedInbound> {
  const { parseInbound } = await inboundParser();
  try {
    const content = await parseInbound(message.source);
    if (message.headersOnly) content.text = `(This message is ${Math.round(message.size / 1024 / 1024)} MB, larger than Spinney imports; read it in the mailbox itself.)`;
    return content;
  } catch {
    return { messageId: null, inReplyTo: null, references: [], from: { address: '', name: null }, to: [], subject: '', sentAt: null, text: '(Spinney could not read this message; read it in the mailbox itself.)', html: null, attachments: [] };
  }
}

/** Whose thread a message belongs to (see the rules at the top). */
function threadOf(content: ParsedInbound): { contactId: string | null; leadId: string | null; inReplyToMailId: string | null } {
  const db = tenantDb();
  const sent = content.references.length > 0 ? findSentMailByMessageIds(db, content.references) : undefined;
  if (sent?.contact_id) return { contactId: sent.contact_id, leadId: sent.lead_id, inReplyToMailId: sent.id };
  const earlier = content.references.length > 0 ? findFiledInboundByMessageIds(db, content.references) : undefined;
  if (earlier) return { contactId: earlier.contact_id, leadId: earlier.lead_id, inReplyToMailId: earlier.in_reply_to_mail_id };
  const contactId = content.from.address ? (findContactIdByEmail(db, content.from.address) ?? null) : null;
  return { contactId, leadId: null, inReplyToMailId: sent?.id ?? null };
}

/**
 * Stores one message (sealed bodies) unless it is here already, and the files of its attachments
 * that still fit the quota (their ids added to `kept`); true when stored.
 */
function fileMessage(runtime: Runtime, mailbox: MailboxRow, uidValidity: number, entry: PreparedMessage, kept: Set<string>): boolean {
  const { id, message, content } = entry;
  const thread = threadOf(content);
  let room = quotaRemaining(runtime);
  const keeping: SealedFile[] = [];
  const attachments = entry.attachments.map((a): StoredAttachment => {
    if (thread.contactId === null) return { name: a.name, type: a.declaredType, size: a.size, fileId: null, refused: UNFILED };
    if (a.sealed && a.sealed.row.size <= room) {
      room -= a.sealed.row.size;
      keeping.push(a.sealed);
      return { name: a.name, type: a.sealed.row.type, size: a.size, fileId: a.sealed.row.id, refused: null };
    }
    return { name: a.name, type: a.declaredType, size: a.size, fileId: null, refused: a.refused ?? QUOTA_FULL };
  });
  const stored = insertInboundMessage(tenantDb(), {
    id,
    mailbox_id: mailbox.id,
    uidvalidity: uidValidity,
    uid: message.uid,
    message_id: content.messageId,
    in_reply_to: content.inReplyTo,
    from_address: content.from.address,
    from_name: content.from.name,
    to_addresses: JSON.stringify(content.to),
    subject: content.subject,
    sent_at: content.sentAt,
    received_at: currentTimestamp(),
    text_sealed: runtime.vault.sealField(INBOUND_BODY.table, id, INBOUND_BODY.text, content.text),
    html_sealed: content.html === null ? null : runtime.vault.sealField(INBOUND_BODY.table, id, INBOUND_BODY.html, content.html),
    contact_id: thread.contactId,
    lead_id: thread.leadId,
    in_reply_to_mail_id: thread.inReplyToMailId,
    attachments: JSON.stringify(attachments),
    size: message.size,
  });
  if (!stored) return false;
  for (const file of keeping) {
    keepSealedFile(file, { contact_id: thread.contactId, lead_id: thread.leadId });
    kept.add(file.row.id);
  }
  return true;
}

export interface ReceivedMailSummary {
  id: string;
  from: string;
  fromName: string | null;
  to: string[];
  subject: string;
  sentAt: string | null;
  receivedAt: string;
  contactId: string | null;
  leadId: string | null;
  inReplyToMailId: string | null;
  messageId: string | null;
  /** fileId: the file it was kept as (download it from /files); refused: why it was not kept. */
  attachments: { name: string | null; type: string; size: number; fileId: string | null; refused: string | null }[];
  size: number;
  hasHtml: boolean;
  createdAt: string;
}

export interface ReceivedMail extends ReceivedMailSummary {
  text: string;
  /** Sanitised when it was received (inbound-parse.ts): no scripts, styles, images or remote content. */
  html: string | null;
}

const toSummary = (row: InboundSummaryRow): ReceivedMailSummary => ({
  id: row.id,
  from: row.from_address,
  fromName: row.from_name,
  to: JSON.parse(row.to_addresses) as string[],
  subject: row.subject,
  sentAt: row.sent_at,
  receivedAt: row.received_at,
  contactId: row.contact_id,
  leadId: row.lead_id,
  inReplyToMailId: row.in_reply_to_mail_id,
  messageId: row.message_id,
  // Mail received before attachments were kept lists them without fileId or refused.
  attachments: (JSON.parse(row.attachments) as StoredAttachment[]).map((a) => ({ name: a.name, type: a.type, size: a.size, fileId: a.fileId ?? null, refused: a.refused ?? null })),
  size: row.size,
  hasHtml: row.has_html === 1,
  createdAt: row.received_at,
});

/** Mail filed into contacts' threads (every role that reads mail), or (`filed: false`) the unfiled mail admins see. */
export function listReceivedMail(query: { contactId?: string; leadId?: string; filed: boolean; cursor?: string; limit?: number }): { items: ReceivedMailSummary[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listInboundRows(tenantDb(), { contactId: query.contactId ?? null, leadId: query.leadId ?? null, filed: query.filed, before: decodeCursor(query.cursor), limit: limit + 1 });
  return page(rows.map(toSummary), limit);
}

/** One message with its bodies. Unfiled mail (anything that reached the inbox) is for those who hold mailbox:read; 404 for others. */
export function getReceivedMail(runtime: Runtime, id: string): ReceivedMail {
  const row = findInboundRow(tenantDb(), id);
  const role = currentScope().actor?.role;
  if (!row || (row.contact_id === null && !(role && isRole(role) && roleHas(role, 'mailbox:read')))) throw notFound('message');
  const { text_sealed: text, html_sealed: html, ...rest } = row;
  return {
    ...toSummary({ ...rest, has_html: html === null ? 0 : 1 }),
    text: runtime.vault.openField(INBOUND_BODY.table, id, INBOUND_BODY.text, text),
    html: html === null ? null : runtime.vault.openField(INBOUND_BODY.table, id, INBOUND_BODY.html, html),
  };
}
