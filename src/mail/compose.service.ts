// Mail a member writes to a contact, and the workspace's templates for it. Subject and body are
// plain text with {{variables}}; filling them in is one pass that inserts each value as text, so a
// contact named `{{lead.title}}` or `<script>` reaches the reader exactly as typed and is never
// expanded again. The HTML part is the same text, escaped, in paragraphs.
import { recordTenantEvent } from '../audit/audit.service.js';
import { getContact } from '../contacts/contacts.service.js';
import { escapeHtml } from '../http/html.js';
import { newId } from '../http/ids.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { findFile } from '../files/files.repo.js';
import { findLead } from '../leads/leads.repo.js';
import { findMemberRow } from '../members/members.repo.js';
import type { Runtime } from '../runtime.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import {
  deleteMailTemplate,
  findMailTemplateByName,
  findMailTemplateRow,
  insertMailTemplate,
  listMailTemplateRows,
  updateMailTemplate,
  type MailTemplateRow,
} from './mail.repo.js';
import type { MailCompose, MailTemplate, MailTemplateInput, MailTemplatePatch } from './mail.schemas.js';
import { getMail, queueMail, type MailAttachment, type MailSummary } from './mail.service.js';
import { TEMPLATE_VARIABLES, type TemplateVariable } from './template-variables.js';

type Variable = TemplateVariable;
const isVariable = (name: string): name is Variable => Object.hasOwn(TEMPLATE_VARIABLES, name);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Refuses a subject or body naming a variable that does not exist (400 naming the field and the variable). */
function checkVariables(text: string, field: 'subject' | 'body'): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isVariable(name)) throw badRequest('unknown_variable', `{{${name}}} is not a variable; use one of ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{{${v}}}`).join(', ')}`, field);
  }
}

/** Fills the variables in, one pass; a value is inserted as text and never scanned again. */
function fill(text: string, values: Record<Variable, string>): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => values[name.trim() as Variable]);
}

/** Plain text as HTML: escaped, blank lines separate paragraphs, single line breaks kept. */
function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c2430">${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join('')}</body></html>`;
}

const oneLine = (value: string): string => value.replace(/[\r\n\t]+/g, ' ').trim();

function toTemplate(row: MailTemplateRow): MailTemplate {
  return { id: row.id, name: row.name, subject: row.subject, body: row.body, createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at };
}

export function listTemplates(): MailTemplate[] {
  return listMailTemplateRows(tenantDb()).map(toTemplate);
}

function templateRow(id: string): MailTemplateRow {
  const row = findMailTemplateRow(tenantDb(), id);
  if (!row) throw notFound('template');
  return row;
}

function assertNameFree(name: string, exceptId: string | null): void {
  const other = findMailTemplateByName(tenantDb(), name);
  if (other && other.id !== exceptId) throw new AppError(409, 'conflict', 'a template with this name exists', 'name');
}

export function createTemplate(input: MailTemplateInput): MailTemplate {
  checkVariables(input.subject, 'subject');
  checkVariables(input.body, 'body');
  const db = tenantDb();
  const now = currentTimestamp();
  const row: MailTemplateRow = { id: newId('mailTemplate'), name: input.name, subject: input.subject, body: input.body, created_at: now, created_by: currentActorId(), updated_at: now };
  db.transaction(() => {
    assertNameFree(input.name, null);
    insertMailTemplate(db, row);
    recordTenantEvent('mail_template.created', { type: 'mail_template', id: row.id }, { after: { name: row.name, subject: row.subject } });
  });
  return toTemplate(row);
}

export function updateTemplate(id: string, patch: MailTemplatePatch): MailTemplate {
  if (patch.subject !== undefined) checkVariables(patch.subject, 'subject');
  if (patch.body !== undefined) checkVariables(patch.body, 'body');
  const db = tenantDb();
  return db.transaction(() => {
    const before = templateRow(id);
    const after = { ...before, ...patch, updated_at: currentTimestamp() };
    if (patch.name !== undefined) assertNameFree(patch.name, id);
    updateMailTemplate(db, after);
    recordTenantEvent('mail_template.updated', { type: 'mail_template', id }, { before: { name: before.name, subject: before.subject }, after: { name: after.name, subject: after.subject } });
    return toTemplate(after);
  });
}

