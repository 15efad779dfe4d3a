import { Type, type Static } from 'typebox';
import { idPattern } from '../http/ids.js';
import { Attribution, IdParam, Nullable, SingleLine, Timestamp } from '../http/schemas.js';

const Kind = Type.Union([Type.Literal('contacts'), Type.Literal('leads')]);
const Count = Type.Integer({ minimum: 0 });

/** The upload's query: what the rows are; `contacts` when left out. */
export const ImportUploadQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('contacts'), Type.Literal('leads')], { default: 'contacts' })),
    fileName: Type.Optional(SingleLine({ minLength: 1, maxLength: 200, examples: ['contacts.csv'] })),
  },
  { additionalProperties: false },
);
export type ImportUploadQuery = Static<typeof ImportUploadQuery>;

/** A `text/csv` body arrives here as `{ csv }` (the routes' parser decodes it); a JSON client may send the same object. */
export const ImportUpload = Type.Object(
  { csv: Type.String({ minLength: 1, examples: ['name,email\r\nDana Whitfield,dana@example.com\r\n'] }) },
  { additionalProperties: false },
);
export type ImportUpload = Static<typeof ImportUpload>;

export const ImportFieldInfo = Type.Object({ name: Type.String(), label: Type.String(), required: Type.Boolean() }, { additionalProperties: false });

export const Import = Type.Object(
  {
    id: Type.String(),
    kind: Kind,
    /** uploaded: waiting for a run; running: rows are being imported; done: every row imported or rejected. */
    status: Type.Union([Type.Literal('uploaded'), Type.Literal('running'), Type.Literal('done')]),
    fileName: Nullable(Type.String()),
    header: Type.Array(Type.String()),
    /** The first rows as uploaded (up to 5). Empty once the import has run. */
    sample: Type.Array(Type.Array(Type.String())),
    rowCount: Count,
    /** For each column, the field its header suggests (null: none). */
    suggestedMapping: Type.Array(Nullable(Type.String())),
    fields: Type.Array(ImportFieldInfo),
    processed: Count,
    imported: Count,
    failed: Count,
    skipped: Count,
    finishedAt: Nullable(Timestamp),
    ...Attribution,
  },
  { additionalProperties: false },
);
export type Import = Static<typeof Import>;

export const ImportParams = Type.Object({ importId: IdParam('import') }, { additionalProperties: false });

const Mapping = Type.Array(Nullable(Type.String({ minLength: 1, maxLength: 40 })), {
  maxItems: 500,
  description: 'one entry per column, in order: the field it fills, or null to leave the column out',
  examples: [['name', 'email']],
});
const Duplicates = Type.Union([Type.Literal('skip'), Type.Literal('create')], {
  description: 'contacts whose email is already in the workspace or earlier in the file: skip them (reported), or create them anyway',
  default: 'skip',
});
const PipelineId = Type.String({ pattern: idPattern('pipeline'), maxLength: 64, description: 'leads: the pipeline whose stages `stage` names (the first pipeline when left out)' });

export const ImportPlan = Type.Object(
  { mapping: Mapping, duplicates: Type.Optional(Duplicates), pipelineId: Type.Optional(PipelineId) },
  { additionalProperties: false },
);
export type ImportPlan = Static<typeof ImportPlan>;

export const RowProblem = Type.Object(
  {
    /** As a spreadsheet numbers it: the header is row 1. */
    row: Type.Integer(),
    field: Nullable(Type.String()),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type RowProblem = Static<typeof RowProblem>;

export const DuplicateRow = Type.Object(
  {
    row: Type.Integer(),
    email: Type.String(),
    /** Where the email already is: the workspace's contact, or an earlier row of the file. */
    existingContactId: Nullable(Type.String()),
    earlierRow: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
);
export type DuplicateRow = Static<typeof DuplicateRow>;

export const ImportPreview = Type.Object(
  {
    rowCount: Count,
    /** Rows that would be imported as they are (duplicates counted apart). */
    valid: Count,
    invalid: Count,
    duplicates: Count,
    /** The first problems and duplicates (up to 1,000 each); the counts above are complete. */
    errors: Type.Array(RowProblem),
    duplicateRows: Type.Array(DuplicateRow),
  },
  { additionalProperties: false },
);
export type ImportPreview = Static<typeof ImportPreview>;
