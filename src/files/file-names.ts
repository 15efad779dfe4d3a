// A file's name as uploaded is kept only in the database, for display and for the download's
// Content-Disposition; the bytes on disk are named by the file's random id. Cleaning makes a name
// safe to show and to send back: no path, no control or invisible characters, no text that turns
// right-to-left (an ".exe" shown as "…gpj.exe"), a bounded length.

export const MAX_NAME_LENGTH = 200;
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = 'file';

// C0 and C1 controls (NUL included), DEL, line/paragraph separators, bidirectional marks, embeddings,
// overrides and isolates, zero-width characters and the byte-order mark.
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// Lone surrogates are not text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The name to store and show: its last path segment, cleaned, at most MAX_NAME_LENGTH characters, never empty. */
export function cleanFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC').replace(LONE_SURROGATE, '').replace(UNWANTED, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  const characters = [...name];
  if (characters.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? [...name.slice(dot)] : [];
    const keep = extension.length > 1 && extension.length <= MAX_EXTENSION_LENGTH ? extension : [];
    name = `${characters.slice(0, MAX_NAME_LENGTH - keep.length).join('').trimEnd()}${keep.join('')}`;
  }
  return name === '' ? FALLBACK_NAME : name;
}

/** RFC 6266 / RFC 8187: an ASCII fallback name for old clients and the exact name as UTF-8. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
