import { Type, type Static } from 'typebox';
import { Nullable, Attribution, IdParam, MultiLine, Page, PageQuery, SingleLine } from '../http/schemas.js';

const Email = Type.String({ format: 'email', maxLength: 254, examples: ['dana@example.com'] });

const fields = {
  name: SingleLine({ minLength: 1, maxLength: 200, examples: ['Dana Whitfield'] }),
  email: Email,
  phone: SingleLine({ maxLength: 50, examples: ['+1 555 0100'] }),
  company: SingleLine({ maxLength: 200, examples: ['Whitfield Roofing'] }),
  notes: MultiLine({ maxLength: 5000, examples: ['Prefers calls after 4pm.'] }),
};

export const Contact = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    company: Nullable(Type.String()),
    notes: Nullable(Type.String()),
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
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ContactUpdate = Static<typeof ContactUpdate>;

export const ContactParams = Type.Object({ contactId: IdParam('contact') }, { additionalProperties: false });

export const ContactListQuery = Type.Object(
  { ...PageQuery, q: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type ContactListQuery = Static<typeof ContactListQuery>;

export const ContactList = Page(Contact, { additionalProperties: false });
