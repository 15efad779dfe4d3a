import type { JSX } from 'preact';
import { formatDateTime } from '../time.js';

/** A moment in the person's time zone; the exact UTC time is in the machine-readable attribute. */
export function DateTime({ iso }: { iso: string }): JSX.Element {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
