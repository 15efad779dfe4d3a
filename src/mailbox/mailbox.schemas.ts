import { Type, type Static } from 'typebox';
import { IdParam, Nullable, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';

const Security = Type.Union([Type.Literal('tls'), Type.Literal('starttls')], { description: '`tls`: TLS from the first byte (usually port 993); `starttls`: the upgrade is required (usually 143). Never plain text.' });

export const MailboxInput = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\\[?[0-9A-Fa-f:.]+\\]?$', description: 'the IMAP server (a host name or an IP address)' }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    security: Security,
    username: SingleLine({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'stored in the vault; never returned' }),
    caCertificate: Type.Optional(Nullable(Type.String({ maxLength: 20_000, description: "a CA certificate (PEM) trusted for this server besides the system's: a server with a private certificate" }))),
  },
  { additionalProperties: false },
);
export type MailboxInput = Static<typeof MailboxInput>;

export const Mailbox = Type.Object(
  {
    id: Type.String(),
    host: Type.String(),
    port: Type.Integer(),
    security: Security,
    username: Type.String(),
    hasCaCertificate: Type.Boolean(),
    status: Type.Union([Type.Literal('ok'), Type.Literal('failing'), Type.Literal('pending')], { description: 'ok: the last sync worked; failing: the last attempt failed (lastError); pending: not synced yet' }),
    lastSuccessAt: Nullable(Timestamp),
    lastError: Nullable(Type.String({ description: 'why the last failed attempt failed (kept after a later success, with lastErrorAt)' })),
    lastErrorAt: Nullable(Timestamp),
    importedCount: Type.Integer(),
    connectedBy: Type.String(),
    connectedAt: Timestamp,
  },
  { additionalProperties: false },
);

export const SyncResult = Type.Object(
  {
    imported: Type.Integer({ description: 'messages imported by this sync' }),
    skipped: Type.Integer({ description: 'messages already imported under another UID (the same Message-ID)' }),
    more: Type.Boolean({ description: 'more messages wait for the next sync' }),
    mailbox: Mailbox,
  },
  { additionalProperties: false },
);

const Attachment = Type.Object(
  {
    name: Nullable(Type.String({ description: 'the name the sender gave, cleaned as for uploads (no path, controls or direction overrides)' })),
    type: Type.String({ description: 'the type decided from the content when kept; else the type the sender declared' }),
    size: Type.Integer(),
    fileId: Nullable(Type.String({ description: 'the file it was kept as (GET /api/v1/files/{fileId}/content); null when not kept' })),
    refused: Nullable(Type.String({ description: 'why it was not kept (a type not allowed, too large, the quota full, unfiled mail); null when kept' })),
  },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.String(),
  from: Type.String(),
  fromName: Nullable(Type.String()),
  to: Type.Array(Type.String()),
  subject: Type.String(),
  sentAt: Nullable(Timestamp, { description: "the message's Date header" }),
  receivedAt: Timestamp,
  contactId: Nullable(Type.String({ description: 'the contact whose thread it is in; null: unfiled (an unknown sender)' })),
  leadId: Nullable(Type.String()),
  inReplyToMailId: Nullable(Type.String({ description: 'the message Spinney sent that it answers' })),
  messageId: Nullable(Type.String()),
  attachments: Type.Array(Attachment, { description: 'each attachment: kept as a file of the contact and lead (fileId), or why not (refused)' }),
  size: Type.Integer(),
  hasHtml: Type.Boolean(),
  createdAt: Timestamp,
};

export const ReceivedMailSummary = Type.Object(summaryFields, { additionalProperties: false });
export const ReceivedMail = Type.Object(
  {
    ...summaryFields,
    text: Type.String(),
    html: Nullable(Type.String({ description: 'sanitised when received: no scripts, styles, forms, frames, images or remote content; links open without referrer' })),
  },
  { additionalProperties: false },
);

export const ReceivedMailQuery = Type.Object(
  { ...PageQuery, contactId: Type.Optional(IdParam('contact')), leadId: Type.Optional(IdParam('lead')) },
  { additionalProperties: false },
);
export type ReceivedMailQuery = Static<typeof ReceivedMailQuery>;
export const UnfiledQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type UnfiledQuery = Static<typeof UnfiledQuery>;
export const ReceivedMailParams = Type.Object({ receivedMailId: IdParam('inboundMessage') }, { additionalProperties: false });
