// Estimates over HTTP. The content schema mirrors EstimateContent (totals.ts); the schema refuses
// shapes and bounds, computeEstimateTotals the rules across fields (ids, picks, discounts).
import { Type, type Static } from 'typebox';
import { Attribution, IdParam, MultiLine, Nullable, Page, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';
import { FULL_BP, MAX_LINE_ITEMS } from './totals.js';

const MAX_MINOR = Number.MAX_SAFE_INTEGER;
/** An id inside the content (an item, a group, a choice): chosen by the editor, stable across revisions. */
const ContentId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
const DateOnly = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', examples: ['2027-01-31'] });
const Bp = Type.Integer({ minimum: 0, maximum: FULL_BP, description: 'basis points: 10000 = 100 %' });
const Minor = Type.Integer({ minimum: 0, maximum: MAX_MINOR, description: 'integer minor units of the currency' });

const Discount = Type.Union([
  Type.Object({ kind: Type.Literal('percent'), bp: Bp }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fixed'), amount: Minor }, { additionalProperties: false }),
]);

export const LineItem = Type.Object(
  {
    id: ContentId,
    description: MultiLine({ maxLength: 2000 }),
    quantity: Type.String({ pattern: '^(0|[1-9]\\d{0,8})(\\.\\d{1,3})?$', description: 'decimal, up to 3 decimals', examples: ['2', '1.5'] }),
    unit: SingleLine({ maxLength: 20, examples: ['m²', 'h', 'ea'] }),
    unitPrice: Minor,
    taxRateBp: Bp,
    discount: Type.Optional(Nullable(Discount)),
    optional: Type.Optional(Type.Boolean()),
    alternative: Type.Optional(Nullable(Type.Object({ group: ContentId, choice: ContentId }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

const Section = Type.Object(
  {
    title: SingleLine({ minLength: 1, maxLength: 200 }),
    showOnlySectionTotal: Type.Boolean(),
    items: Type.Array(LineItem, { maxItems: MAX_LINE_ITEMS }),
  },
  { additionalProperties: false },
);

const AlternativeGroup = Type.Object(
  {
    id: ContentId,
    title: SingleLine({ minLength: 1, maxLength: 200 }),
    choices: Type.Array(Type.Object({ id: ContentId, title: SingleLine({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), { minItems: 2, maxItems: 5 }),
    defaultChoice: ContentId,
  },
  { additionalProperties: false },
);

const Deposit = Type.Union([
  Type.Object({ kind: Type.Literal('percent'), bp: Bp, dueDate: Nullable(DateOnly) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fixed'), amount: Minor, dueDate: Nullable(DateOnly) }, { additionalProperties: false }),
]);

const EXAMPLE_CONTENT = {
  currency: 'USD',
  sections: [
    {
      title: 'Roof',
      showOnlySectionTotal: false,
      items: [
        { id: 'tearoff', description: 'Tear off old shingles', quantity: '24', unit: 'sq', unitPrice: 9500, taxRateBp: 0 },
        { id: 'gutters', description: 'New gutters', quantity: '1', unit: 'ea', unitPrice: 120000, taxRateBp: 825, optional: true },
      ],
    },
  ],
  deposit: { kind: 'percent', bp: 2500, dueDate: null },
};

/** What a revision offers; sealed with its customer when sent. */
export const EstimateContent = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', examples: ['USD'] }),
    sections: Type.Array(Section, { minItems: 1, maxItems: 100 }),
    alternativeGroups: Type.Optional(Type.Array(AlternativeGroup, { maxItems: 20 })),
    deposit: Type.Optional(Nullable(Deposit)),
    validUntil: Type.Optional(Nullable(DateOnly)),
    terms: Type.Optional(Nullable(MultiLine({ maxLength: 20_000 }))),
    notes: Type.Optional(Nullable(MultiLine({ maxLength: 20_000 }))),
  },
  { additionalProperties: false, examples: [EXAMPLE_CONTENT] },
);

/** The customer's picks: optional item ids, and per alternative group the chosen choice. */
export const Selection = Type.Object(
  {
    optionalItems: Type.Optional(Type.Array(ContentId, { maxItems: MAX_LINE_ITEMS, uniqueItems: true })),
    alternatives: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }), ContentId)),
  },
  { additionalProperties: false },
);

export const EstimateCreate = Type.Object(
  {
    title: SingleLine({ minLength: 1, maxLength: 200, examples: ['Kitchen remodel'] }),
    leadId: Type.Optional(IdParam('lead')),
    contactId: Type.Optional(IdParam('contact')),
    content: EstimateContent,
  },
  { additionalProperties: false },
);
export type EstimateCreate = Static<typeof EstimateCreate>;

export const EstimateUpdate = Type.Object(
  {
    title: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })),
    content: Type.Optional(EstimateContent),
    /** The version the client saw; a stale one is 409 stale_version. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type EstimateUpdate = Static<typeof EstimateUpdate>;

export const REVISION_STATES = ['draft', 'sent', 'accepted', 'declined', 'expired', 'withdrawn', 'superseded'] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

const Customer = Type.Object(
  { name: Type.String(), company: Nullable(Type.String()), address: Type.Array(Type.String()), siteAddress: Type.Array(Type.String()) },
  { additionalProperties: false },
);
export type Customer = Static<typeof Customer>;

export const RevisionSummary = Type.Object(
  {
    revision: Type.Integer(),
    state: Type.Enum(REVISION_STATES),
    totalMinor: Type.Integer(),
    contentSha256: Nullable(Type.String({ description: 'SHA-256 of the sealed revision (hex); null while a draft' })),
    sentAt: Nullable(Timestamp),
    sentBy: Nullable(Type.String()),
    expiresAt: Nullable(Timestamp),
    decidedAt: Nullable(Timestamp),
  },
  { additionalProperties: false },
);
export type RevisionSummary = Static<typeof RevisionSummary>;

export const Decision = Type.Object(
  {
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
    decidedAt: Timestamp,
    contentSha256: Type.String(),
    typedName: Nullable(Type.String()),
    consentText: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    selection: Nullable(Selection),
    totalMinor: Nullable(Type.Integer()),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type Decision = Static<typeof Decision>;

export const Revision = Type.Object(
  { ...RevisionSummary.properties, customer: Customer, content: EstimateContent, decision: Nullable(Decision) },
  { additionalProperties: false },
);
export type Revision = Static<typeof Revision>;

export const Estimate = Type.Object(
  {
    id: Type.String(),
    number: Nullable(Type.String({ description: 'assigned when first sent (EST-0001), never reused' })),
    title: Type.String(),
    leadId: Nullable(Type.String()),
    contactId: Type.String(),
    contactName: Nullable(Type.String()),
    currency: Type.String(),
    state: Type.Enum(REVISION_STATES),
    currentRevision: Type.Integer(),
    totalMinor: Type.Integer({ description: 'grand total of the current revision with its default choices' }),
    acceptedTotalMinor: Nullable(Type.Integer({ description: "once accepted: the total of the options the customer picked" })),
    version: Type.Integer(),
    firstViewedAt: Nullable(Timestamp),
    lastViewedAt: Nullable(Timestamp),
    ...Attribution,
  },
  { additionalProperties: false },
);
export type Estimate = Static<typeof Estimate>;

export const EstimateDetail = Type.Object(
  { ...Estimate.properties, revision: Revision, revisions: Type.Array(RevisionSummary) },
  { additionalProperties: false },
);
export type EstimateDetail = Static<typeof EstimateDetail>;

export const EstimateList = Page(Estimate, { additionalProperties: false });
export const EstimateListQuery = Type.Object(
  {
    ...PageQuery,
    leadId: Type.Optional(IdParam('lead')),
    contactId: Type.Optional(IdParam('contact')),
  },
  { additionalProperties: false },
);
export type EstimateListQuery = Static<typeof EstimateListQuery>;

export const EstimateParams = Type.Object({ estimateId: IdParam('estimate') }, { additionalProperties: false });
/** A revision number in a path: 1, 2, 3 … */
export const RevisionParams = Type.Object({ estimateId: IdParam('estimate'), revision: Type.String({ pattern: '^[1-9][0-9]{0,4}$' }) }, { additionalProperties: false });
/** The body of an action that takes none (withdraw …): absent or {}. */
export const NoBody = Type.Object({}, { additionalProperties: false });
export const SendBody = Type.Object(
  { mail: Type.Optional(Type.Boolean({ default: true, description: "mail the link to the contact's email address (when it has one); false: only return it" })) },
  { additionalProperties: false },
);
export const PdfQuery = Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }, { additionalProperties: false });

export const SentLink = Type.Object(
  {
    estimate: EstimateDetail,
    /** The customer's link; shown once (only its hash is stored): a new one revokes the old. */
    link: Type.String(),
    expiresAt: Timestamp,
    mailId: Nullable(Type.String({ description: "the message carrying the link to the contact's email address (GET /api/v1/mail/{id}); null when none was sent" })),
  },
  { additionalProperties: false },
);

export const Verification = Type.Object(
  {
    estimateId: Type.String(),
    number: Nullable(Type.String()),
    revision: Type.Integer(),
    state: Type.Enum(REVISION_STATES),
    intact: Type.Boolean({ description: 'the stored content hashes to what was recorded when sent, and to what the decision (if any) was made on' }),
    computedSha256: Type.String(),
    storedSha256: Type.String(),
    sentEventSha256: Nullable(Type.String({ description: 'the hash in the hash-chained audit event of the send' })),
    decisionSha256: Nullable(Type.String()),
    problems: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type Verification = Static<typeof Verification>;

export const EstimateSettings = Type.Object(
  {
    numberPrefix: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,15}$', examples: ['EST-'] }),
    nextNumber: Type.Integer({ description: 'read-only: the number the next first send takes' }),
    defaultTerms: Nullable(Type.String()),
    defaultNotes: Nullable(Type.String()),
    validityDays: Type.Integer({ minimum: 1, maximum: 365 }),
    linkDays: Type.Integer({ minimum: 1, maximum: 365 }),
    decisionMovesLead: Type.Boolean({ description: "an accepted or declined estimate moves its lead to its pipeline's first won or lost stage" }),
  },
  { additionalProperties: false },
);
export type EstimateSettings = Static<typeof EstimateSettings>;
export const EstimateSettingsUpdate = Type.Object(
  {
    numberPrefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,15}$' })),
    defaultTerms: Type.Optional(Nullable(MultiLine({ maxLength: 20_000 }))),
    defaultNotes: Type.Optional(Nullable(MultiLine({ maxLength: 20_000 }))),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    linkDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    decisionMovesLead: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EstimateSettingsUpdate = Static<typeof EstimateSettingsUpdate>;

// The customer's side (credential realm): one revision, as presented, and the decision.
export const CustomerAccept = Type.Object(
  {
    typedName: SingleLine({ minLength: 2, maxLength: 200 }),
    /** The customer ticked the consent shown with the revision. */
    consent: Type.Literal(true),
    selection: Type.Optional(Selection),
  },
  { additionalProperties: false },
);
export type CustomerAccept = Static<typeof CustomerAccept>;
export const CustomerDecline = Type.Object({ reason: Type.Optional(MultiLine({ maxLength: 2000 })) }, { additionalProperties: false });
export type CustomerDecline = Static<typeof CustomerDecline>;
const Pick = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}:[A-Za-z0-9_-]{1,40}$' });
export const CustomerQuery = Type.Object(
  {
    /** Optional items picked (repeated: ?opt=a&opt=b). */
    opt: Type.Optional(Type.Union([ContentId, Type.Array(ContentId, { maxItems: 200 })], { examples: [[]] })),
    /** A choice per alternative group, as group:choice (repeated). */
    pick: Type.Optional(Type.Union([Pick, Type.Array(Pick, { maxItems: 20 })], { examples: [[]] })),
  },
  { additionalProperties: false },
);
export type CustomerQuery = Static<typeof CustomerQuery>;

export const CustomerView = Type.Object(
  {
    state: Type.Enum(REVISION_STATES),
    /** What the customer may do now: decide only while the revision is sent and not expired. */
    canDecide: Type.Boolean(),
    consentText: Type.String(),
    presentation: Type.Unknown({ description: 'the revision as shown (estimatePresentation): headings, rows, totals as text, short hash' }),
  },
  { additionalProperties: false },
);
