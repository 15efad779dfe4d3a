// What the transcript screens share: the API's types and how a time reads (m:ss or h:mm:ss).
import type { paths } from '../../api/schema.js';

export type TranscriptSummary = paths['/api/v1/transcripts']['get']['responses'][200]['content']['application/json']['items'][number];
export type Transcript = paths['/api/v1/transcripts/{transcriptId}']['get']['responses'][200]['content']['application/json'];

export function clock(ms: number | null): string {
  if (ms === null) return '';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
