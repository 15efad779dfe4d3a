import { Type, type Static } from 'typebox';
import { IdParam, Nullable, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';

/** At most 2 MiB of transcript text (a full day of meetings); the route's body limit follows. */
export const MAX_TRANSCRIPT_CHARS = 2 * 1024 * 1024;
const Format = Type.Union([Type.Literal('vtt'), Type.Literal('srt'), Type.Literal('text')], { description: 'WebVTT, SubRip, or plain text (one line per turn, `Name: words`, optional [hh:mm:ss])' });

export const TranscriptCreate = Type.Object(
  {
    title: SingleLine({ minLength: 1, maxLength: 200, examples: ['Site visit, barn roof'] }),
    text: Type.String({
      minLength: 1,
      maxLength: MAX_TRANSCRIPT_CHARS,
      description: "the transcript file's content or pasted text (UTF-8)",
      examples: ['WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dana Whitfield>The skylight leaks when it storms.'],
    }),
    format: Type.Optional(Format),
    contactId: Type.Optional(Nullable(IdParam('contact'))),
    leadId: Type.Optional(Nullable(IdParam('lead'))),
    eventId: Type.Optional(Nullable(IdParam('calendarEvent'), { description: 'the calendar event the meeting was (an event of this workspace)' })),
  },
  { additionalProperties: false },
);
export type TranscriptCreate = Static<typeof TranscriptCreate>;

export const TranscriptUpdate = Type.Object(
  {
    title: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })),
    eventId: Type.Optional(Nullable(IdParam('calendarEvent'), { description: 'link the transcript to this calendar event, or null to unlink it' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TranscriptUpdate = Static<typeof TranscriptUpdate>;

const summary = {
  id: Type.String(),
  title: Type.String(),
  format: Format,
  segmentCount: Type.Integer(),
  durationMs: Nullable(Type.Integer()),
  contactId: Nullable(Type.String()),
  leadId: Nullable(Type.String()),
  eventId: Nullable(Type.String({ description: 'the calendar event the meeting was' })),
  createdAt: Timestamp,
  createdBy: Type.String(),
  updatedAt: Timestamp,
};
export const TranscriptSummary = Type.Object(summary, { additionalProperties: false });
export type TranscriptSummary = Static<typeof TranscriptSummary>;

export const Segment = Type.Object(
  {
    n: Type.Integer({ description: "the segment's number; with the transcript id, its stable citation" }),
    speaker: Nullable(Type.String()),
    startMs: Nullable(Type.Integer()),
    endMs: Nullable(Type.Integer()),
    text: Type.String(),
    charStart: Type.Integer({ description: "where the segment's line starts in the transcript's text" }),
    charEnd: Type.Integer(),
  },
  { additionalProperties: false },
);

export const Transcript = Type.Object({ ...summary, text: Type.String({ description: 'the canonical text: one line per segment, `Speaker: words`' }), segments: Type.Array(Segment) }, { additionalProperties: false });
export type Transcript = Static<typeof Transcript>;

export const TranscriptListQuery = Type.Object({ ...PageQuery, contactId: Type.Optional(IdParam('contact')), leadId: Type.Optional(IdParam('lead')), eventId: Type.Optional(IdParam('calendarEvent')) }, { additionalProperties: false });
export type TranscriptListQuery = Static<typeof TranscriptListQuery>;
export const TranscriptParams = Type.Object({ transcriptId: IdParam('transcript') }, { additionalProperties: false });
