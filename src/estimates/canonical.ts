// The canonical form of a revision's content and its SHA-256: the tamper-evident revision hash.
// Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, undefined members left out,
// numbers only as safe integers (money is minor units, quantities are strings), so the same content
// always gives the same bytes in Node and in the browser (Web Crypto, no Node APIs).
import { EstimateContentError, type EstimateContent } from './totals.js';

export function canonicalJson(value: unknown, path = ''): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new EstimateContentError(path, 'must be a whole number (no fractions in content)');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member, path === '' ? key : `${path}.${key}`)}`);
    return `{${members.join(',')}}`;
  }
  throw new EstimateContentError(path, `a ${typeof value} cannot be part of estimate content`);
}

/** The content as canonical JSON and the SHA-256 of its UTF-8 bytes (lowercase hex). */
export async function canonicalEstimateContent(content: EstimateContent): Promise<{ json: string; sha256: string }> {
  return canonicalSha256(content);
}

/** Any plain JSON value (a sealed revision: content with its number and customer) the same way. */
export async function canonicalSha256(value: unknown): Promise<{ json: string; sha256: string }> {
  const json = canonicalJson(value, '');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(json));
  const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { json, sha256 };
}
