import { Type, type Static } from 'typebox';
import { IdParam, MultiLine, Nullable, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';

export const MailSummary = Type.Object(
  {
    id: Type.String(),
    messageId: Type.String({ description: 'the Message-ID header, the same on every attempt' }),
    kind: Type.Union([Type.Literal('invitation'), Type.Literal('estimate'), Type.Literal('message'), Type.Literal('calendar'), Type.Literal('notice')]),
    to: Type.String(),
    toName: Nullable(Type.String()),
    subject: Type.String(),
    contactId: Nullable(Type.String()),
    leadId: Nullable(Type.String()),
    estimateId: Nullable(Type.String()),
    eventId: Nullable(Type.String()),
    attachments: Type.Array(
      Type.Object({ fileId: Type.String(), name: Type.String({ description: 'the file name as sent (cleaned at upload)' }), type: Type.String({ description: 'the media type checked at upload' }), size: Type.Integer() }, { additionalProperties: false }),
      { description: 'the workspace files sent with it, as they were when it was queued' },
    ),
    state: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('cancelled')]),
    attempts: Type.Integer(),
    error: Nullable(Type.String({ description: "the last attempt's failure (the SMTP server's answer), while queued or once failed" })),
    sentAt: Nullable(Timestamp),
    createdAt: Timestamp,
    createdBy: Type.String(),
  },
  { additionalProperties: false },
);

export const MailListQuery = Type.Object(
  {
    ...PageQuery,
    contactId: Type.Optional(IdParam('contact')),
    estimateId: Type.Optional(IdParam('estimate')),
    eventId: Type.Optional(IdParam('calendarEvent')),
    state: Type.Optional(Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('cancelled')], { description: 'only messages in this state' })),
  },
  { additionalProperties: false },
);
export type MailListQuery = Static<typeof MailListQuery>;
export const MailParams = Type.Object({ mailId: IdParam('mailMessage') }, { additionalProperties: false });

const TemplateText = {
  subject: SingleLine({ minLength: 1, maxLength: 200, examples: ['Your estimate from {{workspace.name}}'] }),
  body: MultiLine({ maxLength: 20_000, examples: ['Hello {{contact.firstName}},\n\nThanks for your call today.'] }),
};

export const MailTemplate = Type.Object(
  { id: Type.String(), name: Type.String(), ...TemplateText, createdAt: Timestamp, createdBy: Type.String(), updatedAt: Timestamp },
  { additionalProperties: false },
);
export type MailTemplate = Static<typeof MailTemplate>;
export const MailTemplateInput = Type.Object({ name: SingleLine({ minLength: 1, maxLength: 100, examples: ['Follow-up after a visit'] }), ...TemplateText }, { additionalProperties: false });
export type MailTemplateInput = Static<typeof MailTemplateInput>;
// Its own example name, so a sample rename never takes the name of the sample new template.
export const MailTemplatePatch = Type.Partial(
  Type.Object({ name: SingleLine({ minLength: 1, maxLength: 100, examples: ['After the site visit'] }), ...TemplateText }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type MailTemplatePatch = Static<typeof MailTemplatePatch>;
export const MailTemplateParams = Type.Object({ templateId: IdParam('mailTemplate') }, { additionalProperties: false });

/** A message a member writes to a contact; `{{variables}}` in subject and body are filled in as text. */
export const MailCompose = Type.Object(
  {
    contactId: IdParam('contact'),
    leadId: Type.Optional(Nullable(IdParam('lead'))),
    templateId: Type.Optional(Nullable(IdParam('mailTemplate'))),
    ...TemplateText,
    fileIds: Type.Optional(
      Type.Array(IdParam('file'), {
        maxItems: 10,
        uniqueItems: true,
        description: "workspace files to attach (uploaded before, e.g. to the contact or lead): at most 10, together at most 20 MB; each goes out with its checked type and cleaned name",
      }),
    ),
  },
  { additionalProperties: false },
);
export type MailCompose = Static<typeof MailCompose>;

export const MailPreview = Type.Object(
  {
    to: Type.String(),
    toName: Nullable(Type.String()),
    replyTo: Nullable(Type.String({ description: 'where replies go: the connected mailbox, or the sending member' })),
    subject: Type.String(),
    text: Type.String(),
    html: Type.String(),
    attachments: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), type: Type.String(), size: Type.Integer() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const SmtpSecurity = Type.Union([Type.Literal('tls'), Type.Literal('starttls')], { description: 'tls: TLS from the first byte (port 465); starttls: STARTTLS required (port 587)' });
export const WorkspaceSmtpInput = Type.Object(
  {
    host: SingleLine({ minLength: 1, maxLength: 253, examples: ['smtp.example.com'] }),
    port: Type.Integer({ minimum: 1, maximum: 65535, examples: [587] }),
    secure: SmtpSecurity,
    user: SingleLine({ minLength: 1, maxLength: 254, examples: ['office@example.com'] }),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'omit to keep the stored one (same host and user only)' })),
    from: SingleLine({ minLength: 3, maxLength: 254, examples: ['Whitfield Roofing <office@example.com>'] }),
  },
  { additionalProperties: false },
);
export type WorkspaceSmtpInput = Static<typeof WorkspaceSmtpInput>;
export const MailSettings = Type.Object(
  {
    smtp: Nullable(
      Type.Object({ host: Type.String(), port: Type.Integer(), secure: SmtpSecurity, user: Type.String(), from: Type.String(), passwordSet: Type.Literal(true) }, { additionalProperties: false }),
      { description: "the workspace's own SMTP account, or null to send through the server's" },
    ),
    sendsThrough: Type.Union([Type.Literal('workspace'), Type.Literal('server'), Type.Literal('files')], { description: "workspace: its own account; server: the server's SMTP; files: no SMTP (development), written as .eml files" }),
  },
  { additionalProperties: false },
);
export const MailSettingsInput = Type.Object({ smtp: Nullable(WorkspaceSmtpInput) }, { additionalProperties: false });
export type MailSettingsInput = Static<typeof MailSettingsInput>;
