import { Type, type Static } from 'typebox';
import { idPattern } from '../http/ids.js';
import { Attribution, IdParam, List, MultiLine, Nullable, Page, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';

const IdField = (kind: Parameters<typeof idPattern>[0]) => Type.String({ pattern: idPattern(kind), maxLength: 64 });
/** A calendar date, YYYY-MM-DD. */
const DateOnly = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', examples: ['2027-03-01'] });
const StageKind = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);
const StageName = SingleLine({ minLength: 1, maxLength: 100, examples: ['Site visit'] });
const PipelineName = SingleLine({ minLength: 1, maxLength: 100, examples: ['Residential'] });
/** Integer minor units (cents, yen, fils); the schema caps at 2^53-1 so every amount is exact. */
const MinorUnits = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, examples: [250000] });
/** An ISO 4217 code; whether Spinney knows it (and its digits) is checked against src/money/currencies.ts. */
const Currency = Type.String({ pattern: '^[A-Z]{3}$', examples: ['USD'] });
/** A response field that may be null, as one JSON-schema type list (serialised without trying each branch of an anyOf). */
const StringOrNull = Type.Unsafe<string | null>({ type: ['string', 'null'] });
const Tag = SingleLine({ minLength: 1, maxLength: 50, examples: ['roofing'] });

// Pipelines and stages

export const Stage = Type.Object(
  { id: Type.String(), pipelineId: Type.String(), name: Type.String(), kind: StageKind, position: Type.Integer(), ...Attribution },
  { additionalProperties: false },
);
export type Stage = Static<typeof Stage>;

export const Pipeline = Type.Object(
  { id: Type.String(), name: Type.String(), position: Type.Integer(), stages: Type.Array(Stage), ...Attribution },
  { additionalProperties: false },
);
export type Pipeline = Static<typeof Pipeline>;
export const PipelineList = List(Pipeline);

export const StageInput = Type.Object({ name: StageName, kind: StageKind }, { additionalProperties: false });

export const PipelineCreate = Type.Object(
  { name: PipelineName, stages: Type.Optional(Type.Array(StageInput, { minItems: 1, maxItems: 30 })) },
  { additionalProperties: false },
);
export type PipelineCreate = Static<typeof PipelineCreate>;

