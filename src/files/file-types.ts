// What an upload is, decided by its first bytes (file-type reads the magic numbers), never by its
// name or the type the client declared. Only what the allowlist names is kept: images, PDF, office
// documents and plain text. Executables, archives, HTML and SVG (which can carry script) are not.

/** How many bytes the decision reads (file-type's own sample size). */
export const SAMPLE_BYTES = 4100;

export const TEXT_TYPE = 'text/plain; charset=utf-8';

/** Images a browser shows inline from the sandboxed path (docs/files.md). */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  ...INLINE_IMAGE_TYPES,
  'image/heic',
  'image/heif',
  'image/avif',
  'image/tiff',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  TEXT_TYPE,
]);

/** UTF-8 text without NUL or other controls than tab, newlines and form feed. `complete`: the sample is the whole file (else a character cut at its end is fine). */
function isPlainText(sample: Buffer, complete: boolean): boolean {
  if (sample.length === 0) return true;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const body = complete ? text : text.replace(/\ufffd{1,3}$/, '');
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/.test(body);
}

/** The type the allowlist names for this content, or null when it is not allowed. */
export async function detectFileType(sample: Buffer, complete: boolean): Promise<string | null> {
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return ALLOWED_TYPES.has(detected.mime) ? detected.mime : null;
  return isPlainText(sample, complete) ? TEXT_TYPE : null;
}
