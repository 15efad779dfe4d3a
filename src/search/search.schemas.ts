import { Type, type Static } from 'typebox';

export const SEARCH_KINDS = ['contact', 'lead', 'estimate', 'mail', 'transcript', 'file', 'mail_in', 'event'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Text with the matched terms marked: alternate plain and matched pieces, as the reader should see them. */
const Marked = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }, { additionalProperties: false }), {
  description: 'the text in pieces; `hit` marks a matched term (render as text, never as markup)',
});

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'words (each also matches as a prefix: "roo" finds "roofing") and "quoted phrases"; every word must match' }),
    types: Type.Optional(Type.String({ pattern: `^(${SEARCH_KINDS.join('|')})(,(${SEARCH_KINDS.join('|')}))*$`, description: `a comma-separated list of ${SEARCH_KINDS.join(', ')}; all when left out` })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object(
  {
    kind: Type.Enum(SEARCH_KINDS),
    id: Type.String(),
    title: Marked,
    snippet: Marked,
    contactId: Type.Union([Type.String(), Type.Null()], { description: 'for mail: the contact it was sent to or came from; for a file: the contact it is attached to' }),
    leadId: Type.Union([Type.String(), Type.Null()], { description: 'for a file: the lead it is attached to' }),
    estimateId: Type.Union([Type.String(), Type.Null()], { description: 'for a file: the estimate it is attached to' }),
    segment: Type.Union([Type.Integer(), Type.Null()], { description: 'for a transcript: the number of the segment that matched (`id` is the transcript)' }),
  },
  { additionalProperties: false },
);
export type SearchResult = Static<typeof SearchResult>;

export const SearchResults = Type.Object({ items: Type.Array(SearchResult), nextCursor: Type.Null() }, { additionalProperties: false });