export const PipelineUpdate = Type.Object(
  { name: Type.Optional(PipelineName), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type PipelineUpdate = Static<typeof PipelineUpdate>;

export const StageCreate = Type.Object(
  { name: StageName, kind: StageKind, position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false },
);
export type StageCreate = Static<typeof StageCreate>;

export const StageUpdate = Type.Object(
  { name: Type.Optional(StageName), kind: Type.Optional(StageKind), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type StageUpdate = Static<typeof StageUpdate>;

export const PipelineParams = Type.Object({ pipelineId: IdParam('pipeline') }, { additionalProperties: false });
export const StageParams = Type.Object({ stageId: IdParam('pipelineStage') }, { additionalProperties: false });

// Leads

const NextAction = Type.Object({ text: SingleLine({ minLength: 1, maxLength: 200, examples: ['Call about the roof'] }), date: DateOnly }, { additionalProperties: false });

export const Lead = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    contactId: Type.String(),
    /** The contact's name as it is now (read with the lead, not stored on it), so a board needs no request per contact. */
    contactName: StringOrNull,
    ownerId: StringOrNull,
    valueMinor: Type.Integer(),
    currency: Type.String(),
    pipelineId: Type.String(),
    stageId: Type.String(),
    position: Type.Integer(),
    /** Goes up on every change; a move or update may send it to refuse a stale write. */
    version: Type.Integer(),
    expectedCloseDate: StringOrNull,
    nextAction: Type.Unsafe<{ text: string; date: string } | null>({ type: ['object', 'null'], properties: { text: { type: 'string' }, date: { type: 'string' } }, required: ['text', 'date'], additionalProperties: false }),
    siteAddress: StringOrNull,
    notes: StringOrNull,
    tags: Type.Array(Type.String()),
    lostReason: StringOrNull,
    ...Attribution,
  },
  { additionalProperties: false },
);
export type Lead = Static<typeof Lead>;
/** A lead as its row stores it: without the contact's name, which is read from contacts. */
export type StoredLead = Omit<Lead, 'contactName'>;

const leadFields = {
  title: SingleLine({ minLength: 1, maxLength: 200, examples: ['Roof replacement, 12 Elm St'] }),
  contactId: IdField('contact'),
  ownerId: IdField('membership'),
  valueMinor: MinorUnits,
  currency: Currency,
  expectedCloseDate: DateOnly,
  nextAction: NextAction,
  siteAddress: MultiLine({ maxLength: 500, examples: ['12 Elm St, Springfield'] }),
  notes: MultiLine({ maxLength: 10000, examples: ['Wants a quote before spring.'] }),
  tags: Type.Array(Tag, { maxItems: 20, uniqueItems: true }),
  lostReason: SingleLine({ maxLength: 500, examples: ['Went with a cheaper quote'] }),
};

export const LeadCreate = Type.Object(
  {
    title: leadFields.title,
    contactId: leadFields.contactId,
    ownerId: Type.Optional(Nullable(leadFields.ownerId)),
    valueMinor: Type.Optional(leadFields.valueMinor),
    currency: leadFields.currency,
    /** The stage to start in; the first stage of the first pipeline when left out. */
    stageId: Type.Optional(IdField('pipelineStage')),
    expectedCloseDate: Type.Optional(Nullable(leadFields.expectedCloseDate)),
    nextAction: Type.Optional(Nullable(leadFields.nextAction)),
    siteAddress: Type.Optional(Nullable(leadFields.siteAddress)),
    notes: Type.Optional(Nullable(leadFields.notes)),
    tags: Type.Optional(leadFields.tags),
  },
  { additionalProperties: false },
);
export type LeadCreate = Static<typeof LeadCreate>;

/** A partial update (the stage changes only by a move); null clears an optional field. */
export const LeadUpdate = Type.Object(
  {
    title: Type.Optional(leadFields.title),
    contactId: Type.Optional(leadFields.contactId),
    ownerId: Type.Optional(Nullable(leadFields.ownerId)),
    valueMinor: Type.Optional(leadFields.valueMinor),
    currency: Type.Optional(leadFields.currency),
    expectedCloseDate: Type.Optional(Nullable(leadFields.expectedCloseDate)),
    nextAction: Type.Optional(Nullable(leadFields.nextAction)),
    siteAddress: Type.Optional(Nullable(leadFields.siteAddress)),
    notes: Type.Optional(Nullable(leadFields.notes)),
    tags: Type.Optional(leadFields.tags),
    lostReason: Type.Optional(Nullable(leadFields.lostReason)),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type LeadUpdate = Static<typeof LeadUpdate>;

export const LeadMove = Type.Object(
  {
    stageId: IdField('pipelineStage'),
    /** 0-based place in the target stage; past the end means last. */
    position: Type.Integer({ minimum: 0, maximum: 1_000_000, examples: [0] }),
    /** The version the client saw: a move from a stale view is refused (409 stale_version). */
    version: Type.Integer({ minimum: 1, examples: [1] }),
    lostReason: Type.Optional(Nullable(leadFields.lostReason)),
  },
  { additionalProperties: false },
);
export type LeadMove = Static<typeof LeadMove>;

export const LeadParams = Type.Object({ leadId: IdParam('lead') }, { additionalProperties: false });
export const ContactTimelineParams = Type.Object({ contactId: IdParam('contact') }, { additionalProperties: false });

export const LEAD_SORTS = ['position', 'created', '-created', 'updated', '-updated', 'title', '-title', 'expectedClose', '-expectedClose', 'nextAction', '-nextAction'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const LeadListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })),
    ownerId: Type.Optional(IdField('membership')),
    /** One contact's leads (its page lists them). */
    contactId: Type.Optional(IdField('contact')),
    stageId: Type.Optional(IdField('pipelineStage')),
    pipelineId: Type.Optional(IdField('pipeline')),
    tag: Type.Optional(Tag),
    /** Leads whose next action is due on or before this date. */
    nextActionDue: Type.Optional(DateOnly),
    sort: Type.Optional(Type.Union(LEAD_SORTS.map((s) => Type.Literal(s)), { default: 'created' })),
  },
  { additionalProperties: false },
);
export type LeadListQuery = Static<typeof LeadListQuery>;
export const LeadList = Page(Lead, { additionalProperties: false });