export function removeTemplate(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const before = templateRow(id);
    deleteMailTemplate(db, id);
    recordTenantEvent('mail_template.deleted', { type: 'mail_template', id }, { before: { name: before.name } });
  });
}

interface RenderedMail {
  to: string;
  toName: string | null;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  leadId: string | null;
  templateId: string | null;
  attachments: MailAttachment[];
}

/** What the files attached to one message may add up to: what common mail servers still accept once base64 adds its third (25 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The workspace files named by `fileIds`, in that order; refuses (naming fileIds) an id this workspace does not hold and a total above MAX_ATTACHMENT_BYTES. */
function attachmentsOf(fileIds: readonly string[]): MailAttachment[] {
  const attachments = fileIds.map((fileId): MailAttachment => {
    const file = findFile(tenantDb(), fileId);
    if (!file) throw badRequest('invalid_field', `no such file in this workspace: ${fileId}`, 'fileIds');
    return { fileId: file.id, name: file.name, type: file.type, size: file.size, sha256: file.sha256 };
  });
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  if (total > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'attachments_too_large', `the attached files add up to ${total} bytes; a message carries at most ${MAX_ATTACHMENT_BYTES} (20 MB)`, 'fileIds');
  return attachments;
}

/** Where replies go: the sending member's address (a key or the system has none). */
function replyAddress(runtime: Runtime): string | null {
  return findMemberRow(runtime.control, currentTenantId(), currentActorId())?.email ?? null;
}

/** The message as the contact will get it; refuses a contact without email and a lead of another contact. */
export function renderComposed(runtime: Runtime, input: MailCompose): RenderedMail {
  checkVariables(input.subject, 'subject');
  checkVariables(input.body, 'body');
  const contact = getContact(input.contactId);
  if (!contact.email) throw new AppError(409, 'no_email_address', 'the contact has no email address; add one first', 'contactId');
  const lead = input.leadId ? findLead(tenantDb(), input.leadId) : null;
  if (input.leadId && !lead) throw notFound('lead');
  if (lead && lead.contactId !== contact.id) throw badRequest('invalid_field', 'the lead is not about this contact', 'leadId');
  if (input.templateId) templateRow(input.templateId);
  const attachments = attachmentsOf(input.fileIds ?? []);
  const replyTo = replyAddress(runtime);
  const values: Record<Variable, string> = {
    'contact.name': contact.name,
    'contact.firstName': contact.name.trim().split(/\s+/)[0] ?? '',
    'contact.company': contact.company ?? '',
    'lead.title': lead?.title ?? '',
    'workspace.name': findTenant(runtime.control, currentTenantId())?.name ?? '',
    'sender.email': replyTo ?? '',
  };
  const text = fill(input.body, values);
  return {
    to: contact.email,
    toName: contact.name,
    replyTo,
    subject: oneLine(fill(input.subject, values)),
    text,
    html: textToHtml(text),
    leadId: lead?.id ?? null,
    templateId: input.templateId ?? null,
    attachments,
  };
}

/** Queues the message to the contact (the shared outbox sends it) and audits who wrote to whom. */
export function sendComposed(runtime: Runtime, input: MailCompose): MailSummary {
  const db = tenantDb();
  const mail = renderComposed(runtime, input);
  const id = db.transaction(() => {
    const queued = queueMail(runtime, {
      kind: 'message',
      to: { address: mail.to, name: mail.toName },
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      contactId: input.contactId,
      leadId: mail.leadId,
      attachments: mail.attachments,
    });
    const fileIds = mail.attachments.map((a) => a.fileId);
    recordTenantEvent('mail.composed', { type: 'mail', id: queued }, { after: { to: mail.to, subject: mail.subject, contactId: input.contactId, leadId: mail.leadId, templateId: mail.templateId, ...(fileIds.length > 0 ? { fileIds } : {}) } });
    return queued;
  });
  return getMail(id);
}
