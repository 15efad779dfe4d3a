// Types and words shared by the mailbox screens.
import type { paths } from '../../api/schema.js';

export type Mailbox = paths['/api/v1/mailbox']['get']['responses'][200]['content']['application/json'];
export type ReceivedMailSummary = paths['/api/v1/received-mail']['get']['responses'][200]['content']['application/json']['items'][number];
export type ReceivedMail = paths['/api/v1/received-mail/{receivedMailId}']['get']['responses'][200]['content']['application/json'];

export const STATUS_LABELS: Record<Mailbox['status'], string> = { ok: 'Working', failing: 'Failing', pending: 'Not synced yet' };

/** "12 KB", "1.4 MB": an attachment's size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
