import { Type, type Static } from 'typebox';
import { Nullable, Attribution, IdParam, MultiLine, Page, PageQuery, SingleLine } from '../http/schemas.js';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
/** How a contact reached the business (a web form, a call, a neighbour's word…); `import` is set by imports. */
export const CONTACT_SOURCES = ['referral', 'website', 'phone', 'email', 'walk_in', 'repeat', 'import', 'other'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** What makes two tags the same: case (in any script) and Unicode normalisation do not count. */
export const tagKey = (tag: string): string => tag.normalize('NFC').toLowerCase();

const Email = Type.String({ format: 'email', maxLength: 254, examples: ['dana@example.com'] });

const fields = {
  name: SingleLine({ minLength: 1, maxLength: 200, examples: ['Dana Whitfield'] }),
  email: Email,
  phone: SingleLine({ maxLength: 50, examples: ['+1 555 0100'] }),
  company: SingleLine({ maxLength: 200, examples: ['Whitfield Roofing'] }),
  notes: MultiLine({ maxLength: 5000, examples: ['Prefers calls after 4pm.'] }),
  tags: Type.Array(SingleLine({ minLength: 1, maxLength: MAX_TAG_LENGTH, examples: ['roofing'] }), {
    maxItems: MAX_TAGS,
    description: `Up to ${MAX_TAGS} one-line labels, unique regardless of case; the order is kept.`,
    examples: [['roofing', 'repeat customer']],
  }),
  source: Type.Enum(CONTACT_SOURCES, { description: 'Where the contact came from.', examples: ['referral'] }),
};

/** A postal or site address. Every part is optional but the address is one value: a PATCH replaces it whole. */
export const Address = Type.Object(
  {
    street: Type.Optional(Nullable(MultiLine({ maxLength: 300, examples: ['12 Mill Lane'] }))),
    city: Type.Optional(Nullable(SingleLine({ maxLength: 100, examples: ['Springfield'] }))),
    region: Type.Optional(Nullable(SingleLine({ maxLength: 100, examples: ['IL'] }))),
    postcode: Type.Optional(Nullable(SingleLine({ maxLength: 20, examples: ['62704'] }))),
    country: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case', examples: ['US'] }))),
  },
  { additionalProperties: false },
);
export type Address = Static<typeof Address>;

/** An address as answered: every part present, null when empty. */
export const AddressOut = Type.Object(
  { street: Nullable(Type.String()), city: Nullable(Type.String()), region: Nullable(Type.String()), postcode: Nullable(Type.String()), country: Nullable(Type.String()) },
  { additionalProperties: false },
);
export type AddressOut = Static<typeof AddressOut>;

export const Contact = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    company: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    postalAddress: Nullable(AddressOut),
    siteAddress: Nullable(AddressOut, { description: 'Where the work is, when not at the postal address.' }),
    tags: Type.Array(Type.String()),
    source: Nullable(fields.source),
    ...Attribution,
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

export const ContactCreate = Type.Object(
  {
    name: fields.name,
    email: Type.Optional(fields.email),
    phone: Type.Optional(fields.phone),
    company: Type.Optional(fields.company),
    notes: Type.Optional(fields.notes),
    postalAddress: Type.Optional(Nullable(Address)),
    siteAddress: Type.Optional(Nullable(Address)),
    tags: Type.Optional(fields.tags),
    source: Type.Optional(Nullable(fields.source)),
  },
  { additionalProperties: false },
);
export type ContactCreate = Static<typeof ContactCreate>;

/** A partial update; null clears an optional field. */
export const ContactUpdate = Type.Object(
  {
    name: Type.Optional(fields.name),
    email: Type.Optional(Nullable(fields.email)),
    phone: Type.Optional(Nullable(fields.phone)),
    company: Type.Optional(Nullable(fields.company)),
    notes: Type.Optional(Nullable(fields.notes)),
    postalAddress: Type.Optional(Nullable(Address)),
    siteAddress: Type.Optional(Nullable(Address)),
    tags: Type.Optional(fields.tags),
    source: Type.Optional(Nullable(fields.source)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ContactUpdate = Static<typeof ContactUpdate>;

export const ContactParams = Type.Object({ contactId: IdParam('contact') }, { additionalProperties: false });

export const ContactListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })),
    tag: Type.Optional(SingleLine({ minLength: 1, maxLength: MAX_TAG_LENGTH })),
  },
  { additionalProperties: false },
);
export type ContactListQuery = Static<typeof ContactListQuery>;

export const ContactList = Page(Contact, { additionalProperties: false });
