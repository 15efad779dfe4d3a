import type { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { IdParam, Nullable, Page, PageQuery, Timestamp } from '../http/schemas.js';

/**
 * The records a file is attached to, by id (query of the upload; of the list, files attached to all
 * of them).
 */
const LinkQuery = {
  contactId: Type.Optional(IdParam('contact')),
  leadId: Type.Optional(IdParam('lead')),
  estimateId: Type.Optional(IdParam('estimate')),
  mailId: Type.Optional(IdParam('mailMessage')),
  eventId: Type.Optional(IdParam('calendarEvent')),
};

export const FileUploadQuery = Type.Object(LinkQuery, { additionalProperties: false });
export type FileUploadQuery = Static<typeof FileUploadQuery>;

export const FileListQuery = Type.Object({ ...PageQuery, ...LinkQuery }, { additionalProperties: false });
export type FileListQuery = Static<typeof FileListQuery>;

/** The upload's body is multipart/form-data with one part named `file`; nothing of it is JSON. */
export const FileUploadBody = Type.Object({}, { additionalProperties: false, description: 'multipart/form-data: one part named `file`' });

export const FileParams = Type.Object({ fileId: IdParam('file') }, { additionalProperties: false });

export const FileRecord = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'the name as uploaded, cleaned for display (no path, controls or direction overrides; at most 200 characters)' }),
    type: Type.String({ description: 'the media type decided from the content' }),
    size: Type.Integer({ description: 'bytes' }),
    sha256: Type.String({ description: 'SHA-256 of the content, hex' }),
    contactId: Nullable(Type.String()),
    leadId: Nullable(Type.String()),
    estimateId: Nullable(Type.String()),
    eventId: Nullable(Type.String()),
    mailId: Nullable(Type.String()),
    receivedMailId: Nullable(Type.String({ description: 'the received message it was kept from (an attachment of inbound mail)' })),
    /** Files do not change once uploaded: updatedAt/By are the upload's. */
    createdAt: Timestamp,
    createdBy: Type.String(),
    updatedAt: Timestamp,
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);
export type FileRecord = Static<typeof FileRecord>;

export const FileList = Page(FileRecord, { additionalProperties: false });

export const FileContent = Type.Unsafe<Buffer | Readable>({ type: 'string', format: 'binary', description: 'the file, with its checked type' });
