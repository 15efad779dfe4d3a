// Reading a meeting transcript (WebVTT, SRT or plain text) into speaker segments. The segments are
// the evidence later features cite, so each has a stable number, its speaker, its times (null in
// plain text without times) and its character range in the transcript's canonical text: one line
// per segment, `Speaker: text` (or just the text). A file that cannot be read is refused naming the
// line; nothing in it is ever treated as an instruction, markup or a link: it is text.
export type TranscriptFormat = 'vtt' | 'srt' | 'text';

export interface ParsedSegment {
  /** 1, 2, 3 … in order: with the transcript's id, the segment's stable id. */
  n: number;
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
  /** [charStart, charEnd) of the segment's line in `ParsedTranscript.text`. */
  charStart: number;
  charEnd: number;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  text: string;
  segments: ParsedSegment[];
  durationMs: number | null;
}

export const MAX_SEGMENTS = 20_000;
const MAX_SPEAKER = 60;

/** A line the reader could not take, with its 1-based number. */
export class TranscriptError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/** The format by content: a WEBVTT header, an SRT cue (number, then a timing line), else text. */
export function detectFormat(source: string): TranscriptFormat {
  const start = source.replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(start)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(start)) return 'srt';
  return 'text';
}

// hh:mm:ss.mmm or mm:ss.mmm (WebVTT), hh:mm:ss,mmm (SRT).
const TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;

function toMs(stamp: string, line: number): number {
  const m = TIME.exec(stamp.trim());
  if (!m) throw new TranscriptError(line, `"${stamp.trim().slice(0, 20)}" is not a time (hh:mm:ss.mmm)`);
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

function timing(lineText: string, line: number): { startMs: number; endMs: number } {
  const [from, rest] = lineText.split('-->');
  if (from === undefined || rest === undefined) throw new TranscriptError(line, 'expected a timing line (start --> end)');
  const startMs = toMs(from, line);
  const endMs = toMs(rest.trim().split(/\s+/)[0] ?? '', line);
  if (endMs < startMs) throw new TranscriptError(line, 'the cue ends before it starts');
  return { startMs, endMs };
}

/** "Name: words" → the speaker and the words, for a short name that is not a time or a URL. */
function speakerPrefix(text: string): { speaker: string | null; text: string } {
  const m = /^\s*(?:-\s*)?\[?([^\s:[\]][^:[\]]{0,59}?)\]?\s*:\s+(.*)$/s.exec(text);
  if (!m || /^\d+$/.test(m[1]!) || /^(https?|mailto)$/i.test(m[1]!)) return { speaker: null, text: text.trim() };
  return { speaker: m[1]!.trim(), text: m[2]!.trim() };
}

/** WebVTT cue text: the <v Name> voice is the speaker; other tags and timestamps are dropped; entities read. */
function vttCueText(payload: string): { speaker: string | null; text: string } {
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(payload);
  const plain = payload
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (voice) return { speaker: voice[1]!.trim().slice(0, MAX_SPEAKER), text: plain };
  return speakerPrefix(plain);
}

interface RawSegment {
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

function parseVtt(lines: string[]): RawSegment[] {
  const out: RawSegment[] = [];
  let i = 1; // line 0 is the WEBVTT header
  while (i < lines.length && lines[i]!.trim() !== '') i += 1; // header settings
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i += 1;
    if (i >= lines.length) break;
    const block: number[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(i++);
    const first = lines[block[0]!]!;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    const timingAt = block.findIndex((n) => lines[n]!.includes('-->'));
    if (timingAt < 0 || timingAt > 1) throw new TranscriptError(block[0]! + 1, 'expected a cue: an optional identifier, then a timing line (00:00:01.000 --> 00:00:04.000)');
    const { startMs, endMs } = timing(lines[block[timingAt]!]!, block[timingAt]! + 1);
    const payload = block.slice(timingAt + 1).map((n) => lines[n]!).join('\n');
    const cue = vttCueText(payload);
    if (cue.text) out.push({ ...cue, startMs, endMs });
  }
  return out;
}

function parseSrt(lines: string[]): RawSegment[] {
  const out: RawSegment[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i += 1;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    if (!/^\d+$/.test(block[0]!.trim())) throw new TranscriptError(start + 1, 'expected the cue number');
    if (block.length < 2) throw new TranscriptError(start + 2, 'expected a timing line (00:00:01,000 --> 00:00:04,000)');
    const { startMs, endMs } = timing(block[1]!, start + 2);
    const cue = speakerPrefix(block.slice(2).join(' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' '));
    if (cue.text) out.push({ ...cue, startMs, endMs });
  }
  return out;
}

// Plain text: one segment per non-empty line; a leading [hh:mm:ss] or (hh:mm:ss) is its start.
function parseText(lines: string[]): RawSegment[] {
  const out: RawSegment[] = [];
  lines.forEach((raw, index) => {
    let line = raw.trim();
    if (!line) return;
    let startMs: number | null = null;
    const stamp = /^[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2})[\])]?\s+(.*)$/.exec(line);
    if (stamp) {
      const parts = stamp[1]!.split(':').map(Number);
      startMs = parts.reduce((total, part) => total * 60 + part, 0) * 1000;
      line = stamp[2]!;
      if (!line.trim()) throw new TranscriptError(index + 1, 'a time with nothing said after it');
    }
    const cue = speakerPrefix(line);
    out.push({ ...cue, startMs, endMs: null });
  });
  // In plain text a segment ends where the next one starts.
  for (let n = 0; n + 1 < out.length; n += 1) if (out[n]!.startMs !== null && out[n + 1]!.startMs !== null) out[n]!.endMs = out[n + 1]!.startMs;
  return out;
}

/** Reads a transcript; throws TranscriptError naming the line when it cannot. */
export function parseTranscript(source: string, format: TranscriptFormat = detectFormat(source)): ParsedTranscript {
  // Control characters other than tab and line breaks are not speech; refuse them where they are.
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, n) => {
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(line)) throw new TranscriptError(n + 1, 'holds a control or direction-override character');
  });
  if (format === 'vtt' && !/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) throw new TranscriptError(1, 'a WebVTT file starts with WEBVTT');
  const raw = format === 'vtt' ? parseVtt(lines) : format === 'srt' ? parseSrt(lines) : parseText(lines);
  if (raw.length === 0) throw new TranscriptError(1, 'nothing is said in it');
  if (raw.length > MAX_SEGMENTS) throw new TranscriptError(lines.length, `more than ${MAX_SEGMENTS} segments; split it`);
  let text = '';
  const segments = raw.map((segment, index): ParsedSegment => {
    const speaker = segment.speaker ? segment.speaker.slice(0, MAX_SPEAKER) : null;
    const line = speaker ? `${speaker}: ${segment.text}` : segment.text;
    const charStart = text.length;
    text += `${line}\n`;
    return { n: index + 1, speaker, startMs: segment.startMs, endMs: segment.endMs, text: segment.text, charStart, charEnd: charStart + line.length };
  });
  const ends = segments.map((s) => s.endMs ?? s.startMs).filter((v): v is number => v !== null);
  return { format, text, segments, durationMs: ends.length > 0 ? Math.max(...ends) : null };
}
