import { Type, type Static } from 'typebox';
import { Nullable, Page, PageSize, SingleLine, Timestamp } from '../http/schemas.js';

export const AuditEvent = Type.Object(
  {
    seq: Type.Integer(),
    id: Type.String(),
    at: Timestamp,
    actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()), role: Nullable(Type.String()) }, { additionalProperties: false }),
    action: Type.String(),
    target: Nullable(Type.Object({ type: Type.String(), id: Type.String() }, { additionalProperties: false })),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
    before: Type.Unknown(),
    after: Type.Unknown(),
    hash: Type.String(),
  },
  { additionalProperties: false },
);
export type AuditEvent = Static<typeof AuditEvent>;

const filters = {
  actor: Type.Optional(SingleLine({ minLength: 1, maxLength: 128 })),
  action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*\\.?$', maxLength: 100, description: 'an action or a prefix of one, e.g. "contact."' })),
  targetType: Type.Optional(Type.String({ pattern: '^[a-z_]+$', maxLength: 50 })),
  targetId: Type.Optional(SingleLine({ minLength: 1, maxLength: 128 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};

export const AuditListQuery = Type.Object(
  {
    ...filters,
    limit: PageSize,
    cursor: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9]+$' })),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

export const AuditDownloadQuery = Type.Object(
  { ...filters, format: Type.Optional(Type.Union([Type.Literal('jsonl'), Type.Literal('csv')], { default: 'jsonl' })) },
  { additionalProperties: false },
);
export type AuditDownloadQuery = Static<typeof AuditDownloadQuery>;

export const AuditList = Page(AuditEvent, { additionalProperties: false });
