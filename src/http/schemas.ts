// Shapes shared by every resource.
import { Type, type TObjectOptions, type TSchema, type TSchemaOptions } from 'typebox';
import { idPattern, type IdKind } from './ids.js';

/** An id path parameter; a value that does not match is answered 404 (see errors.ts). */
export const IdParam = (kind: IdKind) => Type.String({ pattern: idPattern(kind), maxLength: 64 });

// Characters no stored text needs and attackers like: C0/C1 controls (NUL, escapes), line and
// paragraph separators, bidirectional overrides and isolates (text that displays reversed), and
// lone surrogates (not text at all). Zero-width joiners and direction marks stay allowed: emoji
// sequences and right-to-left scripts need them.
const REFUSED = '\\u007f-\\u009f\\u2028-\\u202e\\u2066-\\u2069\\ud800-\\udfff';

/** One line of text: none of the refused characters, no newline or tab. */
export const SingleLine = (options: { minLength?: number; maxLength: number; examples?: string[] }) =>
  Type.String({ pattern: `^[^\\u0000-\\u001f${REFUSED}]*$`, ...options });

/** Free text: newlines and tabs allowed, the refused characters not. */
export const MultiLine = (options: { maxLength: number; examples?: string[] }) =>
  Type.String({ pattern: `^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${REFUSED}]*$`, ...options });

export const Timestamp = Type.String({ format: 'date-time' });

/** A value or null (an optional field that is present and empty, or cleared by a PATCH); options describe the whole. */
export const Nullable = <T extends TSchema>(schema: T, options?: TSchemaOptions) => Type.Union([schema, Type.Null()], options);

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

/** `limit`: how many items a page of a list holds. */
export const PageSize = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }));

/** The query of a paginated list: its page size and the opaque cursor a previous page returned (src/http/pagination.ts). */
export const PageQuery = {
  limit: PageSize,
  cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
};

/** A paginated list: one page of items and the cursor of the next page, null on the last. */
export const Page = <T extends TSchema>(item: T, options?: TObjectOptions) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) }, options);

/** A list answered whole, in the same envelope as a paginated one: nextCursor is always null. */
export const List = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Null() });

/** createdAt/By and updatedAt/By, on every business record. */
export const Attribution = {
  createdAt: Timestamp,
  createdBy: Type.String(),
  updatedAt: Timestamp,
  updatedBy: Type.String(),
};

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
      /** With `workspace_choice_required`: the workspaces this account may sign in to. */
      workspaces: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String() }))),
      /** With `invitation_pending`: what to show, and the token to accept or decline with (src/signin/invitation-acceptance.ts). */
      invitation: Type.Optional(Type.Object({ id: Type.String(), workspace: Type.Object({ name: Type.String(), slug: Type.String() }), invitedBy: Type.Object({ email: Nullable(Type.String()), description: Type.String() }), role: Type.String(), expiresAt: Type.String() })),
      acceptanceToken: Type.Optional(Type.String()),
    }),
  },
  { $id: 'Error' },
);

/** Every route's error answers, documented once in OpenAPI and serialised by the same shape. */
export const errorResponses = {
  '4xx': Type.Unsafe<{ error: { code: string; message: string; field?: string } }>({ $ref: 'Error#' }),
  '5xx': Type.Unsafe<{ error: { code: string; message: string } }>({ $ref: 'Error#' }),
};