export const NoteCreate = Type.Object({ body: MultiLine({ maxLength: 10000, examples: ['Measured the roof: 140 m2.'] }) }, { additionalProperties: false });

// Board

const CurrencyTotal = Type.Object({ currency: Type.String(), valueMinor: Type.String({ description: 'the sum in minor units, as decimal digits (exact beyond 2^53)' }) }, { additionalProperties: false });
export const BoardColumn = Type.Object(
  { stage: Stage, count: Type.Integer(), totals: Type.Array(CurrencyTotal), leads: Type.Array(Lead) },
  { additionalProperties: false },
);
export type BoardColumn = Static<typeof BoardColumn>;
export const Board = Type.Object({ pipeline: Pipeline, columns: Type.Array(BoardColumn) }, { additionalProperties: false });
export type Board = Static<typeof Board>;
export const BoardQuery = Type.Object(
  { perStage: Type.Optional(Type.Integer({ minimum: 0, maximum: 500, default: 50 })) },
  { additionalProperties: false },
);

// Timeline: one list, newest first, of entries of several kinds. A feature that adds a kind
// (estimates, mail, files) adds a source to TIMELINE_SOURCES in leads.repo.ts and a member here.

const TimelineBase = { id: Type.String(), at: Timestamp, by: Type.String(), leadId: Nullable(Type.String()) };
export const TimelineEntry = Type.Union([
  Type.Object(
    { ...TimelineBase, kind: Type.Literal('stage_change'), fromStageId: Nullable(Type.String()), fromStageName: Nullable(Type.String()), toStageId: Type.String(), toStageName: Nullable(Type.String()) },
    { additionalProperties: false },
  ),
  Type.Object({ ...TimelineBase, kind: Type.Literal('note'), body: Type.String() }, { additionalProperties: false }),
  Type.Object(
    {
      ...TimelineBase,
      kind: Type.Literal('estimate'),
      estimateId: Type.String(),
      number: Nullable(Type.String()),
      title: Type.String(),
      /** What happened: made, a revision sent, or the customer's decision on it (`by` is then `customer`). */
      event: Type.Union([Type.Literal('created'), Type.Literal('sent'), Type.Literal('accepted'), Type.Literal('declined')]),
      revision: Type.Integer(),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      ...TimelineBase,
      kind: Type.Literal('mail'),
      mailId: Type.String(),
      subject: Type.String(),
      to: Type.String(),
      /** As GET /api/v1/mail/{id} says it. */
      state: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('cancelled')]),
      estimateId: Nullable(Type.String()),
      attachments: Type.Array(Type.String(), { description: "the attached files' names, in order" }),
    },
    { additionalProperties: false },
  ),
  // Mail the customer sent, received in the workspace's mailbox (src/mailbox/); `by` is `customer`.
  Type.Object(
    { ...TimelineBase, kind: Type.Literal('mail_in'), receivedMailId: Type.String(), subject: Type.String(), from: Type.String({ description: "the sender's address" }), attachments: Type.Array(Type.String(), { description: "the names of the files kept from it" }) },
    { additionalProperties: false },
  ),
]);
export type TimelineEntry = Static<typeof TimelineEntry>;
export const Timeline = Page(TimelineEntry, { additionalProperties: false });
export const TimelineQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type TimelineQuery = Static<typeof TimelineQuery>;
